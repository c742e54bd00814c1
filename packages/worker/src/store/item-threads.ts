/**
 * The own discussions of ideas and cards: threads keyed `idea:<id>` and `card:<id>`. Such a
 * thread is read, posted to, counted, reached by its id and its comments written to by their id
 * (`commentFacts`, `setReaction`) only by those who may see its item —
 * as `GET /ideas/{id}` and `GET /cards/{id}` decide (`ideaVisibleTo`, `cardVisibleTo`: published,
 * or the caller's own — an idea's recorder included), or moderators — and it carries the item's
 * title. Each check is a statement or a condition inside the read or write it guards.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { effectiveRole, hasRole, LEVEL_GRANTS, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { cards, comments, ideas, threads, userRoles } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { notFound } from '../errors.ts';
import { cardVisibleTo } from './card-rows.ts';
import { ideaVisibleTo } from './ideas.ts';

export type DiscussionKind = 'idea' | 'card';

/** The idea or card whose own discussion a thread key names. */
export interface Discussion {
  kind: DiscussionKind;
  id: string;
}

/** The key of an idea's own discussion thread, as `card:<id>` is a card's. */
export const ideaThreadKey = (ideaId: string) => `idea:${ideaId}`;

/** The item whose own discussion a thread is, from its key (`idea:<id>`, `card:<id>`); null for any other key. */
export function discussionOf(key: string): Discussion | null {
  const match = /^(idea|card):(.+)$/s.exec(key);
  return match ? { kind: match[1] as DiscussionKind, id: match[2] as string } : null;
}

/** SQL that is 1 when the viewer moderates the tenant: by their credential, or by a role granted to them. */
function moderates(tenantId: string, viewer: Viewer): SQL {
  if (hasRole(effectiveRole(viewer, undefined), 'moderator')) return sql`1`;
  const granting = LEVEL_GRANTS.filter((role) => hasRole(effectiveRole(viewer, role), 'moderator'));
  if (viewer.kind !== 'user' || granting.length === 0) return sql`0`;
  const roles = sql.join(
    granting.map((role) => sql`${role}`),
    sql`, `,
  );
  return sql`exists (select 1 from ${userRoles} where ${qualified(userRoles.tenantId)} = ${tenantId}
    and ${qualified(userRoles.subject)} = ${viewer.subject} and ${qualified(userRoles.role)} in (${roles}))`;
}

/** The item's table, and the condition on its row in scope that the viewer may see it. */
function itemOf(tenantId: string, viewer: Viewer, kind: DiscussionKind) {
  const table = kind === 'idea' ? ideas : cards;
  const visible = kind === 'idea' ? ideaVisibleTo(tenantId, viewer) : cardVisibleTo(tenantId, viewer);
  return { table, readable: sql`(${visible} or ${moderates(tenantId, viewer)})` };
}

/**
 * One statement: the title of the item whose discussion this is, when the viewer may see it; no
 * row when it is not there for them (not the tenant's, held and not theirs).
 */
export function selectDiscussionItem(db: Database, tenantId: string, viewer: Viewer, item: Discussion) {
  const { table, readable } = itemOf(tenantId, viewer, item.kind);
  return db
    .select({ title: table.title })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.id, item.id), readable));
}

/** The 404 of a key naming an idea or card that is not there for the viewer. */
export const discussionNotFound = (key: string, item: Discussion) =>
  notFound(item.kind === 'idea' ? 'not_found.idea_discussion' : 'not_found.card_discussion', { key, id: item.id });

/** The item's title from what {@link selectDiscussionItem} found, else {@link discussionNotFound}. */
export function discussionTitle(rows: { title: string }[], key: string, item: Discussion): string {
  const row = rows[0];
  if (!row) throw discussionNotFound(key, item);
  return row.title;
}

/**
 * SQL for a statement over `threads`: 1 when the viewer may read the thread in scope — any thread
 * but the own discussion of an idea or card they may not see.
 */
export function threadReadable(tenantId: string, viewer: Viewer): SQL<number> {
  const key = qualified(threads.key);
  const item = (kind: DiscussionKind) => {
    const { table, readable } = itemOf(tenantId, viewer, kind);
    return sql`exists (select 1 from ${table} where ${qualified(table.tenantId)} = ${tenantId} and ${qualified(table.id)} = substr(${key}, 6) and ${readable})`;
  };
  // As `discussionOf` reads keys: case-sensitive, with an id after the colon.
  return sql<number>`(case when ${key} glob 'idea:?*' then ${item('idea')} when ${key} glob 'card:?*' then ${item('card')} else 1 end)`;
}

/** SQL for a statement over `comments`: 1 when the comment in scope is in a thread the viewer may read ({@link threadReadable}). */
export function inReadableThread(tenantId: string, viewer: Viewer): SQL {
  return sql`exists (select 1 from ${threads} where ${qualified(threads.tenantId)} = ${tenantId} and ${qualified(threads.id)} = ${qualified(comments.threadId)} and ${threadReadable(tenantId, viewer)})`;
}
