/**
 * Bridgekit's own links in the server's HTML (comments, card texts), which open where the reader
 * is rather than outside (`user-links.ts` has the rule for every other link):
 * - an `@mention` (the server's `<span class="bk-mention" data-handle>`) becomes a link to the
 *   person's view (`itemUrl(pages, 'person', handle)`, `part="mention"`);
 * - a link to an item's view — `#bk-idea=`, `#bk-card=`, `#bk-comment=`, `#bk-person=`,
 *   `#bk-search=` (or the same as query parameters, or `?card=`), or the tenant's item page for
 *   the kind — stays in the same browsing context (`part="item-link"`, `data-bk-kind`), so a link
 *   that only changes the page's fragment opens the item in place (`LinkedItemController`
 *   follows `hashchange`). Only on the page's own origin or the origin of one of the tenant's
 *   item pages (set by its admins): anywhere else a fragment that looks like Bridgekit's is just
 *   text in someone's address, and the link opens outside.
 *
 * Elements load it with `import()` (it brings the deep-link code), so a page does not wait for it.
 */
import type { BridgekitMemberClient, ItemPages } from '@bridgekit/sdk';
import { itemPages, itemUrl, type LinkedKind, linkedItem } from './item-links.ts';
import { openOutside, type UserHtmlLinker } from './user-links.ts';

/** A link to an item's view: no Referer and no opener all the same, but the same browsing context. */
export const ITEM_LINK_REL = 'noopener noreferrer';

/** What a link to a view may open, in the order a link naming two of them is read. */
const ITEM_KINDS: readonly LinkedKind[] = ['idea', 'card', 'comment', 'person', 'search'];

/** The origins of the tenant's item pages. */
function pageOrigins(pages: ItemPages): Set<string> {
  const origins = new Set<string>();
  for (const pattern of Object.values(pages)) {
    if (typeof pattern !== 'string') continue;
    try {
      origins.add(new URL(pattern.replaceAll('{id}', 'id')).origin);
    } catch {
      // Not a URL: it names no origin.
    }
  }
  return origins;
}

/**
 * The item view `href` opens — of an idea, a card, a comment, a person or a search — when it is
 * an absolute http(s) address on this page's origin or on one of the tenant's item pages'
 * origins; else null (`javascript:`, `data:`, another site's address with a Bridgekit-like
 * fragment…).
 *
 * @example
 * // on https://intranet.example/news
 * itemLinkOf('https://intranet.example/board#bk-idea=demo-idea-sso', {}); // { kind: 'idea', id: 'demo-idea-sso' }
 * itemLinkOf('https://elsewhere.example/#bk-idea=demo-idea-sso', {}); // null
 */
export function itemLinkOf(href: string, pages: ItemPages): { kind: LinkedKind; id: string } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.origin !== location.origin && !pageOrigins(pages).has(url.origin)) return null;
  for (const kind of ITEM_KINDS) {
    const id = linkedItem(pages, kind, url);
    if (id) return { kind, id };
  }
  return null;
}

/**
 * The server's HTML with its mentions made links to the people's views, its links to items'
 * views opening in place, and every other link opening outside the widget.
 *
 * @example
 * withUserLinks('<p><span class="bk-mention" data-handle="ana">@ana</span></p>', pages);
 * // '<p><a class="bk-mention" data-handle="ana" part="mention" href="…#bk-person=ana">@ana</a></p>'
 */
export function withUserLinks(source: string, pages: ItemPages = {}): string {
  if (!/<a[\s>]|bk-mention/i.test(source)) return source;
  // A template's content is inert: parsing it runs nothing and loads nothing.
  const template = document.createElement('template');
  template.innerHTML = source;
  for (const link of template.content.querySelectorAll('a')) {
    const item = itemLinkOf(link.getAttribute('href') ?? '', pages);
    if (!item) {
      openOutside(link);
      continue;
    }
    link.removeAttribute('target');
    link.setAttribute('rel', ITEM_LINK_REL);
    link.setAttribute('part', 'item-link');
    link.dataset.bkKind = item.kind;
  }
  for (const mention of template.content.querySelectorAll<HTMLElement>('span.bk-mention[data-handle]')) {
    const handle = mention.dataset.handle;
    // The server renders mentions outside links; a link inside a link would not survive parsing.
    if (!handle || mention.closest('a')) continue;
    const link = document.createElement('a');
    link.className = 'bk-mention';
    link.dataset.handle = handle;
    link.setAttribute('part', 'mention');
    link.href = itemUrl(pages, 'person', handle);
    link.append(...mention.childNodes);
    mention.replaceWith(link);
  }
  return template.innerHTML;
}

const linkers = new WeakMap<ItemPages, UserHtmlLinker>();

/**
 * `withUserLinks` bound to the tenant's item pages, for `userHtml`: the same function for the
 * same pages, so HTML already linked is not linked again.
 *
 * @example
 * void import('../../shared/user-html.ts').then((m) => m.userHtmlLinker(client)).then((linker) => (this._linker = linker));
 */
export async function userHtmlLinker(client: BridgekitMemberClient): Promise<UserHtmlLinker> {
  const pages = await itemPages(client);
  let linker = linkers.get(pages);
  if (!linker) {
    linker = (source) => withUserLinks(source, pages);
    linkers.set(pages, linker);
  }
  return linker;
}
