/**
 * The followers of a new comment's discussion are told by the outbox sweep, not in the post's
 * batch: a post then costs the same whatever its followers, and they hear within a sweep (about a
 * second after the post; the cron sweep within minutes when the queue is down). The mentioned and
 * the author of the comment answered are still told in the post's batch (notify/audience.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client.ts';
import { notifications } from '../db/schema.ts';
import { discussionSubscriptions, notificationKind, seesItem, unfollowed } from './audience.ts';

const REASON = 'following';
const KIND = notificationKind('comment.created', 'comment', REASON);

/**
 * One statement telling the followers of each `comment.created` event among `eventIds` (SQL
 * selecting event ids) — with the rules of every audience: never the actor, never an erased
 * person, only those who may see the comment and did not unfollow its discussion. A person told
 * already (a mention, a reply, an earlier sweep) keeps that notification: running it again adds none.
 */
export function tellFollowers(db: Database, tenantId: string, eventIds: SQL): BatchItem<'sqlite'> {
  const t = tenantId;
  const item = { kind: 'comment' as const, id: sql`fe.item_id` };
  const events = sql`events fe`;
  // By id only (`+`): the tenant's indexes on events hold every event it ever had.
  const ofEvents = sql` and fe.id in (${eventIds}) and +fe.tenant_id = ${t} and +fe.type = 'comment.created'`;
  const followers = sql.join(
    discussionSubscriptions(t, item, 's', 1, { after: events }).map(
      (from) => sql`select fe.id as event_id, fe.item_id, fe.actor_id, fe.created_at, s.user_id ${from}${ofEvents}`,
    ),
    sql` union `,
  );
  const user = sql`f.user_id`;
  const about = { kind: 'comment' as const, id: sql`f.item_id` };
  // `+u.tenant_id`: people are found by id from the followers, never the followers for each of the tenant's people.
  return db
    .insert(notifications)
    .select(
      sql`select f.event_id || '.' || f.user_id, ${t}, f.user_id, f.event_id, ${REASON}, ${KIND}, null, null, f.created_at
        from (${followers}) f
        join users u on u.id = f.user_id and +u.tenant_id = ${t} and u.kind <> 'erased'
        where f.user_id is not f.actor_id and ${seesItem(t, about, user)} and not ${unfollowed(t, about, user)}`,
    )
    .onConflictDoNothing();
}
