/**
 * Reading threads: a page of top-level comments with the first replies of each (one round trip
 * of three statements, whatever the thread's size), more replies of one branch, comment counts
 * for lists of pages, and what changed since a moment (the polling fallback of live updates).
 */
import type { Comment, CommentSort, CommentWithReplies, Page, Thread, ThreadActivity, ThreadListQuery, ThreadPage } from '@bridgekit/sdk';
import { and, asc, desc, eq, gt, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { cards, comments, threads } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { notFound } from '../errors.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { cardPublic } from './card-rows.ts';
import {
  type CommentRow,
  decodeListCursor,
  encodeListCursor,
  nextListCursor,
  selectComments,
  toComment,
  visibleTo,
} from './comment-rows.ts';
import { discussionOf, discussionTitle, inReadableThread, selectDiscussionItem, threadReadable } from './item-threads.ts';
import { viewerUserId } from './users.ts';

/** Replies sent with each top-level comment of a page; the rest come from `replies`. */
export const REPLIES_PER_ROOT = 50;

type Direction = 'asc' | 'desc';
interface SortKey {
  column: SQLiteColumn;
  direction: Direction;
  read: (row: CommentRow['comment']) => string | number;
  type: 'string' | 'number';
}

const key = (column: SQLiteColumn, direction: Direction, read: SortKey['read'], type: SortKey['type'] = 'number'): SortKey => ({
  column,
  direction,
  read,
  type,
});

const pinnedFirst = key(comments.pinned, 'desc', (c) => (c.pinned ? 1 : 0));
const byId = (direction: Direction) => key(comments.id, direction, (c) => c.id, 'string');

/** Pinned comments lead every sort. */
const ROOT_SORTS: Record<CommentSort, SortKey[]> = {
  oldest: [pinnedFirst, key(comments.createdAt, 'asc', (c) => c.createdAt), byId('asc')],
  newest: [pinnedFirst, key(comments.createdAt, 'desc', (c) => c.createdAt), byId('desc')],
  top: [
    pinnedFirst,
    key(comments.reactionCount, 'desc', (c) => c.reactionCount),
    key(comments.createdAt, 'asc', (c) => c.createdAt),
    byId('asc'),
  ],
};
const REPLY_ORDER: SortKey[] = [key(comments.createdAt, 'asc', (c) => c.createdAt), byId('asc')];

/** Rows strictly after `values` in the order of `keys` (keyset pagination). */
function after(keys: SortKey[], values: (string | number)[] | null): SQL | undefined {
  if (!values) return undefined;
  const clauses: SQL[] = [];
  for (let i = 0; i < keys.length; i++) {
    const equalBefore = keys.slice(0, i).map((k, j) => eq(k.column, values[j]));
    const k = keys[i] as SortKey;
    const beyond = k.direction === 'asc' ? gt(k.column, values[i]) : sql`${k.column} < ${values[i]}`;
    clauses.push(and(...equalBefore, beyond) as SQL);
  }
  return or(...clauses);
}

const orderOf = (keys: SortKey[]) => keys.map((k) => (k.direction === 'asc' ? asc(k.column) : desc(k.column)));
const cursorOf = (tag: string, keys: SortKey[], row: CommentRow) =>
  encodeListCursor(
    tag,
    keys.map((k) => k.read(row.comment)),
  );
const decode = (text: string | undefined, tag: string, keys: SortKey[]) =>
  text
    ? decodeListCursor(
        text,
        tag,
        keys.map((k) => k.type),
      )
    : null;

export function threadIdByKey(tenantId: string, threadKey: string): SQL {
  return sql`(select ${threads.id} from ${threads} where ${threads.tenantId} = ${tenantId} and ${threads.key} = ${threadKey})`;
}

/**
 * Published cards everyone may read promoted from the thread in scope (from it whole, or from one of its comments),
 * oldest first, as JSON: a column of the thread's own select, so reading a thread stays the
 * statements it was.
 */
const practicesColumn = () =>
  sql<string>`(select coalesce(json_group_array(json_object('id', p.id, 'title', p.title, 'comment', p.comment)), '[]')
    from (select pc.id, pc.title, pc.source_comment_id as comment from ${cards} pc
      where pc.tenant_id = ${qualified(threads.tenantId)} and pc.source_thread_id = ${qualified(threads.id)} and ${cardPublic('pc')}
      order by pc.created_at, pc.id) p)`;

export function selectThread(db: Database, tenantId: string, viewer: Viewer | Actor) {
  return db
    .select({
      thread: threads,
      startedByMe: sql<number | null>`(${qualified(threads.startedBy)} = ${viewerUserId(tenantId, viewer)})`,
      practices: practicesColumn(),
    })
    .from(threads);
}

export type ThreadRow = Awaited<ReturnType<ReturnType<typeof selectThread>['all']>>[number];

export function toThread(row: ThreadRow): Thread {
  const t = row.thread;
  return {
    id: t.id,
    key: t.key,
    url: t.url,
    title: t.title,
    commentCount: t.commentCount,
    acceptedCommentId: t.acceptedCommentId,
    startedByMe: row.startedByMe === 1,
    createdAt: isoTime(t.createdAt),
    lastCommentAt: isoTimeOrNull(t.lastCommentAt),
    practices: JSON.parse(row.practices) as Thread['practices'],
  };
}

const LIST_TAG = 'threads:latest';

/** The `kind` filter of {@link listThreads}: a page's thread, or an idea's or card's own discussion. */
const KIND_FILTER: Record<NonNullable<ThreadListQuery['kind']>, SQL> = {
  page: sql`not (${threads.key} glob 'idea:?*' or ${threads.key} glob 'card:?*')`,
  idea: sql`${threads.key} glob 'idea:?*'`,
  card: sql`${threads.key} glob 'card:?*'`,
};

/**
 * The tenant's discussions with published comments that the viewer may read, latest comment
 * first (keyset over `threads_tenant_last_comment`): for pickers and "active discussions".
 */
export async function listThreads(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  q: Required<Pick<ThreadListQuery, 'limit'>> & Omit<ThreadListQuery, 'limit'>,
): Promise<Page<Thread>> {
  const after = q.cursor ? decodeListCursor(q.cursor, LIST_TAG, ['number', 'string']) : null;
  const rows = await selectThread(db, tenantId, viewer)
    .where(
      and(
        eq(threads.tenantId, tenantId),
        sql`${threads.lastCommentAt} is not null`,
        sql`${threadReadable(tenantId, viewer)} = 1`,
        q.kind ? KIND_FILTER[q.kind] : undefined,
        after
          ? or(
              sql`${threads.lastCommentAt} < ${after[0]}`,
              and(sql`${threads.lastCommentAt} = ${after[0]}`, sql`${threads.id} < ${after[1]}`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(threads.lastCommentAt), desc(threads.id))
    .limit(q.limit + 1);
  return {
    items: rows.slice(0, q.limit).map(toThread),
    nextCursor: nextListCursor(rows, q.limit, LIST_TAG, (last) => [last.thread.lastCommentAt ?? 0, last.thread.id]),
  };
}

export interface ThreadPageQuery {
  key: string;
  sort: CommentSort;
  limit: number;
  cursor?: string | undefined;
}

/**
 * A page of the thread's top-level comments, each with its first {@link REPLIES_PER_ROOT}
 * replies: one round trip of three statements, for any thread size.
 */
export async function threadPage(db: Database, tenantId: string, viewer: Viewer, q: ThreadPageQuery): Promise<ThreadPage> {
  const keys = ROOT_SORTS[q.sort];
  const tag = `roots:${q.sort}`;
  const threadId = threadIdByKey(tenantId, q.key);
  const rootFilter = and(
    eq(comments.tenantId, tenantId),
    eq(comments.threadId, threadId),
    eq(comments.depth, 0),
    visibleTo(tenantId, viewer),
    after(keys, decode(q.cursor, tag, keys)),
  );
  const pageRoots = db
    .select({ id: comments.id })
    .from(comments)
    .where(rootFilter)
    .orderBy(...orderOf(keys))
    .limit(q.limit);
  const ranked = db
    .select({
      id: comments.id,
      rank: sql<number>`row_number() over (partition by ${comments.rootId} order by ${comments.createdAt}, ${comments.id})`.as('rank'),
    })
    .from(comments)
    .where(and(eq(comments.tenantId, tenantId), inArray(comments.rootId, pageRoots), ne(comments.depth, 0), visibleTo(tenantId, viewer)))
    .as('ranked');

  const reads = [
    selectThread(db, tenantId, viewer).where(and(eq(threads.tenantId, tenantId), eq(threads.key, q.key))),
    selectComments(db, tenantId, viewer)
      .where(rootFilter)
      .orderBy(...orderOf(keys))
      .limit(q.limit + 1),
    selectComments(db, tenantId, viewer)
      .innerJoin(ranked, eq(ranked.id, comments.id))
      .where(lte(ranked.rank, REPLIES_PER_ROOT + 1))
      .orderBy(asc(comments.rootId), ...orderOf(REPLY_ORDER)),
  ] as const;
  // An idea's or card's discussion is read only by those who may see the item: one statement more.
  const item = discussionOf(q.key);
  const [threadRows, roots, replies, itemRows] =
    item === null ? [...(await db.batch(reads)), null] : await db.batch([...reads, selectDiscussionItem(db, tenantId, viewer, item)]);
  const itemTitle = item && itemRows ? discussionTitle(itemRows, q.key, item) : null;
  const thread = threadRows[0] ? toThread(threadRows[0]) : null;
  if (!thread) return { thread: null, items: [], nextCursor: null };
  if (itemTitle !== null) thread.title = itemTitle;

  const byRoot = new Map<string, CommentRow[]>();
  for (const reply of replies) {
    const list = byRoot.get(reply.comment.rootId) ?? [];
    list.push(reply);
    byRoot.set(reply.comment.rootId, list);
  }
  const items: CommentWithReplies[] = roots.slice(0, q.limit).map((root) => {
    const branch = byRoot.get(root.comment.id) ?? [];
    const shown = branch.slice(0, REPLIES_PER_ROOT);
    const last = shown.at(-1);
    return {
      ...toComment(root),
      replies: shown.map((r) => toComment(r)),
      moreReplies: branch.length > REPLIES_PER_ROOT && last ? cursorOf(`replies:${root.comment.id}`, REPLY_ORDER, last) : null,
    };
  });
  const last = roots.length > q.limit ? roots[q.limit - 1] : undefined;
  return { thread, items, nextCursor: last ? cursorOf(tag, keys, last) : null };
}

/** More replies of a top-level comment, oldest first, after `cursor` (404 in the discussion of an idea or card the viewer may not see). */
export async function replies(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  rootId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<Page<Comment>> {
  const tag = `replies:${rootId}`;
  const [root, rows] = await db.batch([
    db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.tenantId, tenantId), eq(comments.id, rootId), eq(comments.depth, 0), inReadableThread(tenantId, viewer))),
    selectComments(db, tenantId, viewer)
      .where(
        and(
          eq(comments.tenantId, tenantId),
          eq(comments.rootId, rootId),
          ne(comments.depth, 0),
          visibleTo(tenantId, viewer),
          after(REPLY_ORDER, decode(q.cursor, tag, REPLY_ORDER)),
        ),
      )
      .orderBy(...orderOf(REPLY_ORDER))
      .limit(q.limit + 1),
  ]);
  if (root.length === 0) throw notFound('not_found.top_level_comment', { id: rootId });
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  return { items: rows.slice(0, q.limit).map((r) => toComment(r)), nextCursor: last ? cursorOf(tag, REPLY_ORDER, last) : null };
}

/**
 * Published comments per thread key; 0 for keys without a thread, and for the discussion of an
 * idea or card the viewer may not see (as if it had none). One statement.
 */
export async function commentCounts(db: Database, tenantId: string, viewer: Viewer, threadKeys: string[]): Promise<Record<string, number>> {
  const rows = await db
    .select({ key: threads.key, count: threads.commentCount })
    .from(threads)
    .where(and(eq(threads.tenantId, tenantId), inArray(threads.key, threadKeys), threadReadable(tenantId, viewer)));
  const counts: Record<string, number> = Object.fromEntries(threadKeys.map((k) => [k, 0]));
  for (const row of rows) counts[row.key] = row.count;
  return counts;
}

/**
 * Writes commit a moment after they take their timestamp, so polling looks back this far and
 * clients drop what they already have.
 */
const ACTIVITY_OVERLAP_MS = 5_000;

/** Changes in one activity answer; the caller polls again from `until` for the rest. */
export const ACTIVITY_MAX = 500;

/** What changed in the thread since `since`, as live updates would have announced it (404 for a discussion the viewer may not see). */
export async function threadActivity(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  threadId: string,
  since: number,
  now = Date.now(),
): Promise<ThreadActivity> {
  const [thread, rows] = await db.batch([
    db
      .select({ id: threads.id })
      .from(threads)
      .where(and(eq(threads.tenantId, tenantId), eq(threads.id, threadId), threadReadable(tenantId, viewer))),
    db
      .select({ id: comments.id, state: comments.state, createdAt: comments.createdAt, updatedAt: comments.updatedAt })
      .from(comments)
      .where(and(eq(comments.tenantId, tenantId), eq(comments.threadId, threadId), gt(comments.updatedAt, since - ACTIVITY_OVERLAP_MS)))
      .orderBy(asc(comments.updatedAt))
      .limit(ACTIVITY_MAX),
  ]);
  if (thread.length === 0) throw notFound('not_found.thread', { id: threadId });
  // A full answer may have left changes out: the next poll resumes from the last one it holds.
  const last = rows.length === ACTIVITY_MAX ? rows.at(-1) : undefined;
  const until = last ? Math.max(last.updatedAt, since + 1) : now;
  const activity: ThreadActivity = { created: [], updated: [], removed: [], until: isoTime(until) };
  for (const row of rows) {
    if (row.state !== 'published') activity.removed.push(row.id);
    else if (row.createdAt > since - ACTIVITY_OVERLAP_MS) activity.created.push(row.id);
    else activity.updated.push(row.id);
  }
  return activity;
}
