import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { database } from '../src/db/client.ts';
import { clearTenantCache, findTenantBySlug, TENANT_CACHE_MS } from '../src/store/tenants.ts';
import { documented } from './contract.ts';
import { DEMO, token } from './helpers.ts';

/** A D1 binding that counts what the Worker sends to the real one. */
function countingD1(d1: D1Database) {
  const counts = { statements: 0, roundTrips: 0 };
  const wrapStatement = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'bind') return (...args: unknown[]) => wrapStatement(value.apply(target, args));
        if (['first', 'all', 'run', 'raw'].includes(String(prop))) {
          return (...args: unknown[]) => {
            counts.roundTrips++;
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const db = new Proxy(d1, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'prepare') {
        return (query: string) => {
          counts.statements++;
          return wrapStatement(target.prepare(query));
        };
      }
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          counts.roundTrips++;
          // Unwrap: the real batch wants the runtime's own statement objects.
          return target.batch(statements);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, counts };
}

async function measure(url: string, init: RequestInit = {}) {
  const { db, counts } = countingD1(env.DB);
  const ctx = createExecutionContext();
  const request = new Request(url, init);
  const res = await documented(request, app.fetch(request, { ...env, DB: db }, ctx));
  await waitOnExecutionContext(ctx);
  return { status: res.status, ...counts };
}

