/**
 * Allowed-origin patterns: an exact origin (`https://contoso.sharepoint.com`), or one with a
 * wildcard for the leftmost host labels (`https://*.contoso.com`, which does not match the
 * bare `https://contoso.com`) or for the port (`http://localhost:*`).
 *
 * A host wildcard must stop at a domain one organisation owns. `https://*.com`,
 * `https://*.co.uk` or `https://*.github.io` would let any site anyone can register pass CORS
 * and frame the widgets, so a wildcard whose remainder is a public suffix — by the Public
 * Suffix List, both its ICANN and its PRIVATE sections, from the `tldts` package — or one of
 * the shared intranet hosts below is refused when it is added and matches nothing if it was
 * stored before this rule.
 */
import { parse } from 'tldts';

const PATTERN =
  /^(https?):\/\/(\*\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?$/;

/**
 * Hosts where every customer gets a subdomain, which Bridgekit is embedded in, but whose owners
 * have not put them on the Public Suffix List (so `tldts` calls `contoso.sharepoint.com` a
 * subdomain of the registrable `sharepoint.com`): SharePoint Online in Microsoft's commercial,
 * US government and China clouds, and Confluence and Jira Cloud.
 */
const SHARED_INTRANET_HOSTS: Readonly<Record<string, string>> = {
  'sharepoint.com': 'SharePoint Online tenant',
  'sharepoint.us': 'SharePoint Online tenant',
  'sharepoint-mil.us': 'SharePoint Online tenant',
  'sharepoint.cn': 'SharePoint Online tenant',
  'atlassian.net': 'Atlassian Cloud site',
};

/** The canonical form of a pattern's syntax, or an error message that says what is wrong with it. */
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

/**
 * Why a host wildcard is too broad to allow, or null: it must be followed by a registrable
 * domain (`*.contoso.com`, `*.contoso.co.uk`, `*.contoso.github.io`), not by a public suffix,
 * an IP address or a shared intranet host.
 */
export function broadWildcardProblem(pattern: string): string | null {
  const [, scheme, wildcard, host] = PATTERN.exec(pattern) ?? [];
  if (!wildcard || !scheme || !host) return null;
  const shared = SHARED_INTRANET_HOSTS[host];
  if (shared) {
    return `"${pattern}" would allow every ${shared} on ${host}, not only yours. List your own, e.g. ${scheme}://contoso.${host}.`;
  }
  const parsed = parse(host, { allowPrivateDomains: true, extractHostname: false });
  if (parsed.isIp || host.startsWith('[')) {
    return `"${pattern}": a wildcard needs a domain name, not an IP address. List the exact origin instead, e.g. ${scheme}://${host}.`;
  }
  // No registrable domain: the host is itself a public suffix (`com`, `co.uk`, `github.io`).
  if (parsed.domain === null) {
    const list = parsed.isPrivate ? 'a shared hosting domain on the Public Suffix List' : 'a public suffix';
    return `"${pattern}" would allow every site under ${host}, which is ${list}: anyone can have a site there, and it would pass CORS and could frame the widgets. Name a domain your organisation owns, e.g. ${scheme}://*.contoso.${host} or ${scheme}://intranet.contoso.${host}.`;
  }
  return null;
}

/**
 * The canonical form of a pattern an admin may add: valid syntax and, for a host wildcard, a
 * registrable domain after it. (Removing takes any valid syntax, so a refused pattern stored
 * before the rule can still be deleted.)
 */
export function allowableOriginPattern(input: string): { pattern: string } | { error: string } {
  const result = normalizeOriginPattern(input);
  if ('error' in result) return result;
  const problem = broadWildcardProblem(result.pattern);
  return problem ? { error: problem } : result;
}

/** Whether a stored pattern takes effect: a too-broad wildcard stored before the rule does not. */
export const isEffectiveOriginPattern = (pattern: string) => PATTERN.test(pattern) && broadWildcardProblem(pattern) === null;

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
  if (!wildcard) return hostname === host;
  return hostname.endsWith(`.${host}`) && broadWildcardProblem(pattern) === null;
}

export function isAllowedOrigin(origin: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => originMatches(origin, p));
}
