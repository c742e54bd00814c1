import type { ItemRef } from '@bridgekit/sdk';

/** Fired by the item picker when the person picked an item (or a member), or cleared the choice (`item: null`). */
export class BkItemPickEvent extends Event {
  static readonly type = 'bk-item-pick';
  readonly kind: 'idea' | 'card' | 'thread' | 'person';
  readonly item: ItemRef | null;

  constructor(kind: 'idea' | 'card' | 'thread' | 'person', item: ItemRef | null) {
    super(BkItemPickEvent.type, { bubbles: true, composed: true });
    this.kind = kind;
    this.item = item;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-item-pick': BkItemPickEvent;
  }
}
