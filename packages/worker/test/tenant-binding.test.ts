/**
 * The tenant binding (db/tenant-binding.ts) bumps the versions of the tables a write batch
 * writes only when the batch changed a row: a refused or repeated write leaves every cached
 * answer valid, a successful one is seen by the next read.
 */
import { env } from 'cloudflare:workers';
import type { Idea, Page } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { versioned } from '../src/store/cache-versions.ts';
import { call, DEMO, json, token } from './helpers.ts';

const SCOPES = ['ideas', 'votes', 'users', 'subscriptions'];

async function versions(): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare(
    `select scope, version from cache_versions where tenant_id = ? and scope in (${SCOPES.map(() => '?').join(', ')})`,
  )
    .bind(DEMO_TENANT.id, ...SCOPES)
    .all<{ scope: string; version: number }>();
  return Object.fromEntries(SCOPES.map((s) => [s, results.find((r) => r.scope === s)?.version ?? 0]));
}

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
});
