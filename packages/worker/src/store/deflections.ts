/**
 * Deflection with follow-through: the requester of a deflected idea says whether the answer
 * met the need, and the card that answered it is credited with the requests it deflected and
 * the effort they would have cost (domain/effort-days.ts).
 */
import type { Idea } from '@bridgekit/sdk';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { ideas } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { effortDaysSql } from '../domain/effort-days.ts';
import { DEFAULT_STATUSES, findStatus } from '../domain/statuses.ts';
import { ApiError, notFound } from '../errors.ts';
import { eventStatements } from '../notify/record.ts';
import { toRecord } from './boards.ts';
import { getIdea, ideaBoard, ideaIsMine } from './ideas.ts';
import { viewerUserId } from './users.ts';

const DEFAULTS_JSON = JSON.stringify(DEFAULT_STATUSES);

/**
 * SQL that is true when the idea `i` (an alias of `ideas`) stands in a deflection status of its
 * board (its own list, or the defaults): the one SQL reading of `StatusDefinition.deflection`.
 */
export function inDeflection(i: string): SQL {
  const idea = sql.raw(i);
  return sql`exists (select 1 from boards dfb, json_each(coalesce(dfb.statuses, ${DEFAULTS_JSON})) dfs
    where dfb.id = ${idea}.board_id and json_extract(dfs.value, '$.key') = ${idea}.status and json_extract(dfs.value, '$.deflection') = 1)`;
}

/**
 * The card in scope's `CardDeflections` as JSON, for its own statement: its published ideas in a
 * deflection status, those whose requester confirmed the need met, and the person-days of those
 * not reported unmet.
 */
export function cardDeflectionsColumn(tenantId: SQL, cardId: SQL): SQL<string> {
  return sql<string>`(select json_object('requests', count(*), 'confirmed', coalesce(sum(di.need_met = 1), 0),
      'avoidedDays', coalesce(sum(case when di.need_met is not 0 then ${effortDaysSql(sql`di.effort_size`)} else 0 end), 0))
    from ${ideas} di where di.tenant_id = ${tenantId} and di.answered_by = ${cardId} and di.state = 'published' and ${inDeflection('di')})`;
}

/**
 * The requester's word on a deflected idea: its author, or whoever recorded it for them (403 for
 * anyone else who may see it; 404 for who may not). Only while the idea stands in a deflection
 * status (409 otherwise); they may change their word. Whoever set the status is told.
 */
export async function confirmNeedMet(db: Database, tenantId: string, actor: Actor, ideaId: string, met: boolean): Promise<Idea> {
  const [found, boardRows] = await db.batch([
    db
      .select({ idea: ideas, mine: ideaIsMine(tenantId, actor).as('need_mine') })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
    ideaBoard(db, tenantId, ideaId),
  ]);
  const row = found[0];
  const boardRow = boardRows[0];
  const mine = row?.mine === 1;
  if (!row || !boardRow || (row.idea.state !== 'published' && !mine)) throw notFound('not_found.idea', { id: ideaId });
  if (!mine) throw new ApiError(403, 'forbidden.need_met_others_idea', {});
  const { idea } = row;
  const status = findStatus(toRecord(boardRow).statuses, idea.status);
  if (idea.state !== 'published' || !status?.deflection) {
    throw new ApiError(409, 'conflict.need_met_not_deflected', { id: ideaId, status: status?.label ?? idea.status });
  }
  if (idea.needMet === met) return getIdea(db, tenantId, actor, ideaId);
  const now = Date.now();
  // Only while the status is the one read: a change in between makes this a no-op.
  const unchanged = sql`${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.id)} = ${ideaId} and ${qualified(ideas.status)} = ${idea.status}`;
  await db.batch([
    db.update(ideas).set({ needMet: met, needMetAt: now }).where(unchanged),
    ...eventStatements(db, {
      tenantId,
      type: 'idea.need_confirmed',
      actorId: viewerUserId(tenantId, actor),
      item: { kind: 'idea', id: ideaId },
      data: { met, status: idea.status },
      onlyIf: sql`exists (select 1 from ${ideas} where ${unchanged})`,
      now,
    }),
  ]);
  return getIdea(db, tenantId, actor, ideaId);
}
