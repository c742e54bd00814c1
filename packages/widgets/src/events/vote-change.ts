import type { Budget } from '@bridgekit/sdk';

/** Fired when the person's vote on an idea changed and the server confirmed it. */
export class BkVoteChangeEvent extends Event {
  static readonly type = 'bk-vote-change';
  readonly ideaId: string;
  readonly votes: number;
  readonly voted: boolean;
  /** The person's votes on the idea. */
  readonly myVotes: number;
  /** Their budget on the board after the change (budget boards), else null. */
  readonly budget: Budget | null;
  /** The element that changed the vote; other controls for the same idea follow it. */
  readonly source: EventTarget;

  constructor(init: { ideaId: string; votes: number; voted: boolean; myVotes: number; budget: Budget | null; source: EventTarget }) {
    super(BkVoteChangeEvent.type, { bubbles: true, composed: true });
    this.ideaId = init.ideaId;
    this.votes = init.votes;
    this.voted = init.voted;
    this.myVotes = init.myVotes;
    this.budget = init.budget;
    this.source = init.source;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-vote-change': BkVoteChangeEvent;
  }
}
