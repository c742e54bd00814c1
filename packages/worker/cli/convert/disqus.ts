/**
 * A Disqus XML export (`<disqus>` with `<thread dsq:id>` and `<post dsq:id>`) as a Bridgekit
 * archive: its people, one thread per page that has posts (found again by the page's URL) and the
 * posts as comments, replies nested as Bridgekit nests them. Read twice, as a stream: first what
 * the posts are (ids, threads, parents, authors, dates; not their text), then their messages, so
 * memory grows with the number of posts, not with their text. Deleted and spam posts stay, empty
 * and removed, where they have replies to keep in place; without replies they are left out.
 */
import { normalizePageUrl } from '@bridgekit/sdk/page-url';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { fingerprintOf } from '../../src/moderation/phases/repeat-post.ts';
import { DEFAULT_MODERATION_SETTINGS } from '../../src/moderation/pipeline.ts';
import { archiveLines, idPart, type Row } from './archive-writer.ts';
import { htmlToMarkdown } from './html.ts';

/** Opens the export again from its start, as text chunks. */
export type Source = () => AsyncIterable<string>;

interface Post {
  id: string;
  thread: string;
  parent: string | null;
  author: string;
  at: number;
  removed: 'author' | 'moderator' | null;
}

interface Author {
  name: string;
  email: string | null;
  at: number;
}

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

interface Closed {
  /** e.g. `disqus/post/author/name`. */
  path: string;
  element: Element;
  parent: Element | undefined;
}

/** Each element as it closes, with its path and text; a chunk of the file at a time. */
async function* elements(source: Source): AsyncGenerator<Closed> {
  const parser = new SaxesParser({ xmlns: false });
  const stack: Element[] = [];
  let closed: Closed[] = [];
  let failure: Error | null = null;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    stack.push({ name: tag.name.replace(/^[a-z]+:/i, ''), attributes: tag.attributes as Record<string, string>, text: '' });
  });
  const addText = (text: string) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element) closed.push({ path: [...stack.map((e) => e.name), element.name].join('/'), element, parent: stack.at(-1) });
  });
  parser.on('error', (err) => {
    failure ??= err;
  });
  const fail = () => new Error(`The Disqus export is not well-formed XML: ${failure?.message}`);
  for await (const chunk of source()) {
    parser.write(chunk);
    if (failure) throw fail();
    yield* closed;
    closed = [];
  }
  parser.close();
  if (failure) throw fail();
  yield* closed;
}

const dsqId = (e: Element) => e.attributes['dsq:id'] ?? e.attributes.id ?? '';

/** Where Bridgekit shows a comment: nesting up to the tenant's depth, deeper replies flattened (as store/comments.ts does). */
interface Placement {
  parentId: string | null;
  rootId: string;
  depth: number;
  replyToId: string | null;
}

