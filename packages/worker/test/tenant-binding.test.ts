/**
 * The tenant binding (db/tenant-binding.ts) bumps the version of a table some cached answer
 * reads right behind each statement that writes it, only when that statement changed a row: a
 * refused or repeated write leaves every cached answer valid, a successful one is seen by the
 * next read, and a person's row is rewritten only when their profile changed or their last visit
 * is an hour old.
 */
import { env } from 'cloudflare:workers';
import type { Idea, Page } from '@bridgekit/sdk';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../src/db/client.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import * as cacheVersions from '../src/store/cache-versions.ts';
import { CACHED_SCOPES, versioned, writtenTable } from '../src/store/cache-versions.ts';
import { logChange } from '../src/store/config-log.ts';
import { LAST_SEEN_PRECISION_MS } from '../src/store/users.ts';
import { call, DEMO, json, token, useTestRoleClaims } from './helpers.ts';

const SCOPES = ['ideas', 'votes', 'users', 'subscriptions'];

async function versions(): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare(
    `select scope, version from cache_versions where tenant_id = ? and scope in (${SCOPES.map(() => '?').join(', ')})`,
  )
    .bind(DEMO_TENANT.id, ...SCOPES)
    .all<{ scope: string; version: number }>();
  return Object.fromEntries(SCOPES.map((s) => [s, results.find((r) => r.scope === s)?.version ?? 0]));
}

/** Every version the tenant has. */
async function allVersions(): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare('select scope, version from cache_versions where tenant_id = ?')
    .bind(DEMO_TENANT.id)
    .all<{ scope: string; version: number }>();
  return Object.fromEntries(results.map((r) => [r.scope, r.version]));
}

const IDEA = "update ideas set title = title where tenant_id = ?1 and id = 'demo-idea-sso'";
const NO_IDEA = "update ideas set title = title where tenant_id = ?1 and id = 'no-such-idea'";
const BOARD = "update boards set name = name where tenant_id = ?1 and id = 'demo-board-general'";

let ada: string;
let ben: string;
beforeAll(async () => {
  [ada, ben] = await Promise.all([token({ sub: 'binding-ada', name: 'Ada Binding' }), token({ sub: 'binding-ben', name: 'Ben Binding' })]);
});

