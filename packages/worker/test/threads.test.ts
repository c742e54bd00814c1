import { env } from 'cloudflare:workers';
import type { Comment, CommentRevision, Page, ThreadActivity, ThreadPage } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { versioned } from '../src/store/cache-versions.ts';
import { call, DEMO, errorOf, json, seedOtherTenant, token } from './helpers.ts';

const THREADS = `${DEMO}/threads/comments`;

let ada: string;
let ben: string;
let cleo: string;
let mod: string;

beforeAll(async () => {
  [ada, ben, cleo, mod] = await Promise.all([
    token({ sub: 'ada', name: 'Ada Lovelace', bu: 'Finance' }),
    token({ sub: 'ben', name: 'Ben Okoro', bu: 'Sales' }),
    token({ sub: 'cleo', name: 'Cleo Park', bu: 'IT' }),
    token({ sub: 'mod', name: 'Mo Derator', extra: { roles: ['Bridgekit.Moderator'] } }),
  ]);
});

async function post(t: string, input: Record<string, unknown>): Promise<Comment> {
  const res = await call(THREADS, { method: 'POST', token: t, body: JSON.stringify(input) });
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${await res.text()}`);
  return json<Comment>(res);
}

const page = async (query: string, t?: string) => json<ThreadPage>(await call(`${THREADS}?${query}`, t ? { token: t } : {}));

describe('threads', () => {
  it('are created by their first comment, found by key, and count published comments', async () => {
    expect(await page('key=first-thread')).toEqual({ thread: null, items: [], nextCursor: null });
    const first = await post(ada, { key: 'first-thread', title: 'Selling a data platform to Finance', body: 'How did you **start**?' });
    expect(first).toMatchObject({
      state: 'published',
      depth: 0,
      parentId: null,
      mine: true,
      author: { name: 'Ada Lovelace', handle: 'ada.lovelace' },
    });
    expect(first.html).toBe('<p>How did you <strong>start</strong>?</p>');
    const p = await page('key=first-thread', ada);
    expect(p.thread).toMatchObject({
      key: 'first-thread',
      title: 'Selling a data platform to Finance',
      commentCount: 1,
      startedByMe: true,
      url: null,
    });
    expect(p.items.map((c) => c.id)).toEqual([first.id]);
    expect((await page('key=first-thread', ben)).thread?.startedByMe).toBe(false);
  });

  it('attach to a page by its canonical URL: query string, fragment, case of the host and trailing slash ignored', async () => {
    await post(ada, { url: 'https://Intranet.Contoso.com:443/sites/brm/story.aspx/?web=1#comments', body: 'By URL' });
    const p = await page(`url=${encodeURIComponent('https://intranet.contoso.com/sites/brm/story.aspx')}`);
    expect(p.thread).toMatchObject({
      key: 'https://intranet.contoso.com/sites/brm/story.aspx',
      url: 'https://intranet.contoso.com/sites/brm/story.aspx',
    });
    expect(p.items).toHaveLength(1);
    const bad = await call(`${THREADS}?url=${encodeURIComponent('javascript:alert(1)')}`);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/absolute http\(s\) URL/);
    const both = await call(`${THREADS}?key=a&url=${encodeURIComponent('https://x.example/')}`);
    expect(both.status).toBe(400);
    expect((await errorOf(both)).message).toMatch(/exactly one of `key`/);
  });

  it('nest replies up to the depth, then flatten them with a "replying to" mention', async () => {
    const root = await post(ada, { key: 'nesting', body: 'Root' });
    let parent = root;
    const chain: Comment[] = [];
    for (let i = 1; i <= 5; i++) {
      parent = await post(i % 2 ? ben : ada, { key: 'nesting', body: `Reply ${i}`, parentId: parent.id });
      chain.push(parent);
    }
    expect(chain.map((c) => c.depth)).toEqual([1, 2, 3, 3, 3]);
    // Reply 4 answers reply 3 (depth 3) but is shown beside it, under reply 2.
    expect(chain[3]).toMatchObject({ parentId: chain[1]?.id, replyTo: { id: chain[2]?.id, author: 'Ben Okoro' } });
    expect(chain[4]).toMatchObject({ parentId: chain[1]?.id, replyTo: { id: chain[3]?.id, author: 'Ada Lovelace' } });
    const p = await page('key=nesting');
    expect(p.items[0]).toMatchObject({ id: root.id, replyCount: 5 });
    expect(p.items[0]?.replies.map((r) => r.id)).toEqual(chain.map((c) => c.id));
    expect(p.thread?.commentCount).toBe(6);
  });

  it('refuse a reply to a comment of another thread', async () => {
    const elsewhere = await post(ada, { key: 'thread-a', body: 'In A' });
    const res = await call(THREADS, {
      method: 'POST',
      token: ben,
      body: JSON.stringify({ key: 'thread-b', body: 'x', parentId: elsewhere.id }),
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/not in this thread/);
    expect(
      (await call(THREADS, { method: 'POST', token: ben, body: JSON.stringify({ key: 'thread-a', body: 'x', parentId: 'nope' }) })).status,
    ).toBe(404);
  });

  it('sort oldest, newest and top, pinned first, page by page with a cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await post(i % 2 ? ada : ben, { key: 'sorting', body: `Comment number ${i}` })).id);
    await call(`${DEMO}/comments/${ids[2]}/reactions/like`, { method: 'PUT', token: cleo });
    await call(`${DEMO}/comments/${ids[2]}/reactions/insight`, { method: 'PUT', token: cleo });
    await call(`${DEMO}/comments/${ids[5]}/reactions/like`, { method: 'PUT', token: cleo });
    expect((await call(`${DEMO}/comments/${ids[6]}/pin`, { method: 'PUT', token: mod })).status).toBe(200);

    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const p: ThreadPage = await page(`key=sorting&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...p.items.map((c) => c.id));
        cursor = p.nextCursor;
      } while (cursor);
      return seen;
    };
    const pinned = ids[6] as string;
    const rest = ids.slice(0, 6);
    expect(await walk('oldest')).toEqual([pinned, ...rest]);
    expect(await walk('newest')).toEqual([pinned, ...[...rest].reverse()]);
    expect(await walk('top')).toEqual([pinned, ids[2], ids[5], ids[0], ids[1], ids[3], ids[4]]);

    const first = await page('key=sorting&sort=oldest&limit=3');
    const wrongSort = await call(`${THREADS}?key=sorting&sort=newest&cursor=${first.nextCursor}`);
    expect(wrongSort.status).toBe(400);
    expect((await errorOf(wrongSort)).message).toMatch(/another list or sort/);
    expect((await call(`${THREADS}?key=sorting&cursor=garbage`)).status).toBe(400);
  });

  it('send the first 50 replies of each branch with the page, and the rest on demand', async () => {
    const root = await post(ada, { key: 'busy', body: 'Popular question' });
    const now = Date.now();
    // 60 replies written directly, a millisecond apart, to keep the test quick.
    await env.DB.batch(
      Array.from({ length: 60 }, (_, i) =>
        env.DB.prepare(
          `insert into comments (id, tenant_id, thread_id, parent_id, root_id, depth, author_id, body, html, fingerprint, state, updated_at, created_at)
           select ?, tenant_id, thread_id, id, id, 1, author_id, ?, ?, ?, 'published', ?, ? from comments where id = ?`,
        ).bind(`busy-${String(i).padStart(2, '0')}`, `Reply ${i}`, `<p>Reply ${i}</p>`, `f${i}`, now + i, now + i, root.id),
      ),
    );
    const p = await page('key=busy');
    const item = p.items[0];
    expect(item?.replies).toHaveLength(50);
    expect(item?.moreReplies).toBeTruthy();
    const more = await json<Page<Comment>>(await call(`${DEMO}/comments/${root.id}/replies?cursor=${item?.moreReplies}`));
    expect(more.items.map((c) => c.id)).toEqual(Array.from({ length: 10 }, (_, i) => `busy-${50 + i}`));
    expect(more.nextCursor).toBeNull();
  });
});

