/**
 * Evaluator scoring, kept apart from crowd support. Each evaluator's score per criterion is a
 * row; an idea's value, effort and risk are recomputed from those rows and the board's weights
 * by one SQL statement, in the same batch as the change — so a new score, or new weights for
 * the whole board, leave no idea with a stale score.
 */
import type { Criterion, FieldIssue, Scorecard } from '@bridgekit/sdk';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boardCriteria, boards, ideaScores, ideas, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { floorSql, rankKeySql, scoreValue } from '../domain/scorecard.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { eventStatements } from '../notify/record.ts';
import { type BoardRecord, findBoardRecord, selectCriteria, toCriterion } from './boards.ts';
import { type ChangeAuthor, logChange, setFields } from './config-log.ts';
import { viewerUserId } from './users.ts';

/**
 * SQL that is true when the score row in scope is not the idea's sponsor's: a sponsor cannot
 * score what they sponsor (refused below; and should a score of theirs exist, it counts nowhere).
 */
export function notBySponsor(): SQL {
  return sql`${qualified(ideaScores.evaluator)} is not (select sp.subject from ${users} sp where sp.id = ${qualified(ideas.sponsorId)})`;
}

/** Σ weight × (average score over evaluators) for one group of criteria, for the idea in scope. */
function groupScore(group: Criterion['group']): SQL {
  return sql`(select sum(${qualified(boardCriteria.weight)} * (
      select avg(${qualified(ideaScores.value)}) from ${ideaScores}
      where ${qualified(ideaScores.ideaId)} = ${qualified(ideas.id)} and ${qualified(ideaScores.criterion)} = ${qualified(boardCriteria.key)}
        and ${notBySponsor()}))
    from ${boardCriteria}
    where ${qualified(boardCriteria.boardId)} = ${qualified(ideas.boardId)} and ${qualified(boardCriteria.group)} = ${group})`;
}

/**
 * Recomputes the scores of the ideas matching `where` (one idea, or a whole board), then their
 * rank (`rerank`): two statements, for the batch of the change.
 */
export function recomputeScores(db: Database, where: SQL | undefined) {
  return [
    db
      .update(ideas)
      .set({
        valueScore: groupScore('value'),
        effortScore: groupScore('effort'),
        riskScore: groupScore('risk'),
        evaluations: sql`(select count(distinct ${qualified(ideaScores.evaluator)}) from ${ideaScores} where ${qualified(ideaScores.ideaId)} = ${qualified(ideas.id)} and ${notBySponsor()})`,
      })
      .where(where),
    rerank(db, where),
  ] as const;
}

/**
 * Recomputes `value_per_effort`, the rank key of the value-for-effort order (`rankKey`), from the
 * stored value and effort and the board's preset and floor: after a score, and after a board's
 * floor or scorecard changes.
 */
export function rerank(db: Database, where: SQL | undefined) {
  const board = (column: SQL) => sql`(select ${column} from ${boards} rb where rb.id = ${qualified(ideas.boardId)})`;
  const preset = board(sql`rb.scorecard_preset`);
  return db
    .update(ideas)
    .set({
      valuePerEffort: rankKeySql(
        qualified(ideas.valueScore),
        qualified(ideas.effortScore),
        preset,
        board(floorSql(sql`rb.min_value`, sql`rb.scorecard_preset`)),
      ),
    })
    .where(where);
}

