/**
 * The tenant's item pages: where its intranet shows each kind of item, as a URL pattern with
 * `{id}` (`https://contoso.sharepoint.com/sites/brm/SitePages/Ideas.aspx#bk-idea={id}`), so
 * links in mails and chats open the item's view. What a pattern must be to be stored.
 */
import type { FieldReason } from '@bridgekit/sdk';

/** Where the item's id (for `search`, the search text) goes in a pattern. */
export const ITEM_PAGE_PLACEHOLDER = '{id}';
export const ITEM_PAGE_MAX = 500;

/** Hosts a pattern may reach over plain http: a developer's own machine. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a pattern cannot be stored, as a field reason, or null: it must be an absolute https URL
 * (http only for localhost) that holds `{id}` exactly once.
 *
 * @example
 * itemPageProblem('https://intranet.example/ideas#bk-idea={id}'); // null
 * itemPageProblem('http://intranet.example/ideas/{id}'); // 'field.page_url'
 */
export function itemPageProblem(pattern: string): Extract<FieldReason, 'field.page_url' | 'field.page_placeholder'> | null {
  if (pattern.split(ITEM_PAGE_PLACEHOLDER).length !== 2) return 'field.page_placeholder';
  if (/\s/u.test(pattern) || !/^https?:\/\//i.test(pattern)) return 'field.page_url';
  let url: URL;
  try {
    url = new URL(pattern.replace(ITEM_PAGE_PLACEHOLDER, 'id'));
  } catch {
    return 'field.page_url';
  }
  if (!url.hostname) return 'field.page_url';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) return null;
  return 'field.page_url';
}