describe('comments', () => {
  it('render Markdown to safe HTML on the server, keeping the source', async () => {
    const c = await post(ada, {
      key: 'markdown',
      body: '*Hi* <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.com) `code`',
    });
    expect(c.body).toContain('<script>');
    expect(c.html).not.toContain('<script');
    expect(c.html).toContain('&lt;script&gt;');
    expect(c.html).not.toContain('javascript:');
    expect(c.html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">ok</a>');
    expect(c.html).toContain('<code>code</code>');
  });

  it('refuse empty, oversized and malformed comments with a clear 4xx', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ key: 'k', body: '   ' }, 400, /Write something first/],
      [{ key: 'k', body: 'x'.repeat(10_001) }, 400, /at most 10,000 characters/],
      [{ key: 'k' }, 400, /body/],
      [{ body: 'no thread' }, 400, /exactly one of `key`/],
      [{ key: 'k', body: 'x', extra: 1 }, 400, /extra/],
      [{ key: 'k', body: 'a'.repeat(1_000_000) }, 413, /larger than/],
    ];
    for (const [input, status, message] of cases) {
      const res = await call(THREADS, { method: 'POST', token: ada, body: JSON.stringify(input) });
      expect(res.status, JSON.stringify(input).slice(0, 60)).toBe(status);
      expect((await errorOf(res)).message).toMatch(message);
    }
    const count = await env.DB.prepare("select count(*) as n from threads where key = 'k'").first<{ n: number }>();
    expect(count?.n).toBe(0);
  });

  it('need a signed-in writer to post', async () => {
    const res = await call(THREADS, { method: 'POST', body: JSON.stringify({ key: 'k2', body: 'Hello' }) });
    expect(res.status).toBe(401);
  });

  it('are edited by their author only, keeping every earlier text', async () => {
    const c = await post(ada, { key: 'editing', body: 'First text' });
    const edit = (t: string, body: string) =>
      call(`${DEMO}/comments/${c.id}`, { method: 'PATCH', token: t, body: JSON.stringify({ body }) });
    expect((await edit(ben, 'Hijacked')).status).toBe(403);
    const edited = await json<Comment>(await edit(ada, 'Second *text*'));
    expect(edited).toMatchObject({ body: 'Second *text*', html: '<p>Second <em>text</em></p>' });
    expect(edited.editedAt).not.toBeNull();
    await edit(ada, 'Third text');
    const history = await json<{ items: CommentRevision[] }>(await call(`${DEMO}/comments/${c.id}/history`, { token: ada }));
    expect(history.items.map((r) => r.body)).toEqual(['Second *text*', 'First text']);
    expect((await call(`${DEMO}/comments/${c.id}/history`, { token: ben })).status).toBe(403);
    expect((await call(`${DEMO}/comments/${c.id}/history`, { token: mod })).status).toBe(200);
  });

  it('are deleted softly: a placeholder keeps the replies in place, a leaf disappears', async () => {
    const root = await post(ada, { key: 'deleting', body: 'Will be deleted' });
    const reply = await post(ben, { key: 'deleting', body: 'Answer', parentId: root.id });
    const leaf = await post(ben, { key: 'deleting', body: 'Leaf' });
    expect((await call(`${DEMO}/comments/${root.id}`, { method: 'DELETE', token: ben })).status).toBe(403);
    expect((await call(`${DEMO}/comments/${root.id}`, { method: 'DELETE', token: ada })).status).toBe(204);
    expect((await call(`${DEMO}/comments/${root.id}`, { method: 'DELETE', token: ada })).status).toBe(204);
    expect((await call(`${DEMO}/comments/${leaf.id}`, { method: 'DELETE', token: ben })).status).toBe(204);
    const p = await page('key=deleting', cleo);
    expect(p.thread?.commentCount).toBe(1);
    expect(p.items).toHaveLength(1);
    expect(p.items[0]).toMatchObject({ id: root.id, state: 'removed', author: null, body: null, html: null });
    expect(p.items[0]?.replies.map((r) => r.id)).toEqual([reply.id]);
    const edit = await call(`${DEMO}/comments/${root.id}`, { method: 'PATCH', token: ada, body: JSON.stringify({ body: 'Back' }) });
    expect(edit.status).toBe(409);
  });

  it('take one reaction of each kind per person, idempotently', async () => {
    const c = await post(ada, { key: 'reactions', body: 'React to me' });
    const react = (t: string, r: string, method = 'PUT') => call(`${DEMO}/comments/${c.id}/reactions/${r}`, { method, token: t });
    await react(ben, 'like');
    await react(ben, 'like');
    await react(ben, 'love');
    const after = await json<Comment>(await react(cleo, 'like'));
    expect(after.reactions).toEqual({ like: 2, insight: 0, love: 1 });
    expect(after.myReactions).toEqual(['like']);
    const back = await json<Comment>(await react(ben, 'like', 'DELETE'));
    expect(back.reactions).toEqual({ like: 1, insight: 0, love: 1 });
    expect(back.myReactions).toEqual(['love']);
    expect((await react(ben, 'angry')).status).toBe(400);
  });

  it('render @mentions of members and record them', async () => {
    await post(cleo, { key: 'mentions-setup', body: 'Hi, I am Cleo' });
    const c = await post(ada, { key: 'mentions', body: '@cleo.park what do you think? @nobody.here `@cleo.park`' });
    expect(c.html).toContain('<span class="bk-mention" data-handle="cleo.park">@cleo.park</span>');
    expect(c.html).not.toContain('data-handle="nobody.here"');
    const mentions = await env.DB.prepare('select u.handle from comment_mentions m join users u on u.id = m.user_id where m.comment_id = ?')
      .bind(c.id)
      .all<{ handle: string }>();
    expect(mentions.results.map((m) => m.handle)).toEqual(['cleo.park']);
    const found = await json<{ items: { handle: string; name: string }[] }>(await call(`${DEMO}/users?q=cle`, { token: ada }));
    expect(found.items).toContainEqual({ handle: 'cleo.park', name: 'Cleo Park', businessUnit: 'IT' });
    expect(JSON.stringify(found)).not.toContain('@contoso');
  });

  it('leave the person untouched when a reaction answers 404', async () => {
    await post(ada, { key: 'reaction-404', body: 'Ada has been here' });
    await env.DB.prepare("update users set last_seen_at = 1 where subject = 'ada'").run();
    const before = await env.DB.prepare("select * from users where subject = 'ada'").first();
    for (const method of ['PUT', 'DELETE']) {
      const res = await call(`${DEMO}/comments/no-such-comment/reactions/like`, { method, token: ada });
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toMatchObject({ code: 'not_found' });
    }
    expect(await env.DB.prepare("select * from users where subject = 'ada'").first()).toEqual(before);
    // Nor is anyone new recorded.
    const newcomer = await token({ sub: 'reacts-to-nothing', name: 'Newcomer' });
    expect((await call(`${DEMO}/comments/no-such-comment/reactions/love`, { method: 'PUT', token: newcomer })).status).toBe(404);
    expect(await env.DB.prepare("select id from users where subject = 'reacts-to-nothing'").first()).toBeNull();
  });

  it('find members to @mention by the start of the handle or of a word of the name, whatever is typed', async () => {
    const long = 'x'.repeat(48);
    await post(await token({ sub: 'long-name', name: `Quinn ${long}` }), { key: 'mention-lookup', body: 'Hello' });
    await post(cleo, { key: 'mention-lookup', body: 'Hello too' });
    const lookUp = async (q: string) => {
      const res = await call(`${DEMO}/users?q=${encodeURIComponent(q)}`, { token: ada });
      expect(res.status, q).toBe(200);
      return (await json<{ items: { handle: string; name: string }[] }>(res)).items.map((i) => i.name);
    };
    // D1 refuses LIKE patterns over 50 bytes; none of these is one.
    expect(await lookUp(long)).toEqual([`Quinn ${long}`]);
    expect(await lookUp('%'.repeat(24))).toEqual([]);
    expect(await lookUp('_'.repeat(24))).toEqual([]);
    expect(await lookUp('é'.repeat(24))).toEqual([]);
    expect(await lookUp('😀'.repeat(12))).toEqual([]);
    expect(await lookUp('%_\\'.repeat(15))).toEqual([]);
    // `%` and `_` are plain characters, not wildcards.
    expect(await lookUp('c%')).toEqual([]);
    expect(await lookUp('c_eo')).toEqual([]);
    expect(await lookUp('CLE')).toEqual(['Cleo Park']);
    expect(await lookUp('park')).toEqual(['Cleo Park']);
    expect(await lookUp('cleo.p')).toEqual(['Cleo Park']);
    expect(await lookUp('ark')).toEqual([]);
  });

  it('give distinct handles to people with the same name', async () => {
    const [a, b] = await Promise.all([token({ sub: 'sam-1', name: 'Sam Lee' }), token({ sub: 'sam-2', name: 'Sam Lee' })]);
    const first = await post(a, { key: 'sams', body: 'One' });
    const second = await post(b, { key: 'sams', body: 'Two' });
    expect(first.author?.handle).toBe('sam.lee');
    expect(second.author?.handle).toMatch(/^sam\.lee\.[0-9a-z]{6}$/);
  });

  it('mark one accepted answer, by the thread starter or a moderator', async () => {
    const question = await post(ada, { key: 'question', body: 'How do you deflect small change requests?' });
    const a1 = await post(ben, { key: 'question', body: 'Point them to self-service', parentId: question.id });
    const a2 = await post(cleo, { key: 'question', body: 'A demand council', parentId: question.id });
    expect((await call(`${DEMO}/comments/${a1.id}/accepted`, { method: 'PUT', token: cleo })).status).toBe(403);
    expect(await json<Comment>(await call(`${DEMO}/comments/${a1.id}/accepted`, { method: 'PUT', token: ada }))).toMatchObject({
      accepted: true,
    });
    await call(`${DEMO}/comments/${a2.id}/accepted`, { method: 'PUT', token: mod });
    const p = await page('key=question');
    expect(p.thread?.acceptedCommentId).toBe(a2.id);
    expect(p.items[0]?.replies.map((r) => [r.id, r.accepted])).toEqual([
      [a1.id, false],
      [a2.id, true],
    ]);
  });

  it('pin top-level comments only, by moderators', async () => {
    const root = await post(ada, { key: 'pins', body: 'Root' });
    const reply = await post(ben, { key: 'pins', body: 'Reply', parentId: root.id });
    expect((await call(`${DEMO}/comments/${root.id}/pin`, { method: 'PUT', token: ada })).status).toBe(403);
    expect((await call(`${DEMO}/comments/${reply.id}/pin`, { method: 'PUT', token: mod })).status).toBe(400);
    expect(await json<Comment>(await call(`${DEMO}/comments/${root.id}/pin`, { method: 'PUT', token: mod }))).toMatchObject({
      pinned: true,
    });
  });
});

