/**
 * The moderation queue: held and flagged comments, held ideas, held new cards and held edits of
 * published cards, oldest first, in one list. One round trip reads the next page of each kind
 * (each already in order) and the pages are merged, so the list pages by the same cursor
 * whatever mix of kinds it holds.
 */
import type { CardQueueItem, CardTemplate, CommentQueueItem, IdeaQueueItem, ModeratedKind, Page, QueueItem } from '@bridgekit/sdk';
import { and, asc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, cardEdits, cards, commentFlags, comments, type HeldCardSave, ideas, threads, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { readReason } from '../moderation/reasons.ts';
import { contentChanges } from './card-library.ts';
import { type CardRow, cardColumns, toCard } from './card-rows.ts';
import { commentColumns, decodeListCursor, nextListCursor, toComment } from './comment-rows.ts';
import { ideaColumns, toIdea } from './ideas.ts';
import { restrictionOut } from './moderation.ts';
import { findTemplate } from './templates.ts';

/** A queue item's `detail`, `detailCode` and `detailParams` from its stored reason: moderators see it in full. */
function queueDetail(stored: string | null): Pick<QueueItem, 'detail' | 'detailCode' | 'detailParams'> {
  const read = readReason(stored ?? '');
  return { detail: read.text, detailCode: read.code, detailParams: read.params };
}

const QUEUE_TAG = 'queue';

export interface QueueQuery {
  reason: 'pending' | 'flagged' | 'all';
  /** Only this kind of item. */
  kind?: ModeratedKind | undefined;
  /** Only this thread's comments. */
  thread?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Rows after the cursor in (created_at, id) order. */
function after(createdAt: SQLiteColumn, id: SQLiteColumn, cursor: (string | number)[] | null): SQL | undefined {
  if (!cursor) return undefined;
  return or(gt(createdAt, cursor[0] as number), and(eq(createdAt, cursor[0] as number), gt(id, cursor[1] as string)));
}

/**
 * A column under a name of its own: a D1 batch returns rows keyed by column name, so two
 * selected columns of one name (the comment's and its thread's `id`) would collide.
 */
const as = <T>(column: SQLiteColumn | SQL, name: string) => sql<T>`${column}`.as(name);

/** The columns of a table whose rows the queue lists. */
interface Queued {
  tenantId: SQLiteColumn;
  state: SQLiteColumn;
  createdAt: SQLiteColumn;
  id: SQLiteColumn;
}

/** The queue's order: oldest first, by id within the same millisecond. */
const oldestFirst = (t: Queued) => [asc(t.createdAt), asc(t.id)] as const;

/** What every item a pipeline held says besides itself: pending, why, no flags, and whether its author is restricted. */
function heldBy(
  stored: string | null,
  authorRestrictedUntil: number | null,
): Pick<QueueItem, 'reason' | 'detail' | 'detailCode' | 'detailParams' | 'flags' | 'authorRestrictedUntil'> {
  return { reason: 'pending', ...queueDetail(stored), flags: [], authorRestrictedUntil: restrictionOut(authorRestrictedUntil) };
}

/** One queued item before it is built: where it sorts, and how to make it. */
interface Entry {
  createdAt: number;
  id: string;
  build: (templates: ReadonlyMap<string, CardTemplate>) => QueueItem;
  templateId?: string;
}

/**
 * Items waiting for a moderator — comments held by the pipeline or hidden by flags, and
 * published ones with flags; ideas and new cards the pipeline held; held edits of published
 * cards — oldest first. `flagged` and `thread` concern comments only.
 */
export async function moderationQueue(db: Database, tenantId: string, viewer: Viewer, q: QueueQuery): Promise<Page<QueueItem>> {
  const cursor = q.cursor ? decodeListCursor(q.cursor, QUEUE_TAG, ['number', 'string']) : null;
  const wants = (kind: ModeratedKind) =>
    (q.kind === undefined || q.kind === kind) && (kind === 'comment' || (q.reason !== 'flagged' && !q.thread));
  const n = q.limit + 1;
  const none = sql`0`;

  const pendingComment = eq(comments.state, 'pending');
  const flagged = and(eq(comments.state, 'published'), gt(comments.flagCount, 0));
  const whichComments = q.reason === 'pending' ? pendingComment : q.reason === 'flagged' ? flagged : or(pendingComment, flagged);
  /** The tenant's held rows of a table that queues them, after the cursor. */
  const held = (t: Queued, kind: ModeratedKind) =>
    and(eq(t.tenantId, tenantId), eq(t.state, 'pending'), wants(kind) ? undefined : none, after(t.createdAt, t.id, cursor));
  const [commentRows, ideaRows, cardRows, editRows] = await db.batch([
    db
      .select({
        ...commentColumns(tenantId, viewer),
        thread: {
          id: as<string>(qualified(threads.id), 'q_thread_id'),
          key: as<string>(qualified(threads.key), 'q_thread_key'),
          url: as<string | null>(qualified(threads.url), 'q_thread_url'),
          title: as<string | null>(qualified(threads.title), 'q_thread_title'),
        },
        authorRestrictedUntil: users.restrictedUntil,
        flagSummary: sql<string>`(select json_group_array(json_object('reason', reason, 'count', n)) from
          (select cf.reason as reason, count(*) as n from ${commentFlags} cf where cf.comment_id = ${qualified(comments.id)} and cf.resolved_at is null group by cf.reason order by n desc, cf.reason))`.as(
          'q_flags',
        ),
      })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .innerJoin(threads, eq(threads.id, comments.threadId))
      .where(
        and(
          eq(comments.tenantId, tenantId),
          wants('comment') ? whichComments : none,
          q.thread ? eq(comments.threadId, q.thread) : undefined,
          after(comments.createdAt, comments.id, cursor),
        ),
      )
      .orderBy(...oldestFirst(comments))
      .limit(n),
    db
      // A moderator's own votes do not matter here.
      .select({ ...ideaColumns(sql<number>`0`.as('q_my_votes')), authorRestrictedUntil: users.restrictedUntil })
      .from(ideas)
      .innerJoin(boards, eq(boards.id, ideas.boardId))
      .innerJoin(users, eq(users.id, ideas.authorId))
      .where(held(ideas, 'idea'))
      .orderBy(...oldestFirst(ideas))
      .limit(n),
    db
      .select({ ...cardColumns(tenantId, viewer), authorRestrictedUntil: users.restrictedUntil })
      .from(cards)
      .innerJoin(users, eq(users.id, cards.authorId))
      .where(held(cards, 'card'))
      .orderBy(...oldestFirst(cards))
      .limit(n),
    db
      .select({
        ...cardColumns(tenantId, viewer),
        edit: {
          id: as<string>(qualified(cardEdits.id), 'q_edit_id'),
          authorId: as<string>(qualified(cardEdits.authorId), 'q_edit_author_id'),
          baseVersion: as<number>(qualified(cardEdits.baseVersion), 'q_edit_base_version'),
          reason: as<string>(qualified(cardEdits.reason), 'q_edit_reason'),
          content: as<string>(qualified(cardEdits.content), 'q_edit_content'),
          byName: as<string>(qualified(cardEdits.byName), 'q_edit_by_name'),
          createdAt: as<number>(qualified(cardEdits.createdAt), 'q_edit_created_at'),
        },
        authorRestrictedUntil: users.restrictedUntil,
        editOwnerHandle: sql<
          string | null
        >`(select u.handle from ${users} u where u.id = json_extract(${qualified(cardEdits.content)}, '$.ownerId'))`.as(
          'q_edit_owner_handle',
        ),
        editOwnerName: sql<
          string | null
        >`(select u.name from ${users} u where u.id = json_extract(${qualified(cardEdits.content)}, '$.ownerId'))`.as('q_edit_owner_name'),
      })
      .from(cardEdits)
      .innerJoin(cards, eq(cards.id, cardEdits.cardId))
      .innerJoin(users, eq(users.id, cardEdits.authorId))
      .where(held(cardEdits, 'card'))
      .orderBy(...oldestFirst(cardEdits))
      .limit(n),
  ]);

  const entries: Entry[] = [
    ...commentRows.map(
      (row): Entry => ({
        createdAt: row.comment.createdAt,
        id: row.comment.id,
        build: (): CommentQueueItem => {
          const flags = JSON.parse(row.flagSummary) as CommentQueueItem['flags'];
          const held = readReason(row.comment.pendingReason ?? '');
          // Stored before there were reason codes: "Hidden after 3 reader flags".
          const byFlags = row.comment.state === 'published' || held.code === 'held.flagged' || held.text.startsWith('Hidden after');
          const summary = flags.map((f) => `${f.count} × ${f.reason.replace('_', ' ')}`).join(', ');
          return {
            kind: 'comment',
            comment: toComment(row, true),
            thread: row.thread,
            authorId: row.comment.authorId,
            reason: row.comment.state === 'pending' ? 'pending' : 'flagged',
            ...(byFlags && summary ? { detail: summary, detailCode: null, detailParams: {} } : queueDetail(row.comment.pendingReason)),
            flags,
            authorRestrictedUntil: restrictionOut(row.authorRestrictedUntil),
          };
        },
      }),
    ),
    ...ideaRows.map(
      (row): Entry => ({
        createdAt: row.idea.createdAt,
        id: row.idea.id,
        build: (): IdeaQueueItem => ({
          kind: 'idea',
          idea: toIdea(row, true),
          authorId: row.idea.authorId,
          ...heldBy(row.idea.moderationReason, row.authorRestrictedUntil),
        }),
      }),
    ),
    ...cardRows.map(
      (row): Entry => ({
        createdAt: row.card.createdAt,
        id: row.card.id,
        templateId: row.card.templateId,
        build: (templates): CardQueueItem => {
          const template = templateOf(templates, row.card.templateId);
          const card = toCard(row, template, Date.now(), true);
          const blank = { title: card.title, summary: '', tags: [], maturityLevel: null, ownerName: null, reviewBy: null, fields: {} };
          return {
            kind: 'card',
            card,
            edit: null,
            changes: contentChanges(template, blank, { ...card, ownerName: card.owner?.name ?? null }),
            authorId: row.card.authorId ?? '',
            ...heldBy(row.card.moderationReason, row.authorRestrictedUntil),
          };
        },
      }),
    ),
    ...editRows.map(
      (row): Entry => ({
        createdAt: row.edit.createdAt,
        id: row.edit.id,
        templateId: row.card.templateId,
        build: (templates): CardQueueItem => {
          const template = templateOf(templates, row.card.templateId);
          const e = row.edit;
          const save = JSON.parse(e.content) as HeldCardSave;
          const published = toCard(row, template, Date.now(), true);
          const owned = save.ownerId === undefined ? row : { ...row, ownerHandle: row.editOwnerHandle, ownerName: row.editOwnerName };
          const proposed: CardRow = {
            ...owned,
            card: {
              ...row.card,
              title: save.title,
              summary: save.summary ?? row.card.summary,
              fields: save.fields,
              rendered: save.rendered,
              tags: save.tags ?? row.card.tags,
              maturityLevel: save.maturityLevel === undefined ? row.card.maturityLevel : save.maturityLevel,
              ownerId: save.ownerId === undefined ? row.card.ownerId : save.ownerId,
              reviewBy: save.reviewBy === undefined ? row.card.reviewBy : save.reviewBy,
              version: e.baseVersion + 1,
              updatedBy: e.byName,
              updatedAt: e.createdAt,
              state: 'pending',
              moderationReason: e.reason,
            },
          };
          const card = toCard(proposed, template, Date.now(), true);
          const content = (c: typeof card) => ({ ...c, ownerName: c.owner?.name ?? null });
          return {
            kind: 'card',
            card,
            edit: { id: e.id, baseVersion: e.baseVersion },
            changes: contentChanges(template, content(published), content(card)),
            authorId: e.authorId,
            ...heldBy(e.reason, row.authorRestrictedUntil),
          };
        },
      }),
    ),
  ];
  entries.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = entries.slice(0, q.limit);
  const templateIds = [...new Set(page.flatMap((e) => (e.templateId ? [e.templateId] : [])))];
  const templates = new Map(await Promise.all(templateIds.map(async (id) => [id, await findTemplate(db, tenantId, id)] as const)));
  return {
    items: page.map((e) => e.build(templates)),
    nextCursor: nextListCursor(entries, q.limit, QUEUE_TAG, (last) => [last.createdAt, last.id]),
  };
}

function templateOf(templates: ReadonlyMap<string, CardTemplate>, id: string): CardTemplate {
  const template = templates.get(id);
  if (!template) throw new Error(`The template "${id}" of a queued card could not be read.`);
  return template;
}
