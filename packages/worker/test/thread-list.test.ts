/**
 * `GET /threads`: the tenant's discussions with published comments, latest comment first — only
 * those the caller may read (an idea's or card's own discussion follows the item), never another
 * tenant's, in keyset pages that neither skip nor repeat.
 */
import { env } from 'cloudflare:workers';
import type { Idea, Page, Thread } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, errorOf, json, seedOtherTenant, token, useTestRoleClaims } from './helpers.ts';

const author = () => token({ sub: 'list-author', name: 'Lia Author', bu: 'Finance' });
const member = () => token({ sub: 'list-member', name: 'Max Member', bu: 'Sales' });
const moderator = () => token({ sub: 'list-mo', name: 'Mo Moderator', extra: { roles: ['Bridgekit.Moderator'] } });

const list = async (query: string, t?: string) => {
  const res = await call(`${DEMO}/threads?${query}`, t ? { token: t } : {});
  expect(res.status, await res.clone().text()).toBe(200);
  return json<Page<Thread>>(res);
};

/** Every page of the list, followed to its end. */
async function all(query: string, t?: string): Promise<Thread[]> {
  const found: Thread[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Page<Thread> = await list(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, t);
    found.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return found;
  }
  throw new Error('the list did not end');
}

async function post(key: string, t: string, body = 'A comment.'): Promise<void> {
  const res = await call(`${DEMO}/threads/comments`, { method: 'POST', token: t, body: JSON.stringify({ key, body }) });
  expect(res.status, await res.clone().text()).toBe(201);
}

const later = (a: Thread, b: Thread) =>
  (a.lastCommentAt ?? '') > (b.lastCommentAt ?? '') || (a.lastCommentAt === b.lastCommentAt && a.id > b.id);

let heldIdea: Idea;

beforeAll(async () => {
  await useTestRoleClaims();
  await seedOtherTenant();
  const now = Date.now();
  // Another tenant's thread with the latest comment of all, and one of ours whose comments are all held.
  await env.DB.batch([
    env.DB.prepare(
      "insert into threads (id, tenant_id, key, title, started_by, comment_count, last_comment_at, created_at) values ('other-thread', 'other-tenant', 'fabrikam-secrets', 'Fabrikam secrets', 'other-user', 3, ?, ?)",
    ).bind(now + 86_400_000, now),
    env.DB.prepare(
      "insert into threads (id, tenant_id, key, title, started_by, comment_count, created_at) values ('held-thread', 'demo-tenant', 'only-held-comments', 'Held', 'demo-user-amara', 0, ?)",
    ).bind(now),
  ]);
  for (const key of ['list-first', 'list-second', 'list-third']) await post(key, await author(), `First words under ${key}.`);
  const res = await call(`${DEMO}/boards/general/ideas`, {
    method: 'POST',
    token: await author(),
    body: JSON.stringify({ title: 'An idea still held' }),
  });
  heldIdea = await json<Idea>(res);
  await post(`idea:${heldIdea.id}`, await author(), 'Its own discussion.');
  await env.DB.prepare("update ideas set state = 'pending' where id = ?").bind(heldIdea.id).run();
});

describe('GET /threads', () => {
  it('lists readable discussions latest comment first, in pages that neither skip nor repeat', async () => {
    const whole = await all('limit=100', await member());
    const paged = await all('limit=2', await member());
    expect(paged.map((t) => t.id)).toEqual(whole.map((t) => t.id));
    expect(new Set(whole.map((t) => t.id)).size).toBe(whole.length);
    for (let i = 1; i < whole.length; i++) expect(later(whole[i - 1] as Thread, whole[i] as Thread), `${i}`).toBe(true);

    const mine = whole.filter((t) => t.key.startsWith('list-')).map((t) => t.key);
    expect(mine).toEqual(['list-third', 'list-second', 'list-first']);
    expect(whole.find((t) => t.key === 'list-third')).toMatchObject({ commentCount: 1, startedByMe: false, title: null });
    // The demo's seeded war stories are there too.
    expect(whole.some((t) => t.key === 'demo-war-stories')).toBe(true);
  });

  it('matches the threads table: every readable thread with a published comment, and nothing else', async () => {
    const listed = new Set((await all('limit=100', await moderator())).map((t) => t.id));
    const { results } = await env.DB.prepare("select id from threads where tenant_id = 'demo-tenant' and last_comment_at is not null").all<{
      id: string;
    }>();
    expect([...listed].sort()).toEqual(results.map((r) => r.id).sort());
    expect(listed.has('other-thread')).toBe(false);
    expect(listed.has('held-thread')).toBe(false);
  });

  it("follows an idea's own discussion: hidden from others while the idea is held, shown to its author and moderators", async () => {
    const key = `idea:${heldIdea.id}`;
    expect((await all('limit=100', await member())).some((t) => t.key === key)).toBe(false);
    expect((await all('limit=100')).some((t) => t.key === key)).toBe(false);
    expect((await all('limit=100', await author())).some((t) => t.key === key)).toBe(true);
    expect((await all('limit=100', await moderator())).some((t) => t.key === key)).toBe(true);
  });

  it('keeps one sort of discussion with kind', async () => {
    const t = await moderator();
    const pages = await all('kind=page&limit=100', t);
    const ideas = await all('kind=idea&limit=100', t);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => !/^(idea|card):./.test(p.key))).toBe(true);
    expect(ideas.map((p) => p.key)).toContain(`idea:${heldIdea.id}`);
    expect(ideas.every((p) => p.key.startsWith('idea:'))).toBe(true);
    expect((await all('kind=card&limit=100', t)).every((p) => p.key.startsWith('card:'))).toBe(true);
  });

  it('refuses a cursor that is not one of its own, an unknown kind and a limit out of range with 400', async () => {
    const t = await member();
    const bad = await call(`${DEMO}/threads?cursor=not-a-cursor`, { token: t });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).reason).toBe('validation_failed.cursor');
    const inbox = await call(`${DEMO}/notifications?limit=1`, { token: t });
    expect(inbox.status).toBe(200);
    const foreign = btoa(JSON.stringify(['inbox', 1, 'x'])).replace(/=+$/, '');
    const wrongList = await call(`${DEMO}/threads?cursor=${foreign}`, { token: t });
    expect(wrongList.status).toBe(400);
    expect((await errorOf(wrongList)).reason).toBe('validation_failed.cursor_list');
    for (const query of ['kind=story', 'limit=0', 'limit=101']) {
      const res = await call(`${DEMO}/threads?${query}`, { token: t });
      expect(res.status, query).toBe(400);
      expect((await errorOf(res)).code).toBe('validation_failed');
    }
  });
});
