/**
 * The two questions every vote path asks, as SQL to put inside its own statement: how many
 * votes the caller has on an idea, and how much of a board's budget they have used. One
 * definition each, so the list, the board and the vote itself can never count differently.
 */
import { type SQL, sql } from 'drizzle-orm';
import { ideas, votes } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';

/** The votes of `userId` (SQL, e.g. `viewerUserId`) on the idea of the outer query's `ideas` row: 0 when none. */
export function callersVotes(userId: SQL): SQL<number> {
  return sql<number>`coalesce((select ${qualified(votes.count)} from ${votes} where ${qualified(votes.ideaId)} = ${qualified(ideas.id)} and ${qualified(votes.userId)} = ${userId}), 0)`;
}

/** The budget votes `userId` has placed on the board's ideas (`boardId`: an id, or SQL naming one) and not had refunded, leaving out `exceptIdea`'s: a scalar. */
export function budgetUsed(tenantId: string, userId: SQL, boardId: string | SQL, exceptIdea?: string): SQL<number> {
  const except = exceptIdea === undefined ? sql`` : sql` and v.idea_id <> ${exceptIdea}`;
  return sql<number>`(select coalesce(sum(v.count), 0) from ${votes} v join ${ideas} i on i.id = v.idea_id
    where v.tenant_id = ${tenantId} and v.user_id = ${userId} and i.board_id = ${boardId} and v.refunded = 0${except})`;
}
