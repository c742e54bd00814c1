/**
 * Votes. On a single-vote board a person backs an idea once; on a budget board they place up
 * to `votesPerIdea` of a scarce `voteBudget`. Each write is one D1 batch whose insert carries
 * its own conditions (idea open, budget left), so no interleaving of requests — not even a
 * hundred at once from one person — can exceed a budget or vote on a closed idea; counts are
 * recomputed from the votes in the same transaction.
 */
import type { VoteState } from '@bridgekit/sdk';
import { and, eq, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, businessUnits, ideas, users, votes } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { voteWeight } from '../domain/trending.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { type BoardRecord, boardOpen, budgetOf, toRecord } from './boards.ts';
import { ideaVisibleTo } from './ideas.ts';
import { autoSubscribe } from './subscriptions.ts';
import { upsertUser, viewerUserId } from './users.ts';
import { budgetUsed, callersVotes } from './vote-sql.ts';

/** An idea's support from its votes; business units: distinct demand-side units of the supporters. */
function supportFigures() {
  const ofIdea = sql`${qualified(votes.ideaId)} = ${qualified(ideas.id)}`;
  return {
    voteCount: sql`(select coalesce(sum(${qualified(votes.count)}), 0) from ${votes} where ${ofIdea})`,
    supporterCount: sql`(select count(*) from ${votes} where ${ofIdea})`,
    businessUnitCount: sql`(select count(distinct ${qualified(users.unitId)}) from ${votes} join ${users} on ${qualified(users.id)} = ${qualified(votes.userId)}
        join ${businessUnits} on ${qualified(businessUnits.id)} = ${qualified(users.unitId)} and ${qualified(businessUnits.side)} = 'demand' where ${ofIdea})`,
    trendScore: sql`(select coalesce(sum(${qualified(votes.weight)}), 0) from ${votes} where ${ofIdea})`,
  };
}

/** Recomputes an idea's support from its votes; business units: distinct demand-side units of the supporters. */
export function recountSupport(db: Database, tenantId: string, ideaId: string) {
  return db
    .update(ideas)
    .set(supportFigures())
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
}

/** {@link recountSupport} for every idea the person `userId` (SQL) supports: after their unit changed, in the same batch. */
export function recountSupportOf(db: Database, tenantId: string, userId: SQL) {
  return db
    .update(ideas)
    .set(supportFigures())
    .where(
      and(
        eq(ideas.tenantId, tenantId),
        sql`${qualified(ideas.id)} in (select ${qualified(votes.ideaId)} from ${votes} where ${qualified(votes.userId)} = ${userId})`,
      ),
    );
}

function readState(db: Database, tenantId: string, actor: Actor, ideaId: string, boardId: string) {
  const userId = viewerUserId(tenantId, actor);
  return db
    .select({
      votes: ideas.voteCount,
      supporters: ideas.supporterCount,
      businessUnits: ideas.businessUnitCount,
      myVotes: callersVotes(userId),
      used: budgetUsed(tenantId, userId, boardId),
    })
    .from(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
}

interface Target {
  idea: { id: string; boardId: string; closed: boolean; mergedInto: string | null; state: string; myVotes: number };
  board: BoardRecord;
}

/** The idea, its board and the actor's current votes on it: one query. */
async function target(db: Database, tenantId: string, actor: Actor, ideaId: string): Promise<Target> {
  const row = await db
    .select({
      id: ideas.id,
      boardId: ideas.boardId,
      closed: ideas.closed,
      mergedInto: ideas.mergedInto,
      state: ideas.state,
      myVotes: callersVotes(viewerUserId(tenantId, actor)),
      board: boards,
    })
    .from(ideas)
    .innerJoin(boards, eq(boards.id, ideas.boardId))
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId), ideaVisibleTo(tenantId, actor)))
    .get();
  if (!row) throw notFound('not_found.idea', { id: ideaId });
  const { board, ...idea } = row;
  return { idea, board: toRecord(board) };
}

function assertOpen({ idea, board }: Target): void {
  // Only the author sees a held or rejected idea; nobody backs it before a moderator publishes it.
  if (idea.state !== 'published') throw new ApiError(409, 'voting_closed.pending', {});
  if (idea.mergedInto) throw new ApiError(409, 'voting_closed.merged', { into: idea.mergedInto });
  if (idea.closed) throw new ApiError(409, 'voting_closed.closed', {});
  if (!boardOpen(board)) throw new ApiError(409, 'voting_closed.board', { board: board.slug });
}

