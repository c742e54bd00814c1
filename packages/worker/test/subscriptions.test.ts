/**
 * Following: explicit follows and unfollows of ideas, boards, threads, cards, practice areas and
 * tags; the automatic subscriptions of taking part, which never undo an unfollow; and what may be
 * followed at all.
 */
import type { FollowState, Idea, PracticeCard, Subscription } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { clearTenantCache } from '../src/store/tenants.ts';
import { admin, call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const person = (sub: string, name: string) => token({ sub: `follow|${sub}`, name });
const send = async (method: string, path: string, t: string, body?: unknown) =>
  call(`${DEMO}${path}`, { method, token: t, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
async function ok<T>(res: Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`${r.status}: ${await r.text()}`);
  return json<T>(r);
}
const state = (t: string, target: string, id: string) =>
  ok<FollowState>(send('GET', `/subscriptions/${target}/${encodeURIComponent(id)}`, t));
const list = async (t: string) => (await ok<{ items: Subscription[] }>(send('GET', '/subscriptions', t))).items;
const newIdea = async (t: string, title: string) => ok<Idea>(send('POST', '/boards/general/ideas', t, { title }), 201);

let ada: string;
let ben: string;
beforeAll(async () => {
  [ada, ben] = await Promise.all([person('ada', 'Ada Follow'), person('ben', 'Ben Follow')]);
});

describe('following', () => {
  it('follows and unfollows each kind of target, and lists what one follows', async () => {
    const idea = await newIdea(ben, 'Follow: an idea to follow');
    const thread = await ok<{ id: string }>(send('POST', '/threads/comments', ben, { key: 'follow-thread', body: 'Start.' }), 201);
    const threadId = (await ok<{ thread: { id: string } }>(send('GET', '/threads/comments?key=follow-thread', ada))).thread.id;
    expect(thread.id).toBeTruthy();
    const targets: [string, string, string | null][] = [
      ['idea', idea.id, idea.title],
      ['board', 'general', 'IT-enabled ideas'],
      ['thread', threadId, null],
      ['card', 'demo-card-business-case', null],
      ['area', 'demand-shaping', null],
      ['tag', 'Travel & expenses', null],
    ];
    for (const [target, id] of targets) {
      expect(await state(ada, target, id), target).toEqual({ target, id, following: false, source: null });
      expect(await ok(send('PUT', `/subscriptions/${target}/${encodeURIComponent(id)}`, ada)), target).toEqual({
        target,
        id,
        following: true,
        source: 'manual',
      });
      // Idempotent.
      expect((await ok<FollowState>(send('PUT', `/subscriptions/${target}/${encodeURIComponent(id)}`, ada))).following).toBe(true);
    }
    const listed = await list(ada);
    expect(listed.map((s) => `${s.target} ${s.id} ${s.source}`).sort()).toEqual(targets.map(([t, id]) => `${t} ${id} manual`).sort());
    expect(listed.find((s) => s.target === 'idea')?.title).toBe(idea.title);
    expect(listed.find((s) => s.target === 'thread')?.title).toBe('follow-thread');
    expect(listed.find((s) => s.target === 'area')?.title).toBeNull();

    expect(await ok(send('DELETE', `/subscriptions/board/general`, ada))).toEqual({
      target: 'board',
      id: 'general',
      following: false,
      source: 'manual',
    });
    expect((await list(ada)).some((s) => s.target === 'board')).toBe(false);
  });

  it('follows what one takes part in — and an unfollow stays', async () => {
    const carl = await person('carl', 'Carl Part');
    const idea = await newIdea(ada, 'Follow: taking part');
    expect(await state(ada, 'idea', idea.id)).toMatchObject({ following: true, source: 'author' });

    await ok(send('PUT', `/ideas/${idea.id}/vote`, carl, { votes: 1 }));
    expect(await state(carl, 'idea', idea.id)).toMatchObject({ following: true, source: 'voter' });
    await ok(send('DELETE', `/subscriptions/idea/${idea.id}`, carl));
    // Voting again, commenting: still unfollowed.
    await ok(send('PUT', `/ideas/${idea.id}/vote`, carl, { votes: 0 }));
    await ok(send('PUT', `/ideas/${idea.id}/vote`, carl, { votes: 1 }));
    await ok(send('POST', '/threads/comments', carl, { key: `idea:${idea.id}`, body: 'Me too.' }), 201);
    expect(await state(carl, 'idea', idea.id)).toEqual({ target: 'idea', id: idea.id, following: false, source: 'voter' });
    // Following again is their choice.
    expect(await ok(send('PUT', `/subscriptions/idea/${idea.id}`, carl))).toMatchObject({ following: true, source: 'manual' });

    // A page's thread: its first commenter is its author, the next ones commenters.
    const first = await ok<{ id: string }>(send('POST', '/threads/comments', ada, { key: 'follow-part', body: 'First.' }), 201);
    await ok(send('POST', '/threads/comments', ben, { key: 'follow-part', body: 'Second.', parentId: first.id }), 201);
    const threadId = (await ok<{ thread: { id: string } }>(send('GET', '/threads/comments?key=follow-part', ada))).thread.id;
    expect(await state(ada, 'thread', threadId)).toMatchObject({ following: true, source: 'author' });
    expect(await state(ben, 'thread', threadId)).toMatchObject({ following: true, source: 'commenter' });

    // A card: its author, and the owner they name.
    const e = EXAMPLE_CARDS['business-case'];
    if (!e) throw new Error('no example card');
    const benHandle = (await ok<{ user: { handle: string } }>(send('GET', '/me', ben))).user.handle;
    const card = await ok<PracticeCard>(
      send('POST', '/cards', ada, {
        templateId: 'business-case',
        title: 'Follow: a card',
        fields: e.fields,
        tags: e.tags,
        owner: benHandle,
      }),
      201,
    );
    expect(await state(ada, 'card', card.id)).toMatchObject({ following: true, source: 'author' });
    expect(await state(ben, 'card', card.id)).toMatchObject({ following: true, source: 'owner' });
  });

  it('refuses what is not there to follow: 404 not_found.follow_target', async () => {
    const held = await (async () => {
      const res = await admin(`${DEMO}/moderation/settings`, 'PATCH', { suspectWords: ['crypto'] });
      expect(res.status).toBe(200);
      clearTenantCache();
      try {
        return await newIdea(ben, 'Follow: crypto ideas');
      } finally {
        await admin(`${DEMO}/moderation/settings`, 'PATCH', { suspectWords: [] });
        clearTenantCache();
      }
    })();
    await seedOtherTenant();
    for (const [target, id] of [
      ['idea', 'no-such-idea'],
      ['idea', held.id], // held: its author's and moderators' only
      ['idea', 'other-idea'], // another tenant's
      ['board', 'no-such-board'],
      ['board', 'demo-board-general'], // boards are named by their slug
      ['thread', 'no-such-thread'],
      ['card', 'no-such-card'],
      ['area', 'astrology'],
      ['tag', 'x'.repeat(41)],
      ['tag', '   '],
    ] as const) {
      for (const method of ['GET', 'PUT', 'DELETE']) {
        const res = await send(method, `/subscriptions/${target}/${encodeURIComponent(id)}`, ada);
        expect(res.status, `${method} ${target} ${id}`).toBe(404);
        expect(await errorOf(res)).toMatchObject({ reason: 'not_found.follow_target', params: { target, id } });
      }
    }
    // Its author may follow it.
    expect((await ok<FollowState>(send('GET', `/subscriptions/idea/${held.id}`, ben))).following).toBe(true);
    expect((await send('GET', '/subscriptions/planet/earth', ada)).status).toBe(400);
    expect((await list(ada)).some((s) => s.id === held.id || s.id === 'other-idea')).toBe(false);
  });

  it('is for signed-in people: 401 without a token, 403 for an API key', async () => {
    expect((await call(`${DEMO}/subscriptions/idea/demo-idea-sso`, { method: 'PUT' })).status).toBe(401);
    const key = await ok<{ key: string }>(admin(`${DEMO}/api-keys`, 'POST', { name: 'Automation', scopes: ['write'] }), 201);
    const res = await call(`${DEMO}/subscriptions`, { token: key.key });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).reason).toBe('forbidden.not_a_person');
  });

  it("keeps tenants apart: another tenant's person follows nothing here", async () => {
    const { secret } = await seedOtherTenant().catch(() => ({ secret: 'other-tenant-secret-0123456789abcdef' }));
    const elsewhere = await token({ sub: 'follow|ada', name: 'Ada Follow', secret, kid: 'k1' });
    const res = await call(`${ORIGIN}/v1/tenants/other/subscriptions`, { token: elsewhere });
    expect(await json(res)).toEqual({ items: [] });
    const demoIdea = await call(`${ORIGIN}/v1/tenants/other/subscriptions/idea/demo-idea-sso`, { method: 'PUT', token: elsewhere });
    expect(demoIdea.status).toBe(404);
  });
});
