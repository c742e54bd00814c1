/** Fired when the person cancels a form (button or Escape), so its host can close it. */
export class BkCancelEvent extends Event {
  static readonly type = 'bk-cancel';

  constructor() {
    super(BkCancelEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bk-cancel': BkCancelEvent;
  }
}
