/**
 * Fired on `window` when the API refused the page's token as expired or invalid and no fresh
 * one came from the host's token provider. The widgets turn read-only and say so; call
 * `Bridgekit.configure({ token })` (or `configure()`) with a new token to sign back in.
 */
export class BkSessionExpiredEvent extends Event {
  static readonly type = 'bk-session-expired';

  constructor() {
    super(BkSessionExpiredEvent.type);
  }
}

declare global {
  interface WindowEventMap {
    'bk-session-expired': BkSessionExpiredEvent;
  }
}
