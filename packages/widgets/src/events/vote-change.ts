import type { VoteState } from '@bridgekit/sdk';

/**
 * Fired when the person's vote on an idea changed and the server confirmed it. `state` is the
 * server's answer, whole — the idea's votes, supporters and business units, the person's vote,
 * and their budget on the board — and every Bridgekit element on the page showing the idea
 * takes its counts from it.
 */
export class BkVoteChangeEvent extends Event {
  static readonly type = 'bk-vote-change';
  readonly ideaId: string;
  /** Slug of the idea's board, whose budget `state.budget` is. */
  readonly board: string;
  /** The idea's support and the person's vote after the change, as the server answered (`VoteState` of the SDK). */
  readonly state: VoteState;
  /** The element that changed the vote; the other elements showing the idea follow it. */
  readonly source: EventTarget;

  constructor(init: { ideaId: string; board: string; state: VoteState; source: EventTarget }) {
    super(BkVoteChangeEvent.type, { bubbles: true, composed: true });
    this.ideaId = init.ideaId;
    this.board = init.board;
    this.state = init.state;
    this.source = init.source;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-vote-change': BkVoteChangeEvent;
  }
}
