import type { ModeratedKind } from '@bridgekit/sdk';

/** What a moderator did from the review queue. */
export type ModerationAction = 'approve' | 'reject' | 'ban' | 'timeout';

/**
 * Fired when a moderator's decision on a queued item was stored: approved, rejected, its
 * author banned (which rejects the item too) or timed out.
 */
export class BkModerationDecisionEvent extends Event {
  static readonly type = 'bk-moderation-decision';
  /** What was decided on: a comment, an idea, or a practice card (a new one, or an edit of one). */
  readonly kind: ModeratedKind;
  /** The comment's, idea's or card's id. */
  readonly itemId: string;
  /** For a held edit of a card: the edit's id; otherwise `null`. */
  readonly editId: string | null;
  /** The comment's id for comments (as before ideas and cards joined the queue); `null` otherwise. */
  readonly commentId: string | null;
  readonly action: ModerationAction;
  /** The item's author (their internal id, as bans and time-outs use it). */
  readonly authorId: string;

  constructor(init: { kind: ModeratedKind; itemId: string; editId: string | null; action: ModerationAction; authorId: string }) {
    super(BkModerationDecisionEvent.type, { bubbles: true, composed: true });
    this.kind = init.kind;
    this.itemId = init.itemId;
    this.editId = init.editId;
    this.commentId = init.kind === 'comment' ? init.itemId : null;
    this.action = init.action;
    this.authorId = init.authorId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-moderation-decision': BkModerationDecisionEvent;
  }
}
