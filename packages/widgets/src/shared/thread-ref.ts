/**
 * Which discussion thread an element means: an explicit `key`, a page `url`, or else the page
 * itself (its `<link rel="canonical">`, else its address). Shared by `bk-thread` and
 * `bk-comment-count`.
 */
import type { ThreadRef } from '@bridgekit/sdk';

/** The thread of `key`, of `url`, or of the page the element is on. */
export function threadRefOf(key: string | null | undefined, url: string | null | undefined): ThreadRef {
  if (key?.trim()) return { key: key.trim() };
  if (url?.trim()) return { url: new URL(url.trim(), document.baseURI).href };
  // `.href` of a link element is already absolute.
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  return { url: canonical || location.href };
}

/**
 * The canonical form of a page URL, as the Worker keys threads by it (a copy of
 * `packages/worker/src/lib/thread-key.ts`): http(s) only, no credentials, query string or
 * fragment, no trailing slash except for the site root. `null` when it is not one.
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

const KEY_MAX = 256;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The name the Worker answers a reference under in `threads.counts` (the trimmed key, or the
 * canonical URL), or `null` when the Worker would refuse it — so one bad reference cannot fail
 * a whole batch.
 */
export function countKeyOf(ref: ThreadRef): string | null {
  if (ref.key !== undefined) {
    const key = ref.key.trim();
    return key.length > 0 && key.length <= KEY_MAX && !CONTROL_CHARS.test(key) ? key : null;
  }
  return ref.url.length <= 2048 ? normalizePageUrl(ref.url) : null;
}
