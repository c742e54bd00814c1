/**
 * An idea's workflow: status changes (recorded with who, when and why; deflections need a
 * reason and may name the practice card that answers the request), its author withdrawing it,
 * and merging a duplicate into an original without losing or double-counting support.
 */
import type { Idea, StatusChange, StatusDefinition, StatusUpdate } from '@bridgekit/sdk';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type Actor, effectiveRole, selectGrantedRole, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, ideaStatusChanges, ideas, votes } from '../db/schema.ts';
import { conditionalRow, qualified } from '../db/sql.ts';
import { CLOSED_CATEGORIES, findStatus, isReservedStatus, MERGED_STATUS, WITHDRAWN_STATUS } from '../domain/statuses.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { noteText, screen } from '../moderation/content.ts';
import { eventStatements } from '../notify/record.ts';
import { type BoardRecord, toRecord } from './boards.ts';
import { assertMayPost } from './comments.ts';
import { getIdea, ideaBoard, ideaIsMine } from './ideas.ts';
import { itemRef, publishedCardRef, unknownCard } from './item-refs.ts';
import { selectStanding } from './standing.ts';
import type { Tenant } from './tenants.ts';
import { upsertUser, viewerUserId } from './users.ts';
import { recountSupport } from './votes.ts';

/** The published idea with its board and, when `cardId` is given, that card if it is a published card of the tenant: one statement. */
async function ideaWithBoard(db: Database, tenantId: string, ideaId: string, cardId?: string) {
  const row = await db
    .select({
      idea: ideas,
      board: boards,
      card: cardId === undefined ? sql<string | null>`null` : publishedCardRef(tenantId, sql`${cardId}`),
    })
    .from(ideas)
    .innerJoin(boards, eq(boards.id, ideas.boardId))
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)))
    .get();
  if (!row) throw notFound('not_found.idea', { id: ideaId });
  if (row.idea.state !== 'published') {
    throw new ApiError(409, 'conflict.idea_pending', { id: ideaId });
  }
  return { idea: row.idea, board: toRecord(row.board), card: itemRef(row.card) };
}

/**
 * Whether an idea keeps the card that answered it when a later status change names none. A
 * deflection or a delivery still stands on that answer (a reason reworded, "already available"
 * becoming "self-service"); reopening, reviewing, planning or any other decline means the card
 * did not settle the request, so the answer is cleared rather than left pointing at it.
 */
export const keepsAnswer = (status: StatusDefinition) => status.deflection || status.category === 'done';

/**
 * The revisit date a status change stores: required (and after today, UTC) by a status that
 * takes one, refused by any other; null then.
 */
function revisitDate(status: StatusDefinition, revisitOn: string | undefined, now = Date.now()): string | null {
  const path = 'body.revisitOn';
  if (!status.requiresRevisitDate) {
    if (revisitOn === undefined) return null;
    throw new ApiError(
      400,
      'validation_failed.revisit_date_unused',
      { status: status.label },
      { details: [fieldIssue(path, 'field.no_revisit_date')] },
    );
  }
  if (revisitOn === undefined) {
    throw new ApiError(
      400,
      'validation_failed.revisit_date',
      { status: status.label },
      { details: [fieldIssue(path, 'field.revisit_date')] },
    );
  }
  if (revisitOn <= new Date(now).toISOString().slice(0, 10)) {
    throw new ApiError(400, 'validation_failed.revisit_date_past', {}, { details: [fieldIssue(path, 'field.date_not_future')] });
  }
  return revisitOn;
}

function refundIfClosing(db: Database, board: BoardRecord, ideaId: string, closing: boolean, onlyIf?: SQL) {
  return closing && board.voteMode === 'budget' && board.refundOnClose
    ? [
        db
          .update(votes)
          .set({ refunded: true })
          .where(and(eq(votes.ideaId, ideaId), onlyIf)),
      ]
    : [];
}

/**
 * Sets an idea's status. A status that requires a reason is refused without one (400), and so is
 * a `card` that is not a published card of the tenant. The card named becomes the idea's answer
 * (`answered_by`) and is recorded with the change; see `keepsAnswer` for a change that names none.
 */
export async function setStatus(db: Database, tenantId: string, actor: Actor, ideaId: string, update: StatusUpdate): Promise<Idea> {
  const { statements } = await statusChange(db, tenantId, actor, ideaId, update);
  await db.batch(statements);
  return getIdea(db, tenantId, actor, ideaId);
}

/**
 * A status change, checked (every refusal of `setStatus` is thrown here, before anything is
 * written), as the statements of a batch — for `setStatus`, and for a change that is part of
 * another write (an intake decision, store/intake.ts), whose `onlyIf` (SQL, not about the idea's
 * row) makes each statement conditional on that write happening.
 */
