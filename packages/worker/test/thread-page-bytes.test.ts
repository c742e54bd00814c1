/**
 * A thread page kept as bytes (store/thread-page-bytes.ts): its bytes are `JSON.stringify`'s,
 * and a viewer's page made by writing their own fields over the shared page's bytes is, byte for
 * byte, the page read for them alone — for the thread's starter, a replier, a reader with
 * nothing of their own and the anonymous reader, over text with quotes, non-ASCII, `</script>`
 * and line separators, and a removed comment the viewer had reacted to.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Comment, CommentWithReplies, Reaction, ThreadPage } from '@bridgekit/sdk';
import { REACTIONS } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { clearReadCache } from '../src/routes/read-cache.ts';
import { threadPageBytes, withOwnFields } from '../src/store/thread-page-bytes.ts';
import { call, DEMO, json, token } from './helpers.ts';

const TRICKY = [
  'She said "ship it" \\ then left',
  'Grüße, 東京, emoji 🚀 and a surrogate pair 𝄞',
  'A closing tag </script><script>alert(1)</script> in text',
  'Line\u2028separators\u2029and\ttabs\nand newlines',
];

const decode = (body: Uint8Array) => new TextDecoder().decode(body);

function comment(id: string, body: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    threadId: 't1',
    parentId: null,
    depth: 0,
    replyTo: null,
    author: { name: 'Ada "A" Lovelace', businessUnit: null, unit: null, handle: 'ada' } as Comment['author'],
    body,
    html: `<p>${body}</p>`,
    state: 'published',
    pendingReason: null,
    pendingReasonCode: null,
    pendingReasonParams: {},
    editedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    pinned: false,
    accepted: false,
    reactions: { like: 1, insight: 0, love: 2 },
    myReactions: [],
    mine: false,
    replyCount: 0,
    ...extra,
  };
}

/** The shared page with the viewer's fields set as objects: what the bytes must say. */
function ownPage(page: ThreadPage, started: boolean, mine: Set<string>, reactions: Map<string, Set<Reaction>>): ThreadPage {
  const own = <C extends Comment>(c: C): C => {
    const r = reactions.get(c.id);
    if (!r && !mine.has(c.id)) return c;
    return { ...c, mine: mine.has(c.id), myReactions: r && c.state !== 'removed' ? REACTIONS.filter((x) => r.has(x)) : c.myReactions };
  };
  if (!page.thread) return page;
  return {
    ...page,
    thread: { ...page.thread, startedByMe: started },
    items: page.items.map((c) => ({ ...own(c), replies: c.replies.map(own) })),
  };
}

describe('a thread page as bytes', () => {
  const items: CommentWithReplies[] = TRICKY.map((body, i) => ({
    ...comment(`c${i}`, body),
    replies: [comment(`r${i}`, `${body} (reply)`, { depth: 1, parentId: `c${i}` })],
    moreReplies: i === 0 ? 'cursor"with\\quotes' : null,
  }));
  items.push({ ...comment('gone', '', { state: 'removed', body: null, html: null, author: null }), replies: [], moreReplies: null });
  const page: ThreadPage = {
    thread: {
      id: 't1',
      key: 'page/"quoted"',
      url: 'https://intranet.test/ü?a=1&b=</script>',
      title: TRICKY[1] ?? '',
      commentCount: 9,
      acceptedCommentId: null,
      startedByMe: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      lastCommentAt: null,
      practices: [{ id: 'p1', title: TRICKY[0] ?? '', comment: null }],
    },
    items,
    nextCursor: 'next',
  };

  it('are JSON.stringify’s bytes, for a page, an empty page and a discussion not found', () => {
    expect(decode(threadPageBytes(page).body)).toBe(JSON.stringify(page));
    const empty: ThreadPage = { thread: null, items: [], nextCursor: null };
    expect(decode(threadPageBytes(empty).body)).toBe(JSON.stringify(empty));
    expect(threadPageBytes(null).found).toBe(false);
  });

  it('with a viewer’s fields written over are the bytes of the viewer’s page', () => {
    const cases: [boolean, string[], [string, Reaction[]][]][] = [
      [false, [], []],
      [true, [], []],
      [true, ['c0', 'r2'], [['c1', ['love', 'like']]]],
      [
        false,
        ['r3'],
        [
          ['c3', ['insight']],
          ['r0', ['like', 'insight', 'love']],
          ['gone', ['like']],
          ['elsewhere', ['like']],
        ],
      ],
    ];
    // The page as it is, and all ASCII (whose bytes are placed by their characters).
    const ascii: ThreadPage = JSON.parse(JSON.stringify(page).replace(/[^\x20-\x7e]|\\u[0-9a-f]{4}/g, '?'));
    expect(decode(threadPageBytes(ascii).body)).toBe(JSON.stringify(ascii));
    for (const source of [page, ascii]) {
      const shared = threadPageBytes(source);
      for (const [started, mine, reacted] of cases) {
        const reactions = new Map(reacted.map(([id, list]) => [id, new Set(list)]));
        const spliced = withOwnFields(shared, { startedByMe: started, mine: new Set(mine), reactions });
        expect(decode(spliced.body)).toBe(JSON.stringify(ownPage(source, started, new Set(mine), reactions)));
      }
    }
    // Nothing of the viewer's: the shared bytes themselves.
    const shared = threadPageBytes(page);
    expect(withOwnFields(shared, { startedByMe: false, mine: new Set(), reactions: new Map() }).body).toBe(shared.body);
  });
});

