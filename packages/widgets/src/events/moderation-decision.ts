/** What a moderator did from the review queue. */
export type ModerationAction = 'approve' | 'reject' | 'ban' | 'timeout';

/**
 * Fired when a moderator's decision on a queued comment was stored: approved, rejected, its
 * author banned (which rejects the comment too) or timed out.
 */
export class BkModerationDecisionEvent extends Event {
  static readonly type = 'bk-moderation-decision';
  readonly commentId: string;
  readonly action: ModerationAction;
  /** The comment's author (their internal id, as bans and time-outs use it). */
  readonly authorId: string;

  constructor(init: { commentId: string; action: ModerationAction; authorId: string }) {
    super(BkModerationDecisionEvent.type, { bubbles: true, composed: true });
    this.commentId = init.commentId;
    this.action = init.action;
    this.authorId = init.authorId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-moderation-decision': BkModerationDecisionEvent;
  }
}
