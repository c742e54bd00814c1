/**
 * Votes. On a single-vote board a person backs an idea once; on a budget board they place up
 * to `votesPerIdea` of a scarce `voteBudget`. Each write is one D1 batch whose insert carries
 * its own conditions (idea open, budget left), so no interleaving of requests — not even a
 * hundred at once from one person — can exceed a budget or vote on a closed idea; counts are
 * recomputed from the votes in the same transaction.
 */
import type { VoteState } from '@bridgekit/sdk';
import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, businessUnits, ideas, users, votes } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { statementShapes } from '../db/statement-shapes.ts';
import { voteWeight } from '../domain/trending.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { type BoardRecord, type BoardRow, boardOpen, budgetOf, toRecord } from './boards.ts';
import { ideaBoard, ideaVisibleTo } from './ideas.ts';
import { autoSubscribe } from './subscriptions.ts';
import { type PersonValues, personValues, upsertPerson, viewerUserId } from './users.ts';
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

/**
 * Recomputes an idea's support from its votes; business units: distinct demand-side units of the
 * supporters. Writes only when a figure differs, so a refused or repeated vote changes no row (and
 * bumps no cache version: db/tenant-binding.ts).
 */
export function recountSupport(db: Database, tenantId: string, ideaId: string) {
  const f = supportFigures();
  return db
    .update(ideas)
    .set(f)
    .where(
      and(
        eq(ideas.tenantId, tenantId),
        eq(ideas.id, ideaId),
        sql`(${qualified(ideas.voteCount)}, ${qualified(ideas.supporterCount)}, ${qualified(ideas.businessUnitCount)}, ${qualified(ideas.trendScore)})
          is not (${f.voteCount}, ${f.supporterCount}, ${f.businessUnitCount}, ${f.trendScore})`,
      ),
    );
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

function readState(db: Database, tenantId: string, actor: Actor, ideaId: string) {
  const userId = viewerUserId(tenantId, actor);
  return db
    .select({
      votes: ideas.voteCount,
      supporters: ideas.supporterCount,
      businessUnits: ideas.businessUnitCount,
      myVotes: callersVotes(userId),
      used: budgetUsed(tenantId, userId, sql`${qualified(ideas.boardId)}`),
    })
    .from(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
}

interface Target {
  idea: { id: string; boardId: string; closed: boolean; mergedInto: string | null; state: string; myVotes: number };
  board: BoardRecord;
}

/** The idea and the actor's current votes on it, as the first statement of the vote's batch (its board: `ideaBoard`). */
function selectTarget(db: Database, tenantId: string, actor: Actor, ideaId: string) {
  return db
    .select({
      id: ideas.id,
      boardId: ideas.boardId,
      closed: ideas.closed,
      mergedInto: ideas.mergedInto,
      state: ideas.state,
      myVotes: callersVotes(viewerUserId(tenantId, actor)),
    })
    .from(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId), ideaVisibleTo(tenantId, actor)));
}

function toTarget(idea: Target['idea'] | undefined, board: BoardRow | undefined, ideaId: string): Target {
  if (!idea || !board) throw notFound('not_found.idea', { id: ideaId });
  return { idea, board: toRecord(board) };
}

function assertOpen({ idea, board }: Target, now: number): void {
  // Only the author sees a held or rejected idea; nobody backs it before a moderator publishes it.
  if (idea.state !== 'published') throw new ApiError(409, 'voting_closed.pending', {});
  if (idea.mergedInto) throw new ApiError(409, 'voting_closed.merged', { into: idea.mergedInto });
  if (idea.closed) throw new ApiError(409, 'voting_closed.closed', {});
  if (!boardOpen(board, now)) throw new ApiError(409, 'voting_closed.board', { board: board.slug });
}

/**
 * What {@link assertOpen} and the board's rules check, as SQL for the guarded statements of the
 * batch: the idea is open on an open board and, when `n` (SQL) votes are to be placed, they fit
 * the board's votes per idea and the actor's budget.
 */
