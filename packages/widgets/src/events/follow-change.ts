import type { FollowState } from '@bridgekit/sdk';

/** Fired by `<bk-follow>` when the person followed or unfollowed something and the server confirmed it. */
export class BkFollowChangeEvent extends Event {
  static readonly type = 'bk-follow-change';
  /** The server's answer: what is followed, and whether it is now. */
  readonly state: FollowState;

  constructor(state: FollowState) {
    super(BkFollowChangeEvent.type, { bubbles: true, composed: true });
    this.state = state;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-follow-change': BkFollowChangeEvent;
  }
}
