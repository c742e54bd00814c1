/**
 * Recording events: the outbox row and the notifications it causes, as two statements appended
 * to the batch of the change (D1 runs a batch as one transaction), so an event exists exactly
 * when its change does, and none is lost when delivery fails. The number of statements is the
 * same whatever the audience: the notifications are one `insert … select`.
 */
import type { BridgekitEvent, EventItemKind, EventType } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client.ts';
import { events, notifications } from '../db/schema.ts';
import { conditionalRow } from '../db/sql.ts';
import { newEventId } from '../lib/ids.ts';
import { AUDIENCE, kindOfRank, MODERATION_EVENTS, reasonOfRank, SILENCED_BY_UNFOLLOW, seesItem, unfollowed } from './audience.ts';

export interface EventInput {
  tenantId: string;
  type: EventType;
  /**
   * The person who did it (a user id, or SQL for it inside the batch, e.g. `viewerUserId()` after
   * `upsertUser()`), or null for the system (a review date passing, the moderation pipeline).
   */
  actorId: string | SQL | null;
  item: { kind: EventItemKind; id: string };
  data?: BridgekitEvent['data'];
  /** Nothing is recorded unless this holds when the statement runs (a write whose own condition may stop it). */
  onlyIf?: SQL;
  /** When it happened (epoch ms); default now. */
  now?: number;
}

const ITEM_TABLES: Record<EventItemKind, string> = { idea: 'ideas', card: 'cards', comment: 'comments', health: 'health_rounds' };

/** SQL for the user id of a subject in the tenant (null when they have never written). */
export const userIdOfSubject = (tenantId: string, subject: string): SQL =>
  sql`(select id from users where tenant_id = ${tenantId} and subject = ${subject})`;

/**
 * D1 statements to append to the batch of the change: the event row, and its notifications
 * (audience derived from type + item: subscribers, mentions, reply target, author, voters,
 * owner, moderators — see notify/audience.ts). The event is written only if its item is the
 * tenant's when the statement runs (and `onlyIf` holds); each person is told at most once, for
 * the strongest reason, never the actor, never someone who may not see the item.
 */
export function eventStatements(db: Database, input: EventInput): BatchItem<'sqlite'>[] {
  const now = input.now ?? Date.now();
  const id = newEventId(now);
  const { tenantId: t, item, type } = input;
  const data = input.data ?? {};
  const exists = sql`exists (select 1 from ${sql.raw(ITEM_TABLES[item.kind])} where tenant_id = ${t} and id = ${item.id})`;
  const recordEvent = db
    .insert(events)
    .select(
      conditionalRow(
        events,
        { id, tenantId: t, type, actorId: input.actorId, itemKind: item.kind, itemId: item.id, data, createdAt: now, dispatchedAt: null },
        input.onlyIf ? sql`${exists} and ${input.onlyIf}` : exists,
      ),
    );

  const audience = { tenantId: t, type, item, data };
  const sources = sql.join(
    AUDIENCE[type].map((source) => source(audience)),
    sql` union all `,
  );
  const user = sql`a.user_id`;
  const rank = sql`a.rnk`;
  // Moderation events go to the people concerned as such; everything else only to those who may
  // see the item, and not through a stake in it that they gave up by unfollowing.
  const concerned = MODERATION_EVENTS.has(type)
    ? sql`1`
    : sql`${seesItem(t, item, user)} and (${rank} not in (${sql.raw(SILENCED_BY_UNFOLLOW.join(', '))}) or not ${unfollowed(t, item, user)})`;
  // `+u.tenant_id`: people are found by id from the audience, never the audience for each of the tenant's people.
  const tell = db
    .insert(notifications)
    .select(
      sql`select ${id} || '.' || a.user_id, ${t}, a.user_id, e.id, ${reasonOfRank(rank)}, ${kindOfRank(type, item.kind, rank)}, null, null, ${now}
        from (with reached (user_id, rnk) as (${sources}) select user_id, min(rnk) as rnk from reached where user_id is not null group by user_id) a
        join users u on u.id = a.user_id and +u.tenant_id = ${t} and u.kind <> 'erased'
        join events e on e.id = ${id} and e.tenant_id = ${t}
        where a.user_id is not e.actor_id and ${concerned}`,
    )
    .onConflictDoNothing();
  return [recordEvent, tell];
}