export async function* disqusArchive(source: Source, tenant: { slug: string; name: string }): AsyncGenerator<string> {
  // ——— First pass: what the posts are ———
  const threads = new Map<string, { link: string; title: string }>();
  const posts = new Map<string, Post>();
  const authors = new Map<string, Author>();
  let post: Partial<Post> & { flags: Set<string>; who: Record<string, string> } = { flags: new Set(), who: {} };
  for await (const { path, element: e, parent } of elements(source)) {
    if (path === 'disqus/thread/link' && parent)
      threads.set(dsqId(parent), { link: e.text.trim(), title: threads.get(dsqId(parent))?.title ?? '' });
    else if (path === 'disqus/thread/title' && parent)
      threads.set(dsqId(parent), { link: threads.get(dsqId(parent))?.link ?? '', title: e.text.trim() });
    else if (path === 'disqus/post/thread') post.thread = dsqId(e);
    else if (path === 'disqus/post/parent') post.parent = dsqId(e) || null;
    else if (path === 'disqus/post/createdAt') post.at = Date.parse(e.text.trim());
    else if (path === 'disqus/post/isDeleted' || path === 'disqus/post/isSpam') {
      if (e.text.trim() === 'true') post.flags.add(e.name);
    } else if (path.startsWith('disqus/post/author/')) post.who[e.name] = e.text.trim();
    else if (path === 'disqus/post') {
      const who = post.who.username || post.who.email || post.who.name || 'anonymous';
      const at = Number.isFinite(post.at) ? (post.at as number) : 0;
      posts.set(dsqId(e), {
        id: dsqId(e),
        thread: post.thread ?? '',
        parent: post.parent ?? null,
        author: who,
        at,
        removed: post.flags.has('isSpam') ? 'moderator' : post.flags.has('isDeleted') ? 'author' : null,
      });
      const known = authors.get(who);
      authors.set(who, { name: post.who.name || who, email: post.who.email || null, at: Math.max(known?.at ?? 0, at) });
      post = { flags: new Set(), who: {} };
    }
  }

  // Removed posts without replies are left out; the others keep their place in their branch.
  const hasReplies = new Set([...posts.values()].map((p) => p.parent).filter((p): p is string => p !== null));
  for (const [id, p] of posts) if ((p.removed && !hasReplies.has(id)) || !threads.has(p.thread)) posts.delete(id);
  const placements = new Map<string, Placement>();
  const place = (p: Post, seen = new Set<string>()): Placement => {
    const known = placements.get(p.id);
    if (known) return known;
    const parent = p.parent ? posts.get(p.parent) : undefined;
    let placement: Placement = { parentId: null, rootId: p.id, depth: 0, replyToId: null };
    if (parent && !seen.has(parent.id)) {
      const above = place(parent, seen.add(p.id));
      placement =
        above.depth + 1 < DEFAULT_MODERATION_SETTINGS.maxDepth
          ? { parentId: parent.id, rootId: above.rootId, depth: above.depth + 1, replyToId: null }
          : { parentId: above.parentId, rootId: above.rootId, depth: above.depth, replyToId: parent.id };
    }
    placements.set(p.id, placement);
    return placement;
  };
  const replies = new Map<string, number>();
  const perThread = new Map<string, { count: number; first: Post; last: number }>();
  for (const p of [...posts.values()].sort((a, b) => a.at - b.at)) {
    const placement = place(p);
    if (p.removed) continue;
    if (placement.rootId !== p.id) replies.set(placement.rootId, (replies.get(placement.rootId) ?? 0) + 1);
    const t = perThread.get(p.thread);
    perThread.set(p.thread, { count: (t?.count ?? 0) + 1, first: t?.first ?? p, last: Math.max(t?.last ?? 0, p.at) });
  }
  const userId = (who: string) => `disqus-user-${idPart(who)}`;
  const threadId = (id: string) => `disqus-thread-${id}`;
  const commentId = (id: string) => `disqus-${id}`;

  async function* records(): AsyncGenerator<[string, Row]> {
    const used = new Set([...posts.values()].map((p) => p.author));
    for (const [who, a] of authors) {
      if (!used.has(who)) continue;
      yield [
        'users',
        { id: userId(who), subject: `disqus|${who}`, name: a.name.slice(0, 200), email: a.email, createdAt: a.at, lastSeenAt: a.at },
      ];
    }
    for (const [id, t] of threads) {
      const stats = perThread.get(id);
      const first = stats?.first ?? [...posts.values()].find((p) => p.thread === id);
      if (!first) continue;
      yield [
        'threads',
        {
          id: threadId(id),
          key: normalizePageUrl(t.link) ?? `disqus:${id}`,
          url: normalizePageUrl(t.link),
          title: t.title.slice(0, 200) || null,
          startedBy: userId(first.author),
          commentCount: stats?.count ?? 0,
          lastCommentAt: stats?.last ?? null,
          createdAt: first.at,
        },
      ];
    }
    // ——— Second pass: the messages ———
    let message = '';
    for await (const { path, element: e } of elements(source)) {
      if (path === 'disqus/post/message') message = e.text;
      if (path !== 'disqus/post') continue;
      const p = posts.get(dsqId(e));
      const text = message;
      message = '';
      if (!p) continue;
      const placement = placements.get(p.id) ?? { parentId: null, rootId: p.id, depth: 0, replyToId: null };
      const body = p.removed ? '' : htmlToMarkdown(text).slice(0, 10_000);
      yield [
        'comments',
        {
          id: commentId(p.id),
          threadId: threadId(p.thread),
          parentId: placement.parentId && commentId(placement.parentId),
          rootId: commentId(placement.rootId),
          replyToId: placement.replyToId && commentId(placement.replyToId),
          depth: placement.depth,
          authorId: userId(p.author),
          body,
          html: '',
          fingerprint: fingerprintOf(body),
          state: p.removed ? 'removed' : 'published',
          removedBy: p.removed,
          replyCount: replies.get(p.id) ?? 0,
          updatedAt: p.at,
          createdAt: p.at,
        },
      ];
    }
  }

  yield* archiveLines(tenant, records());
}
