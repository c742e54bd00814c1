/**
 * Retention: what nobody reads any more is deleted by age, so one database stays lean as years
 * pass (docs/architecture/scaling.md "Keep one database lean"), and less personal data is kept
 * (docs/privacy.md). Run by the hourly cron (delivery/handlers.ts), across tenants, in batches
 * of {@link PRUNE_BATCH_ROWS} rows (a large `DELETE` holds the database's one writer) and at most
 * {@link PRUNE_BATCHES_PER_RUN} per table and run; what is left waits for the next hour.
 *
 * Kept whatever their age: the community's content (ideas, votes, threads, comments, cards and
 * every card version, which is the practice's history and what reviews cite), the audit trail
 * (config_log), and whatever is undelivered.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { newEventId } from '../lib/ids.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long each kind of row is kept. */
export const RETENTION = {
  /** A notification its person has read: the inbox shows it for three months. */
  readNotificationMs: 90 * DAY_MS,
  /** Any notification, read or not (an unread one may still go out in a digest until then). */
  notificationMs: 180 * DAY_MS,
  /** The webhook delivery log admins read (docs/webhooks.md). */
  webhookDeliveryMs: 30 * DAY_MS,
  /** A dispatched event, once no notification refers to it (the inbox reads the event with its notification). */
  eventMs: 30 * DAY_MS,
} as const;

export const PRUNE_BATCH_ROWS = 2000;
export const PRUNE_BATCHES_PER_RUN = 10;

export interface PruneCounts {
  notifications: number;
  webhookDeliveries: number;
  events: number;
  /** A table still had rows past their time when the run's batches ran out. */
  more: boolean;
}

/**
 * Events and notifications have time-ordered ids (lib/ids.ts; a notification's id is its
 * event's, then the person's), so "made before `time`" is a range of the primary key: the
 * smallest id of that millisecond.
 */
const idsBefore = (time: number) => newEventId(time).slice(0, 10);

/** One batch's delete of each table, for rows past their time at `now` (test/retention.test.ts checks each is an index search). */
export function pruneStatements(now: number, batchRows: number): Record<Exclude<keyof PruneCounts, 'more'>, SQL> {
  const readBefore = idsBefore(now - RETENTION.readNotificationMs);
  const anyBefore = idsBefore(now - RETENTION.notificationMs);
  return {
    notifications: sql`delete from notifications where id in (select id from notifications
      where id < ${anyBefore} or (id < ${readBefore} and read_at is not null) limit ${batchRows})`,
    // By webhook: the log's index is (webhook, time).
    webhookDeliveries: sql`delete from webhook_deliveries where id in (select id from webhook_deliveries
      where webhook_id in (select id from webhooks) and created_at < ${now - RETENTION.webhookDeliveryMs} limit ${batchRows})`,
    events: sql`delete from events where id in (select e.id from events e
      where e.id < ${idsBefore(now - RETENTION.eventMs)} and e.dispatched_at is not null
        and not exists (select 1 from notifications n where n.event_id = e.id) limit ${batchRows})`,
  };
}

/**
 * Deletes, in batches, what is past its time at `now`: notifications first, since an event is
 * kept while a notification refers to it.
 *
 * @example
 * const { more } = await pruneExpired(database(env.DB), controller.scheduledTime);
 */
export async function pruneExpired(
  db: Database,
  now: number,
  { batchRows = PRUNE_BATCH_ROWS, batches = PRUNE_BATCHES_PER_RUN } = {},
): Promise<PruneCounts> {
  const counts: PruneCounts = { notifications: 0, webhookDeliveries: 0, events: 0, more: false };
  const statements = pruneStatements(now, batchRows);
  for (const table of ['notifications', 'webhookDeliveries', 'events'] as const) {
    let full = true;
    for (let i = 0; i < batches && full; i++) {
      const { meta } = await db.run(statements[table]);
      counts[table] += meta.changes;
      full = meta.changes === batchRows;
    }
    if (full) counts.more = true;
  }
  return counts;
}
