/**
 * Deep links to an item's own view — an idea, a practice card, a comment, a search, a person — that work
 * in widgets, mails and chats alike. A link is the tenant's page for the kind (`ItemPages`, an
 * absolute pattern holding `{id}`), else the page the reader is on with the fragment
 * `#bk-<kind>=<id>`. An element that opens an item in place reflects it in the host page's
 * address with `showInUrl()` (so the address can be copied and Back closes it), and follows
 * Back, Forward and pasted links with `LinkedItemController`.
 *
 * Links are built from the tenant's item pages, which come with the viewer (`client.me()`): this
 * module reads the viewer once per client (`viewer()`), for every element on the page.
 *
 * Widgets run in the host page's DOM, so `location` and `history` here are the host page's.
 */
import type { BridgekitMemberClient, ItemPages, Viewer } from '@bridgekit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { viewer } from './viewer.ts';

export type LinkedKind = 'idea' | 'card' | 'comment' | 'search' | 'person' | 'health';

/** The pages of each read of the viewer: one promise for every caller while that read stands. */
const pagesOfRead = new WeakMap<Promise<Viewer>, Promise<ItemPages>>();
const pagesOf = (me: Viewer): ItemPages => me.pages ?? {};

/**
 * The tenant's item pages (`Viewer.pages`, read once per client by `viewer()`); `{}` while
 * unknown, on failure (a failed read is tried again on the next call) or once `signal` aborts.
 *
 * @example
 * const pages = await itemPages(this.client, signal);
 * const href = itemUrl(pages, 'idea', idea.id);
 */
export function itemPages(client: BridgekitMemberClient, signal?: AbortSignal): Promise<ItemPages> {
  if (signal) return viewer(client, signal).then(pagesOf, () => ({}));
  const read = viewer(client);
  let pages = pagesOfRead.get(read);
  if (!pages) {
    pages = read.then(pagesOf, () => ({}));
    pagesOfRead.set(read, pages);
  }
  return pages;
}

const ID = '{id}';
/** What `{id}` becomes while a pattern is parsed as a URL: letters only, so no part of a URL encodes it. */
const SENTINEL = 'bkxitemxidxbk';

const patternOf = (pages: ItemPages, kind: LinkedKind): string | null => {
  const pattern = kind === 'comment' ? undefined : pages[kind];
  return pattern?.includes(ID) ? pattern : null;
};

const paramOf = (kind: LinkedKind) => `bk-${kind}`;

