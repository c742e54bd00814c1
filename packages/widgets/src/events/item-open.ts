/** What a link of `<bk-search>` or `<bk-related>` opens. */
export type OpenedKind = 'idea' | 'card' | 'comment' | 'thread';

/**
 * Fired when a person follows a link to an item from `<bk-search>` or `<bk-related>`, before the
 * browser does. Cancelable: a host page that shows the item itself calls `preventDefault()`,
 * and the browser stays where it is.
 */
export class BkItemOpenEvent extends Event {
  static readonly type = 'bk-item-open';
  readonly kind: OpenedKind;
  readonly id: string;
  /** Where the link leads: the item's view (the tenant's page for the kind, or a fragment of this page). */
  readonly url: string;

  constructor(init: { kind: OpenedKind; id: string; url: string }) {
    super(BkItemOpenEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.kind = init.kind;
    this.id = init.id;
    this.url = init.url;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-item-open': BkItemOpenEvent;
  }
}
