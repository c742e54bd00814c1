/**
 * For SharePoint Framework web parts: a `TokenSource` callback over SharePoint's Entra ID token
 * provider. It asks SharePoint for a token for Bridgekit's API before each request, bypasses
 * SharePoint's token cache when the API says the token expired, and turns every failure into
 * "no token" (the client, and the widgets, stay read-only) plus one report the web part can
 * show as a message. No SPFx import: it takes any object shaped like `AadTokenProvider`.
 *
 * @example
 * const token = sharePointTokenSource({
 *   provider: this.context.aadTokenProviderFactory.getTokenProvider(),
 *   resource: 'api://bridgekit',
 *   onFailure: (failure) => showNotice(failure.kind),
 * });
 * configure({ apiBase: 'https://bridgekit.example.com', tenant: 'acme', token });
 */

/** The part of SPFx's `AadTokenProvider` the glue uses (`aadTokenProviderFactory.getTokenProvider()`). */
export interface EntraTokenProvider {
  getToken(resource: string, useCachedToken?: boolean): Promise<string>;
}

/**
 * Why SharePoint gave no token:
 * - `consent`: nobody approved the web part's API access request yet (AADSTS65001, AADSTS650057);
 * - `resource`: Entra ID knows no API by the configured Application ID URI (AADSTS500011);
 * - `not-assigned`: the reader is not assigned to Bridgekit's Entra application (AADSTS50105);
 * - `interaction`: Entra ID wants the reader to sign in again or pass a check (MFA, a closed popup);
 * - `unavailable`: anything else, e.g. a timeout; asked again on the next request.
 */
export type TokenFailureKind = 'consent' | 'resource' | 'not-assigned' | 'interaction' | 'unavailable';

export interface TokenFailure {
  kind: TokenFailureKind;
  /** Entra ID's error code, e.g. `AADSTS65001`, when the error names one. */
  code: string | null;
  /** The provider's own message, for the browser console and support. */
  detail: string;
}

export interface SharePointTokenSourceOptions {
  /** SharePoint's token provider, or the promise `aadTokenProviderFactory.getTokenProvider()` returns. */
  provider: EntraTokenProvider | PromiseLike<EntraTokenProvider>;
  /** Bridgekit's Application ID URI in Entra ID, e.g. `api://bridgekit`. */
  resource: string;
  /** Told about a failure once (until a token is had again); the widgets carry on read-only. */
  onFailure?: (failure: TokenFailure) => void;
  /** Told when a token is had again after a reported (passing) failure. */
  onRecovered?: () => void;
}

/** Bridgekit's `TokenSource` callback: `{ expired }` in, a token or `null` (read-only) out. */
export type SharePointTokenCallback = (request: { expired: boolean }) => Promise<string | null>;

/** Failures that only an admin, or the reader's next visit, can fix: stop asking for this page. */
const LASTING: ReadonlySet<TokenFailureKind> = new Set(['consent', 'resource', 'not-assigned', 'interaction']);

export function sharePointTokenSource(options: SharePointTokenSourceOptions): SharePointTokenCallback {
  const provider = Promise.resolve(options.provider);
  // A rejection is handled when a request first needs the provider; until then it is not "unhandled".
  provider.catch(() => undefined);
  let lasting: TokenFailure | null = null;
  let reported: TokenFailureKind | null = null;

  return async ({ expired }) => {
    if (lasting) return null;
    try {
      // `useCachedToken = false` after the API refused the token as expired: SharePoint's cache
      // may still hold it.
      const token = await (await provider).getToken(options.resource, !expired);
      if (reported) {
        reported = null;
        notify(() => options.onRecovered?.());
      }
      return token || null;
    } catch (error) {
      const failure = classifyTokenError(error);
      if (LASTING.has(failure.kind)) lasting = failure;
      if (failure.kind !== reported) {
        reported = failure.kind;
        notify(() => options.onFailure?.(failure));
      }
      return null;
    }
  };
}

/** Entra ID's error codes (AADSTS…) that say what the reader or an admin can do. */
const CODES: Record<string, TokenFailureKind> = {
  AADSTS65001: 'consent',
  AADSTS650057: 'consent',
  AADSTS500011: 'resource',
  AADSTS50105: 'not-assigned',
  AADSTS50058: 'interaction',
  AADSTS50076: 'interaction',
  AADSTS50079: 'interaction',
  AADSTS53003: 'not-assigned',
  AADSTS700082: 'interaction',
};

/** MSAL's `errorCode`s (SPFx passes its errors through), for failures without an AADSTS code. */
const ERROR_CODES: Record<string, TokenFailureKind> = {
  consent_required: 'consent',
  interaction_required: 'interaction',
  login_required: 'interaction',
  user_cancelled: 'interaction',
  popup_window_error: 'interaction',
};

/** Reads what SharePoint's token provider (and MSAL under it) rejects with. */
export function classifyTokenError(error: unknown): TokenFailure {
  const detail = errorText(error);
  const code = /AADSTS\d+/.exec(detail)?.[0] ?? null;
  const byCode = code ? CODES[code] : undefined;
  if (byCode) return { kind: byCode, code, detail };
  const errorCode = Object.keys(ERROR_CODES).find((name) => detail.includes(name));
  return { kind: (errorCode && ERROR_CODES[errorCode]) || 'unavailable', code, detail };
}

/** An `Error` (MSAL's carry `errorCode`), an OAuth error body, or a string, as one line of text. */
function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null) return 'Unknown error';
  const fields = error as Record<string, unknown>;
  try {
    const parts = ['errorCode', 'error', 'suberror', 'message', 'error_description'].map((key) => fields[key]);
    return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(': ') || 'Unknown error';
  } catch {
    // A getter that throws: the glue still must not.
    return 'Unknown error';
  }
}

/** Calls the web part back; the SDK is mid-request, so a broken handler must not fail the read. */
function notify(handler: () => void): void {
  try {
    handler();
  } catch (error) {
    console.error('Bridgekit: a token state handler threw', error);
  }
}
