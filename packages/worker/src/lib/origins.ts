/**
 * Allowed-origin patterns: an exact origin (`https://contoso.sharepoint.com`), or one with a
 * wildcard for the leftmost host labels (`https://*.contoso.com`, which does not match the
 * bare `https://contoso.com`) or for the port (`http://localhost:*`).
 */

const PATTERN =
  /^(https?):\/\/(\*\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?$/;

/** The canonical form of a pattern, or an error message that says what is wrong with it. */
export function normalizeOriginPattern(input: string): { pattern: string } | { error: string } {
  const text = input.trim().toLowerCase().replace(/\/+$/, '');
  const match = PATTERN.exec(text);
  if (!match) {
    return {
      error: `"${input}" is not an origin. Use scheme://host[:port] with no path, e.g. https://contoso.sharepoint.com, https://*.contoso.com or http://localhost:*.`,
    };
  }
  const [, scheme, wildcard = '', host, port] = match;
  const defaultPort = scheme === 'https' ? '443' : '80';
  const portPart = port && port !== defaultPort ? `:${port}` : '';
  return { pattern: `${scheme}://${wildcard}${host}${portPart}` };
}

export function originMatches(origin: string, pattern: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const [, scheme, wildcard, host, port] = m;
  if (url.protocol !== `${scheme}:`) return false;
  if (port !== '*' && url.port !== (port ?? '')) return false;
  const hostname = url.hostname.toLowerCase();
  return wildcard ? hostname.endsWith(`.${host}`) : hostname === host;
}

export function isAllowedOrigin(origin: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => originMatches(origin, p));
}
