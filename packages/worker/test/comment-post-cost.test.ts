/**
 * What posting a comment costs does not grow with what came before it: the rows its one batch
 * reads and writes are the same in a thread of 10 comments and of 3,000, for a reply in a branch
 * of 2 replies and of 1,500, and for a thread of 2 followers and of 200 (the outbox sweep tells
 * the followers); the outbox sweep that follows it reads the same rows however many events
 * and unmailed notifications the tenant had before. D1's own counts (`meta.rows_read`,
 * `meta.rows_written`), which workerd's D1 reports as the service does.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Comment } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { database } from '../src/db/client.ts';
import { dispatchTenant } from '../src/delivery/dispatch.ts';
import { recorder } from './delivery-queue.ts';
import { DEMO, token } from './helpers.ts';

interface Cost {
  read: number;
  written: number;
  batches: number;
}

/** A D1 binding that adds up the rows D1 reports for each statement of each batch. */
function rowCountingD1(d1: D1Database) {
  const cost: Cost = { read: 0, written: 0, batches: 0 };
  const db = new Proxy(d1, {
    get(target, prop, receiver) {
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements);
          cost.batches++;
          for (const r of results) {
            cost.read += r.meta.rows_read;
            cost.written += r.meta.rows_written;
          }
          return results;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, cost };
}

let poster: string;

/**
 * Rows an index range may read past its end, depending on its neighbours: what "the same" allows.
 * (Before posts kept counts by increments, a post into the long thread read some 9,000 rows more.)
 */
const SLACK = 3;

/** Posts as `person` (a new one for each measured post: the author's own recent comments are read too, up to 50). */
async function post(key: string, body: string, parentId?: string, person = poster): Promise<{ comment: Comment; cost: Cost }> {
  const { db, cost } = rowCountingD1(env.DB);
  const ctx = createExecutionContext();
  const request = new Request(`${DEMO}/threads/comments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${person}`, 'content-type': 'application/json' },
    body: JSON.stringify({ key, body, ...(parentId ? { parentId } : {}) }),
  });
  // No queue: the sweep is measured on its own below.
  const res = await app.fetch(request, { ...env, DB: db, EVENTS: undefined }, ctx);
  await waitOnExecutionContext(ctx);
  expect(res.status, `${key}: ${body}`).toBe(201);
  return { comment: await res.json<Comment>(), cost };
}

/** A thread of `n` top-level comments, `branch` replies under its first, and `followers` people following it. */
function seed(thread: string, n: number, branch: number, followers: number): D1PreparedStatement[] {
  const now = Date.now() - 3_600_000;
  const insert = env.DB.prepare(
    `insert into comments (id, tenant_id, thread_id, parent_id, root_id, depth, author_id, body, html, fingerprint, state, reply_count, updated_at, created_at)
     values (?, 'demo-tenant', ?, ?, ?, ?, 'demo-user-lukas', 'A comment', '<p>A comment</p>', ?, 'published', ?, ?, ?)`,
  );
  const first = `${thread}-c0`;
  const statements = [
    env.DB.prepare(
      "insert into threads (id, tenant_id, key, title, started_by, comment_count, last_comment_at, created_at) values (?, 'demo-tenant', ?, 'Cost', 'demo-user-amara', ?, ?, ?)",
    ).bind(thread, thread, n + branch, now, now),
  ];
  for (let i = 0; i < n; i++)
    statements.push(insert.bind(`${thread}-c${i}`, thread, null, `${thread}-c${i}`, 0, `f${i}`, i === 0 ? branch : 0, now - i, now - i));
  for (let j = 0; j < branch; j++) statements.push(insert.bind(`${thread}-r${j}`, thread, first, first, 1, `g${j}`, 0, now + j, now + j));
  for (let f = 0; f < followers; f++) {
    statements.push(
      env.DB.prepare(
        "insert into users (id, tenant_id, subject, name, created_at, last_seen_at) values (?, 'demo-tenant', ?, 'Follower', ?, ?) on conflict do nothing",
      ).bind(`follower-${f}`, `follower|${f}`, now, now),
      env.DB.prepare(
        "insert into subscriptions (user_id, tenant_id, target, target_id, source, active) values (?, 'demo-tenant', 'thread', ?, 'commenter', 1)",
      ).bind(`follower-${f}`, thread),
    );
  }
  return statements;
}

