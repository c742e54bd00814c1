/**
 * What people follow: explicit follows and unfollows (the routes), and the automatic
 * subscriptions of taking part — authors, voters, commenters, card owners — written in the batch
 * of the change. An unfollow keeps its row inactive, and automatic subscriptions never overwrite
 * a row, so taking part again does not undo it.
 */
import { type FollowState, PRACTICE_AREAS, type Subscription, type SubscriptionSource, type SubscriptionTarget } from '@bridgekit/sdk';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, cards, ideas, subscriptions, tenants, threads } from '../db/schema.ts';
import { conditionalRow, qualified } from '../db/sql.ts';
import { ApiError } from '../errors.ts';
import { isoTime } from '../lib/time.ts';
import { cardVisibleTo } from './card-rows.ts';
import { ideaVisibleTo } from './ideas.ts';
import { threadReadable } from './item-threads.ts';
import { upsertUser, viewerUserId } from './users.ts';

/** The longest tag one can follow. */
export const TAG_MAX = 40;

/**
 * Subscribes a person who takes part (`user`: their id, or SQL for it in the batch), unless they
 * already have a row for the target — followed, or unfollowed on purpose. Nothing when `user` is
 * null or `onlyIf` does not hold.
 */
export function autoSubscribe(
  db: Database,
  tenantId: string,
  user: SQL | string,
  target: SubscriptionTarget,
  targetId: SQL | string,
  source: Exclude<SubscriptionSource, 'manual'>,
  onlyIf?: SQL,
) {
  const row = { userId: user, tenantId, target, targetId, source, active: true };
  const condition = sql`${user} is not null${onlyIf ? sql` and ${onlyIf}` : sql``}`;
  return db
    .insert(subscriptions)
    .select(conditionalRow(subscriptions, row, condition))
    .onConflictDoNothing();
}

/**
 * The id a subscription row keeps for what the API names: a board by its id (the API names it by
 * its slug, which an admin may change), everything else as named.
 */
function storedId(tenantId: string, target: SubscriptionTarget, id: string): SQL {
  return target === 'board'
    ? sql`(select ${qualified(boards.id)} from ${boards} where ${qualified(boards.tenantId)} = ${tenantId} and ${qualified(boards.slug)} = ${id})`
    : sql`${id}`;
}

/** SQL for the title of what a subscription row in scope follows (null for areas and tags, and for what the caller may not see). */
function titleOf(tenantId: string, viewer: Viewer): SQL<string | null> {
  const target = qualified(subscriptions.target);
  const id = qualified(subscriptions.targetId);
  return sql<string | null>`case ${target}
    when 'idea' then (select ${qualified(ideas.title)} from ${ideas} where ${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.id)} = ${id} and ${ideaVisibleTo(tenantId, viewer)})
    when 'card' then (select ${qualified(cards.title)} from ${cards} where ${qualified(cards.tenantId)} = ${tenantId} and ${qualified(cards.id)} = ${id} and ${cardVisibleTo(tenantId, viewer)})
    when 'board' then (select ${qualified(boards.name)} from ${boards} where ${qualified(boards.tenantId)} = ${tenantId} and ${qualified(boards.id)} = ${id})
    when 'thread' then (select coalesce(${qualified(threads.title)}, ${qualified(threads.key)}) from ${threads} where ${qualified(threads.tenantId)} = ${tenantId} and ${qualified(threads.id)} = ${id} and ${threadReadable(tenantId, viewer)})
    else null end`;
}

/** What the signed-in person follows, newest first (boards by their slug). One statement. */
export async function listSubscriptions(db: Database, tenantId: string, viewer: Viewer & Actor): Promise<Subscription[]> {
  const rows = await db
    .select({
      target: subscriptions.target,
      id: sql<string>`case ${qualified(subscriptions.target)} when 'board' then coalesce((select ${qualified(boards.slug)} from ${boards} where ${qualified(boards.id)} = ${qualified(subscriptions.targetId)}), ${qualified(subscriptions.targetId)}) else ${qualified(subscriptions.targetId)} end`.as(
        'followed_id',
      ),
      source: subscriptions.source,
      createdAt: subscriptions.createdAt,
      title: titleOf(tenantId, viewer).as('followed_title'),
    })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.tenantId, tenantId),
        sql`${qualified(subscriptions.userId)} = ${viewerUserId(tenantId, viewer)}`,
        eq(subscriptions.active, true),
      ),
    )
    .orderBy(desc(subscriptions.createdAt), subscriptions.target, subscriptions.targetId)
    .limit(1000);
  return rows.map((r) => ({ target: r.target, id: r.id, title: r.title, source: r.source, createdAt: isoTime(r.createdAt) }));
}

