import type { PracticeCard } from '@bridgekit/sdk';

/** How the owner's "Also mark as reviewed" went with a save. */
export interface CardSaveReview {
  /** The card was verified too (and `card` is the verified copy). */
  reviewed: boolean;
  /** Nothing was edited: only the review was recorded. */
  unchanged?: boolean;
  /** Why the verification, asked for, did not happen (the save did). */
  failed?: string;
}

/**
 * Fired when a practice card was stored: created, edited, or an earlier version restored.
 * `card` is the card as saved, with its new `version`; `review` says whether the owner's
 * "Also mark as reviewed" verified it too.
 */
export class BkCardSaveEvent extends Event {
  static readonly type = 'bk-card-save';
  readonly card: PracticeCard;
  readonly review: CardSaveReview | null;

  constructor(card: PracticeCard, review: CardSaveReview | null = null) {
    super(BkCardSaveEvent.type, { bubbles: true, composed: true });
    this.card = card;
    this.review = review;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-card-save': BkCardSaveEvent;
  }
}
