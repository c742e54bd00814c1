/**
 * Runs the moderation phases over a new or edited comment, idea or card and settles on one
 * verdict: the first `reject`, else the first `hold`, else none (the item is published).
 */
import type { ModerationSettings } from '@bridgekit/sdk';
import { bannedWords } from './phases/banned-words.ts';
import { linkLimit } from './phases/link-limit.ts';
import { preModeration } from './phases/pre-moderation.ts';
import { repeatPost } from './phases/repeat-post.ts';
import { suspectWords } from './phases/suspect-words.ts';
import type { ModerationInput, Phase, Verdict } from './types.ts';

/** The phases in the order they run (and in which holds are reported). */
export const PHASES: readonly Phase[] = [bannedWords, repeatPost, linkLimit, suspectWords, preModeration];

/** A community's moderation settings before anyone changes them. */
export const DEFAULT_MODERATION_SETTINGS: Readonly<ModerationSettings> = Object.freeze({
  preModeration: 'off',
  newUserComments: 2,
  bannedWords: [],
  suspectWords: [],
  maxLinks: 3,
  repeatWindowMinutes: 10,
  flagThreshold: 3,
  maxDepth: 4,
});

/**
 * Complete settings from stored ones, which may be missing or lack newer fields (`null` and
 * `undefined` count as missing; unknown fields are dropped). The word lists are never shared
 * with the defaults.
 *
 * @example
 * withDefaults({ maxLinks: 0 }).repeatWindowMinutes; // 10
 */
export function withDefaults(partial: Partial<ModerationSettings> | null | undefined): ModerationSettings {
  const given: Partial<ModerationSettings> = partial ?? {};
  const base = DEFAULT_MODERATION_SETTINGS;
  return {
    preModeration: given.preModeration ?? base.preModeration,
    newUserComments: given.newUserComments ?? base.newUserComments,
    bannedWords: given.bannedWords ?? [],
    suspectWords: given.suspectWords ?? [],
    maxLinks: given.maxLinks ?? base.maxLinks,
    repeatWindowMinutes: given.repeatWindowMinutes ?? base.repeatWindowMinutes,
    flagThreshold: given.flagThreshold ?? base.flagThreshold,
    maxDepth: given.maxDepth ?? base.maxDepth,
  };
}

/**
 * The verdict on an item: a `reject` from any phase wins over every `hold`; among holds the
 * earliest phase's is kept; `null` when every phase lets it through. Phases are pure, so the
 * run stops at the first reject.
 *
 * @example
 * moderate(input); // { action: 'hold', phase: 'link-limit', reason: '4 links (the limit is 3)' }
 */
export function moderate(input: ModerationInput, phases: readonly Phase[] = PHASES): Verdict | null {
  let hold: Verdict | null = null;
  for (const phase of phases) {
    const verdict = phase(input);
    if (verdict?.action === 'reject') return verdict;
    hold ??= verdict;
  }
  return hold;
}
