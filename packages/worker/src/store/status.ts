/**
 * An idea's workflow: status changes (recorded with who, when and why; deflections need a
 * reason), and merging a duplicate into an original without losing or double-counting support.
 */
import type { Idea, StatusChange, StatusUpdate } from '@bridgekit/sdk';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, ideaStatusChanges, ideas, votes } from '../db/schema.ts';
import { CLOSED_CATEGORIES, findStatus, MERGED_STATUS } from '../domain/statuses.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { type BoardRecord, toRecord } from './boards.ts';
import { getIdea } from './ideas.ts';
import { recountSupport } from './votes.ts';

async function ideaWithBoard(db: Database, tenantId: string, ideaId: string) {
  const row = await db
    .select({ idea: ideas, board: boards })
    .from(ideas)
    .innerJoin(boards, eq(boards.id, ideas.boardId))
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)))
    .get();
  if (!row) throw notFound('not_found.idea', { id: ideaId });
  if (row.idea.state !== 'published') {
    throw new ApiError(409, 'conflict.idea_pending', { id: ideaId });
  }
  return { idea: row.idea, board: toRecord(row.board) };
}

function refundIfClosing(db: Database, board: BoardRecord, ideaId: string, closing: boolean) {
  return closing && board.voteMode === 'budget' && board.refundOnClose
    ? [db.update(votes).set({ refunded: true }).where(eq(votes.ideaId, ideaId))]
    : [];
}

/** Sets an idea's status. A status that requires a reason is refused without one (400). */
export async function setStatus(db: Database, tenantId: string, actor: Actor, ideaId: string, update: StatusUpdate): Promise<Idea> {
  const { idea, board } = await ideaWithBoard(db, tenantId, ideaId);
  if (idea.mergedInto) throw new ApiError(409, 'conflict.status_merged', { id: ideaId, into: idea.mergedInto });
  const status = findStatus(board.statuses, update.status);
  if (!status || status.key === MERGED_STATUS.key) {
    const keys = board.statuses.map((s) => s.key).join(', ');
    throw new ApiError(
      400,
      'validation_failed.unknown_status',
      { board: board.slug, status: update.status, statuses: keys },
      { details: [fieldIssue('body.status', 'field.invalid_value', { values: keys })] },
    );
  }
  const reason = update.reason?.trim() || null;
  if (status.requiresReason && (!reason || reason.length < 10)) {
    throw new ApiError(
      400,
      'validation_failed.status_reason',
      { status: status.label },
      { details: [fieldIssue('body.reason', 'field.status_reason')] },
    );
  }
  const now = Date.now();
  const closing = CLOSED_CATEGORIES.has(status.category);
  await db.batch([
    db
      .update(ideas)
      .set({
        status: status.key,
        statusCategory: status.category,
        statusReason: reason,
        statusLink: update.link ?? null,
        statusChangedAt: now,
        statusChangedBy: actor.name,
        closed: closing,
      })
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
    db.insert(ideaStatusChanges).values({
      id: newId(),
      ideaId,
      tenantId,
      fromStatus: idea.status,
      toStatus: status.key,
      reason,
      link: update.link ?? null,
      changedBySubject: actor.subject,
      changedByName: actor.name,
      createdAt: now,
    }),
    ...refundIfClosing(db, board, ideaId, closing && !idea.closed),
  ]);
  return getIdea(db, tenantId, actor, ideaId);
}

export async function statusHistory(db: Database, tenantId: string, ideaId: string): Promise<StatusChange[]> {
  const [exists, rows] = await db.batch([
    db
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
    db
      .select()
      .from(ideaStatusChanges)
      .where(and(eq(ideaStatusChanges.tenantId, tenantId), eq(ideaStatusChanges.ideaId, ideaId)))
      .orderBy(desc(ideaStatusChanges.createdAt), desc(ideaStatusChanges.id)),
  ]);
  if (exists.length === 0) throw notFound('not_found.idea', { id: ideaId });
  return rows.map((r) => ({
    from: r.fromStatus,
    to: r.toStatus,
    reason: r.reason,
    link: r.link,
    by: r.changedByName,
    at: isoTime(r.createdAt),
  }));
}

/**
 * Merges `duplicateId` into `originalId`: the duplicate's supporters who did not back the
 * original move over with their votes; those who backed both keep only their original votes,
 * and the duplicate's are freed (refunded). The duplicate closes and redirects to the original.
 * Idempotent: merging again changes nothing.
 */
export async function mergeIdeas(db: Database, tenantId: string, actor: Actor, duplicateId: string, originalId: string): Promise<Idea> {
  if (duplicateId === originalId) throw new ApiError(400, 'validation_failed.merge_into_itself', {});
  const [dup, orig] = await Promise.all([ideaWithBoard(db, tenantId, duplicateId), ideaWithBoard(db, tenantId, originalId)]);
  if (dup.idea.mergedInto === originalId) return getIdea(db, tenantId, actor, originalId);
  if (dup.idea.mergedInto) throw new ApiError(409, 'conflict.already_merged', { id: duplicateId, into: dup.idea.mergedInto });
  if (orig.idea.mergedInto) throw new ApiError(409, 'conflict.merge_into_merged', { id: originalId, into: orig.idea.mergedInto });
  if (dup.idea.boardId !== orig.idea.boardId) throw new ApiError(409, 'conflict.merge_across_boards', {});

  const now = Date.now();
  const reason = `Duplicate of “${orig.idea.title}”.`;
  await db.batch([
    // Pool supporters: everyone who backed only the duplicate now backs the original.
    db.insert(votes).select(
      db
        .select({
          ideaId: sql<string>`${originalId}`.as('idea_id'),
          userId: votes.userId,
          tenantId: votes.tenantId,
          count: sql<number>`min(${votes.count}, ${orig.board.voteMode === 'budget' ? orig.board.votesPerIdea : 1})`.as('count'),
          weight: votes.weight,
          refunded: votes.refunded,
          createdAt: votes.createdAt,
        })
        .from(votes)
        .where(
          and(
            eq(votes.tenantId, tenantId),
            eq(votes.ideaId, duplicateId),
            sql`not exists (select 1 from votes w where w.idea_id = ${originalId} and w.user_id = "votes"."user_id")`,
          ),
        ),
    ),
    // What is left on the duplicate belongs to people who backed both: freed.
    db.delete(votes).where(and(eq(votes.tenantId, tenantId), eq(votes.ideaId, duplicateId))),
    db
      .update(ideas)
      .set({
        mergedInto: originalId,
        closed: true,
        status: MERGED_STATUS.key,
        statusCategory: MERGED_STATUS.category,
        statusReason: reason,
        statusLink: null,
        statusChangedAt: now,
        statusChangedBy: actor.name,
      })
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, duplicateId))),
    db.insert(ideaStatusChanges).values({
      id: newId(),
      ideaId: duplicateId,
      tenantId,
      fromStatus: dup.idea.status,
      toStatus: MERGED_STATUS.key,
      reason,
      link: null,
      changedBySubject: actor.subject,
      changedByName: actor.name,
      createdAt: now,
    }),
    recountSupport(db, tenantId, originalId),
    recountSupport(db, tenantId, duplicateId),
  ]);
  return getIdea(db, tenantId, actor, originalId);
}