describe('counts and activity', () => {
  it('count published comments for many pages at once, 0 for pages without a thread', async () => {
    await post(ada, { key: 'count-a', body: 'One' });
    await post(ben, { key: 'count-a', body: 'Two' });
    const url = 'https://intranet.contoso.com/news/1';
    await post(ada, { url, body: 'Three' });
    const res = await call(`${DEMO}/threads/counts?key=count-a&key=count-none&url=${encodeURIComponent(`${url}?x=1`)}`);
    expect(await json(res)).toEqual({ counts: { 'count-a': 2, 'count-none': 0, [`${url}?x=1`]: 1 } });
    expect((await call(`${DEMO}/threads/counts`)).status).toBe(400);
  });

  it('list what changed since a moment, for clients that cannot keep a socket open', async () => {
    const first = await post(ada, { key: 'activity', body: 'Before' });
    const since = new Date(Date.now() + 10_000).toISOString();
    const { thread } = await page('key=activity');
    const quiet = await json<ThreadActivity>(await call(`${DEMO}/threads/${thread?.id}/activity?since=${since}`));
    expect(quiet).toMatchObject({ created: [], updated: [], removed: [] });
    const earlier = new Date(Date.now() - 60_000).toISOString();
    const second = await post(ben, { key: 'activity', body: 'After' });
    await call(`${DEMO}/comments/${first.id}`, { method: 'DELETE', token: ada });
    const changes = await json<ThreadActivity>(await call(`${DEMO}/threads/${thread?.id}/activity?since=${earlier}`));
    expect(changes.created).toEqual([second.id]);
    expect(changes.removed).toEqual([first.id]);
    expect((await call(`${DEMO}/threads/${thread?.id}/activity?since=yesterday`)).status).toBe(400);
    expect((await call(`${DEMO}/threads/nope/activity?since=${earlier}`)).status).toBe(404);
  });
});

