import { env } from 'cloudflare:workers';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { database } from '../src/db/client.ts';
import { newEventId } from '../src/lib/ids.ts';
import { pruneExpired, pruneStatements, RETENTION } from '../src/store/retention.ts';
import { recorder, runCron } from './delivery-queue.ts';

const TENANT = 'demo-tenant';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12);
const daysAgo = (days: number) => NOW - days * DAY;

/** An event made `days` before NOW (dispatched unless told otherwise), as notify/record.ts ids it. */
async function event(days: number, { dispatched = true } = {}): Promise<string> {
  const at = daysAgo(days);
  const id = newEventId(at);
  await env.DB.prepare(
    "insert into events (id, tenant_id, type, actor_id, item_kind, item_id, data, created_at, dispatched_at) values (?, ?, 'idea.created', 'demo-user-amara', 'idea', 'demo-idea-x', '{}', ?, ?)",
  )
    .bind(id, TENANT, at, dispatched ? at : null)
    .run();
  return id;
}

/** A notification of `eventId` to `user` (its id: the event's, '.', the person's), read or not. */
async function notification(eventId: string, user: string, { days, read }: { days: number; read: boolean }): Promise<string> {
  const id = `${eventId}.${user}`;
  await env.DB.prepare(
    "insert into notifications (id, tenant_id, user_id, event_id, reason, kind, read_at, emailed_at, created_at) values (?, ?, ?, ?, 'subscribed', 'activity', ?, null, ?)",
  )
    .bind(id, TENANT, user, eventId, read ? daysAgo(days) : null, daysAgo(days))
    .run();
  return id;
}

const WEBHOOK = 'retention-webhook';
async function delivery(eventId: string, days: number): Promise<string> {
  const id = `delivery-${crypto.randomUUID()}`;
  await env.DB.prepare(
    "insert into webhook_deliveries (id, tenant_id, webhook_id, event_id, attempt, status, status_code, error, created_at) values (?, ?, ?, ?, 1, 'delivered', 200, null, ?)",
  )
    .bind(id, TENANT, WEBHOOK, eventId, daysAgo(days))
    .run();
  return id;
}

const exists = async (table: 'events' | 'notifications' | 'webhook_deliveries', id: string) =>
  (await env.DB.prepare(`select 1 as one from ${table} where id = ?`).bind(id).first()) !== null;

describe('retention (store/retention.ts)', () => {
  beforeEach(async () => {
    // Each test counts only its own rows: start from tables without any past their time.
    await pruneExpired(database(env.DB), NOW, { batches: 1000 });
    await env.DB.prepare(
      "insert into webhooks (id, tenant_id, url, events, secret, created_at, updated_at) values (?, ?, 'https://hooks.example/r', '[]', 's', ?, ?) on conflict do nothing",
    )
      .bind(WEBHOOK, TENANT, NOW, NOW)
      .run();
  });

  it('deletes read notifications after 90 days and any after 180, and keeps the rest', async () => {
    const e = await event(200);
    const readOld = await notification(e, 'demo-user-lukas', { days: 91, read: true });
    const readRecent = await notification(await event(89), 'demo-user-lukas', { days: 89, read: true });
    const unread = await notification(await event(170), 'demo-user-lukas', { days: 170, read: false });
    const unreadAncient = await notification(await event(181), 'demo-user-priya', { days: 181, read: false });

    const counts = await pruneExpired(database(env.DB), NOW);

    expect(counts).toMatchObject({ notifications: 2, more: false });
    expect(await exists('notifications', readOld)).toBe(false);
    expect(await exists('notifications', unreadAncient)).toBe(false);
    expect(await exists('notifications', readRecent)).toBe(true);
    expect(await exists('notifications', unread)).toBe(true);
  });

  it('deletes a dispatched event past 30 days once no notification refers to it, and never an undelivered one', async () => {
    const told = await event(40);
    const keptNotification = await notification(told, 'demo-user-lukas', { days: 40, read: false });
    const untold = await event(31);
    const undispatched = await event(60, { dispatched: false });
    const recent = await event(29);

    const counts = await pruneExpired(database(env.DB), NOW);

    expect(counts.events).toBe(1);
    expect(await exists('events', untold)).toBe(false);
    expect(await exists('events', told)).toBe(true);
    expect(await exists('notifications', keptNotification)).toBe(true);
    expect(await exists('events', undispatched)).toBe(true);
    expect(await exists('events', recent)).toBe(true);
  });

  it('deletes webhook deliveries after 30 days', async () => {
    const e = await event(10);
    const old = await delivery(e, RETENTION.webhookDeliveryMs / DAY + 1);
    const recent = await delivery(e, 29);

    expect((await pruneExpired(database(env.DB), NOW)).webhookDeliveries).toBe(1);
    expect(await exists('webhook_deliveries', old)).toBe(false);
    expect(await exists('webhook_deliveries', recent)).toBe(true);
  });

  it('deletes at most its batches per run, says there is more, and takes the rest in the next run', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await notification(await event(100 + i), 'demo-user-tomas', { days: 100 + i, read: true }));

    const first = await pruneExpired(database(env.DB), NOW, { batchRows: 2, batches: 2 });
    expect(first).toMatchObject({ notifications: 4, more: true });
    const second = await pruneExpired(database(env.DB), NOW, { batchRows: 2, batches: 2 });
    expect(second).toMatchObject({ notifications: 1, more: false });
    for (const id of ids) expect(await exists('notifications', id)).toBe(false);
  });

  it('runs with the hourly cron, not with the sweep', async () => {
    const old = await notification(await event(120), 'demo-user-lukas', { days: 120, read: true });

    await runCron('*/5 * * * *', recorder(), NOW);
    expect(await exists('notifications', old)).toBe(true);
    await runCron('0 * * * *', recorder(), NOW);
    expect(await exists('notifications', old)).toBe(false);
  });

  it('finds what to delete through an index, never by reading a whole table of the community’s activity', async () => {
    const dialect = new SQLiteSyncDialect();
    for (const [table, statement] of Object.entries(pruneStatements(NOW, 2000))) {
      const { sql, params } = dialect.sqlToQuery(statement);
      const { results } = await env.DB.prepare(`explain query plan ${sql}`)
        .bind(...params)
        .all<{ detail: string }>();
      const plan = results.map((r) => r.detail);
      // Only the tenants' webhooks (a handful of rows) may be read whole.
      expect(
        plan.filter((d) => /^SCAN (?!webhooks\b)/.test(d)),
        `${table}: ${plan.join(' | ')}`,
      ).toEqual([]);
    }
  });
});
