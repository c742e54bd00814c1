/**
 * Ideas in D1. Every statement filters on the tenant; every write that touches more than one
 * row is one D1 batch (one transaction); list and read cost a fixed number of statements
 * whatever the page size.
 */
import type { BusinessCase, Idea, IdeaSort, Lane, Page, StatusCategory } from '@bridgekit/sdk';
import { and, desc, eq, gt, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { type Actor, effectiveRole, selectGrantedRole, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, ideas, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { DEFAULT_STATUSES, findStatus, initialStatus, withBuiltInTranslations } from '../domain/statuses.ts';
import { notFound } from '../errors.ts';
import { type Cursor, encodeCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { ideaFingerprint, ideaText, moderationOf, screen } from '../moderation/content.ts';
import { storedReason } from '../moderation/reasons.ts';
import { type BoardRecord, selectBoardRecord } from './boards.ts';
import { assertMayPost } from './comments.ts';
import { selectStanding } from './standing.ts';
import type { Tenant } from './tenants.ts';
import { upsertUser, viewerUserId } from './users.ts';
import { callersVotes } from './vote-sql.ts';

/** The columns `toIdea` reads (from ideas joined with their board and author), with the viewer's votes as `myVotes`. */
export const ideaColumns = <M extends SQL<number> | SQL.Aliased<number>>(myVotes: M) => ({
  idea: ideas,
  board: boards.slug,
  boardStatuses: boards.statuses,
  authorName: users.name,
  authorBusinessUnit: users.businessUnit,
  myVotes,
});

export function selectIdeas(db: Database, tenantId: string, viewer: Viewer | Actor) {
  return db
    .select(ideaColumns(callersVotes(viewerUserId(tenantId, viewer))))
    .from(ideas)
    .innerJoin(boards, eq(boards.id, ideas.boardId))
    .innerJoin(users, eq(users.id, ideas.authorId));
}

export type IdeaRow = Awaited<ReturnType<ReturnType<typeof selectIdeas>['all']>>[number];

/**
 * Who sees an idea: everyone once it is published; while it is held or after a moderator
 * rejected it, only its author (moderators read it through the queue and `asModerator`).
 */
export function ideaVisibleTo(tenantId: string, viewer: Viewer | Actor): SQL {
  return sql`(${qualified(ideas.state)} = 'published' or ${qualified(ideas.authorId)} = ${viewerUserId(tenantId, viewer)})`;
}

/** Only published ideas: what counts, is found, and can be voted on, scored or cited. */
export const publishedIdea = () => eq(ideas.state, 'published');

export function toIdea(row: IdeaRow, asModerator = false): Idea {
  const i = row.idea;
  const found = findStatus(row.boardStatuses ?? DEFAULT_STATUSES, i.status);
  const status = found && withBuiltInTranslations(found);
  return {
    id: i.id,
    board: row.board,
    title: i.title,
    description: i.description,
    author: { name: row.authorName, businessUnit: row.authorBusinessUnit },
    lane: i.lane,
    businessCase: { problem: i.problem, beneficiary: i.beneficiary, valueType: i.valueType, effort: i.effortSize, objective: i.objective },
    status: {
      key: i.status,
      label: status?.label ?? i.status,
      ...(status?.translations ? { translations: status.translations } : {}),
      category: i.statusCategory,
      reason: i.statusReason,
      link: i.statusLink,
      changedAt: isoTimeOrNull(i.statusChangedAt),
      changedBy: i.statusChangedBy,
    },
    votes: i.voteCount,
    supporters: i.supporterCount,
    businessUnits: i.businessUnitCount,
    voted: row.myVotes > 0,
    myVotes: row.myVotes,
    score: { value: i.valueScore, effort: i.effortScore, risk: i.riskScore, valuePerEffort: i.valuePerEffort, evaluations: i.evaluations },
    closed: i.closed,
    mergedInto: i.mergedInto,
    moderation: moderationOf(i.state, i.moderationReason, asModerator),
    createdAt: isoTime(i.createdAt),
  };
}

type IdeaRecord = typeof ideas.$inferSelect;

/** Each sort's column (descending, then id) and how to read its key off a row for the cursor. */
const SORTS: Record<IdeaSort, { column: SQLiteColumn; key: (i: IdeaRecord) => number | null }> = {
  top: { column: ideas.voteCount, key: (i) => i.voteCount },
  new: { column: ideas.createdAt, key: (i) => i.createdAt },
  trending: { column: ideas.trendScore, key: (i) => i.trendScore },
  value: { column: ideas.valueScore, key: (i) => i.valueScore },
  value_per_effort: { column: ideas.valuePerEffort, key: (i) => i.valuePerEffort },
};

/** Rows after the cursor in (key desc, id desc) order, where a null key sorts last. */
function after(column: SQLiteColumn, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  if (cursor.key === null) return and(isNull(column), lt(ideas.id, cursor.id));
  return or(lt(column, cursor.key), and(eq(column, cursor.key), lt(ideas.id, cursor.id)), isNull(column));
}

export interface ListIdeas {
  board: string;
  sort: IdeaSort;
  limit: number;
  cursor: Cursor | null;
  /** Only ideas in these status categories. */
  categories?: StatusCategory[] | undefined;
}

/**
 * One page of a board's ideas (merged duplicates left out; held and rejected ones only for their
 * author): one round trip of two statements.
 */
export async function listIdeas(db: Database, tenantId: string, viewer: Viewer, q: ListIdeas): Promise<Page<Idea>> {
  const { column, key } = SORTS[q.sort];
  const [board, rows] = await db.batch([
    selectBoardRecord(db, tenantId, q.board),
    selectIdeas(db, tenantId, viewer)
      .where(
        and(
          eq(ideas.tenantId, tenantId),
          eq(boards.tenantId, tenantId),
          eq(boards.slug, q.board),
          isNull(ideas.mergedInto),
          ideaVisibleTo(tenantId, viewer),
          q.categories?.length ? inArray(ideas.statusCategory, q.categories) : undefined,
          after(column, q.cursor),
        ),
      )
      .orderBy(desc(column), desc(ideas.id))
      .limit(q.limit + 1),
  ]);
  if (board.length === 0) throw notFound('not_found.board', { id: q.board });
  const items = rows.slice(0, q.limit).map((row) => toIdea(row));
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  const nextCursor = last ? encodeCursor({ sort: q.sort, key: key(last.idea), id: last.idea.id }) : null;
  return { items, nextCursor };
}

/**
 * The idea as the caller may see it, or null; merged duplicates included (the route redirects
 * them). `asModerator`: in whatever moderation state.
 */
export async function findIdea(
  db: Database,
  tenantId: string,
  viewer: Viewer | Actor,
  id: string,
  asModerator = false,
): Promise<IdeaRow | null> {
  return (
    (await selectIdeas(db, tenantId, viewer)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, id), asModerator ? undefined : ideaVisibleTo(tenantId, viewer)))
      .get()) ?? null
  );
}

