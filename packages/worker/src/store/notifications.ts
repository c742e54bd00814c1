/**
 * A person's inbox — their notifications, newest first, each with the event's actor and item
 * (named and linked with the tenant's item pages) — marking read, and their e-mail cadence. Each
 * request is one round trip of a fixed number of statements.
 */
import type {
  EventItem,
  EventItemKind,
  EventType,
  Inbox,
  Notification,
  NotificationReason,
  NotificationSettings,
  NotificationSettingsUpdate,
} from '@bridgekit/sdk';
import { and, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { UserViewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { events, notificationSettings, notifications, users } from '../db/schema.ts';
import { inList, qualified } from '../db/sql.ts';
import { commentPageUrl, itemPageUrl } from '../lib/item-pages.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { emailCadence } from '../notify/cadence.ts';
import { cardReadableBy } from './card-rows.ts';
import { decodeListCursor, nextListCursor } from './comment-rows.ts';
import type { Tenant } from './tenants.ts';
import { upsertUser, viewerUserId } from './users.ts';

const INBOX_TAG = 'inbox';

export interface InboxQueryInput {
  cursor?: string | undefined;
  limit: number;
  unread?: boolean | undefined;
}

const mine = (tenantId: string, me: UserViewer) =>
  and(eq(notifications.tenantId, tenantId), sql`${qualified(notifications.userId)} = ${viewerUserId(tenantId, me)}`);

/** The item's title, and for a comment its thread's key and page, as columns of a statement over `events`. */
function itemColumns(tenantId: string, me: UserViewer) {
  const kind = qualified(events.itemKind);
  const id = qualified(events.itemId);
  // A card kept to a unit's team or private since: named only while the person may read it.
  const discussed = (table: 'ideas' | 'cards') =>
    sql`(select x.title from ${sql.raw(table)} x where x.tenant_id = ${tenantId} and x.id = substr(t.key, 6)${
      table === 'cards' ? sql` and ${cardReadableBy(tenantId, me, 'x')}` : sql``
    })`;
  return {
    title: sql<string | null>`case ${kind}
      when 'idea' then (select i.title from ideas i where i.tenant_id = ${tenantId} and i.id = ${id})
      when 'card' then (select k.title from cards k where k.tenant_id = ${tenantId} and k.id = ${id} and ${cardReadableBy(tenantId, me, 'k')})
      when 'health' then (select h.title from health_rounds h where h.tenant_id = ${tenantId} and h.id = ${id})
      else (select case substr(t.key, 1, 5) when 'idea:' then ${discussed('ideas')} when 'card:' then ${discussed('cards')}
          else coalesce(t.title, t.url, t.key) end
        from comments c join threads t on t.id = c.thread_id where c.tenant_id = ${tenantId} and c.id = ${id}) end`.as('n_item_title'),
    threadKey: sql<
      string | null
    >`case ${kind} when 'comment' then (select t.key from comments c join threads t on t.id = c.thread_id where c.tenant_id = ${tenantId} and c.id = ${id}) end`.as(
      'n_thread_key',
    ),
    threadUrl: sql<
      string | null
    >`case ${kind} when 'comment' then (select t.url from comments c join threads t on t.id = c.thread_id where c.tenant_id = ${tenantId} and c.id = ${id}) end`.as(
      'n_thread_url',
    ),
  };
}

const as = <T>(column: SQLiteColumn, name: string) => sql<T>`${qualified(column)}`.as(name);

function selectInbox(db: Database, tenantId: string, me: UserViewer, where: SQL | undefined, limit: number) {
  return (
    db
      // Each column under a name of its own: a D1 batch keys rows by column name (`id` is in three tables).
      .select({
        id: as<string>(notifications.id, 'n_id'),
        reason: as<NotificationReason>(notifications.reason, 'n_reason'),
        readAt: as<number | null>(notifications.readAt, 'n_read_at'),
        createdAt: as<number>(notifications.createdAt, 'n_created_at'),
        type: as<EventType>(events.type, 'n_event_type'),
        data: as<string>(events.data, 'n_event_data'),
        itemKind: as<EventItemKind>(events.itemKind, 'n_item_kind'),
        itemId: as<string>(events.itemId, 'n_item_id'),
        actorId: as<string | null>(users.id, 'n_actor_id'),
        actorName: as<string | null>(users.name, 'n_actor_name'),
        actorHandle: as<string | null>(users.handle, 'n_actor_handle'),
        ...itemColumns(tenantId, me),
      })
      .from(notifications)
      .innerJoin(events, eq(events.id, notifications.eventId))
      .leftJoin(users, eq(users.id, events.actorId))
      .where(and(mine(tenantId, me), where))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
  );
}

type InboxRow = Awaited<ReturnType<ReturnType<typeof selectInbox>['all']>>[number];

function selectUnread(db: Database, tenantId: string, me: UserViewer) {
  return db
    .select({ unread: sql<number>`count(*)` })
    .from(notifications)
    .where(and(mine(tenantId, me), isNull(notifications.readAt)));
}

/** The item an event is about, named and linked for the inbox, mails and chats. */
export function eventItem(
  pages: Tenant['itemPages'],
  row: { itemKind: EventItemKind; itemId: string; title: string | null; threadKey: string | null; threadUrl: string | null },
): EventItem {
  const base = { id: row.itemId, title: row.title ?? '' };
  if (row.itemKind !== 'comment') return { ...base, kind: row.itemKind, url: itemPageUrl(pages, row.itemKind, row.itemId) };
  const thread = row.threadKey === null ? null : { key: row.threadKey, url: row.threadUrl };
  return {
    ...base,
    kind: 'comment',
    url: thread ? commentPageUrl(pages, thread, row.itemId) : null,
    ...(thread ? { threadKey: thread.key } : {}),
  };
}

function toNotification(pages: Tenant['itemPages'], row: InboxRow): Notification {
  return {
    id: row.id,
    event: row.type,
    reason: row.reason,
    actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? '', handle: row.actorHandle },
    item: eventItem(pages, row),
    data: JSON.parse(row.data) as Notification['data'],
    readAt: isoTimeOrNull(row.readAt),
    createdAt: isoTime(row.createdAt),
  };
}

/** A page of the person's notifications, newest first, with their unread count. One round trip of two statements. */
export async function inbox(db: Database, tenant: Tenant, me: UserViewer, q: InboxQueryInput): Promise<Inbox> {
  const after = q.cursor ? decodeListCursor(q.cursor, INBOX_TAG, ['number', 'string']) : null;
  const where = and(
    q.unread ? isNull(notifications.readAt) : undefined,
    after
      ? or(
          lt(notifications.createdAt, after[0] as number),
          and(eq(notifications.createdAt, after[0] as number), lt(notifications.id, after[1] as string)),
        )
      : undefined,
  );
  const [rows, [count]] = await db.batch([selectInbox(db, tenant.id, me, where, q.limit + 1), selectUnread(db, tenant.id, me)]);
  return {
    items: rows.slice(0, q.limit).map((row) => toNotification(tenant.itemPages, row)),
    nextCursor: nextListCursor(rows, q.limit, INBOX_TAG, (last) => [last.createdAt, last.id]),
    unread: count?.unread ?? 0,
  };
}

/** Marks the person's notifications read — the given ones (others' ids change nothing), or all — and answers the unread count left. */
export async function markRead(
  db: Database,
  tenantId: string,
  me: UserViewer,
  which: string[] | 'all',
  now = Date.now(),
): Promise<{ unread: number }> {
  const [, [count]] = await db.batch([
    db
      .update(notifications)
      .set({ readAt: now })
      .where(and(mine(tenantId, me), isNull(notifications.readAt), which === 'all' ? undefined : inList(notifications.id, which))),
    selectUnread(db, tenantId, me),
  ]);
  return { unread: count?.unread ?? 0 };
}

function selectSettings(db: Database, tenantId: string, me: UserViewer) {
  return db
    .select({ email: notificationSettings.email })
    .from(notificationSettings)
    .where(
      and(eq(notificationSettings.tenantId, tenantId), sql`${qualified(notificationSettings.userId)} = ${viewerUserId(tenantId, me)}`),
    );
}

/** The person's e-mail cadence per kind (the defaults where they chose none). One statement. */
export async function readNotificationSettings(db: Database, tenantId: string, me: UserViewer): Promise<NotificationSettings> {
  const [row] = await selectSettings(db, tenantId, me);
  return { email: emailCadence(row?.email) };
}

/** Changes the cadence of the kinds given, keeping the others. One round trip. */
export async function updateNotificationSettings(
  db: Database,
  tenantId: string,
  me: UserViewer,
  update: NotificationSettingsUpdate,
  now = Date.now(),
): Promise<NotificationSettings> {
  const given = Object.fromEntries(Object.entries(update.email).filter(([, cadence]) => cadence !== undefined));
  const [, , [row]] = await db.batch([
    upsertUser(db, tenantId, me, now),
    db
      .insert(notificationSettings)
      .values({ userId: sql`${viewerUserId(tenantId, me)}`, tenantId, email: given })
      .onConflictDoUpdate({
        target: notificationSettings.userId,
        set: { email: sql`json_patch(${qualified(notificationSettings.email)}, excluded.email)` },
      }),
    selectSettings(db, tenantId, me),
  ]);
  return { email: emailCadence(row?.email) };
}