function voteAllowed(tenantId: string, actor: Actor, ideaId: string, now: number, n?: SQL): SQL {
  const fits = n
    ? sql` and ${n} <= case when b.vote_mode = 'budget' then b.votes_per_idea else 1 end
        and (b.vote_mode <> 'budget' or ${budgetUsed(tenantId, viewerUserId(tenantId, actor), sql`b.id`, ideaId)} + ${n} <= b.vote_budget)`
    : sql``;
  return sql`exists (select 1 from ${ideas} vi join ${boards} b on b.id = vi.board_id
    where vi.tenant_id = ${tenantId} and vi.id = ${ideaId} and vi.state = 'published' and vi.closed = 0 and vi.merged_into is null
      and (b.opens_at is null or b.opens_at <= ${now}) and (b.closes_at is null or ${now} < b.closes_at)${fits})`;
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
 * a number (0 withdraws). Idempotent: the same request twice leaves the same state. One D1
 * round trip: the batch reads the idea, its board and the actor's votes first, writes only
 * what its guards allow, and reads the result; the answer, or the refusal, comes from what it read.
 */
export async function setVotes(
  db: Database,
  tenantId: string,
  actor: Actor,
  ideaId: string,
  requested: number | 'back',
): Promise<VoteState> {
  const now = Date.now();
  if (requested === 0) return withdraw(db, tenantId, actor, ideaId, now);
  const person = personValues(tenantId, actor, now);
  const values: VoteValues = { ...person, ideaId, votes: requested === 'back' ? 1 : requested, weight: voteWeight(1, now) };
  const [before, [board], , , , , [state]] = await db.batch(
    voteBatch(db, values, { back: requested === 'back', withRole: person.claimRole !== null }),
  );
  const t = toTarget(before[0], board, ideaId);
  assertOpen(t, now);
  const max = t.board.voteMode === 'budget' ? t.board.votesPerIdea : 1;
  const wanted = requested === 'back' ? Math.max(t.idea.myVotes, 1) : requested;
  // Over the board's votes per idea: 409 like an exhausted budget (the request is well-formed; the board's rule refuses it).
  if (wanted > max) {
    throw new ApiError(
      409,
      'vote_budget_exceeded.per_idea',
      { count: max },
      { details: [fieldIssue('body.votes', 'field.too_big', { max })] },
    );
  }
  const result = toState(state, t.board);
  if (result.myVotes !== wanted) {
    // The idea and board were open and the count within the board's rule: only the budget refuses.
    throw new ApiError(409, 'vote_budget_exceeded.budget', {
      remaining: result.budget?.remaining ?? 0,
      total: t.board.voteBudget,
      needed: wanted - result.myVotes,
    });
  }
  return result;
}

async function withdraw(db: Database, tenantId: string, actor: Actor, ideaId: string, now: number): Promise<VoteState> {
  const [before, [board], , , [state]] = await db.batch(withdrawBatch(db, { tenantId, subject: actor.subject, ideaId, now }, {}));
  const t = toTarget(before[0], board, ideaId);
  assertOpen(t, now);
  return toState(state, t.board);
}

/** What a vote's statements bind: the person's values, the idea, the votes asked for (unless backing) and their weight now. */
interface VoteValues extends PersonValues {
  ideaId: string;
  votes: number;
  weight: number;
}

/** The person as the vote's statements name them (from placeholders: db/statement-shapes.ts). */
const actorOf = (v: Pick<PersonValues, 'subject' | 'name' | 'email' | 'businessUnit'>): Actor => ({
  subject: v.subject,
  name: v.name,
  email: v.email,
  businessUnit: v.businessUnit,
});

/**
 * A vote's one batch: the idea, its board and the person's votes read first; the person, the
 * votes, the idea's support and the voter's subscription written as the guards allow; the result
 * read back. Built once per shape (`back`: keep the votes already placed, at least one).
 */
const voteBatch = statementShapes((db, v: VoteValues, shape: { back: boolean; withRole: boolean }) => {
  const t = v.tenantId;
  const actor = actorOf(v);
  const me = viewerUserId(t, actor);
  const n = shape.back
    ? sql<number>`max(coalesce((select ${qualified(votes.count)} from ${votes} where ${qualified(votes.ideaId)} = ${v.ideaId} and ${qualified(votes.userId)} = ${me}), 0), 1)`
    : sql<number>`${v.votes}`;
  const allowed = voteAllowed(t, actor, v.ideaId, v.now, n);
  return [
    selectTarget(db, t, actor, v.ideaId),
    ideaBoard(db, t, v.ideaId),
    upsertPerson(db, v, shape.withRole, allowed),
    db
      .insert(votes)
      .select(
        db
          .select({
            ideaId: ideas.id,
            userId: sql<string>`${me}`.as('user_id'),
            tenantId: ideas.tenantId,
            count: sql<number>`${n}`.as('count'),
            weight: sql<number>`${n} * ${v.weight}`.as('weight'),
            refunded: sql<boolean>`0`.as('refunded'),
            createdAt: sql<number>`${v.now}`.as('created_at'),
          })
          .from(ideas)
          .where(and(eq(ideas.tenantId, t), eq(ideas.id, v.ideaId), allowed)),
      )
      .onConflictDoUpdate({
        target: [votes.ideaId, votes.userId],
        set: { count: sql`excluded.count`, weight: sql`excluded.weight`, refunded: sql`0`, createdAt: sql`excluded.created_at` },
        // Placing the same number again changes nothing (and keeps the vote's place in "trending").
        setWhere: ne(votes.count, sql`excluded.count`),
      }),
    recountSupport(db, t, v.ideaId),
    // Backing an idea follows it (unless one unfollowed it before).
    autoSubscribe(
      db,
      t,
      me,
      'idea',
      v.ideaId,
      'voter',
      sql`exists (select 1 from ${votes} where ${qualified(votes.ideaId)} = ${v.ideaId} and ${qualified(votes.userId)} = ${me})`,
    ),
    readState(db, t, actor, v.ideaId),
  ] as const;
});

/** A withdrawal's one batch: the same reads, the person's votes deleted if the idea is open, the support recounted, the result read back. */
const withdrawBatch = statementShapes((db, v: { tenantId: string; subject: string; ideaId: string; now: number }) => {
  const t = v.tenantId;
  const actor = actorOf({ subject: v.subject, name: '', email: null, businessUnit: null });
  return [
    selectTarget(db, t, actor, v.ideaId),
    ideaBoard(db, t, v.ideaId),
    db
      .delete(votes)
      .where(
        and(
          eq(votes.tenantId, t),
          eq(votes.ideaId, v.ideaId),
          eq(votes.userId, viewerUserId(t, actor)),
          voteAllowed(t, actor, v.ideaId, v.now),
        ),
      ),
    recountSupport(db, t, v.ideaId),
    readState(db, t, actor, v.ideaId),
  ] as const;
});