/**
 * SQL that is true when the target is there for the viewer to follow: an idea, card or thread of
 * the tenant they may see, a board of the tenant, a practice area, any tag of up to 40 characters.
 */
function followable(tenantId: string, viewer: Viewer, target: SubscriptionTarget, id: string): SQL {
  switch (target) {
    case 'idea':
      return sql`exists (select 1 from ${ideas} where ${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.id)} = ${id} and ${ideaVisibleTo(tenantId, viewer)})`;
    case 'card':
      return sql`exists (select 1 from ${cards} where ${qualified(cards.tenantId)} = ${tenantId} and ${qualified(cards.id)} = ${id} and ${cardVisibleTo(tenantId, viewer)})`;
    case 'board':
      return sql`exists (select 1 from ${boards} where ${qualified(boards.tenantId)} = ${tenantId} and ${qualified(boards.slug)} = ${id})`;
    case 'thread':
      return sql`exists (select 1 from ${threads} where ${qualified(threads.tenantId)} = ${tenantId} and ${qualified(threads.id)} = ${id} and ${threadReadable(tenantId, viewer)})`;
    case 'area':
      return (PRACTICE_AREAS as readonly string[]).includes(id) ? sql`1` : sql`0`;
    case 'tag':
      return id.trim() !== '' && id.length <= TAG_MAX ? sql`1` : sql`0`;
  }
}

const notThere = (target: SubscriptionTarget, id: string) => new ApiError(404, 'not_found.follow_target', { target, id });

/** The caller's row for the target (undefined when none), if the target is there for them: one statement. */
function selectFollow(db: Database, tenantId: string, viewer: Viewer & Actor, target: SubscriptionTarget, id: string) {
  return db
    .select({
      there: sql<number>`${followable(tenantId, viewer, target, id)}`.as('follow_there'),
      active: sql<
        number | null
      >`(select ${qualified(subscriptions.active)} from ${subscriptions} where ${mine(tenantId, viewer, target, id)})`.as('follow_active'),
      source:
        sql<SubscriptionSource | null>`(select ${qualified(subscriptions.source)} from ${subscriptions} where ${mine(tenantId, viewer, target, id)})`.as(
          'follow_source',
        ),
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
}

const mine = (tenantId: string, viewer: Viewer & Actor, target: SubscriptionTarget, id: string) =>
  sql`${qualified(subscriptions.tenantId)} = ${tenantId} and ${qualified(subscriptions.userId)} = ${viewerUserId(tenantId, viewer)}
    and ${qualified(subscriptions.target)} = ${target} and ${qualified(subscriptions.targetId)} = ${storedId(tenantId, target, id)}`;

type FollowRow = Awaited<ReturnType<ReturnType<typeof selectFollow>['all']>>[number];

function toFollowState(target: SubscriptionTarget, id: string, row: FollowRow | undefined): FollowState {
  if (!row?.there) throw notThere(target, id);
  return { target, id, following: row.active === 1, source: row.source ?? null };
}

/** Whether the caller follows the target (404 when it is not there for them). One statement. */
export async function followState(db: Database, tenantId: string, viewer: Viewer & Actor, target: SubscriptionTarget, id: string) {
  const [row] = await selectFollow(db, tenantId, viewer, target, id);
  return toFollowState(target, id, row);
}

/**
 * Follows (`true`) or unfollows the target. Following marks the row `manual`; unfollowing keeps it
 * inactive, with how it came about. Written only when the target is there for the caller. One batch.
 */
export async function setFollowing(
  db: Database,
  tenantId: string,
  viewer: Viewer & Actor,
  target: SubscriptionTarget,
  id: string,
  following: boolean,
  now = Date.now(),
): Promise<FollowState> {
  const there = followable(tenantId, viewer, target, id);
  const me = viewerUserId(tenantId, viewer);
  const row = {
    userId: me,
    tenantId,
    target,
    targetId: storedId(tenantId, target, id),
    source: 'manual' as const,
    active: following,
    createdAt: now,
  };
  const [, , [state]] = await db.batch([
    upsertUser(db, tenantId, viewer, now, there),
    db
      .insert(subscriptions)
      .select(conditionalRow(subscriptions, row, sql`${me} is not null and ${there}`))
      .onConflictDoUpdate({
        target: [subscriptions.userId, subscriptions.target, subscriptions.targetId],
        // Following again what one had unfollowed is one's own choice; an active row keeps how it came about.
        set: following
          ? {
              active: true,
              source: sql`case when ${qualified(subscriptions.active)} = 1 then ${qualified(subscriptions.source)} else 'manual' end`,
            }
          : { active: false },
      }),
    selectFollow(db, tenantId, viewer, target, id),
  ]);
  return toFollowState(target, id, state);
}
