/**
 * The read cache (routes/read-cache.ts) never answers with a stale or another viewer's state:
 * a write is seen by the next read, for every viewer; one viewer's votes and held ideas never
 * reach another; tenants never share an answer; the tenant's settings changed elsewhere (another
 * isolate) are seen by the next cached read.
 */
import { env } from 'cloudflare:workers';
import type { Idea, Page, SimilarIdea } from '@bridgekit/sdk';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../src/db/client.ts';
import { tenants } from '../src/db/schema.ts';
import {
  CARD_LIST_SCOPES,
  IDEA_LIST_SCOPES,
  IDEA_VIEW_SCOPES,
  TENANT_SCOPES,
  THREAD_PAGE_SCOPES,
  versioned,
  writtenTable,
} from '../src/store/cache-versions.ts';
import { listCardsQuery } from '../src/store/card-library.ts';
import { ideaViewQuery } from '../src/store/idea-view.ts';
import { listIdeasQuery } from '../src/store/ideas.ts';
import { clearTenantCache } from '../src/store/tenants.ts';
import { threadPageQuery } from '../src/store/threads.ts';
import { call, DEMO, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const BOARD = `${DEMO}/boards/general/ideas?sort=new&limit=50`;
let ada: string;
let ben: string;
let mod: string;
let admin: string;

beforeAll(async () => {
  [ada, ben, mod, admin] = await Promise.all([
    token({ sub: 'cache-ada', name: 'Ada Cache' }),
    token({ sub: 'cache-ben', name: 'Ben Cache' }),
    token({ sub: 'cache-mod', name: 'Mo Cache', extra: { roles: ['Bridgekit.Moderator'] } }),
    token({ sub: 'cache-admin', name: 'Ad Cache', extra: { roles: ['Bridgekit.Admin'] } }),
  ]);
});

const send = (method: string, url: string, t?: string, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function page(t?: string, url = BOARD): Promise<Idea[]> {
  const res = await send('GET', url, t);
  expect(res.status).toBe(200);
  return (await json<Page<Idea>>(res)).items;
}

async function submit(t: string, title: string): Promise<Idea> {
  const res = await send('POST', `${DEMO}/boards/general/ideas`, t, { title });
  expect(res.status).toBe(201);
  return json<Idea>(res);
}

async function moderation(preModeration: 'all' | 'off'): Promise<void> {
  expect((await send('PATCH', `${DEMO}/moderation/settings`, admin, { preModeration })).status).toBe(200);
}

// Many requests each, on a machine that may be busy.
describe('the read cache', { timeout: 30_000 }, () => {
  it('a vote is seen by the next read of every viewer; only the voter sees it as theirs', async () => {
    const idea = await submit(ada, 'Cache test: shared printers');
    const votes = async (t?: string) => (await page(t)).find((i) => i.id === idea.id)?.votes;
    // Into the cache, for the anonymous reader and for both people; its author backs it.
    for (const t of [undefined, ada, ben]) expect(await votes(t)).toBe(1);

    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, ben)).status).toBe(200);
    const [anonymous, asAda, asBen] = await Promise.all([page(), page(ada), page(ben)]);
    for (const items of [anonymous, asAda, asBen]) expect(items.find((i) => i.id === idea.id)?.votes).toBe(2);
    expect(asBen.find((i) => i.id === idea.id)).toMatchObject({ voted: true, myVotes: 1, mine: false });
    expect(asAda.find((i) => i.id === idea.id)).toMatchObject({ voted: true, myVotes: 1, mine: true });
    expect(anonymous.find((i) => i.id === idea.id)).toMatchObject({ voted: false, myVotes: 0, mine: false });

    expect((await send('DELETE', `${DEMO}/ideas/${idea.id}/vote`, ben)).status).toBe(200);
    expect((await page(ben)).find((i) => i.id === idea.id)).toMatchObject({ votes: 1, voted: false, myVotes: 0 });
    expect(await votes()).toBe(1);
    expect((await page(ada)).find((i) => i.id === idea.id)).toMatchObject({ votes: 1, voted: true, mine: true });
  });

  it("a held idea is in its author's list only, and in everyone's once a moderator publishes it", async () => {
    await page();
    await page(ben);
    await moderation('all');
    const held = await submit(ada, 'Cache test: a held idea');
    await moderation('off');
    expect(held.moderation.state).toBe('pending');

    expect((await page(ada)).map((i) => i.id)).toContain(held.id);
    for (const t of [undefined, ben, mod]) expect((await page(t)).map((i) => i.id)).not.toContain(held.id);

    expect((await send('POST', `${DEMO}/ideas/${held.id}/moderation`, mod, { action: 'approve' })).status).toBe(200);
    for (const t of [undefined, ada, ben]) expect((await page(t)).map((i) => i.id)).toContain(held.id);
  });

  it('a new idea, an edit and a withdrawal are seen by the next list and duplicate suggestion', async () => {
    const similar = async () =>
      (await json<{ items: SimilarIdea[] }>(await send('GET', `${DEMO}/boards/general/ideas/similar?q=aardvark+tracking`))).items;
    expect(await similar()).toEqual([]);
    await page();
    const idea = await submit(ada, 'Aardvark tracking for the zoo');
    expect((await similar()).map((i) => i.id)).toEqual([idea.id]);
    expect((await page()).map((i) => i.id)).toContain(idea.id);

    expect((await send('PATCH', `${DEMO}/ideas/${idea.id}`, ada, { title: 'Aardvark tracking for the whole zoo' })).status).toBe(200);
    expect((await page()).find((i) => i.id === idea.id)?.title).toBe('Aardvark tracking for the whole zoo');

    expect((await send('DELETE', `${DEMO}/ideas/${idea.id}`, mod)).status).toBe(204);
    expect(await similar()).toEqual([]);
    expect((await page()).map((i) => i.id)).not.toContain(idea.id);
  });

  it('two tenants with the same board slug and query never share an answer', async () => {
    const { secret } = await seedOtherTenant();
    clearTenantCache();
    const other = await token({ sub: 'fab|1', secret, kid: 'k1' });
    const url = `${ORIGIN}/v1/tenants/other/boards/general/ideas?sort=new&limit=50`;
    const ours = await page(ada, BOARD);
    const theirs = await page(other, url);
    expect(theirs.map((i) => i.id)).toEqual(['other-idea']);
    expect(ours.map((i) => i.id)).not.toContain('other-idea');
    expect((await page(ada, BOARD)).map((i) => i.id)).toEqual(ours.map((i) => i.id));
    expect((await page(other, url)).map((i) => i.id)).toEqual(['other-idea']);
  });

  it("sees the tenant's settings changed in another isolate: no cached answer for an anonymous reader once they may not read", async () => {
    expect((await send('GET', BOARD)).status).toBe(200);
    expect((await send('GET', BOARD)).status).toBe(200);
    // As another isolate writes it: the bump reaches D1, this isolate's tenant cache is not cleared.
    const elsewhere = database(versioned(env.DB, 'demo-tenant'));
    await elsewhere.update(tenants).set({ anonymousRead: false }).where(eq(tenants.id, 'demo-tenant'));
    expect((await send('GET', BOARD)).status).toBe(401);
    await elsewhere.update(tenants).set({ anonymousRead: true }).where(eq(tenants.id, 'demo-tenant'));
    expect((await send('GET', BOARD)).status).toBe(200);
  });

  it('every table the idea list reads is one of its scopes', () => {
    const db = database(env.DB);
    const { statements } = listIdeasQuery(
      db,
      'demo-tenant',
      { kind: 'anonymous' },
      { board: 'general', sort: 'top', limit: 20, cursor: null },
    );
    const read = new Set(statements.flatMap((s) => [...s.toSQL().sql.matchAll(/\b(?:from|join)\s+"(\w+)"/gi)].map((m) => m[1] as string)));
    expect(read.size).toBeGreaterThan(3);
    const scopes = new Set<string>([...TENANT_SCOPES, ...IDEA_LIST_SCOPES]);
    expect([...read].filter((table) => !scopes.has(table))).toEqual([]);
  });

  it("every table the thread page reads is one of its scopes: a page's thread, an idea's and a card's discussion, every sort", () => {
    const db = database(env.DB);
    const read = new Set<string>();
    for (const key of ['intranet/page', 'idea:some-idea', 'card:some-card']) {
      for (const sort of ['oldest', 'newest', 'top'] as const) {
        const { statements } = threadPageQuery(db, 'demo-tenant', { kind: 'anonymous' }, { key, sort, limit: 20 });
        for (const s of statements) for (const m of s.toSQL().sql.matchAll(/\b(?:from|join)\s+"?(\w+)/gi)) read.add(m[1] as string);
      }
    }
    expect(read).toContain('comments');
    expect(read).toContain('ideas');
    const scopes = new Set<string>([...TENANT_SCOPES, ...THREAD_PAGE_SCOPES]);
    expect([...read].filter((table) => !scopes.has(table))).toEqual([]);
  });

  it("every table an idea's shared view reads is one of its scopes", () => {
    const { statements } = ideaViewQuery(database(env.DB), 'demo-tenant', { kind: 'anonymous' }, 'some-idea');
    const read = new Set(statements.flatMap((s) => [...s.toSQL().sql.matchAll(/\b(?:from|join)\s+"?(\w+)/gi)].map((m) => m[1] as string)));
    read.delete('json_each');
    expect(read).toContain('idea_status_changes');
    const scopes = new Set<string>([...TENANT_SCOPES, ...IDEA_VIEW_SCOPES]);
    expect([...read].filter((table) => !scopes.has(table))).toEqual([]);
  });

  it('every table the card library reads is one of its scopes, for every filter', () => {
    const db = database(env.DB);
    const read = new Set<string>();
    for (const q of [
      { q: 'business case', tag: 'demand-shaping', template: 'practice', owner: 'someone', freshness: 'due', cites: 'idea:x' },
      { sort: 'title', cursor: undefined },
    ] as const) {
      const { statements } = listCardsQuery(db, 'demo-tenant', { kind: 'anonymous' }, { ...q, limit: 20 });
      for (const s of statements) for (const m of s.toSQL().sql.matchAll(/\b(?:from|join)\s+"?(\w+)/gi)) read.add(m[1] as string);
    }
    expect(read).toContain('cards_fts');
    // The full-text index is kept by triggers on `cards`; json_each reads the row's own tags.
    const scopes = new Set<string>([...TENANT_SCOPES, ...CARD_LIST_SCOPES, 'cards_fts', 'json_each']);
    expect([...read].filter((table) => !scopes.has(table))).toEqual([]);
  });

  it('knows which table a statement writes', () => {
    expect(writtenTable('insert into "votes" ("idea_id") select 1')).toBe('votes');
    expect(writtenTable('INSERT OR IGNORE INTO ideas (id) values (1)')).toBe('ideas');
    expect(writtenTable('update "ideas" set "vote_count" = 1')).toBe('ideas');
    expect(writtenTable('delete from "tenant_origins" where 1')).toBe('tenant_origins');
    expect(writtenTable('with x as (select 1) insert into "users" select * from x')).toBe('users');
    expect(writtenTable('select * from "ideas"')).toBeNull();
    expect(writtenTable('insert into cache_versions (tenant_id) values (1)')).toBeNull();
  });
});
