/**
 * The tenant's item pages: where its intranet shows each kind of item, as a URL pattern with
 * `{id}` (`https://contoso.sharepoint.com/sites/brm/SitePages/Ideas.aspx#bk-idea={id}`), so
 * links in mails and chats open the item's view. What a pattern must be to be stored.
 */
import type { FieldReason, ItemPages } from '@bridgekit/sdk';

/** Where the item's id (for `search`, the search text; for `person`, the handle) goes in a pattern. */
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

/**
 * The tenant's page of an item, from its pattern for the kind (`{id}` replaced, encoded), or null
 * when the tenant has none. Mails, chats and the inbox link to items with it.
 *
 * @example
 * itemPageUrl({ idea: 'https://intranet.example/Ideas.aspx#bk-idea={id}' }, 'idea', 'a b');
 * // → 'https://intranet.example/Ideas.aspx#bk-idea=a%20b'
 */
export function itemPageUrl(pages: ItemPages, kind: keyof ItemPages, id: string): string | null {
  const pattern = pages[kind];
  return pattern?.includes(ITEM_PAGE_PLACEHOLDER) ? pattern.replace(ITEM_PAGE_PLACEHOLDER, encodeURIComponent(id)) : null;
}

/**
 * A comment's link: its thread's page with `bk-comment=<id>` in the fragment. The own discussion
 * of an idea or card (`idea:<id>`, `card:<id>`) is shown in the item's view, so it links there:
 * the tenant's page for the item, else the thread's page with `bk-idea=<id>` (or `bk-card=`).
 * Null when no page is known.
 */
export function commentPageUrl(pages: ItemPages, thread: { key: string; url: string | null }, commentId: string): string | null {
  const item = /^(idea|card):(.+)$/s.exec(thread.key);
  const kind = item?.[1] as 'idea' | 'card' | undefined;
  const itemId = item?.[2] ?? '';
  const ownPage = kind ? itemPageUrl(pages, kind, itemId) : null;
  const page = ownPage ?? (kind && thread.url ? withFragment(thread.url, `bk-${kind}=${encodeURIComponent(itemId)}`) : thread.url);
  return page ? withFragment(page, `bk-comment=${encodeURIComponent(commentId)}`) : null;
}

/** `url` with `piece` added to its fragment (`&`-separated, as the widgets read it). */
const withFragment = (url: string, piece: string) =>
  url.includes('#') ? `${url.endsWith('#') ? url : `${url}&`}${piece}` : `${url}#${piece}`;
