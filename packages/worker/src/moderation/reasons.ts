/**
 * How a moderation hold's reason is stored and read back. The pipeline's reasons are registry
 * reasons with params (`held.links` `{ count: 4, max: 3 }`), stored as JSON in the item's reason
 * column so that every reader can show them in its own language; a moderator's reason for a
 * rejection, and reasons stored before there were reason codes, are free text and stay as
 * written.
 */
import type { Reason, ReasonParams } from '@bridgekit/sdk';
import { formatReason, REASONS } from '@bridgekit/sdk/reasons';
import { namesSuspectWord } from './phases/suspect-words.ts';
import type { Verdict } from './types.ts';

/** A stored reason, read: the English text, and the reason code and params when it has them. */
export interface ReadReason {
  text: string;
  code: Reason | null;
  params: ReasonParams;
}

/** What the reason column keeps for a verdict. */
export const storedReason = (verdict: Pick<Verdict, 'reason' | 'params'>): string =>
  JSON.stringify({ reason: verdict.reason, params: verdict.params });

/**
 * A stored reason, read back: a reason code's English text, or free text as written.
 *
 * @example
 * readReason('{"reason":"held.links","params":{"count":4,"max":3}}'); // { text: '4 links (the limit is 3)', code: 'held.links', … }
 * readReason('Off topic for this board'); // { text: 'Off topic for this board', code: null, params: {} }
 */
export function readReason(stored: string): ReadReason {
  if (stored.startsWith('{"reason":')) {
    try {
      const { reason, params } = JSON.parse(stored) as { reason: unknown; params: unknown };
      if (typeof reason === 'string' && Object.hasOwn(REASONS, reason) && typeof params === 'object' && params !== null) {
        return { text: formatReason(reason as Reason, params as ReasonParams), code: reason as Reason, params: params as ReasonParams };
      }
    } catch {
      // Not ours after all: free text that happens to start like JSON.
    }
  }
  return { text: stored, code: null, params: {} };
}

/**
 * A stored hold reason as the caller may read it (null stays null): its author learns that a
 * suspect word holds it, not which — the list stays with moderators, so nobody can probe it.
 */
export function shownReason(stored: string | null, asModerator: boolean): ReadReason | null {
  if (stored === null) return null;
  const read = readReason(stored);
  if (asModerator || !namesSuspectWord(read.code, read.text)) return read;
  return { text: formatReason('held.suspect_word_hidden'), code: 'held.suspect_word_hidden', params: {} };
}