describe('the rows a comment post reads and writes', () => {
  beforeAll(async () => {
    poster = await token({ sub: 'cost-poster', name: 'Cora Poster' });
    const statements = [...seed('post-small', 10, 2, 2), ...seed('post-long', 3000, 1500, 2), ...seed('post-followed', 10, 2, 200)];
    for (let i = 0; i < statements.length; i += 500) await env.DB.batch(statements.slice(i, i + 500));
    // The poster follows each thread once they have posted in it: do that first, so the measured posts differ only in the thread.
    for (const key of ['post-small', 'post-long', 'post-followed']) await post(key, `Hello ${key}`);
  });

  it('are the same in a thread of 10 comments and of 3,000, and for a reply in a branch of 2 replies and of 1,500', async () => {
    const small = await post('post-small', 'A new top-level comment', undefined, await token({ sub: 'cost-a1', name: 'Ann One' }));
    const long = await post('post-long', 'A new top-level comment', undefined, await token({ sub: 'cost-a2', name: 'Ann Two' }));
    expect(long.cost.batches).toBe(1);
    expect(long.cost.read).toBeLessThanOrEqual(small.cost.read + SLACK);
    expect(long.cost.written).toBe(small.cost.written);
    const smallReply = await post('post-small', 'A reply', 'post-small-c0', await token({ sub: 'cost-b1', name: 'Ben One' }));
    const longReply = await post('post-long', 'A reply', 'post-long-c0', await token({ sub: 'cost-b2', name: 'Ben Two' }));
    expect(longReply.cost.read).toBeLessThanOrEqual(smallReply.cost.read + SLACK);
    expect(longReply.cost.written).toBe(smallReply.cost.written);
    // The counts are kept by increments, and right.
    expect(longReply.comment).toMatchObject({ parentId: 'post-long-c0', depth: 1 });
    const { results } = await env.DB.prepare(
      "select t.comment_count as n, c.reply_count as replies from threads t join comments c on c.id = 'post-long-c0' where t.key = 'post-long'",
    ).all<{ n: number; replies: number }>();
    expect(results[0]).toEqual({ n: 3000 + 1500 + 3, replies: 1501 });
  });

  it('are the same for a thread of 2 followers and of 200: the outbox sweep tells them, one notification each', async () => {
    const few = await post('post-small', 'Told to the followers', undefined, await token({ sub: 'cost-c1', name: 'Cleo One' }));
    const many = await post('post-followed', 'Told to the followers', undefined, await token({ sub: 'cost-c2', name: 'Cleo Two' }));
    expect(many.cost.read).toBeLessThanOrEqual(few.cost.read + SLACK);
    expect(many.cost.written).toBe(few.cost.written);
    const told = (id: string) =>
      env.DB.prepare('select count(*) as n from notifications n join events e on e.id = n.event_id where e.item_id = ?')
        .bind(id)
        .first<{ n: number }>('n');
    expect(await told(many.comment.id)).toBe(0);
    const via = recorder();
    while ((await dispatchTenant(database(env.DB), via.queue, 'demo-tenant')).more);
    // Everyone following the thread but the poster.
    const followers = (key: string, poster: string) =>
      env.DB.prepare(
        "select count(*) as n from subscriptions s join threads t on t.id = s.target_id where s.target = 'thread' and t.key = ? and s.active = 1 and s.user_id <> (select id from users where subject = ?)",
      )
        .bind(key, poster)
        .first<{ n: number }>('n');
    expect(await told(few.comment.id)).toBe(await followers('post-small', 'cost-c1'));
    expect(await told(many.comment.id)).toBe(await followers('post-followed', 'cost-c2'));
    expect(await told(many.comment.id)).toBeGreaterThanOrEqual(200);
  });

  it("the outbox sweep after a post reads the same rows, whatever the tenant's earlier events and unmailed notifications", async () => {
    const via = recorder();
    const sweep = async () => {
      const { db, cost } = rowCountingD1(env.DB);
      await dispatchTenant(database(db), via.queue, 'demo-tenant');
      return cost;
    };
    // Everything before goes out first.
    while ((await dispatchTenant(database(env.DB), via.queue, 'demo-tenant')).dispatched > 0);
    await post('post-followed', 'Swept with a short history');
    const short = await sweep();
    // 3,000 more events, gone out already, each told to one person who never got it by e-mail.
    const now = Date.now();
    const history: D1PreparedStatement[] = [];
    for (let i = 0; i < 3000; i++) {
      history.push(
        env.DB.prepare(
          "insert into events (id, tenant_id, type, actor_id, item_kind, item_id, data, created_at, dispatched_at) values (?, 'demo-tenant', 'comment.created', 'demo-user-lukas', 'comment', 'post-small-c0', '{}', ?, ?)",
        ).bind(`00HISTORY${String(i).padStart(6, '0')}`, now - 10_000, now - 10_000),
        env.DB.prepare(
          "insert into notifications (id, tenant_id, user_id, event_id, reason, kind, created_at) values (?, 'demo-tenant', 'follower-0', ?, 'following', 'following', ?)",
        ).bind(`00HISTORY${String(i).padStart(6, '0')}.follower-0`, `00HISTORY${String(i).padStart(6, '0')}`, now - 10_000),
      );
    }
    for (let i = 0; i < history.length; i += 500) await env.DB.batch(history.slice(i, i + 500));
    await post('post-followed', 'Swept with a long history');
    const long = await sweep();
    expect(long.read).toBeLessThanOrEqual(short.read + SLACK);
  });
});