/** The fragment's `&`-separated pieces, other than this kind's. */
const otherPieces = (hash: string, kind: LinkedKind): string[] =>
  hash
    .replace(/^#/, '')
    .split('&')
    .filter((piece) => piece && !piece.startsWith(`${paramOf(kind)}=`));

const decode = (value: string): string | null => {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
};

/** `url` without this kind's piece of the fragment: the page an in-place view is opened on. */
function pageWithout(url: string, kind: LinkedKind): URL {
  const page = new URL(url, document.baseURI);
  const rest = otherPieces(page.hash, kind);
  page.hash = rest.length ? `#${rest.join('&')}` : '';
  return page;
}

/**
 * Absolute URL that opens the item's view: the tenant's pattern for the kind (`{id}` replaced,
 * encoded), else the current page with the default fragment `#bk-<kind>=<id>`; a comment:
 * `pageUrl` (its thread's page) + `#bk-comment=<id>`.
 *
 * @example
 * itemUrl({ idea: 'https://intranet.example/Ideas.aspx#bk-idea={id}' }, 'idea', 'a b');
 * // → 'https://intranet.example/Ideas.aspx#bk-idea=a%20b'
 * itemUrl({}, 'card', 'demo-card-1'); // → the current page + '#bk-card=demo-card-1'
 */
export function itemUrl(pages: ItemPages, kind: LinkedKind, id: string, options?: { pageUrl?: string | null }): string {
  const encoded = encodeURIComponent(id);
  const pattern = patternOf(pages, kind);
  if (pattern) return new URL(pattern.replaceAll(ID, encoded), document.baseURI).href;
  const page = pageWithout((kind === 'comment' && options?.pageUrl) || location.href, kind);
  // An item the page was opened with as a parameter would otherwise compete with this one.
  page.searchParams.delete(paramOf(kind));
  if (!page.search.slice(1)) page.search = '';
  const rest = page.hash.replace(/^#/, '');
  page.hash = `${rest ? `${rest}&` : ''}${paramOf(kind)}=${encoded}`;
  return page.href;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression for one part of a pattern: the sentinel becomes the captured id. */
const partMatcher = (part: string, flags = '') => new RegExp(`^${escapeRegExp(part).replace(SENTINEL, '([^/?#&]+)')}$`, flags);

/** The id `location` holds where the tenant's `pattern` holds `{id}`, else null. */
function matchPattern(pattern: string, at: URL): string | null {
  let shape: URL;
  try {
    shape = new URL(pattern.replaceAll(ID, SENTINEL), document.baseURI);
  } catch {
    return null;
  }
  if (shape.origin !== at.origin) return null;
  let found: string | null = null;
  // Intranet servers (SharePoint, IIS) treat paths without regard to case.
  const path = partMatcher(shape.pathname, 'i').exec(at.pathname);
  if (!path) return null;
  if (path[1]) found = decode(path[1]);
  for (const [name, value] of shape.searchParams) {
    const actual = at.searchParams.get(name);
    if (actual === null) return null;
    if (!value.includes(SENTINEL)) {
      if (actual !== value) return null;
      continue;
    }
    const match = partMatcher(value).exec(actual);
    if (!match?.[1]) return null;
    found = match[1];
  }
  const hashPiece = shape.hash.replace(/^#/, '');
  if (hashPiece.includes(SENTINEL)) {
    const matcher = partMatcher(hashPiece);
    const piece = at.hash
      .replace(/^#/, '')
      .split('&')
      .map((p) => matcher.exec(p))
      .find(Boolean);
    if (!piece?.[1]) return null;
    found = decode(piece[1]);
  }
  return found || null;
}

/**
 * The id of the item of `kind` the current URL opens (default fragment, `?bk-<kind>=`, `?card=`
 * for cards, or the tenant pattern), else null.
 *
 * @example
 * // on https://intranet.example/board#bk-idea=demo-idea-sso
 * linkedItem({}, 'idea'); // → 'demo-idea-sso'
 */
export function linkedItem(pages: ItemPages, kind: LinkedKind, at: Location | URL = location): string | null {
  const url = new URL(at.href);
  const piece = url.hash
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.startsWith(`${paramOf(kind)}=`));
  const fromHash = piece === undefined ? null : decode(piece.slice(paramOf(kind).length + 1));
  if (fromHash) return fromHash;
  const fromQuery = url.searchParams.get(paramOf(kind)) || (kind === 'card' ? url.searchParams.get('card') : null);
  if (fromQuery) return fromQuery;
  const pattern = patternOf(pages, kind);
  return pattern ? matchPattern(pattern, url) : null;
}

/**
 * What `showInUrl` keeps in the entries it pushes: the item, how many entries it has pushed in a
 * row for the kind (`depth`), and whether the entry before them opened no item of the kind
 * (`clean`) — then closing steps back over them all.
 */
interface PushedState {
  bkLinked?: { kind: LinkedKind; id: string; depth: number; clean: boolean };
}

const controllers = new Set<LinkedItemController>();

/**
 * Reflects an item opened in place in the host page's URL with history.pushState (so Back
 * returns); `null` closes it (removes the fragment/parameter). Closing what this module opened
 * from a page without an item steps back over the entries it pushed instead, so opening and
 * closing leave the history as it was.
 *
 * @example
 * showInUrl('idea', idea.id); // the address now ends in #bk-idea=<id>
 * showInUrl('idea', null); // and no longer does
 */
export function showInUrl(kind: LinkedKind, id: string | null): void {
  const url = pageWithout(location.href, kind);
  const state = history.state as PushedState | null;
  const pushed = state?.bkLinked?.kind === kind ? state.bkLinked : null;
  const current = linkedItem({}, kind);
  for (const controller of controllers) controller.shown(kind, id);
  if (current === id) return;
  if (id === null) {
    if (pushed?.clean && pushed.id === current) {
      history.go(-pushed.depth);
      return;
    }
    url.searchParams.delete(paramOf(kind));
    if (kind === 'card') url.searchParams.delete('card');
    if (!url.search.slice(1)) url.search = '';
    history.pushState(withoutLink(state), '', url.href);
    return;
  }
  const rest = url.hash.replace(/^#/, '');
  url.hash = `${rest ? `${rest}&` : ''}${paramOf(kind)}=${encodeURIComponent(id)}`;
  const depth = pushed && pushed.id === current ? pushed.depth + 1 : 1;
  const clean = pushed && pushed.id === current ? pushed.clean : current === null;
  history.pushState({ ...withoutLink(state), bkLinked: { kind, id, depth, clean } }, '', url.href);
}

/** The host page's own history state (its router's, say), kept in the entries pushed here. */
function withoutLink(state: unknown): Record<string, unknown> | null {
  if (!state || typeof state !== 'object' || Array.isArray(state)) return null;
  const { bkLinked: _, ...rest } = state as Record<string, unknown>;
  return rest;
}

/**
 * Lit reactive controller: calls `onChange(id)` when Back/Forward (popstate/hashchange) or a
 * pasted link changes the item of `kind` in the URL. `id` is the item the URL opens now; set
 * `pages` once the tenant's patterns are known (a pattern-only link then counts too).
 *
 * @example
 * #linked = new LinkedItemController(this, 'idea', (id) => (this.open = id));
 */
export class LinkedItemController implements ReactiveController {
  readonly #kind: LinkedKind;
  readonly #onChange: (id: string | null) => void;
  #pages: ItemPages = {};
  #last: string | null = null;

  constructor(host: ReactiveControllerHost, kind: LinkedKind, onChange: (id: string | null) => void) {
    this.#kind = kind;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** The item of the kind the URL opens now. */
  get id(): string | null {
    return linkedItem(this.#pages, this.#kind);
  }

  set pages(pages: ItemPages) {
    this.#pages = pages;
    this.#check();
  }

  hostConnected(): void {
    this.#last = this.id;
    controllers.add(this);
    globalThis.addEventListener('popstate', this.#check);
    globalThis.addEventListener('hashchange', this.#check);
  }

  hostDisconnected(): void {
    controllers.delete(this);
    globalThis.removeEventListener('popstate', this.#check);
    globalThis.removeEventListener('hashchange', this.#check);
  }

  /** `showInUrl` tells every controller, so what the page itself opened is not reported back. */
  shown(kind: LinkedKind, id: string | null): void {
    if (kind === this.#kind) this.#last = id;
  }

  #check = () => {
    const id = this.id;
    if (id === this.#last) return;
    this.#last = id;
    this.#onChange(id);
  };
}

/**
 * Copies `url` to the clipboard (navigator.clipboard, with a fallback); resolves whether it worked.
 *
 * @example
 * if (await copyLink(itemUrl(pages, 'idea', id))) announce(this.t('idea.linkCopied'));
 */
export async function copyLink(url: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    // No permission, or an insecure context: the selection-and-copy command still works in most.
  }
  const field = document.createElement('textarea');
  field.value = url;
  field.setAttribute('readonly', '');
  field.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
  const focused = deepActiveElement();
  document.body.append(field);
  try {
    field.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
    if (focused instanceof HTMLElement) focused.focus();
  }
}

/** The focused element, inside shadow roots: the button that asked to copy, not its widget. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