const send = (method: string, url: string, t: string, body?: unknown) =>
  call(url, { method, token: t, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('the tenant binding', () => {
  it('bumps the versions of what a statement alone writes only when it changed a row', async () => {
    const db = versioned(env.DB, DEMO_TENANT.id);
    const before = await versions();
    await db.prepare("update ideas set title = title where tenant_id = ? and id = 'no-such-idea'").bind(DEMO_TENANT.id).run();
    expect(await versions()).toEqual(before);
    await db.prepare("update ideas set title = title where tenant_id = ? and id = 'demo-idea-sso'").bind(DEMO_TENANT.id).run();
    expect(await versions()).toEqual({ ...before, ideas: (before.ideas ?? 0) + 1 });
  });

  it('a refused vote leaves the versions as they were; a successful one bumps them', async () => {
    const res = await send('POST', `${DEMO}/boards/general/ideas`, ada, { title: 'Binding test: a closed idea' });
    expect(res.status).toBe(201);
    const idea = await json<Idea>(res);
    const board = async () => (await json<Page<Idea>>(await send('GET', `${DEMO}/boards/general/ideas?sort=new&limit=50`, ben))).items;

    await versioned(env.DB, DEMO_TENANT.id)
      .prepare('update ideas set closed = 1 where tenant_id = ? and id = ?')
      .bind(DEMO_TENANT.id, idea.id)
      .run();
    const closed = await versions();
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, ben)).status).toBe(409);
    expect(await versions()).toEqual(closed);
    expect((await send('DELETE', `${DEMO}/ideas/${idea.id}/vote`, ben)).status).toBe(409);
    expect(await versions()).toEqual(closed);

    await versioned(env.DB, DEMO_TENANT.id)
      .prepare('update ideas set closed = 0 where tenant_id = ? and id = ?')
      .bind(DEMO_TENANT.id, idea.id)
      .run();
    // Into the cache before the vote: the next read must see it.
    expect((await board()).find((i) => i.id === idea.id)?.votes).toBe(1);
    const open = await versions();
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, ben)).status).toBe(200);
    const voted = await versions();
    for (const scope of ['ideas', 'votes']) expect(voted[scope], scope).toBeGreaterThan(open[scope] ?? 0);
    expect((await board()).find((i) => i.id === idea.id)).toMatchObject({ votes: 2, voted: true });

    // The same vote again is answered alike and read alike (it writes the person's last visit).
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, ben)).status).toBe(200);
    expect((await board()).find((i) => i.id === idea.id)).toMatchObject({ votes: 2, voted: true });
  });

  it('every scope list is in CACHED_SCOPES; a write to a table no cached answer reads bumps nothing', async () => {
    const lists = Object.entries(cacheVersions).filter(([name]) => name.endsWith('_SCOPES') && name !== 'CACHED_SCOPES');
    expect(lists.length).toBeGreaterThanOrEqual(9);
    for (const [name, list] of lists) {
      for (const scope of list as readonly string[]) expect(CACHED_SCOPES.has(scope), `${name}: ${scope}`).toBe(true);
    }
    expect(CACHED_SCOPES.has('events')).toBe(false);
    expect(writtenTable('insert into "events" ("id") values (1)')).toBeNull();

    const before = await allVersions();
    const { meta } = await versioned(env.DB, DEMO_TENANT.id)
      .prepare(
        "insert into events (id, tenant_id, type, item_kind, item_id, data) values ('binding-event', ?, 'idea.created', 'idea', 'x', '{}')",
      )
      .bind(DEMO_TENANT.id)
      .run();
    expect(meta.changes).toBe(1);
    expect(await allVersions()).toEqual(before);
  });

  it("bumps only the tables whose own statement changed a row, whatever the order in the batch; a later statement's changes() still sees its write", async () => {
    const db = versioned(env.DB, DEMO_TENANT.id);
    const id = DEMO_TENANT.id;
    let before = await allVersions();
    await db.batch([db.prepare(NO_IDEA).bind(id), db.prepare(BOARD).bind(id)]);
    expect(await allVersions()).toEqual({ ...before, boards: (before.boards ?? 0) + 1 });

    // The board's bump (one change of its own) must not count as the idea's change.
    before = await allVersions();
    await db.batch([db.prepare(BOARD).bind(id), db.prepare(NO_IDEA).bind(id)]);
    expect(await allVersions()).toEqual({ ...before, boards: (before.boards ?? 0) + 1 });

    before = await allVersions();
    await db.batch([db.prepare(IDEA).bind(id), db.prepare('select 1').bind(), db.prepare(BOARD).bind(id)]);
    expect(await allVersions()).toEqual({ ...before, ideas: (before.ideas ?? 0) + 1, boards: (before.boards ?? 0) + 1 });

    // A change recorded only if the statement before it changed a row (store/config-log.ts): the bump between them keeps that true.
    const orm = database(db);
    const by = { subject: 'binding|test', name: 'Binding test', requestId: null };
    const logged = async (target: string) =>
      (await env.DB.prepare('select count(*) as n from config_log where target = ?').bind(target).first<{ n: number }>())?.n;
    await orm.batch([
      orm.run(sql.raw(NO_IDEA.replace('?1', `'${id}'`))),
      logChange(orm, id, by, { action: 'board.updated', target: 'binding-none' }, { ifChanged: true }),
    ]);
    await orm.batch([
      orm.run(sql.raw(IDEA.replace('?1', `'${id}'`))),
      logChange(orm, id, by, { action: 'board.updated', target: 'binding-one' }, { ifChanged: true }),
    ]);
    expect([await logged('binding-none'), await logged('binding-one')]).toEqual([0, 1]);
  });

  it("a person's repeated writes leave `users` as it was; a changed profile or a visit an hour old rewrites it", async () => {
    const carl = await token({ sub: 'binding-carl', name: 'Carl Binding' });
    const lastSeen = async () =>
      (await env.DB.prepare("select last_seen_at as at from users where subject = 'binding-carl'").first<{ at: number }>())?.at;
    expect((await send('PUT', `${DEMO}/ideas/demo-idea-sso/vote`, carl)).status).toBe(200);
    const first = await lastSeen();
    let before = await versions();
    expect((await send('DELETE', `${DEMO}/ideas/demo-idea-sso/vote`, carl)).status).toBe(200);
    expect((await send('PUT', `${DEMO}/ideas/demo-idea-sso/vote`, carl)).status).toBe(200);
    const after = await versions();
    expect(after.votes).toBe((before.votes ?? 0) + 2);
    expect(after.users).toBe(before.users);
    expect(await lastSeen()).toBe(first);

    // Their last visit an hour old: the next write records it.
    await env.DB.prepare("update users set last_seen_at = ? where subject = 'binding-carl'")
      .bind(Date.now() - LAST_SEEN_PRECISION_MS - 1)
      .run();
    expect((await send('DELETE', `${DEMO}/ideas/demo-idea-sso/vote`, carl)).status).toBe(200);
    before = await versions();
    expect((await send('PUT', `${DEMO}/ideas/demo-idea-sso/vote`, carl)).status).toBe(200);
    expect((await versions()).users).toBe((before.users ?? 0) + 1);
    expect(await lastSeen()).toBeGreaterThanOrEqual(first ?? Number.POSITIVE_INFINITY);

    // A new name from their token: rewritten at once.
    const renamed = await token({ sub: 'binding-carl', name: 'Carl Renamed' });
    expect((await send('DELETE', `${DEMO}/ideas/demo-idea-sso/vote`, carl)).status).toBe(200);
    before = await versions();
    expect((await send('PUT', `${DEMO}/ideas/demo-idea-sso/vote`, renamed)).status).toBe(200);
    expect((await versions()).users).toBe((before.users ?? 0) + 1);
    const row = await env.DB.prepare("select name from users where subject = 'binding-carl'").first<{ name: string }>();
    expect(row?.name).toBe('Carl Renamed');
  });

  it("ideas recorded on a leader's behalf rewrite their row only when it changes or an hour has passed", async () => {
    await useTestRoleClaims();
    const recorder = await token({ sub: 'binding-recorder', name: 'Rita Binding', extra: { roles: ['Bridgekit.Evaluator'] } });
    const lee = { name: 'Lee Binding', email: 'lee@binding.example', businessUnit: 'Finance' };
    const record = async (title: string, onBehalfOf: typeof lee) => {
      const res = await send('POST', `${DEMO}/boards/general/ideas`, recorder, { title, onBehalfOf });
      expect(res.status, await res.text()).toBe(201);
    };
    const row = () =>
      env.DB.prepare("select name, last_seen_at as at from users where kind = 'proxy' and email = 'lee@binding.example'").first<{
        name: string;
        at: number;
      }>();
    await record('Close the quarter without spreadsheets', lee);
    const first = await row();
    let before = await versions();
    await record('Expense approvals on the phone', lee);
    expect((await versions()).users).toBe(before.users);
    expect(await row()).toEqual(first);

    // The leader's name as the recorder now gives it: rewritten at once.
    before = await versions();
    await record('One view of every supplier contract', { ...lee, name: 'Lee Binding-Ward' });
    expect((await versions()).users).toBe((before.users ?? 0) + 1);
    expect((await row())?.name).toBe('Lee Binding-Ward');

    // Acted for an hour ago: the next idea records when.
    await env.DB.prepare("update users set last_seen_at = ? where kind = 'proxy' and email = 'lee@binding.example'")
      .bind(Date.now() - LAST_SEEN_PRECISION_MS - 1)
      .run();
    before = await versions();
    await record('Travel bookings in the intranet', { ...lee, name: 'Lee Binding-Ward' });
    expect((await versions()).users).toBe((before.users ?? 0) + 1);
    expect((await row())?.at).toBeGreaterThanOrEqual(first?.at ?? Number.POSITIVE_INFINITY);
  });
});
