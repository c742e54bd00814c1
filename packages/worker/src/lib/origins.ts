/**
 * Allowed-origin patterns: an exact origin (`https://contoso.sharepoint.com`), or one with a
 * wildcard for the leftmost host labels (`https://*.contoso.com`, which does not match the
 * bare `https://contoso.com`) or for the port (`http://localhost:*`).
 *
 * A host wildcard must stop at a domain one organisation owns. `https://*.com`,
 * `https://*.co.uk` or `https://*.github.io` would let any site anyone can register pass CORS
 * and frame the widgets, so a wildcard whose remainder is a public suffix — by the Public
 * Suffix List, both its ICANN and its PRIVATE sections (lib/public-suffixes.ts, read from the
 * static assets only when a pattern has a host wildcard) — or one of the shared intranet hosts
 * below is refused when it is added and matches nothing if it was stored before this rule.
 */
import type { Bindings } from '../env.ts';
import { loadPublicSuffixList, type PublicSuffixList, publicSuffixOf } from './public-suffixes.ts';

const PATTERN =
  /^(https?):\/\/(\*\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?$/;

/**
 * Hosts where every customer gets a subdomain, which Bridgekit is embedded in, but whose owners
 * have not put them on the Public Suffix List (so it calls `contoso.sharepoint.com` a
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
export function broadWildcardProblem(pattern: string, suffixes: PublicSuffixList): string | null {
  const [, scheme, wildcard, host] = PATTERN.exec(pattern) ?? [];
  if (!wildcard || !scheme || !host) return null;
  const shared = SHARED_INTRANET_HOSTS[host];
  if (shared) {
    return `"${pattern}" would allow every ${shared} on ${host}, not only yours. List your own, e.g. ${scheme}://contoso.${host}.`;
  }
  // No top-level domain is all digits: `127.0.0.1` (or `0.1`) is an IPv4 address.
  if (host.startsWith('[') || /^\d+$/.test(host.slice(host.lastIndexOf('.') + 1))) {
    return `"${pattern}": a wildcard needs a domain name, not an IP address. List the exact origin instead, e.g. ${scheme}://${host}.`;
  }
  // No registrable domain: the host is itself a public suffix (`com`, `co.uk`, `github.io`).
  const { suffix, section } = publicSuffixOf(host, suffixes);
  if (suffix === host) {
    const list = section === 'private' ? 'a shared hosting domain on the Public Suffix List' : 'a public suffix';
    return `"${pattern}" would allow every site under ${host}, which is ${list}: anyone can have a site there, and it would pass CORS and could frame the widgets. Name a domain your organisation owns, e.g. ${scheme}://*.contoso.${host} or ${scheme}://intranet.contoso.${host}.`;
  }
  return null;
}

const hasHostWildcard = (pattern: string) => pattern.includes('://*.');

/**
 * The list, read only when a pattern needs it: exact origins and port wildcards do not. The
 * bindings come from the platform's module, so that a request schema can check too, imported
 * only then, so that Node can load the app (the docs generator reads its API description).
 */
async function suffixesFor(patterns: readonly string[]): Promise<PublicSuffixList> {
  if (!patterns.some(hasHostWildcard)) return new Map();
  const { env } = await import('cloudflare:workers');
  return loadPublicSuffixList((env as unknown as Bindings).ASSETS);
}

/**
 * The canonical form of a pattern an admin may add: valid syntax and, for a host wildcard, a
 * registrable domain after it. (Removing takes any valid syntax, so a refused pattern stored
 * before the rule can still be deleted.)
 */
export async function allowableOriginPattern(input: string): Promise<{ pattern: string } | { error: string }> {
  const result = normalizeOriginPattern(input);
  if ('error' in result) return result;
  const problem = broadWildcardProblem(result.pattern, await suffixesFor([result.pattern]));
  return problem ? { error: problem } : result;
}

/** Patterns that take effect (see {@link effectiveOriginPatterns}); only these are matched against. */
export type EffectiveOrigins = readonly string[] & { readonly effective: true };

/**
 * The stored patterns that take effect: valid ones, without a too-broad wildcard stored before
 * the rule.
 *
 * @example
 * isAllowedOrigin(origin, await effectiveOriginPatterns(tenant.origins));
 */
export async function effectiveOriginPatterns(patterns: readonly string[]): Promise<EffectiveOrigins> {
  const suffixes = await suffixesFor(patterns);
  return patterns.filter((p) => PATTERN.test(p) && broadWildcardProblem(p, suffixes) === null) as readonly string[] as EffectiveOrigins;
}

/** Whether `origin` matches `pattern` (syntax only: which patterns take effect is {@link effectiveOriginPatterns}'s to say). */
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
  return hostname.endsWith(`.${host}`);
}

export function isAllowedOrigin(origin: string, patterns: EffectiveOrigins): boolean {
  return patterns.some((p) => originMatches(origin, p));
}
