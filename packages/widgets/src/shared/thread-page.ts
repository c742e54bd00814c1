/**
 * Where a discussion lives, for links to it and to its comments: an idea's discussion (thread
 * key `idea:<id>`) on the idea's view, a card's (`card:<id>`) on the card's, any other on the
 * page it was started on (its `url`, or a key that is itself an address).
 */
import type { ItemPages } from '@bridgekit/sdk';
import { itemUrl } from './item-links.ts';

export interface ThreadPlace {
  key: string;
  url: string | null;
}

const OWNED = /^(idea|card):(.+)$/;

/** The page that shows the thread, or `null` when nothing says where it is. */
export function threadPageUrl(pages: ItemPages, thread: ThreadPlace): string | null {
  const owner = OWNED.exec(thread.key);
  if (owner?.[1] && owner[2]) return itemUrl(pages, owner[1] as 'idea' | 'card', owner[2]);
  if (thread.url) return thread.url;
  return /^https?:\/\//i.test(thread.key) ? thread.key : null;
}

/** A comment in its thread: the thread's page (this one when unknown) with `#bk-comment=<id>`. */
export function commentUrl(pages: ItemPages, commentId: string, thread: ThreadPlace): string {
  return itemUrl(pages, 'comment', commentId, { pageUrl: threadPageUrl(pages, thread) });
}
