/**
 * Which discussion thread an element means: an explicit `key`, a page `url`, or else the page
 * itself (its `<link rel="canonical">`, else its address). Shared by `bk-thread` and
 * `bk-comment-count`.
 */
import type { ThreadRef } from '@bridgekit/sdk';
import { normalizePageUrl } from '@bridgekit/sdk/page-url';
import { threadsPart } from '@bridgekit/sdk/parts/threads';
import { isBlank, isCleanText } from '@bridgekit/sdk/text-rules';
import { usePart } from './client.ts';

// Both elements that name a thread call the SDK's thread calls on their first screen.
usePart(threadsPart);

/** The thread of `key`, of `url`, or of the page the element is on. */
export function threadRefOf(key: string | null | undefined, url: string | null | undefined): ThreadRef {
  if (key?.trim()) return { key: key.trim() };
  if (url?.trim()) return { url: new URL(url.trim(), document.baseURI).href };
  // `.href` of a link element is already absolute.
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  return { url: canonical || location.href };
}

const KEY_MAX = 256;

/**
 * The name the Worker answers a reference under in `threads.counts` (the trimmed key, or the
 * canonical URL), or `null` when the Worker would refuse it — so one bad reference cannot fail
 * a whole batch.
 */
export function countKeyOf(ref: ThreadRef): string | null {
  if (ref.key !== undefined) {
    const key = ref.key.trim();
    return !isBlank(key) && key.length <= KEY_MAX && isCleanText(key, 'line') ? key : null;
  }
  return ref.url.length <= 2048 ? normalizePageUrl(ref.url) : null;
}