describe('activity of a busy thread', () => {
  it('goes on past an answer cut off at 500 changes until every change is told once, however many share a moment', async () => {
    const root = await post(ada, { key: 'activity-busy', body: 'Busy' });
    const since = Date.now() - 60_000;
    // 1,200 comments, 700 of them changed in the same millisecond: more than one answer holds.
    const at = Date.now() - 1_000;
    const ids = Array.from({ length: 1200 }, (_, i) => `busy-${String(i).padStart(4, '0')}`);
    const db = versioned(env.DB, DEMO_TENANT.id);
    for (let i = 0; i < ids.length; i += 100) {
      await db.batch(
        ids.slice(i, i + 100).map((id, j) =>
          db
            .prepare(
              `insert into comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
               values (?, 'demo-tenant', ?, ?, 'demo-user-amara', 'Busy', '<p>Busy</p>', ?, 'published', ?, ?)`,
            )
            .bind(id, root.threadId, id, `busy-f${i + j}`, i + j < 700 ? at : at + i + j, at),
        ),
      );
    }
    const told: string[] = [];
    const answers: ThreadActivity[] = [];
    let after: string | undefined;
    do {
      const query = `since=${new Date(since).toISOString()}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const res = await call(`${DEMO}/threads/${root.threadId}/activity?${query}`);
      expect(res.status).toBe(200);
      const answer = await json<ThreadActivity>(res);
      answers.push(answer);
      told.push(...answer.created, ...answer.updated, ...answer.removed);
      after = answer.next;
    } while (after && answers.length < 10);
    expect(answers.map((a) => a.created.length)).toEqual([500, 500, 201]);
    expect(told.toSorted()).toEqual([root.id, ...ids].toSorted());
    // The run's last answer goes on from when its first was read: writes that committed after that read are looked at again.
    expect(answers.at(-1)?.next).toBeUndefined();
    const firstRead = Number(answers[0]?.next?.split('.')[1]);
    expect(Date.parse(answers.at(-1)?.until ?? '')).toBe(firstRead);
    const badCursor = await call(`${DEMO}/threads/${root.threadId}/activity?since=${new Date(since).toISOString()}&after=not-a-cursor`);
    expect(badCursor.status).toBe(400);
  });
});

describe('tenant isolation of threads', () => {
  it("never shows or touches another tenant's thread with the same key", async () => {
    const { secret } = await seedOtherTenant();
    const other = await token({ secret, kid: 'k1', sub: 'fab|1', name: 'Fabrikam person' });
    const OTHER = DEMO.replace('/demo', '/other');
    const theirs = await json<Comment>(
      await call(`${OTHER}/threads/comments`, {
        method: 'POST',
        token: other,
        body: JSON.stringify({ key: 'shared-key', body: 'Fabrikam secret plan' }),
      }),
    );
    const ours = await post(ada, { key: 'shared-key', body: 'Contoso text' });
    expect(ours.threadId).not.toBe(theirs.threadId);
    const p = await page('key=shared-key');
    expect(JSON.stringify(p)).not.toContain('Fabrikam');
    for (const [method, path] of [
      ['GET', `/comments/${theirs.id}`],
      ['PATCH', `/comments/${theirs.id}`],
      ['DELETE', `/comments/${theirs.id}`],
      ['PUT', `/comments/${theirs.id}/reactions/like`],
      ['POST', `/comments/${theirs.id}/flags`],
      ['PUT', `/comments/${theirs.id}/accepted`],
      ['GET', `/comments/${theirs.id}/replies`],
      ['GET', `/threads/${theirs.threadId}/activity?since=2020-01-01T00:00:00Z`],
      ['POST', `/threads/${theirs.threadId}/live`],
    ] as const) {
      const body = method === 'PATCH' ? { body: 'x' } : method === 'POST' && path.endsWith('flags') ? { reason: 'spam' } : undefined;
      const res = await call(`${DEMO}${path}`, { method, token: ada, ...(body ? { body: JSON.stringify(body) } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.text()).not.toContain('Fabrikam');
    }
    const reply = await call(THREADS, {
      method: 'POST',
      token: ada,
      body: JSON.stringify({ key: 'shared-key', body: 'x', parentId: theirs.id }),
    });
    expect(reply.status).toBe(404);
    const counts = await json<{ counts: Record<string, number> }>(await call(`${DEMO}/threads/counts?key=shared-key`));
    expect(counts.counts['shared-key']).toBe(1);
    const unchanged = await env.DB.prepare('select body, state, like_count from comments where id = ?').bind(theirs.id).first();
    expect(unchanged).toEqual({ body: 'Fabrikam secret plan', state: 'published', like_count: 0 });
  });
});