export async function statusChange(
  db: Database,
  tenantId: string,
  actor: Actor,
  ideaId: string,
  update: StatusUpdate,
  onlyIf?: SQL,
  now = Date.now(),
): Promise<{ statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]; status: StatusDefinition }> {
  const { idea, board, card } = await ideaWithBoard(db, tenantId, ideaId, update.card);
  if (idea.mergedInto) throw new ApiError(409, 'conflict.status_merged', { id: ideaId, into: idea.mergedInto });
  const status = findStatus(board.statuses, update.status);
  if (!status || isReservedStatus(status.key)) {
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
  if (update.card !== undefined && !card) throw unknownCard(update.card, 'body.card');
  const revisitOn = revisitDate(status, update.revisitOn);
  const answeredBy = card ? card.id : keepsAnswer(status) ? idea.answeredBy : null;
  const closing = CLOSED_CATEGORIES.has(status.category);
  const change = {
    id: newId(),
    ideaId,
    tenantId,
    fromStatus: idea.status,
    toStatus: status.key,
    reason,
    link: update.link ?? null,
    cardId: card?.id ?? null,
    changedBySubject: actor.subject,
    changedByName: actor.name,
    createdAt: now,
  };
  const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
    // The evaluator as a person of the tenant: the change's actor, and told how the requester takes a deflection.
    upsertUser(db, tenantId, actor, now, onlyIf),
    db
      .update(ideas)
      .set({
        status: status.key,
        statusCategory: status.category,
        statusReason: reason,
        statusLink: update.link ?? null,
        answeredBy,
        revisitOn,
        // A new outcome asks the requester afresh; a reworded deflection keeps their word.
        ...(status.deflection && findStatus(board.statuses, idea.status)?.deflection ? {} : { needMet: null, needMetAt: null }),
        statusChangedAt: now,
        statusChangedBy: actor.name,
        closed: closing,
      })
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId), onlyIf)),
    onlyIf
      ? db.insert(ideaStatusChanges).select(conditionalRow(ideaStatusChanges, change, onlyIf))
      : db.insert(ideaStatusChanges).values(change),
    ...refundIfClosing(db, board, ideaId, closing && !idea.closed, onlyIf),
    ...eventStatements(db, {
      tenantId,
      type: 'idea.status_changed',
      actorId: viewerUserId(tenantId, actor),
      item: { kind: 'idea', id: ideaId },
      data: { status: status.key, from: idea.status, category: status.category, reason, card: card?.id ?? null },
      ...(onlyIf ? { onlyIf } : {}),
      now,
    }),
  ];
  return { statements, status };
}

/**
 * The author withdraws their idea — or whoever recorded it for them does (403 for anyone else who
 * may see it): it moves to the built-in `withdrawn` status and closes as any close does on its
 * board (votes frozen, and returned where the board says so), with the change and its reason in
 * the status history. Withdrawing it again answers it as it is; an idea closed otherwise or merged
 * is 409. The reason is text others read: the moderation pipeline may refuse it (422), and a ban
 * or time-out stops it (403), but a hold does not hold the withdrawal — there is nothing to approve.
 */
