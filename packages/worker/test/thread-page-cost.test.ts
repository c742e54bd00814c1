/**
 * A thread page reads about as many rows for a thread of 2,000 comments as for one of 100, and a
 * branch of 1,500 replies costs its page what a branch of a few does: D1's own count of the rows
 * each statement read (`meta.rows_read`, which workerd's D1 reports as the service does).
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { ThreadPage } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { clearReadCache } from '../src/routes/read-cache.ts';
import { DEMO, token } from './helpers.ts';

/** A D1 binding that notes the rows the real one reports reading in the last batch (a thread page is one). */
function rowCountingD1(d1: D1Database) {
  const read = { rows: 0, statements: 0 };
  const db = new Proxy(d1, {
    get(target, prop, receiver) {
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements);
          read.rows = results.reduce((sum, r) => sum + r.meta.rows_read, 0);
          read.statements = results.length;
          return results;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, read };
}

let auth: RequestInit;

/**
 * What the page costs the first time it is read (`cached`: once more, from the read cache): the
 * versions, the shared page and the reader's own page in one batch (1 + 3 + 3 statements), or,
 * cached, the versions and the reader's own part (2).
 */
async function pageCost(query: string, cached = false): Promise<{ rows: number; page: ThreadPage }> {
  if (!cached) clearReadCache();
  const { db, read } = rowCountingD1(env.DB);
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${DEMO}/threads/comments?${query}`, auth), { ...env, DB: db }, ctx);
  await waitOnExecutionContext(ctx);
  expect(res.status, query).toBe(200);
  // Cached: one statement, the versions with the reader's own part (store/cache-versions.ts withVersions).
  expect(read.statements, query).toBe(cached ? 1 : 7);
  return { rows: read.rows, page: await res.json<ThreadPage>() };
}

/**
 * A thread of `roots` top-level comments, ten minutes apart, and `replies` replies spread evenly
 * over them (as the bench's threads are), plus `branch` more replies under its first comment.
 */
function seed(thread: string, roots: number, replies: number, branch = 0): D1PreparedStatement[] {
  const start = Date.now() - (roots + 1) * 600_000;
  const insert = env.DB.prepare(
    `insert into comments (id, tenant_id, thread_id, parent_id, root_id, depth, author_id, body, html, fingerprint, state, updated_at, created_at)
     values (?, 'demo-tenant', ?, ?, ?, ?, 'demo-user-lukas', 'A comment', '<p>A comment</p>', ?, 'published', ?, ?)`,
  );
  const root = (r: number) => `${thread}-c${r}`;
  const at = (r: number, n: number) => start + r * 600_000 + n * 1000;
  const statements = [
    env.DB.prepare(
      "insert into threads (id, tenant_id, key, title, started_by, created_at) values (?, 'demo-tenant', ?, 'Cost', 'demo-user-amara', ?)",
    ).bind(thread, thread, start),
  ];
  for (let r = 0; r < roots; r++) statements.push(insert.bind(root(r), thread, null, root(r), 0, `f${r}`, at(r, 0), at(r, 0)));
  for (let j = 0; j < replies; j++) {
    const r = Math.floor((j * roots) / replies);
    statements.push(insert.bind(`${thread}-r${j}`, thread, root(r), root(r), 1, `g${j}`, at(r, j + 1), at(r, j + 1)));
  }
  for (let j = 0; j < branch; j++) {
    statements.push(insert.bind(`${thread}-b${j}`, thread, root(0), root(0), 1, `h${j}`, at(0, replies + j + 1), at(0, replies + j + 1)));
  }
  return statements;
}

describe('the rows a thread page reads', () => {
  beforeAll(async () => {
    auth = { headers: { authorization: `Bearer ${await token({ sub: 'cost-reader' })}` } };
    const statements = [
      ...seed('cost-100', 40, 60),
      ...seed('cost-2000', 800, 1200),
      // The same first twenty branches, but the first holds 1,500 replies more.
      ...seed('cost-branch', 20, 30, 1500),
    ];
    for (let i = 0; i < statements.length; i += 500) await env.DB.batch(statements.slice(i, i + 500));
    // A moderator pins a comment far down the long thread: it leads every page's sort.
    await env.DB.prepare("update comments set pinned = 1 where id = 'cost-2000-c700'").run();
    await env.DB.prepare("update comments set pinned = 1 where id = 'cost-100-c30'").run();
    await pageCost('key=cost-100'); // the tenant's settings, into this isolate's cache
  });

  it('do not grow with the thread: the first page of 2,000 comments reads what the same page of 100 does', async () => {
    for (const sort of ['oldest', 'newest']) {
      const small = await pageCost(`key=cost-100&sort=${sort}&limit=20`);
      const smallCached = await pageCost(`key=cost-100&sort=${sort}&limit=20`, true);
      const large = await pageCost(`key=cost-2000&sort=${sort}&limit=20`);
      const largeCached = await pageCost(`key=cost-2000&sort=${sort}&limit=20`, true);
      // Twenty top-level comments with their replies each, the pinned one first.
      expect(small.page.items).toHaveLength(20);
      expect(large.page.items).toHaveLength(20);
      expect(large.page.items[0]?.id).toBe('cost-2000-c700');
      expect(large.page.items.reduce((n, c) => n + c.replies.length, 0)).toBe(small.page.items.reduce((n, c) => n + c.replies.length, 0));
      // Sorting all 800 top-level comments for the page read ten times the rows.
      expect(large.rows, sort).toBeLessThanOrEqual(small.rows * 1.1);
      // Cached, the reader's own part: it too reads what the page holds, not what the thread does.
      expect(largeCached.page).toEqual(large.page);
      expect(largeCached.rows, `${sort}, cached`).toBeLessThanOrEqual(smallCached.rows * 1.1);
    }
  });

  it('nor with how far into the thread a page is', async () => {
    const small = await pageCost('key=cost-100&limit=20');
    let cursor: string | null = null;
    for (let n = 0; n < 5; n++) {
      const { rows, page } = await pageCost(`key=cost-2000&limit=20${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items).toHaveLength(20);
      expect(rows, `page ${n + 1}`).toBeLessThanOrEqual(small.rows * 1.1);
      cursor = page.nextCursor;
    }
  });

  it("nor with a branch's length: a page reads the first 51 replies of each top-level comment, not all", async () => {
    const small = await pageCost('key=cost-100&limit=20');
    const branchy = await pageCost('key=cost-branch&limit=20');
    const first = branchy.page.items[0];
    expect(first?.replies).toHaveLength(50);
    expect(first?.moreReplies).toBeTruthy();
    // About 50 replies more than the small thread's page shows, at some ten rows each (the row,
    // its author, the reader's reactions…), read twice (the shared page and the reader's own):
    // far from the 1,500 of the branch.
    expect(branchy.rows).toBeLessThanOrEqual(small.rows + 2 * 50 * 12);
  });
});
