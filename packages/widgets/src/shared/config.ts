/**
 * Page-wide configuration, shared by every Bridgekit element on the page and by every copy of
 * the bundle (two SharePoint web parts may each load one): it lives on `globalThis` under a
 * registered symbol. The script-tag loader fills it from its `data-*` attributes; bundler users
 * call {@link configure}.
 */
import type { TokenSource } from '@bridgekit/sdk';
import { BkSessionExpiredEvent } from '../events/session-expired.ts';

export interface BridgekitConfig {
  /** Origin of the Bridgekit Worker. The loader derives it from its own `src`. */
  apiBase: string;
  /** Tenant slug. */
  tenant: string;
  /** The signed-in user's token, or a callback returning one. Absent: read-only. */
  token?: TokenSource;
  /** BCP 47 locale for texts, numbers and dates; defaults to the page's `lang`. */
  locale?: string;
  /** Light or dark colours for every element without its own `theme`; `auto` (default) follows the system. */
  theme?: BridgekitTheme;
}

export type BridgekitTheme = 'light' | 'dark' | 'auto';

export const CONFIG_KEY = Symbol.for('bridgekit.config');
const SESSION_EXPIRED_KEY = Symbol.for('bridgekit.sessionExpired');
/** Fired on `window` when the configuration changes, so elements reload with it. */
export const CONFIG_CHANGE_EVENT = 'bk-config-change';

type Store = { [CONFIG_KEY]?: Partial<BridgekitConfig>; [SESSION_EXPIRED_KEY]?: boolean };

export function currentConfig(): Partial<BridgekitConfig> {
  return (globalThis as Store)[CONFIG_KEY] ?? {};
}

/**
 * Sets page-wide options; later calls merge over earlier ones. Elements already on the page
 * reload with the new settings (for example after the user signs in).
 *
 * @example
 * configure({ apiBase: 'https://bridgekit.example.com', tenant: 'acme', token: () => getToken() });
 */
export function configure(options: Partial<BridgekitConfig>): void {
  (globalThis as Store)[CONFIG_KEY] = { ...currentConfig(), ...options };
  (globalThis as Store)[SESSION_EXPIRED_KEY] = false;
  globalThis.dispatchEvent?.(new Event(CONFIG_CHANGE_EVENT));
}

/** Whether the page's token was refused as expired or invalid (until the next `configure()`). */
export function sessionExpired(): boolean {
  return (globalThis as Store)[SESSION_EXPIRED_KEY] === true;
}

/**
 * Every element stops sending the refused token, shows the "sign-in expired" state, and
 * reloads what it may still read. A host can listen for `bk-session-expired` on `window` and
 * call `configure({ token })` with a fresh token.
 */
export function markSessionExpired(): void {
  if (sessionExpired()) return;
  (globalThis as Store)[SESSION_EXPIRED_KEY] = true;
  globalThis.dispatchEvent?.(new BkSessionExpiredEvent());
  globalThis.dispatchEvent?.(new Event(CONFIG_CHANGE_EVENT));
}
