/**
 * Dispatching the outbox: a tenant's events that have not gone out yet (`dispatched_at` null)
 * tell the followers of new comments (notify/followers.ts) and become queue messages — one per webhook subscribed to the event's type, one per person to
 * e-mail at once — and are marked dispatched once those are on the queue. Triggered after each
 * write (a `sweep` message, so the request itself reads nothing more) and every few minutes by
 * the cron sweep, so an event whose write succeeded but whose dispatch did not is still sent.
 */
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { Database } from '../db/client.ts';
import { events, notificationSettings, notifications, tenants, users, webhooks } from '../db/schema.ts';
import { inList } from '../db/sql.ts';
import type { AppEnv } from '../env.ts';
import { emailCadence } from '../notify/cadence.ts';
import { tellFollowers } from '../notify/followers.ts';
import { type DeliveryMessage, type DeliveryQueue, sendAll } from './messages.ts';

/** Events one sweep of one tenant takes; a sweep that took this many asks for another. */
export const SWEEP_LIMIT = 50;

/**
 * Fans out up to `SWEEP_LIMIT` of the tenant's undispatched events (only those created at or
 * before `createdUntil`, when given) and marks them. Returns how many, and whether more wait.
 * Sending twice is possible (two sweeps at once): deliveries skip what was delivered already.
 */
export async function dispatchTenant(
  db: Database,
  queue: DeliveryQueue,
  tenantId: string,
  { now = Date.now(), createdUntil }: { now?: number; createdUntil?: number } = {},
): Promise<{ dispatched: number; more: boolean }> {
  // The sweep reads the undispatched events (`events_undispatched`) and their notifications by
  // primary key; `+` keeps SQLite off the tenant's indexes, which hold every event and every
  // unmailed notification the tenant ever had, so a sweep would grow with each post before it.
  const pending = and(
    sql`+${events.tenantId} = ${tenantId}`,
    isNull(events.dispatchedAt),
    createdUntil === undefined ? undefined : lte(events.createdAt, createdUntil),
  );
  const batchIds = db.select({ id: events.id }).from(events).where(pending).orderBy(asc(events.id)).limit(SWEEP_LIMIT);
  // A notification's id is its event's id, '.', its person's (notify/record.ts): one range of the primary key.
  const ofBatch = sql`${notifications.id} >= ((select min(id) from (${batchIds})) || '.') and ${notifications.id} < ((select max(id) from (${batchIds})) || '/')`;
  // The new comments' followers are told first, so that their notifications are mailed with the rest.
  const [, due, hooks, mailRows, mailable] = await db.batch([
    tellFollowers(db, tenantId, batchIds.getSQL()),
    db.select({ id: events.id, type: events.type }).from(events).where(pending).orderBy(asc(events.id)).limit(SWEEP_LIMIT),
    db
      .select({ id: webhooks.id, events: webhooks.events })
      .from(webhooks)
      .where(and(eq(webhooks.tenantId, tenantId), eq(webhooks.enabled, true))),
    db.select({ mail: tenants.mail }).from(tenants).where(eq(tenants.id, tenantId)),
    db
      .select({ id: notifications.id, kind: notifications.kind, email: notificationSettings.email })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(notificationSettings, eq(notificationSettings.userId, notifications.userId))
      .where(
        and(
          sql`+${notifications.tenantId} = ${tenantId}`,
          ofBatch,
          inArray(notifications.eventId, batchIds),
          isNull(notifications.emailedAt),
          eq(users.kind, 'person'),
          sql`${users.email} is not null`,
        ),
      ),
  ]);
  if (due.length === 0) return { dispatched: 0, more: false };

  const messages: DeliveryMessage[] = [];
  for (const event of due) {
    for (const hook of hooks) {
      if (hook.events.includes(event.type)) messages.push({ kind: 'webhook', tenant: tenantId, event: event.id, webhook: hook.id });
    }
  }
  if (mailRows[0]?.mail) {
    for (const n of mailable) {
      if (emailCadence(n.email)[n.kind] === 'immediate') messages.push({ kind: 'mail', tenant: tenantId, notification: n.id });
    }
  }
  await sendAll(queue, messages);
  await db
    .update(events)
    .set({ dispatchedAt: now })
    .where(
      and(
        eq(events.tenantId, tenantId),
        inList(
          events.id,
          due.map((e) => e.id),
        ),
        isNull(events.dispatchedAt),
      ),
    );
  return { dispatched: due.length, more: due.length === SWEEP_LIMIT };
}

/** Tenants with events that no sweep took within `graceMs` (the cron sweep). */
export async function tenantsWithPendingEvents(db: Database, createdUntil: number, limit = 100): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tenantId: events.tenantId })
    .from(events)
    .where(and(isNull(events.dispatchedAt), lte(events.createdAt, createdUntil)))
    .limit(limit);
  return rows.map((r) => r.tenantId);
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How long a write's sweep waits on the queue, so that the writes of that second share it. */
export const SWEEP_DELAY_SECONDS = 1;
// Per queue binding (a test's recorder is one of its own), per tenant: until when a queued sweep
// has not started yet. A write committed before then is swept by it: no second sweep is queued.
const sweepsQueued = new WeakMap<object, Map<string, number>>();

/**
 * After a tenant's successful write, asks the queue to sweep the tenant's outbox — after the
 * answer has gone, and never failing the write: what is not dispatched now, the cron sweep is.
 * The sweep is delayed by {@link SWEEP_DELAY_SECONDS}, and a write while one is still waiting in
 * this isolate queues none: under load a tenant gets one sweep a second, not one per write.
 */
export const dispatchAfterWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // Reads first: `c.var` builds an object of every variable on each access.
  if (READS.has(c.req.method)) return;
  const queue = c.env.EVENTS;
  const tenant = c.get('tenant');
  if (!queue || !tenant || c.res.status >= 400) return;
  let ctx: Pick<ExecutionContext, 'waitUntil'>;
  try {
    ctx = c.executionCtx;
  } catch {
    return; // no execution context (a direct app.request() in a script): the cron sweep will do
  }
  const queued = sweepsQueued.get(queue) ?? new Map<string, number>();
  sweepsQueued.set(queue, queued);
  const now = Date.now();
  if ((queued.get(tenant.id) ?? 0) > now) return;
  // Short of the delay by a margin, for the clocks of the Worker and the queue.
  queued.set(tenant.id, now + SWEEP_DELAY_SECONDS * 1000 - 100);
  ctx.waitUntil(
    queue.send({ kind: 'sweep', tenant: tenant.id }, { delaySeconds: SWEEP_DELAY_SECONDS }).catch((err: unknown) => {
      queued.delete(tenant.id);
      console.warn('Outbox sweep not queued', err);
    }),
  );
});