describe('a viewer’s thread page from the shared bytes', () => {
  const key = 'bytes-thread';
  const url = `${DEMO}/threads/comments?key=${key}`;
  const tokens: Record<'ada' | 'ben' | 'cy', string> = { ada: '', ben: '', cy: '' };

  const read = async (who?: keyof typeof tokens) => {
    const ctx = createExecutionContext();
    const headers: HeadersInit = who ? { authorization: `Bearer ${tokens[who]}` } : {};
    const res = await app.fetch(new Request(url, { headers }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    return res.text();
  };

  const post = async (who: keyof typeof tokens, body: string, parentId?: string) => {
    const res = await call(`${DEMO}/threads/comments`, {
      method: 'POST',
      token: tokens[who],
      body: JSON.stringify({ key, body, parentId }),
    });
    expect(res.status).toBe(201);
    const c = await json<Comment>(res);
    expect(c.state).toBe('published');
    return c.id;
  };
  const react = async (who: keyof typeof tokens, id: string, reaction: Reaction) =>
    expect((await call(`${DEMO}/comments/${id}/reactions/${reaction}`, { method: 'PUT', token: tokens[who] })).status).toBe(200);

  let removed = '';
  beforeAll(async () => {
    tokens.ada = await token({ sub: 'bytes-ada', name: 'Ada "Bytes" Ł' });
    tokens.ben = await token({ sub: 'bytes-ben', name: 'Ben </script>' });
    tokens.cy = await token({ sub: 'bytes-cy', name: 'Cy Reader' });
    const first = await post('ada', TRICKY[0] ?? '');
    const second = await post('ada', TRICKY[1] ?? '');
    const reply = await post('ben', TRICKY[2] ?? '', first);
    removed = await post('ben', TRICKY[3] ?? '');
    await post('ada', 'A reply under the comment Ben removes', removed);
    await react('ben', first, 'love');
    await react('ben', first, 'like');
    await react('ada', reply, 'insight');
    await react('ada', second, 'like');
    await react('ada', removed, 'love');
    expect((await call(`${DEMO}/comments/${removed}`, { method: 'DELETE', token: tokens.ben })).status).toBe(204);
  });

  it('is byte for byte the page read for the viewer alone, for readers with and without state of their own', async () => {
    for (const who of ['ada', 'ben', 'cy', undefined] as const) {
      clearReadCache();
      // Not cached: the viewer's page read for them; then from the shared page's bytes.
      const alone = await read(who);
      const spliced = await read(who);
      expect(spliced, who).toBe(alone);
    }
    const ada = JSON.parse(await read('ada')) as ThreadPage;
    expect(ada.thread?.startedByMe).toBe(true);
    expect(ada.items.filter((c) => c.mine).length).toBe(2);
    expect(ada.items.find((c) => c.id === removed)?.myReactions).toEqual([]);
    const ben = JSON.parse(await read('ben')) as ThreadPage;
    expect(ben.thread?.startedByMe).toBe(false);
    expect(ben.items[0]?.myReactions).toEqual(['like', 'love']);
    expect(ben.items[0]?.replies[0]?.mine).toBe(true);
    expect(ben.items.find((c) => c.id === removed)?.state).toBe('removed');
    expect(ben.items.map((c) => c.body)).toContain(TRICKY[1]);
  });
});
