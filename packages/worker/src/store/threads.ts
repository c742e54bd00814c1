/**
 * Reading threads: a page of top-level comments with the first replies of each (one round trip
 * of three statements, whatever the thread's size), more replies of one branch, comment counts
 * for lists of pages, and what changed since a moment (the polling fallback of live updates).
 */
import type {
  Comment,
  CommentSort,
  CommentWithReplies,
  Page,
  Reaction,
  Thread,
  ThreadActivity,
  ThreadListQuery,
  ThreadPage,
} from '@bridgekit/sdk';
import { and, asc, desc, eq, gt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { cards, commentReactions, comments, tenants, threads } from '../db/schema.ts';
import { inList, qualified } from '../db/sql.ts';
import { statementShapes } from '../db/statement-shapes.ts';
import { notFound } from '../errors.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { ACTIVITY_CURSOR } from '../schemas/threads.ts';
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
import {
  discussionNotFound,
  discussionOf,
  discussionTitle,
  inReadableThread,
  selectDiscussionItem,
  threadReadable,
} from './item-threads.ts';
import { type ThreadPageBytes, threadPageBytes, withOwnFields } from './thread-page-bytes.ts';
import { viewerUserId } from './users.ts';
import { shapedViewer, type ViewerShape, viewerShape } from './viewer-shape.ts';

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

/**
 * Rows strictly after `values` in the order of `keys` (keyset pagination). Keys of one direction
 * compare as a row value, which SQLite reads as a range of the index instead of a filter.
 */
function after(keys: SortKey[], values: (string | number)[] | null): SQL | undefined {
  if (!values) return undefined;
  const direction = keys[0]?.direction;
  if (keys.length > 1 && keys.every((k) => k.direction === direction)) {
    const columns = sql.join(
      keys.map((k) => k.column),
      sql`, `,
    );
    const bound = sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
    return direction === 'asc' ? sql`(${columns}) > (${bound})` : sql`(${columns}) < (${bound})`;
  }
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
 * The ids of a page of the thread's top-level comments, in the sort's order. Pinned and unpinned
 * comments are read apart, each as one range of an index already in the sort's order, so the page
 * reads about `limit` rows however long the thread is (one sort over both would read them all).
 */
function pageRootIds(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  threadId: SQL,
  keys: SortKey[],
  cursor: (string | number)[] | null,
  limit: number,
): SQL {
  const rest = keys.slice(1); // keys[0] is pinnedFirst
  const keyColumns = Object.fromEntries(rest.map((k, i) => [`k${i}`, sql`${k.column}`.as(`k${i}`)]));
  const cursorPinned = cursor ? (cursor[0] === 1 ? 1 : 0) : null;
  const branches: SQL[] = [];
  for (const pinned of [1, 0]) {
    // A cursor among the unpinned comments is past every pinned one.
    if (cursorPinned !== null && pinned > cursorPinned) continue;
    const branch = db
      .select({ id: comments.id, pinned: comments.pinned, ...keyColumns })
      .from(comments)
      .where(
        and(
          eq(comments.tenantId, tenantId),
          eq(comments.threadId, threadId),
          eq(comments.depth, 0),
          eq(comments.pinned, pinned === 1),
          visibleTo(tenantId, viewer),
          pinned === cursorPinned ? after(rest, (cursor as (string | number)[]).slice(1)) : undefined,
        ),
      )
      .orderBy(...orderOf(rest))
      .limit(limit);
    branches.push(sql`select * from ${branch}`);
  }
  const order = [sql`pinned desc`, ...rest.map((k, i) => sql`${sql.identifier(`k${i}`)} ${sql.raw(k.direction)}`)];
  return sql`select id from (${sql.join(branches, sql` union all `)}) order by ${sql.join(order, sql`, `)} limit ${limit}`;
}

/**
 * The ids of the first {@link REPLIES_PER_ROOT} replies (and one more, saying there are more) of
 * each top-level comment in `roots`: per branch one range of `comments_root`, so a branch of
 * thousands of replies costs what one of fifty does.
 */
function firstReplyIds(tenantId: string, viewer: Viewer, roots: SQL): SQL {
  return sql`select j.value from (${roots}) p, json_each((select json_group_array(r.id) from (select x.id from ${comments} x
    where x.tenant_id = ${tenantId} and x.root_id = p.id and x.depth <> 0 and ${visibleTo(tenantId, viewer, 'x')}
    order by x.created_at, x.id limit ${REPLIES_PER_ROOT + 1}) r)) j`;
}

/**
 * A page of the thread's top-level comments, each with its first {@link REPLIES_PER_ROOT}
 * replies, as statements for one batch (three, whatever the thread's size, reading about as many
 * rows for a thread of 2,000 comments as for one of 100) and how to read the page off their
 * results: null for the discussion of an idea or card the viewer may not see.
 *
 * @example
 * const { statements, answer } = threadPageQuery(db, tenant.id, viewer, { key: 'intranet/page', sort: 'oldest', limit: 20 });
 * const page = answer(await db.batch(statements));
 */
export function threadPageQuery(db: Database, tenantId: string, viewer: Viewer, q: ThreadPageQuery) {
  const keys = ROOT_SORTS[q.sort];
  const tag = `roots:${q.sort}`;
  const threadId = threadIdByKey(tenantId, q.key);
  const cursor = decode(q.cursor, tag, keys);
  const rootIds = (limit: number) => pageRootIds(db, tenantId, viewer, threadId, keys, cursor, limit);

  // `+tenant_id` keeps the tenant's filter but not as an index: SQLite would otherwise scan the
  // tenant's comments for the ids instead of looking the ids up.
  const byIds = (ids: SQL) => sql`+${qualified(comments.tenantId)} = ${tenantId} and ${qualified(comments.id)} in (${ids})`;
  const reads = [
    selectThread(db, tenantId, viewer).where(and(eq(threads.tenantId, tenantId), eq(threads.key, q.key))),
    selectComments(db, tenantId, viewer)
      .where(byIds(rootIds(q.limit + 1)))
      .orderBy(...orderOf(keys)),
    selectComments(db, tenantId, viewer)
      .where(byIds(firstReplyIds(tenantId, viewer, rootIds(q.limit))))
      .orderBy(asc(comments.rootId), ...orderOf(REPLY_ORDER)),
  ] as const;
  // An idea's or card's discussion is read only by those who may see the item: one statement more.
  const item = discussionOf(q.key);
  const statements = item === null ? [...reads] : [...reads, selectDiscussionItem(db, tenantId, viewer, item)];
  const answer = (results: readonly unknown[]): ThreadPage | null => {
    const [threadRows, roots, replies, itemRows] = results as [ThreadRow[], CommentRow[], CommentRow[], { title: string }[] | undefined];
    if (item && itemRows?.length === 0) return null;
    const thread = threadRows[0] ? toThread(threadRows[0]) : null;
    if (!thread) return { thread: null, items: [], nextCursor: null };
    if (item && itemRows) thread.title = discussionTitle(itemRows, q.key, item);

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
  };
  return { statements, answer };
}

/** {@link threadPageQuery} answering the page as its bytes (store/thread-page-bytes.ts). */
export function threadPageBytesQuery(db: Database, tenantId: string, viewer: Viewer, q: ThreadPageQuery) {
  const { statements, answer } = threadPageQuery(db, tenantId, viewer, q);
  return { statements, answer: (results: readonly unknown[]) => threadPageBytes(answer(results)) };
}

/** The body of the page {@link threadPageBytesQuery} read, or the 404 of a discussion the viewer may not see. */
export function bodyOrNotFound(page: ThreadPageBytes, key: string): Uint8Array {
  const item = discussionOf(key);
  if (!page.found && item) throw discussionNotFound(key, item);
  return page.body;
}

export interface OwnThreadState {
  /** 1 when the viewer has comments in the thread only they see (held, or removed without published replies): the shared page lacks them. */
  held: number;
  /** 1 when the viewer started the thread. */
  started: number | null;
  /** The ids of the page's comments the viewer wrote, as JSON. */
  mine: string;
  /** `[comment id, reaction]` for each of the viewer's reactions on the page's comments, as JSON. */
  reactions: string;
}

/**
 * What belongs to the viewer in a thread page read as the anonymous reader sees it (a page shared
 * between viewers, routes/read-cache.ts): one statement, one row (read off the tenant's).
 *
 * @example
 * const [own] = await ownThreadState(db, tenant.id, viewer, sharedPage);
 */
export function ownThreadState(db: Database, tenantId: string, viewer: Viewer, page: ThreadPageBytes) {
  const { shape, values } = viewerShape(viewer);
  const [statement] = ownThreadStateShape(
    db,
    { tenantId, subject: values.subject, threadId: page.own?.threadId ?? '', ids: page.own?.commentIds ?? '[]' },
    shape,
  );
  return statement;
}

// Built once per kind of viewer: every signed-in read of a thread page sends it.
const ownThreadStateShape = statementShapes(
  (db, v: { tenantId: string; subject: string | null; threadId: string; ids: string }, shape: ViewerShape) => {
    const me = viewerUserId(v.tenantId, shapedViewer(shape, v.subject));
    const { tenantId, threadId, ids } = v;
    return [
      db
        .select({
          // Through the index on the author: the viewer's own comments, never the thread's thousands.
          held: sql<number>`exists (select 1 from ${comments} o where o.author_id = ${me} and o.tenant_id = ${tenantId} and o.thread_id = ${threadId}
            and o.state <> 'published' and (o.state = 'pending'
              or not exists (select 1 from ${comments} ch where ch.parent_id = o.id and ch.tenant_id = ${tenantId} and ch.state = 'published')))`,
          started: sql<
            number | null
          >`(select t.started_by = ${me} from ${threads} t where t.tenant_id = ${tenantId} and t.id = ${threadId})`,
          mine: sql<string>`(select json_group_array(o.id) from ${comments} o
            where o.author_id = ${me} and o.tenant_id = ${tenantId} and o.thread_id = ${threadId} and o.id in (select value from json_each(${ids})))`,
          reactions: sql<string>`(select json_group_array(json_array(r.comment_id, r.reaction))
            from json_each(${ids}) j join ${commentReactions} r on r.comment_id = j.value and r.user_id = ${me} where r.tenant_id = ${tenantId})`,
        })
        .from(tenants)
        .where(eq(tenants.id, tenantId)),
    ] as const;
  },
);

/** The shared page as the viewer sees it, or null when it lacks comments only they see (or is a discussion the anonymous reader may not see). */
export function withOwnThreadState(page: ThreadPageBytes, [state]: OwnThreadState[]): ThreadPageBytes | null {
  if (!page.found || !state || state.held) return null;
  const reactions = new Map<string, Set<Reaction>>();
  for (const [id, reaction] of JSON.parse(state.reactions) as [string, Reaction][]) {
    reactions.set(id, (reactions.get(id) ?? new Set()).add(reaction));
  }
  return withOwnFields(page, { startedByMe: state.started === 1, mine: new Set(JSON.parse(state.mine) as string[]), reactions });
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
    .where(and(eq(threads.tenantId, tenantId), inList(threads.key, threadKeys), threadReadable(tenantId, viewer)));
  const counts: Record<string, number> = Object.fromEntries(threadKeys.map((k) => [k, 0]));
  for (const row of rows) counts[row.key] = row.count;
  return counts;
}

/**
 * Writes commit a moment after they take their timestamp, so polling looks back this far and
 * clients drop what they already have.
 */
const ACTIVITY_OVERLAP_MS = 5_000;

/** Changes in one activity answer; a full one says where to go on (`next`). */
export const ACTIVITY_MAX = 500;

/**
 * Where a full activity answer stopped: its last change (time and id, the answers' order), and
 * when the first answer of the run was read. As text, `at.readAt.id` (ActivityQuery's `after`).
 */
export interface ActivityCursor {
  at: number;
  id: string;
  readAt: number;
}

/** `after` as ActivityQuery checked it. */
export function parseActivityCursor(text: string): ActivityCursor {
  const [, at, readAt, id] = ACTIVITY_CURSOR.exec(text) ?? [];
  return { at: Number(at), readAt: Number(readAt), id: id ?? '' };
}

/**
 * What changed in the thread since `since`, as live updates would have announced it (404 for a
 * discussion the viewer may not see). With `after` (a full answer's `next`) it goes on exactly
 * where that answer stopped, in (updated, id) order: however many changes share a moment, a run
 * of answers ends. The run's last answer gives as `until` the time its first was read, so the next
 * poll looks back over writes that committed after that read.
 */
export async function threadActivity(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  threadId: string,
  since: number,
  after: ActivityCursor | null = null,
  now = Date.now(),
): Promise<ThreadActivity> {
  const rest = after && or(gt(comments.updatedAt, after.at), and(eq(comments.updatedAt, after.at), gt(comments.id, after.id)));
  const [thread, rows] = await db.batch([
    db
      .select({ id: threads.id })
      .from(threads)
      .where(and(eq(threads.tenantId, tenantId), eq(threads.id, threadId), threadReadable(tenantId, viewer))),
    db
      .select({ id: comments.id, state: comments.state, createdAt: comments.createdAt, updatedAt: comments.updatedAt })
      .from(comments)
      .where(
        and(
          eq(comments.tenantId, tenantId),
          eq(comments.threadId, threadId),
          gt(comments.updatedAt, since - ACTIVITY_OVERLAP_MS),
          rest ?? undefined,
        ),
      )
      .orderBy(asc(comments.updatedAt), asc(comments.id))
      .limit(ACTIVITY_MAX),
  ]);
  if (thread.length === 0) throw notFound('not_found.thread', { id: threadId });
  const readAt = after?.readAt ?? now;
  const last = rows.length === ACTIVITY_MAX ? rows.at(-1) : undefined;
  // A full answer: `until` as before (a client that ignores `next` resumes from its last change).
  const until = last ? Math.max(last.updatedAt, since + 1) : readAt;
  const activity: ThreadActivity = { created: [], updated: [], removed: [], until: isoTime(until) };
  if (last) activity.next = `${last.updatedAt}.${readAt}.${last.id}`;
  for (const row of rows) {
    if (row.state !== 'published') activity.removed.push(row.id);
    else if (row.createdAt > since - ACTIVITY_OVERLAP_MS) activity.created.push(row.id);
    else activity.updated.push(row.id);
  }
  return activity;
}