function toState(
  row: { votes: number; supporters: number; businessUnits: number; myVotes: number; used: number } | undefined,
  board: BoardRecord,
): VoteState {
  if (!row) throw new Error('The idea could not be read back.');
  return {
    votes: row.votes,
    supporters: row.supporters,
    businessUnits: row.businessUnits,
    voted: row.myVotes > 0,
    myVotes: row.myVotes,
    budget: budgetOf(board, row.used, true),
  };
}

/**
 * Sets the actor's votes on an idea: `'back'` to back it (1 vote, or keep what they have), or
 * a number (0 withdraws). Idempotent: the same request twice leaves the same state.
 */
export async function setVotes(
  db: Database,
  tenantId: string,
  actor: Actor,
  ideaId: string,
  requested: number | 'back',
): Promise<VoteState> {
  const t = await target(db, tenantId, actor, ideaId);
  const { board } = t;
  assertOpen(t);
  const budgetMode = board.voteMode === 'budget';
  const max = budgetMode ? board.votesPerIdea : 1;
  const n = requested === 'back' ? Math.max(t.idea.myVotes, 1) : requested;
  // Over the board's votes per idea: 409 like an exhausted budget (the request is well-formed; the board's rule refuses it).
  if (n > max) {
    throw new ApiError(
      409,
      'vote_budget_exceeded.per_idea',
      { count: max },
      { details: [fieldIssue('body.votes', 'field.too_big', { max })] },
    );
  }
  if (n === 0) return withdraw(db, tenantId, actor, t);

  const now = Date.now();
  const ideaOpen = and(
    eq(ideas.tenantId, tenantId),
    eq(ideas.id, ideaId),
    eq(ideas.closed, false),
    isNull(ideas.mergedInto),
    eq(ideas.state, 'published'),
  );
  const withinBudget = budgetMode
    ? sql`${budgetUsed(tenantId, viewerUserId(tenantId, actor), board.id, ideaId)} + ${n} <= ${board.voteBudget}`
    : undefined;
  const [, , , , [state]] = await db.batch([
    upsertUser(db, tenantId, actor, now),
    db
      .insert(votes)
      .select(
        db
          .select({
            ideaId: ideas.id,
            userId: sql<string>`${viewerUserId(tenantId, actor)}`.as('user_id'),
            tenantId: ideas.tenantId,
            count: sql<number>`${n}`.as('count'),
            weight: sql<number>`${voteWeight(n, now)}`.as('weight'),
            refunded: sql<boolean>`0`.as('refunded'),
            createdAt: sql<number>`${now}`.as('created_at'),
          })
          .from(ideas)
          .where(and(ideaOpen, withinBudget)),
      )
      .onConflictDoUpdate({
        target: [votes.ideaId, votes.userId],
        set: { count: sql`excluded.count`, weight: sql`excluded.weight`, refunded: sql`0`, createdAt: sql`excluded.created_at` },
        // Placing the same number again changes nothing (and keeps the vote's place in "trending").
        setWhere: ne(votes.count, sql`excluded.count`),
      }),
    recountSupport(db, tenantId, ideaId),
    // Backing an idea follows it (unless one unfollowed it before).
    autoSubscribe(
      db,
      tenantId,
      viewerUserId(tenantId, actor),
      'idea',
      ideaId,
      'voter',
      sql`exists (select 1 from ${votes} where ${qualified(votes.ideaId)} = ${ideaId} and ${qualified(votes.userId)} = ${viewerUserId(tenantId, actor)})`,
    ),
    readState(db, tenantId, actor, ideaId, board.id),
  ]);
  const result = toState(state, board);
  if (result.myVotes !== n) {
    if (budgetMode) {
      throw new ApiError(409, 'vote_budget_exceeded.budget', {
        remaining: result.budget?.remaining ?? 0,
        total: board.voteBudget,
        needed: n - result.myVotes,
      });
    }
    assertOpen(await target(db, tenantId, actor, ideaId));
  }
  return result;
}

async function withdraw(db: Database, tenantId: string, actor: Actor, t: Target): Promise<VoteState> {
  const [, , [state]] = await db.batch([
    db
      .delete(votes)
      .where(
        and(
          eq(votes.tenantId, tenantId),
          eq(votes.ideaId, t.idea.id),
          eq(votes.userId, viewerUserId(tenantId, actor)),
          sql`exists (select 1 from ${ideas} where ${qualified(ideas.id)} = ${t.idea.id} and ${qualified(ideas.closed)} = 0)`,
        ),
      ),
    recountSupport(db, tenantId, t.idea.id),
    readState(db, tenantId, actor, t.idea.id, t.board.id),
  ]);
  return toState(state, t.board);
}
