/**
 * Ideas and votes in D1. Every statement filters on the tenant; every write that touches more
 * than one row is one D1 batch (one transaction); list and read cost a fixed number of
 * statements whatever the page size.
 */
import type { Idea, IdeaSort, Page, VoteState } from '@bridgekit/sdk';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, ideas, users, votes } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { notFound } from '../errors.ts';
import { type Cursor, encodeCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import { upsertUser, viewerUserId } from './users.ts';

function votedBy(userId: SQL) {
  return sql<number>`exists(select 1 from ${votes} where ${qualified(votes.ideaId)} = ${qualified(ideas.id)} and ${qualified(votes.userId)} = ${userId})`;
}

function selectIdeas(db: Database, tenantId: string, viewer: Viewer | Actor) {
  return db
    .select({
      id: ideas.id,
      board: boards.slug,
      title: ideas.title,
      description: ideas.description,
      authorName: users.name,
      authorBusinessUnit: users.businessUnit,
      votes: ideas.voteCount,
      voted: votedBy(viewerUserId(tenantId, viewer)),
      createdAt: ideas.createdAt,
    })
    .from(ideas)
    .innerJoin(boards, eq(boards.id, ideas.boardId))
    .innerJoin(users, eq(users.id, ideas.authorId));
}

type IdeaRow = Awaited<ReturnType<ReturnType<typeof selectIdeas>['all']>>[number];

function toIdea(row: IdeaRow): Idea {
  return {
    id: row.id,
    board: row.board,
    title: row.title,
    description: row.description,
    author: { name: row.authorName, businessUnit: row.authorBusinessUnit },
    votes: row.votes,
    voted: Boolean(row.voted),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function findBoard(db: Database, tenantId: string, slug: string) {
  return db
    .select({ id: boards.id })
    .from(boards)
    .where(and(eq(boards.tenantId, tenantId), eq(boards.slug, slug)));
}

export interface ListIdeas {
  board: string;
  sort: IdeaSort;
  limit: number;
  cursor: Cursor | null;
}

/** One page of a board's ideas: one round trip of two statements, whatever the page size. */
export async function listIdeas(db: Database, tenantId: string, viewer: Viewer, q: ListIdeas): Promise<Page<Idea>> {
  const [sortKey, order] =
    q.sort === 'top'
      ? [ideas.voteCount, [desc(ideas.voteCount), desc(ideas.id)]]
      : [ideas.createdAt, [desc(ideas.createdAt), desc(ideas.id)]];
  const after = q.cursor ? sql`(${sortKey}, ${ideas.id}) < (${q.cursor.key}, ${q.cursor.id})` : undefined;
  const [board, rows] = await db.batch([
    findBoard(db, tenantId, q.board),
    selectIdeas(db, tenantId, viewer)
      .where(and(eq(ideas.tenantId, tenantId), eq(boards.tenantId, tenantId), eq(boards.slug, q.board), after))
      .orderBy(...order)
      .limit(q.limit + 1),
  ]);
  if (board.length === 0) throw notFound(`Board "${q.board}"`);
  const items = rows.slice(0, q.limit).map(toIdea);
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  const nextCursor = last ? encodeCursor({ sort: q.sort, key: q.sort === 'top' ? last.votes : last.createdAt, id: last.id }) : null;
  return { items, nextCursor };
}

export async function getIdea(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<Idea> {
  const row = await selectIdeas(db, tenantId, viewer)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, id)))
    .get();
  if (!row) throw notFound(`Idea "${id}"`);
  return toIdea(row);
}

/** Creates the idea and its author's user record in one batch. */
export async function createIdea(
  db: Database,
  tenantId: string,
  viewer: Actor,
  input: { board: string; title: string; description: string },
): Promise<Idea> {
  const id = newId();
  const now = Date.now();
  const [, , rows] = await db.batch([
    upsertUser(db, tenantId, viewer, now),
    // Inserts nothing when the board does not exist in this tenant; the read below then 404s.
    db.insert(ideas).select(
      db
        .select({
          id: sql<string>`${id}`.as('id'),
          tenantId: boards.tenantId,
          boardId: boards.id,
          authorId: sql<string>`${viewerUserId(tenantId, viewer)}`.as('author_id'),
          title: sql<string>`${input.title}`.as('title'),
          description: sql<string>`${input.description}`.as('description'),
          voteCount: sql<number>`0`.as('vote_count'),
          createdAt: sql<number>`${now}`.as('created_at'),
        })
        .from(boards)
        .where(and(eq(boards.tenantId, tenantId), eq(boards.slug, input.board))),
    ),
    selectIdeas(db, tenantId, viewer).where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, id))),
  ]);
  const row = rows[0];
  if (!row) throw notFound(`Board "${input.board}"`);
  return toIdea(row);
}

function recountVotes(db: Database, tenantId: string, ideaId: string) {
  return db
    .update(ideas)
    .set({ voteCount: sql`(select count(*) from ${votes} where ${qualified(votes.ideaId)} = ${ideaId})` })
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
}

function readVoteState(db: Database, tenantId: string, viewer: Viewer | Actor, ideaId: string) {
  return db
    .select({ votes: ideas.voteCount, voted: votedBy(viewerUserId(tenantId, viewer)) })
    .from(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
}

function toVoteState(rows: { votes: number; voted: number }[], ideaId: string): VoteState {
  const row = rows[0];
  if (!row) throw notFound(`Idea "${ideaId}"`);
  return { votes: row.votes, voted: Boolean(row.voted) };
}

/**
 * Backs an idea. Idempotent (the primary key of `votes` admits one row per person and idea),
 * and the count is recomputed from the votes inside the same transaction, so it stays exact
 * under any concurrency.
 */
export async function vote(db: Database, tenantId: string, viewer: Actor, ideaId: string): Promise<VoteState> {
  const now = Date.now();
  const [, , , state] = await db.batch([
    upsertUser(db, tenantId, viewer, now),
    db
      .insert(votes)
      .select(
        db
          .select({
            ideaId: ideas.id,
            userId: sql<string>`${viewerUserId(tenantId, viewer)}`.as('user_id'),
            tenantId: ideas.tenantId,
            createdAt: sql<number>`${now}`.as('created_at'),
          })
          .from(ideas)
          .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
      )
      .onConflictDoNothing(),
    recountVotes(db, tenantId, ideaId),
    readVoteState(db, tenantId, viewer, ideaId),
  ]);
  return toVoteState(state, ideaId);
}

/** Withdraws the viewer's support. Idempotent. */
export async function unvote(db: Database, tenantId: string, viewer: Actor, ideaId: string): Promise<VoteState> {
  const [, , state] = await db.batch([
    db.delete(votes).where(and(eq(votes.tenantId, tenantId), eq(votes.ideaId, ideaId), eq(votes.userId, viewerUserId(tenantId, viewer)))),
    recountVotes(db, tenantId, ideaId),
    readVoteState(db, tenantId, viewer, ideaId),
  ]);
  return toVoteState(state, ideaId);
}

/** Removes an idea with its votes (moderation). 404 when it is not in this tenant. */
export async function deleteIdea(db: Database, tenantId: string, ideaId: string): Promise<void> {
  const deleted = await db
    .delete(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)))
    .returning({ id: ideas.id });
  if (deleted.length === 0) throw notFound(`Idea "${ideaId}"`);
}
