import type { Comment } from '@bridgekit/sdk';

/**
 * Fired when the person posted a comment or a reply and the server stored it. `comment.state`
 * says whether it is published or waits for a moderator (`pending`).
 */
export class BkCommentPostEvent extends Event {
  static readonly type = 'bk-comment-post';
  readonly comment: Comment;

  constructor(comment: Comment) {
    super(BkCommentPostEvent.type, { bubbles: true, composed: true });
    this.comment = comment;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-comment-post': BkCommentPostEvent;
  }
}