export async function getIdea(db: Database, tenantId: string, viewer: Viewer | Actor, id: string, asModerator = false): Promise<Idea> {
  const row = await findIdea(db, tenantId, viewer, id, asModerator);
  if (!row) throw notFound('not_found.idea', { id });
  return toIdea(row, asModerator);
}

export interface NewIdeaInput {
  title: string;
  description: string;
  lane: Lane;
  businessCase: Partial<BusinessCase>;
}

/**
 * Submits an idea, in the board's initial status, with its author's user record, in one batch —
 * after the moderation pipeline: refused (422 `idea_rejected`, nothing written), held (stored
 * as `pending`, seen by its author and moderators only) or published. Banned and timed-out
 * people are refused (403) before anything else.
 */
export async function createIdea(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  author: Actor,
  board: BoardRecord,
  input: NewIdeaInput,
  now = Date.now(),
): Promise<Idea> {
  const tenantId = tenant.id;
  const settings = tenant.moderation;
  const windowStart = now - settings.repeatWindowMinutes * 60_000;
  const [standing, recent, grant] = await db.batch([
    selectStanding(db, tenantId, author.subject, settings),
    db
      .select({ title: ideas.title, description: ideas.description })
      .from(ideas)
      .where(
        and(
          eq(ideas.tenantId, tenantId),
          sql`${qualified(ideas.authorId)} = ${viewerUserId(tenantId, author)}`,
          gt(ideas.createdAt, windowStart),
          ne(ideas.state, 'rejected'),
        ),
      )
      .orderBy(desc(ideas.createdAt))
      .limit(settings.repeatWindowMinutes > 0 ? 50 : 0),
    selectGrantedRole(db, tenantId, author.subject),
  ]);
  assertMayPost(standing[0], now);
  const text = ideaText(input);
  const verdict = screen({
    item: 'idea',
    kind: 'create',
    text,
    author: {
      published: standing[0]?.published ?? 0,
      recentFingerprints: recent.map(ideaFingerprint),
    },
    settings,
    role: effectiveRole(viewer, grant[0]?.role),
  });
  const id = newId();
  const bc = input.businessCase;
  const [, , rows] = await db.batch([
    upsertUser(db, tenantId, author, now),
    db.insert(ideas).values({
      id,
      tenantId,
      boardId: board.id,
      authorId: sql`${viewerUserId(tenantId, author)}`,
      title: input.title,
      description: input.description,
      lane: input.lane,
      problem: bc.problem ?? null,
      beneficiary: bc.beneficiary ?? null,
      valueType: bc.valueType ?? null,
      effortSize: bc.effort ?? null,
      objective: bc.objective ?? null,
      status: initialStatus(board.statuses).key,
      statusCategory: 'open',
      state: verdict ? 'pending' : 'published',
      moderationReason: verdict ? storedReason(verdict) : null,
      createdAt: now,
    }),
    selectIdeas(db, tenantId, author).where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, id))),
  ]);
  const row = rows[0];
  if (!row) throw new Error('The new idea could not be read back.');
  return toIdea(row);
}

/** Removes an idea with its votes (moderation). 404 when it is not in this tenant. */
export async function deleteIdea(db: Database, tenantId: string, ideaId: string): Promise<void> {
  const deleted = await db
    .delete(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)))
    .returning({ id: ideas.id });
  if (deleted.length === 0) throw notFound('not_found.idea', { id: ideaId });
}
