/**
 * Threads attached to a page by its URL are keyed by the URL's canonical form, so that
 * `https://Intranet.contoso.com:443/sites/brm/story.aspx?web=1#comments` and
 * `https://intranet.contoso.com/sites/brm/story.aspx` are the same thread. The Worker keys
 * threads by it; the widgets name a page's comment count by it.
 */

/**
 * The canonical form of a page URL: http(s) only; scheme and host lower-cased (the URL parser
 * does that and drops default ports); no credentials, query string or fragment; no trailing
 * slash (the site root has no path at all). `null` when it is not an absolute http(s) URL.
 *
 * @example
 * normalizePageUrl('https://Intranet.contoso.com:443/sites/brm/?web=1#c'); // 'https://intranet.contoso.com/sites/brm'
 */
export function normalizePageUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return `${url.origin}${path === '/' ? '' : path}`;
}
