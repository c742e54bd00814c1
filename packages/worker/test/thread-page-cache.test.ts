/**
 * The thread page from the read cache (routes/read-cache.ts, store/threads.ts): every write is
 * seen by the next read of every viewer; one viewer's reactions, authorship and thread never
 * reach another; a held or removed comment reaches only those who may see it, and an idea's held
 * discussion only its author and moderators; tenants never share a page.
 */
import { env } from 'cloudflare:workers';
import type { Comment, CommentWithReplies, Idea, ThreadPage } from '@bridgekit/sdk';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../src/db/client.ts';
import { comments } from '../src/db/schema.ts';
import { versioned } from '../src/store/cache-versions.ts';
import { call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const THREADS = `${DEMO}/threads/comments`;
let ada: string;
let ben: string;
let cleo: string;
let mod: string;
let admin: string;

beforeAll(async () => {
  [ada, ben, cleo, mod, admin] = await Promise.all([
    token({ sub: 'tpc-ada', name: 'Ada Pagecache' }),
    token({ sub: 'tpc-ben', name: 'Ben Pagecache' }),
    token({ sub: 'tpc-cleo', name: 'Cleo Pagecache' }),
    token({ sub: 'tpc-mod', name: 'Mo Pagecache', extra: { roles: ['Bridgekit.Moderator'] } }),
    token({ sub: 'tpc-admin', name: 'Ad Pagecache', extra: { roles: ['Bridgekit.Admin'] } }),
  ]);
});

const send = (method: string, url: string, t?: string, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function ok(res: Promise<Response>, status = 200): Promise<Response> {
  const answer = await res;
  expect(answer.status, await answer.clone().text()).toBe(status);
  return answer;
}

async function page(key: string, t?: string, query = ''): Promise<ThreadPage> {
  return json<ThreadPage>(await ok(send('GET', `${THREADS}?key=${encodeURIComponent(key)}${query}`, t)));
}

async function post(t: string, key: string, body: string, parentId?: string): Promise<Comment> {
  return json<Comment>(await ok(send('POST', THREADS, t, { key, body, ...(parentId ? { parentId } : {}) }), 201));
}

/** Every comment of the page, top-level and replies, by id. */
function byId(p: ThreadPage): Map<string, Comment> {
  return new Map(p.items.flatMap((c: CommentWithReplies) => [c, ...c.replies]).map((c) => [c.id, c]));
}

const READERS = () => [undefined, ada, ben, cleo];

/** The page as each reader sees it, read in turn (the first fills the cache). */
const pages = (key: string) => Promise.all(READERS().map((t) => page(key, t)));

async function moderation(preModeration: 'all' | 'off'): Promise<void> {
  await ok(send('PATCH', `${DEMO}/moderation/settings`, admin, { preModeration }));
}

// Many requests each, on a machine that may be busy.
describe('the thread page from the read cache', { timeout: 60_000 }, () => {
  it('shows a post, an edit, a reaction, a pin, an accepted answer and a deletion to every reader at their next read', async () => {
    const key = 'tpc-writes';
    const first = await post(ada, key, 'How did you start?');
    await pages(key);

    const second = await post(ben, key, 'With a pilot in Finance.');
    const reply = await post(cleo, key, 'Which team?', second.id);
    for (const p of await pages(key)) {
      expect(p.items.map((c) => c.id)).toEqual([first.id, second.id]);
      expect(p.items[1]?.replies.map((r) => r.id)).toEqual([reply.id]);
      expect(p.items[1]?.replyCount).toBe(1);
      expect(p.thread?.commentCount).toBe(3);
    }

    await ok(send('PATCH', `${DEMO}/comments/${second.id}`, ben, { body: 'With a pilot in **Finance**.' }));
    for (const p of await pages(key)) {
      expect(byId(p).get(second.id)).toMatchObject({
        body: 'With a pilot in **Finance**.',
        html: '<p>With a pilot in <strong>Finance</strong>.</p>',
      });
      expect(byId(p).get(second.id)?.editedAt).not.toBeNull();
    }

    await ok(send('PUT', `${DEMO}/comments/${second.id}/reactions/like`, ada));
    for (const p of await pages(key)) expect(byId(p).get(second.id)?.reactions).toEqual({ like: 1, insight: 0, love: 0 });

    await ok(send('PUT', `${DEMO}/comments/${second.id}/pin`, mod));
    await ok(send('PUT', `${DEMO}/comments/${second.id}/accepted`, ada));
    for (const p of await pages(key)) {
      expect(p.items.map((c) => c.id)).toEqual([second.id, first.id]);
      expect(p.items[0]).toMatchObject({ pinned: true, accepted: true });
      expect(p.thread?.acceptedCommentId).toBe(second.id);
    }

    await ok(send('DELETE', `${DEMO}/comments/${first.id}`, ada), 204);
    await ok(send('DELETE', `${DEMO}/comments/${reply.id}`, mod), 204);
    // Gone for everyone but its author, who sees the "comment removed" placeholder of their own.
    const [anonymous, asAda, asBen, asCleo] = await pages(key);
    for (const p of [anonymous, asBen]) {
      expect(p?.items.map((c) => c.id)).toEqual([second.id]);
      expect(p?.items[0]?.replies).toEqual([]);
    }
    expect(asAda?.items.map((c) => [c.id, c.state])).toEqual([
      [second.id, 'published'],
      [first.id, 'removed'],
    ]);
    expect(asAda?.items[0]?.replies).toEqual([]);
    expect(asCleo?.items.map((c) => c.id)).toEqual([second.id]);
    expect(asCleo?.items[0]?.replies.map((r) => [r.id, r.state, r.body])).toEqual([[reply.id, 'removed', null]]);
    for (const p of [anonymous, asAda, asBen, asCleo]) expect(p?.thread?.commentCount).toBe(1);
  });

  it("keeps each reader's reactions, comments and thread their own, whoever filled the cache", async () => {
    const key = 'tpc-own';
    const root = await post(ada, key, 'Our roll-out plan');
    const answer = await post(ben, key, 'Looks good', root.id);
    await ok(send('PUT', `${DEMO}/comments/${root.id}/reactions/insight`, ben));
    await ok(send('PUT', `${DEMO}/comments/${root.id}/reactions/like`, ben));
    await ok(send('PUT', `${DEMO}/comments/${answer.id}/reactions/love`, ada));

    // Each order of readers, so each of them (and the anonymous reader) fills the cache once.
    for (const order of [
      [undefined, ada, ben, cleo],
      [ben, cleo, ada, undefined],
      [ada, undefined, cleo, ben],
    ]) {
      await ok(send('PUT', `${DEMO}/comments/${answer.id}/reactions/like`, cleo)); // a write: the cache fills again
      for (const t of order) {
        const p = await page(key, t);
        const [r, a] = [byId(p).get(root.id), byId(p).get(answer.id)];
        expect(r?.reactions).toEqual({ like: 1, insight: 1, love: 0 });
        expect(a?.reactions).toEqual({ like: 1, insight: 0, love: 1 });
        expect(p.thread?.startedByMe).toBe(t === ada);
        expect(r?.mine).toBe(t === ada);
        expect(a?.mine).toBe(t === ben);
        expect(r?.myReactions).toEqual(t === ben ? ['like', 'insight'] : []);
        expect(a?.myReactions).toEqual(t === ada ? ['love'] : t === cleo ? ['like'] : []);
      }
      await ok(send('DELETE', `${DEMO}/comments/${answer.id}/reactions/like`, cleo));
    }

    await ok(send('DELETE', `${DEMO}/comments/${root.id}/reactions/insight`, ben));
    for (const t of READERS()) {
      const r = byId(await page(key, t)).get(root.id);
      expect(r?.reactions).toEqual({ like: 1, insight: 0, love: 0 });
      expect(r?.myReactions).toEqual(t === ben ? ['like'] : []);
    }
  });

  it('shows a held comment to its author only, to everyone once approved, and a rejected or hidden one to nobody else', async () => {
    const key = 'tpc-held';
    const root = await post(ada, key, 'A published start');
    await pages(key);
    await moderation('all');
    const held = await post(ben, key, 'Held for review');
    const heldReply = await post(ben, key, 'A held reply', root.id);
    const rejected = await post(cleo, key, 'Also held');
    await moderation('off');
    expect([held.state, heldReply.state, rejected.state]).toEqual(['pending', 'pending', 'pending']);

    const expectOnlyAuthorSees = async (ids: string[], author: string) => {
      for (const t of [undefined, ada, ben, cleo, mod]) {
        const shown = byId(await page(key, t));
        for (const id of ids) expect(shown.has(id), `${id} for ${t === author ? 'its author' : 'another reader'}`).toBe(t === author);
      }
    };
    await expectOnlyAuthorSees([held.id, heldReply.id], ben);
    await expectOnlyAuthorSees([rejected.id], cleo);
    expect(byId(await page(key, ben)).get(held.id)).toMatchObject({ state: 'pending', body: 'Held for review', mine: true });

    await ok(send('POST', `${DEMO}/comments/${held.id}/moderation`, mod, { action: 'approve' }));
    await ok(send('POST', `${DEMO}/comments/${rejected.id}/moderation`, mod, { action: 'reject', reason: 'Off topic' }));
    for (const p of await pages(key)) expect(byId(p).get(held.id)).toMatchObject({ state: 'published', body: 'Held for review' });
    // The rejected comment: a placeholder for its author alone, nothing for anyone else.
    for (const t of [undefined, ada, ben, mod]) expect(byId(await page(key, t)).has(rejected.id)).toBe(false);
    expect(byId(await page(key, cleo)).get(rejected.id)).toMatchObject({ state: 'removed', body: null, author: null });
    await expectOnlyAuthorSees([heldReply.id], ben);

    // Hidden by readers' flags (the threshold is 3): gone from every page at the next read.
    for (const t of [ada, cleo, mod]) await ok(send('POST', `${DEMO}/comments/${held.id}/flags`, t, { reason: 'spam' }));
    await expectOnlyAuthorSees([held.id, heldReply.id], ben);
  });

  it("shows an idea's discussion while the idea is held only to its author and moderators, to everyone once published", async () => {
    await moderation('all');
    const idea = await json<Idea>(await ok(send('POST', `${DEMO}/boards/general/ideas`, ada, { title: 'Page cache: a held idea' }), 201));
    await moderation('off');
    expect(idea.moderation.state).toBe('pending');
    const key = `idea:${idea.id}`;
    const discussion = async (t?: string) => send('GET', `${THREADS}?key=${encodeURIComponent(key)}`, t);

    for (const t of [undefined, ben, ada, mod]) {
      const res = await discussion(t);
      if (t === ada || t === mod) {
        expect(res.status).toBe(200);
        expect((await json<ThreadPage>(res)).thread).toBeNull();
      } else {
        expect(res.status).toBe(404);
        expect((await errorOf(res)).code).toBe('not_found');
      }
    }
    const comment = await post(ada, key, 'Notes while it waits');
    for (const t of [undefined, ben]) expect((await discussion(t)).status).toBe(404);
    for (const t of [ada, mod]) expect(byId(await page(key, t)).has(comment.id)).toBe(true);
    expect((await page(key, ada)).thread).toMatchObject({ title: 'Page cache: a held idea', startedByMe: true });

    await ok(send('POST', `${DEMO}/ideas/${idea.id}/moderation`, mod, { action: 'approve' }));
    for (const p of await pages(key)) {
      expect(p.thread?.title).toBe('Page cache: a held idea');
      expect(p.items.map((c) => c.id)).toEqual([comment.id]);
    }
  });

  it('pages through a cached thread by cursor and sort, each page its own', async () => {
    const key = 'tpc-pages';
    const posted: Comment[] = [];
    for (let i = 0; i < 5; i++) posted.push(await post(i % 2 ? ben : ada, key, `Comment number ${i}`));
    await ok(send('PUT', `${DEMO}/comments/${posted[3]?.id}/reactions/love`, cleo));
    for (const t of [undefined, ben, undefined, ben]) {
      const first = await page(key, t, '&limit=2');
      const second = await page(key, t, `&limit=2&cursor=${first.nextCursor}`);
      expect([...first.items, ...second.items].map((c) => c.id)).toEqual(posted.slice(0, 4).map((c) => c.id));
      expect(second.items.map((c) => c.mine)).toEqual([false, t === ben]);
      expect((await page(key, t, '&sort=newest&limit=1')).items[0]?.id).toBe(posted[4]?.id);
      expect((await page(key, t, '&sort=top&limit=1')).items[0]?.id).toBe(posted[3]?.id);
    }
  });

  it('sees a write made elsewhere (another isolate) at the next read', async () => {
    const key = 'tpc-elsewhere';
    const c = await post(ada, key, 'Before');
    for (const t of [undefined, ben]) expect(byId(await page(key, t)).get(c.id)?.body).toBe('Before');
    const elsewhere = database(versioned(env.DB, 'demo-tenant'));
    await elsewhere.update(comments).set({ body: 'After', html: '<p>After</p>' }).where(eq(comments.id, c.id));
    for (const t of [undefined, ben]) expect(byId(await page(key, t)).get(c.id)?.body).toBe('After');
  });

  it('never answers one tenant with the page of another under the same key', async () => {
    const { secret } = await seedOtherTenant();
    const other = await token({ sub: 'fab|1', secret, kid: 'k1' });
    const theirs = (t = other) => send('GET', `${ORIGIN}/v1/tenants/other/threads/comments?key=tpc-shared-key`, t);
    const ours = await post(ada, 'tpc-shared-key', 'Contoso only');
    expect(byId(await page('tpc-shared-key', ada)).has(ours.id)).toBe(true);
    expect(await json(await ok(theirs()))).toEqual({ thread: null, items: [], nextCursor: null });
    const fabrikam = json<Comment>(
      await ok(send('POST', `${ORIGIN}/v1/tenants/other/threads/comments`, other, { key: 'tpc-shared-key', body: 'Fabrikam only' }), 201),
    );
    const theirPage = await json<ThreadPage>(await ok(theirs()));
    expect(theirPage.items.map((c) => c.id)).toEqual([(await fabrikam).id]);
    expect((await page('tpc-shared-key', ada)).items.map((c) => c.id)).toEqual([ours.id]);
    // Our token is not theirs: their page is not ours to read.
    expect((await theirs(ada)).status).toBe(401);
  });
});