/** Records one evaluator's scores for an idea (replacing their earlier ones) and recomputes it. */
export async function scoreIdea(
  db: Database,
  tenantId: string,
  ideaId: string,
  evaluator: Actor,
  evaluation: Record<string, unknown>,
): Promise<void> {
  const [idea] = await db
    .select({
      boardId: ideas.boardId,
      mergedInto: ideas.mergedInto,
      state: ideas.state,
      sponsored: sql<number>`coalesce(${qualified(ideas.sponsorId)} = ${viewerUserId(tenantId, evaluator)}, 0)`,
    })
    .from(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
  if (!idea) throw notFound('not_found.idea', { id: ideaId });
  if (idea.state !== 'published') throw new ApiError(409, 'conflict.idea_pending', { id: ideaId });
  if (idea.mergedInto) throw new ApiError(409, 'conflict.score_merged', { id: ideaId, into: idea.mergedInto });
  if (idea.sponsored === 1) throw new ApiError(403, 'forbidden.sponsor_scores', {});
  const criteria = (await selectCriteria(db, idea.boardId)).map(toCriterion);

  const details: FieldIssue[] = [];
  const rows: { criterion: string; value: number }[] = [];
  for (const c of criteria) {
    const input = evaluation[c.key];
    const result = scoreValue(c, input, `body.scores.${c.key}`);
    if ('error' in result) details.push(result.error);
    else rows.push({ criterion: c.key, value: result.value });
  }
  for (const key of Object.keys(evaluation)) {
    if (!criteria.some((c) => c.key === key)) details.push(fieldIssue(`body.scores.${key}`, 'field.no_criterion', { key }));
  }
  if (details.length > 0) {
    throw new ApiError(400, 'validation_failed.scores', { problems: details.map((d) => d.message).join(' ') }, { details });
  }

  const now = Date.now();
  const scope = and(eq(ideaScores.ideaId, ideaId), eq(ideaScores.evaluator, evaluator.subject));
  await db.batch([
    db.delete(ideaScores).where(scope),
    ...rows.map((r) =>
      db
        .insert(ideaScores)
        .values({ ideaId, tenantId, evaluator: evaluator.subject, criterion: r.criterion, value: r.value, updatedAt: now }),
    ),
    ...recomputeScores(db, and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
    ...eventStatements(db, {
      tenantId,
      type: 'idea.scored',
      actorId: viewerUserId(tenantId, evaluator),
      item: { kind: 'idea', id: ideaId },
      data: { criteria: rows.length },
      now,
    }),
  ]);
}

/** Replaces a board's scorecard and recomputes every idea's score with the new weights, atomically. */
export async function putScorecard(
  db: Database,
  tenantId: string,
  board: BoardRecord,
  scorecard: Scorecard,
  by: ChangeAuthor,
): Promise<Scorecard> {
  await db.batch([
    logChange(db, tenantId, by, { action: 'scorecard.replaced', target: board.slug, changes: setFields({ ...scorecard }) }),
    db.update(boards).set({ scorecardPreset: scorecard.preset }).where(eq(boards.id, board.id)),
    db.delete(boardCriteria).where(eq(boardCriteria.boardId, board.id)),
    ...scorecard.criteria.map((c, position) => db.insert(boardCriteria).values({ boardId: board.id, tenantId, position, ...c })),
    ...recomputeScores(db, and(eq(ideas.tenantId, tenantId), eq(ideas.boardId, board.id))),
  ]);
  return { preset: scorecard.preset, criteria: (await selectCriteria(db, board.id)).map(toCriterion) };
}

/** The evaluator's own scores for an idea, by criterion key (for pre-filling the form). */
export async function myScores(db: Database, tenantId: string, ideaId: string, evaluator: string): Promise<Record<string, number>> {
  // From the idea, so that an idea that does not exist is a 404, not an empty set of scores: one query.
  const rows = await db
    .select({ criterion: ideaScores.criterion, value: ideaScores.value })
    .from(ideas)
    .leftJoin(ideaScores, and(eq(ideaScores.tenantId, tenantId), eq(ideaScores.ideaId, ideas.id), eq(ideaScores.evaluator, evaluator)))
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
  if (rows.length === 0) throw notFound('not_found.idea', { id: ideaId });
  return Object.fromEntries(rows.flatMap((r) => (r.criterion === null || r.value === null ? [] : [[r.criterion, r.value]])));
}

export { findBoardRecord };