describe('D1 queries per request', () => {
  beforeAll(async () => {
    // Straight into D1: the API's own write rate limit would stop one person at 60.
    const now = Date.now();
    await env.DB.batch(
      Array.from({ length: 120 }, (_, i) =>
        env.DB.prepare(
          "insert into ideas (id, tenant_id, board_id, author_id, title, description, vote_count, created_at) values (?, 'demo-tenant', 'demo-board-general', 'demo-user-amara', ?, '', ?, ?)",
        ).bind(`bulk-${i}`, `Bulk idea ${i}`, i % 7, now - i),
      ),
    );
  });

  it('list-ideas is one batch of two statements whatever the page size, signed in or not', async () => {
    const auth = { headers: { authorization: `Bearer ${await token({ sub: 'reader' })}` } };
    await measure(`${DEMO}/boards/general/ideas`); // the tenant's settings, into this isolate's cache
    const results = [];
    for (const limit of [1, 10, 50, 100]) {
      results.push(await measure(`${DEMO}/boards/general/ideas?limit=${limit}`));
      results.push(await measure(`${DEMO}/boards/general/ideas?limit=${limit}&sort=new`, auth));
    }
    for (const r of results) expect(r).toEqual({ status: 200, statements: 2, roundTrips: 1 });
  });

  it('list-ideas costs the same for every sort and filter', async () => {
    await measure(`${DEMO}/boards/general/ideas`);
    for (const sort of ['top', 'new', 'trending', 'value', 'value_per_effort']) {
      expect(await measure(`${DEMO}/boards/general/ideas?sort=${sort}&limit=100&category=open,planned`)).toEqual({
        status: 200,
        statements: 2,
        roundTrips: 1,
      });
    }
  });

  it('a duplicate suggestion is two queries (the board, the search) whatever the board size', async () => {
    await measure(`${DEMO}/boards/general/ideas`);
    for (const q of ['invoice', 'automate invoice matching for subsidiaries', 'bulk idea']) {
      expect(await measure(`${DEMO}/boards/general/ideas/similar?q=${encodeURIComponent(q)}`)).toEqual({
        status: 200,
        statements: 2,
        roundTrips: 2,
      });
    }
  });

  it("adds one round trip for the tenant's settings when this isolate has not read them lately", async () => {
    clearTenantCache();
    expect(await measure(`${DEMO}/boards/general/ideas?limit=100`)).toEqual({ status: 200, statements: 6, roundTrips: 2 });
    expect(await measure(`${DEMO}/boards/general/ideas?limit=100`)).toEqual({ status: 200, statements: 2, roundTrips: 1 });
  });

  it('reads the tenant again once the cache entry is older than TENANT_CACHE_MS', async () => {
    clearTenantCache();
    const { db, counts } = countingD1(env.DB);
    const now = Date.now();
    await findTenantBySlug(database(db), 'demo', now);
    await findTenantBySlug(database(db), 'demo', now + TENANT_CACHE_MS - 1);
    expect(counts.roundTrips).toBe(1);
    await findTenantBySlug(database(db), 'demo', now + TENANT_CACHE_MS + 1);
    expect(counts.roundTrips).toBe(2);
  });

  it('a vote is one read (idea, board, own votes) and one batch', async () => {
    const auth = { method: 'PUT', headers: { authorization: `Bearer ${await token({ sub: 'budget-voter' })}` } };
    expect(await measure(`${DEMO}/ideas/demo-idea-sso/vote`, auth)).toEqual({ status: 200, statements: 5, roundTrips: 2 });
  });

  it('a thread page is one batch of three statements, for a thread of 20 comments or of 2,000', async () => {
    const now = Date.now();
    const insert = (thread: string, n: number) => {
      const statements = [
        env.DB.prepare(
          "insert into threads (id, tenant_id, key, title, started_by, created_at) values (?, 'demo-tenant', ?, 'Bulk', 'demo-user-amara', ?)",
        ).bind(thread, thread, now),
      ];
      for (let i = 0; i < n; i++) {
        // Every fourth comment answers the one before it, so replies and their cap are in play.
        const root = i % 4 === 0 ? i : i - (i % 4);
        statements.push(
          env.DB.prepare(
            `insert into comments (id, tenant_id, thread_id, parent_id, root_id, depth, author_id, body, html, fingerprint, state, updated_at, created_at)
             values (?, 'demo-tenant', ?, ?, ?, ?, 'demo-user-lukas', 'Bulk comment', '<p>Bulk comment</p>', ?, 'published', ?, ?)`,
          ).bind(
            `${thread}-${i}`,
            thread,
            root === i ? null : `${thread}-${root}`,
            `${thread}-${root}`,
            root === i ? 0 : 1,
            `f${i}`,
            now - i,
            now - i,
          ),
        );
      }
      return statements;
    };
    const small = insert('budget-small', 20);
    const large = insert('budget-large', 2000);
    for (let i = 0; i < large.length; i += 500) await env.DB.batch(large.slice(i, i + 500));
    await env.DB.batch(small);
    const auth = { headers: { authorization: `Bearer ${await token({ sub: 'thread-reader' })}` } };
    await measure(`${DEMO}/threads/comments?key=budget-small`, auth);
    for (const key of ['budget-small', 'budget-large']) {
      for (const sort of ['oldest', 'newest', 'top']) {
        expect(await measure(`${DEMO}/threads/comments?key=${key}&sort=${sort}`, auth), `${key} ${sort}`).toEqual({
          status: 200,
          statements: 3,
          roundTrips: 1,
        });
      }
      expect(await measure(`${DEMO}/threads/comments?key=${key}&limit=50`)).toEqual({ status: 200, statements: 3, roundTrips: 1 });
    }
  });

  it('a card search or list is one query, whatever the filters or the library size', async () => {
    const now = Date.now();
    const statements = Array.from({ length: 300 }, (_, i) =>
      env.DB.prepare(
        `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at)
         values (?, 'demo-tenant', 'business-case', 1, ?, 'A bulk card', '{}', '{}', ?, '["demand-shaping"]', 1, 's', 'Bulk', 'Bulk', ?)`,
      ).bind(`bulk-card-${i}`, `Bulk business case ${i}`, `invoice matching costs ${i}`, now - i),
    );
    await env.DB.batch(statements);
    const auth = { headers: { authorization: `Bearer ${await token({ sub: 'card-reader' })}` } };
    await measure(`${DEMO}/cards`, auth);
    for (const query of [
      '',
      '?q=business%20cases',
      '?q=invoice&tag=demand-shaping&freshness=current',
      '?sort=helpful&limit=100',
      '?template=business-case&owner=me',
    ]) {
      expect(await measure(`${DEMO}/cards${query}`, auth), query).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    }
  });
});
