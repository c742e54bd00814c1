/**
 * The page's connection to Bridgekit, shared by every Bridgekit web part on the page (and by
 * every copy of this bundle: two packages' web parts, or a web part next to the script tag).
 * `configure()` of @bridgekit/widgets is page-wide; the first web part sets it, and web parts
 * with the same settings leave it alone, so the widgets already on the page do not reload.
 */

import { type EntraTokenProvider, sharePointTokenSource, type TokenFailure } from '@bridgekit/sdk';
import { configure } from '@bridgekit/widgets/config.js';

/** Fired on `window` when SharePoint gave no token for Bridgekit, and again when it does. */
export const TOKEN_STATE_EVENT = 'bridgekit-spfx-token-state';

export interface PageConnection {
  apiBase: string;
  /**
   * Page-wide as well as on each web part's element: elements a widget creates inside itself
   * (the vote buttons of a board) read the page's tenant.
   */
  tenant: string;
  /** Bridgekit's Application ID URI in Entra ID. */
  resource: string;
  locale: string;
}

interface PageSession {
  key: string;
  failure: TokenFailure | null;
}

const SESSION = Symbol.for('bridgekit.spfx.session');
type Store = { [SESSION]?: PageSession };
const store = globalThis as Store;

export function connectPage(connection: PageConnection, provider: () => Promise<EntraTokenProvider>): void {
  const key = JSON.stringify([connection.apiBase, connection.tenant, connection.resource, connection.locale]);
  if (store[SESSION]?.key === key) return;
  const session: PageSession = { key, failure: null };
  store[SESSION] = session;
  const current = () => store[SESSION] === session;

  const token = sharePointTokenSource({
    provider: provider(),
    resource: connection.resource,
    onFailure: (failure) => {
      if (!current()) return;
      session.failure = failure;
      // A failure SharePoint will not get over on this page: show the widgets' read-only state
      // rather than buttons that answer "sign in".
      if (failure.kind !== 'unavailable') configure({ token: undefined });
      window.dispatchEvent(new Event(TOKEN_STATE_EVENT));
    },
    onRecovered: () => {
      if (!current()) return;
      session.failure = null;
      window.dispatchEvent(new Event(TOKEN_STATE_EVENT));
    },
  });
  configure({ apiBase: connection.apiBase, tenant: connection.tenant, locale: connection.locale, token });
}

/** Why the page's widgets are read-only, if SharePoint gave no token. */
export function tokenFailure(): TokenFailure | null {
  return store[SESSION]?.failure ?? null;
}
