import type { EventItemKind, EventType } from '@bridgekit/sdk';

/**
 * Fired when a person opens a notification in `<bk-inbox>`, after it was marked read and before
 * the browser goes to the item. Cancelable: a host page that shows the item itself calls
 * `preventDefault()`, and the browser stays where it is.
 */
export class BkNotificationOpenEvent extends Event {
  static readonly type = 'bk-notification-open';
  /** The notification's id. */
  readonly notification: string;
  readonly event: EventType;
  /** What it is about: an idea, a practice card or a comment. */
  readonly kind: EventItemKind;
  readonly id: string;
  /** Where it leads: the item's view (the tenant's page for the kind, or a fragment of this page). */
  readonly url: string;

  constructor(init: { notification: string; event: EventType; kind: EventItemKind; id: string; url: string }) {
    super(BkNotificationOpenEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.notification = init.notification;
    this.event = init.event;
    this.kind = init.kind;
    this.id = init.id;
    this.url = init.url;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-notification-open': BkNotificationOpenEvent;
  }
}
