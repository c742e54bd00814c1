import type { PracticeCard } from '@bridgekit/sdk';

/**
 * Fired when a practice card was stored: created, edited, or an earlier version restored.
 * `card` is the card as saved, with its new `version`.
 */
export class BkCardSaveEvent extends Event {
  static readonly type = 'bk-card-save';
  readonly card: PracticeCard;

  constructor(card: PracticeCard) {
    super(BkCardSaveEvent.type, { bubbles: true, composed: true });
    this.card = card;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-card-save': BkCardSaveEvent;
  }
}
