/**
 * Sending a vote and saying how it went: loaded by `<bk-idea-vote>` with the first vote on the
 * page (most readers only read), while the control already shows the new state.
 */
import type { BridgekitMemberClient, Idea, VoteState } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { loadMessages, registerFeature, type Translate } from '../../shared/i18n.ts';
import { voteSendMessages } from '../../shared/messages/vote-send.ts';
import { offlineQueue, unreachable } from '../../shared/offline.ts';

registerFeature(voteSendMessages);

export interface VoteRequest {
  client: BridgekitMemberClient;
  /** The idea as it was before the click. */
  idea: Idea;
  /** The person's votes on it wanted: 0 withdraws. */
  target: number;
  /** The element's translator, and its locale: this module's texts in it load beside the vote. */
  t: Translate;
  locale: string;
  /** The element's describeError: a failure in the reader's words. */
  describe: (err: unknown) => Promise<string>;
  /** Said while a vote made offline waits for the connection. */
  queued: (text: string) => void;
}

/** The server's answer and what to say about it; without `state`, the vote did not count. */
export interface VoteOutcome {
  state?: VoteState;
  text: string;
  /** Shown, not only announced: a failure, or a vote sent late. */
  visible: boolean;
  /** Voting on the idea has closed meanwhile. */
  closed?: boolean;
}

export async function sendVote({ client, idea, target, t, locale, describe, queued }: VoteRequest): Promise<VoteOutcome> {
  // One key for this vote, however often it is sent: the server counts it once.
  const idempotencyKey = crypto.randomUUID();
  const send = () =>
    target === 0 ? client.ideas.unvote(idea.id, { idempotencyKey }) : client.ideas.vote(idea.id, { votes: target, idempotencyKey });
  // This module's texts in the reader's language, if not English: loading while the vote is sent.
  const texts = loadMessages(locale);
  try {
    let state: VoteState;
    let late = false;
    try {
      state = await send();
    } catch (err) {
      if (!unreachable(err)) throw err;
      // Offline: kept, and sent when the connection is back (the new state stays shown).
      await texts;
      queued(t('vote.queued'));
      state = await (await offlineQueue()).sendWhenOnline(send);
      late = true;
    }
    await texts;
    const votes = t('vote.count', { count: state.votes });
    const key = late ? 'vote.sent' : state.myVotes > idea.myVotes ? 'vote.counted' : 'vote.removed';
    return { state, text: t(key, { title: idea.title, votes }), visible: late };
  } catch (err) {
    await texts;
    if (isBridgekitError(err) && err.code === 'vote_budget_exceeded') return { text: t('vote.noBudget'), visible: true };
    if (isBridgekitError(err) && err.code === 'voting_closed') return { text: t('vote.closed'), visible: true, closed: true };
    return { text: t('vote.failed', { reason: await describe(err) }), visible: true };
  }
}