export async function withdrawIdea(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  actor: Actor,
  ideaId: string,
  reason: string | null,
  now = Date.now(),
): Promise<Idea> {
  const tenantId = tenant.id;
  const [found, boardRows, standing, grant] = await db.batch([
    db
      .select({ idea: ideas, mine: ideaIsMine(tenantId, actor).as('withdraw_mine') })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
    ideaBoard(db, tenantId, ideaId),
    selectStanding(db, tenantId, actor.subject, tenant.moderation),
    selectGrantedRole(db, tenantId, actor.subject),
  ]);
  const row = found[0];
  const boardRow = boardRows[0];
  const mine = row?.mine === 1;
  if (!row || !boardRow || (row.idea.state !== 'published' && !mine)) throw notFound('not_found.idea', { id: ideaId });
  if (!mine) throw new ApiError(403, 'forbidden.withdraw_others_idea', {});
  const { idea } = row;
  const board = toRecord(boardRow);
  if (idea.status === WITHDRAWN_STATUS.key) return getIdea(db, tenantId, actor, ideaId);
  if (idea.mergedInto) throw new ApiError(409, 'conflict.withdraw_merged', { id: ideaId, into: idea.mergedInto });
  if (idea.closed) {
    throw new ApiError(409, 'conflict.withdraw_closed', {
      id: ideaId,
      status: findStatus(board.statuses, idea.status)?.label ?? idea.status,
    });
  }
  if (reason !== null) {
    assertMayPost(standing[0], now);
    screen({
      item: 'idea',
      kind: 'edit',
      text: noteText('body.reason', 'the reason', reason),
      author: { published: standing[0]?.published ?? 0, recentFingerprints: [] },
      settings: tenant.moderation,
      role: effectiveRole(viewer, grant[0]?.role),
    });
  }
  const stillOpen = sql`${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.id)} = ${ideaId} and ${qualified(ideas.closed)} = 0 and ${qualified(ideas.mergedInto)} is null`;
  await db.batch([
    db.insert(ideaStatusChanges).select(
      db
        .select({
          id: sql<string>`${newId()}`.as('id'),
          ideaId: ideas.id,
          tenantId: ideas.tenantId,
          fromStatus: ideas.status,
          toStatus: sql<string>`${WITHDRAWN_STATUS.key}`.as('to_status'),
          reason: sql<string | null>`${reason}`.as('reason'),
          link: sql<string | null>`null`.as('link'),
          cardId: sql<string | null>`null`.as('card_id'),
          changedBySubject: sql<string>`${actor.subject}`.as('changed_by_subject'),
          changedByName: sql<string>`${actor.name}`.as('changed_by_name'),
          createdAt: sql<number>`${now}`.as('created_at'),
        })
        .from(ideas)
        .where(stillOpen),
    ),
    // Before the change, while its condition still tells whether this withdrawal happens.
    ...eventStatements(db, {
      tenantId,
      type: 'idea.status_changed',
      actorId: viewerUserId(tenantId, actor),
      item: { kind: 'idea', id: ideaId },
      data: { status: WITHDRAWN_STATUS.key, from: idea.status, category: WITHDRAWN_STATUS.category, reason, card: null },
      onlyIf: sql`exists (select 1 from ${ideas} where ${stillOpen})`,
      now,
    }),
    db
      .update(ideas)
      .set({
        status: WITHDRAWN_STATUS.key,
        statusCategory: WITHDRAWN_STATUS.category,
        statusReason: reason,
        statusLink: null,
        // "withdrawn" is neither a deflection nor done (`keepsAnswer`): a card that answered it no longer does.
        answeredBy: keepsAnswer(WITHDRAWN_STATUS) ? idea.answeredBy : null,
        revisitOn: null,
        needMet: null,
        needMetAt: null,
        statusChangedAt: now,
        statusChangedBy: actor.name,
        closed: true,
      })
      .where(stillOpen),
    ...refundIfClosing(db, board, ideaId, true),
  ]);
  const after = await getIdea(db, tenantId, actor, ideaId);
  if (after.status.key !== WITHDRAWN_STATUS.key)
    throw new ApiError(409, 'conflict.withdraw_closed', { id: ideaId, status: after.status.label });
  return after;
}

/** An idea's status changes, each with the published card it named (one statement, for a batch). */
export function selectStatusChanges(db: Database, tenantId: string, ideaId: string, order: 'newest' | 'oldest') {
  const direction = order === 'newest' ? desc : asc;
  return db
    .select({
      change: ideaStatusChanges,
      card: publishedCardRef(tenantId, qualified(ideaStatusChanges.cardId)).as('change_card'),
    })
    .from(ideaStatusChanges)
    .where(and(eq(ideaStatusChanges.tenantId, tenantId), eq(ideaStatusChanges.ideaId, ideaId)))
    .orderBy(direction(ideaStatusChanges.createdAt), direction(ideaStatusChanges.id));
}

type StatusChangeRow = Awaited<ReturnType<ReturnType<typeof selectStatusChanges>['all']>>[number];

export function toStatusChange({ change: r, card }: StatusChangeRow): StatusChange {
  return {
    from: r.fromStatus,
    to: r.toStatus,
    reason: r.reason,
    link: r.link,
    card: itemRef(card),
    by: r.changedByName,
    at: isoTime(r.createdAt),
  };
}

export async function statusHistory(db: Database, tenantId: string, ideaId: string): Promise<StatusChange[]> {
  const [exists, rows] = await db.batch([
    db
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
    selectStatusChanges(db, tenantId, ideaId, 'newest'),
  ]);
  if (exists.length === 0) throw notFound('not_found.idea', { id: ideaId });
  return rows.map(toStatusChange);
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
    // Before the duplicate's votes go: its voters are told.
    ...eventStatements(db, {
      tenantId,
      type: 'idea.merged',
      actorId: viewerUserId(tenantId, actor),
      item: { kind: 'idea', id: duplicateId },
      data: { into: originalId },
      now,
    }),
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
        // "merged" is neither a deflection nor done (`keepsAnswer`): the duplicate drops its answer, as any such change does.
        answeredBy: keepsAnswer(MERGED_STATUS) ? dup.idea.answeredBy : null,
        revisitOn: null,
        needMet: null,
        needMetAt: null,
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
