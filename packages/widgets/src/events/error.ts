/**
 * Fired when a widget's call to the API fails, after the widget has shown a message. Hosts can
 * log it or react (e.g. sign the person in again on `token_expired`).
 */
export class BkErrorEvent extends Event {
  static readonly type = 'bk-error';
  readonly error: unknown;

  constructor(error: unknown) {
    super(BkErrorEvent.type, { bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-error': BkErrorEvent;
  }
}
