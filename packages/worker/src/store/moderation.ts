/**
 * Moderation: reader flags, moderators' decisions on comments, ideas and cards, bans and
 * time-outs, pins, accepted answers, the tenant's pipeline settings — and the audit log every
 * one of those actions writes to, in the same batch as the action itself. The queue is in
 * moderation-queue.ts.
 */
import type {
  AuditAction,
  AuditEntry,
  CardModerationDecision,
  FlagReason,
  ModerationDecision,
  ModerationSettings,
  Page,
  RestrictedPerson,
  Restriction,
} from '@bridgekit/sdk';
import { and, asc, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type Actor, hasRole, type Role, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { cards, commentFlags, comments, ideas, moderationLog, tenants, threads, userRoles, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { withDefaults } from '../moderation/pipeline.ts';
import { eventStatements, userIdOfSubject } from '../notify/record.ts';
import { decideCardEdit } from './cards.ts';
import { decodeListCursor, nextListCursor } from './comment-rows.ts';
import { assertMayPost, BAN_FOREVER, type CommentFacts, recountBranch, recountThread } from './comments.ts';
import { type ChangeAuthor, changedFields, logChange } from './config-log.ts';
import { clearTenantCache } from './tenants.ts';
import { upsertUser, viewerUserId } from './users.ts';

/** Who an action is recorded under in the audit log. */
export interface Moderator {
  subject: string;
  name: string;
}

export function moderatorOf(viewer: Viewer): Moderator {
  switch (viewer.kind) {
    case 'user':
      return { subject: viewer.subject, name: viewer.name };
    case 'apiKey':
      return { subject: `apikey:${viewer.keyId}`, name: viewer.name };
    default:
      return { subject: viewer.kind, name: 'Platform operator' };
  }
}

export function logAction(
  db: Database,
  tenantId: string,
  by: Moderator,
  action: AuditAction,
  target: { type: 'comment' | 'idea' | 'card' | 'user' | 'tenant'; id: string },
  reason: string | null,
  now: number,
) {
  return db.insert(moderationLog).values({
    id: newId(),
    tenantId,
    action,
    actorSubject: by.subject,
    actorName: by.name,
    targetType: target.type,
    targetId: target.id,
    reason,
    createdAt: now,
  });
}

const run = (db: Database, writes: BatchItem<'sqlite'>[]) => db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);

// ——— Reader flags ———

const unresolvedFlags = sql`(select count(*) from ${commentFlags} cf where cf.comment_id = ${qualified(comments.id)} and cf.resolved_at is null)`;

/**
 * A reader flags a published comment (once per person; flagging again changes the reason).
 * At the tenant's threshold the comment is hidden until a moderator reviews it.
 * Returns whether it is hidden now.
 */
export async function flagComment(
  db: Database,
  tenantId: string,
  settings: ModerationSettings,
  actor: Actor,
  facts: CommentFacts,
  reason: FlagReason,
  now = Date.now(),
): Promise<{ hidden: boolean }> {
  if (facts.state !== 'published') throw notFound('not_found.comment', { id: facts.id });
  if (facts.authorSubject === actor.subject) throw new ApiError(400, 'bad_request.flag_own_comment', {});
  // Flags hide comments, so a banned or timed-out person may not use them either.
  const [standing] = await db
    .select({ restrictedUntil: users.restrictedUntil, restrictionReason: users.restrictionReason })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.subject, actor.subject)));
  assertMayPost(standing, now);
  const threshold = settings.flagThreshold;
  const reachesThreshold = threshold > 0 ? sql`${unresolvedFlags} >= ${threshold}` : sql`0`;
  const ofComment = and(eq(comments.tenantId, tenantId), eq(comments.id, facts.id));
  const [, , , , , [row]] = await db.batch([
    upsertUser(db, tenantId, actor, now),
    db
      .insert(commentFlags)
      .values({ commentId: facts.id, userId: sql`${viewerUserId(tenantId, actor)}`, tenantId, reason, createdAt: now })
      .onConflictDoUpdate({
        target: [commentFlags.commentId, commentFlags.userId],
        set: { reason, resolvedAt: null, createdAt: now },
      }),
    db
      .update(comments)
      .set({
        flagCount: unresolvedFlags,
        state: sql`case when ${qualified(comments.state)} = 'published' and ${reachesThreshold} then 'pending' else ${qualified(comments.state)} end`,
        // The stored form of `held.flagged` (moderation/reasons.ts `storedReason`), written in SQL.
        pendingReason: sql`case when ${qualified(comments.state)} = 'published' and ${reachesThreshold} then '{"reason":"held.flagged","params":{"count":' || ${unresolvedFlags} || '}}' else ${qualified(comments.pendingReason)} end`,
        updatedAt: now,
      })
      .where(ofComment),
    recountThread(db, tenantId, facts.threadId),
    recountBranch(db, tenantId, facts.rootId),
    db.select({ state: comments.state }).from(comments).where(ofComment),
  ]);
  return { hidden: row?.state === 'pending' };
}

/** When a restricted person may post again, as the API says it: `"forever"` for a ban, `null` when not restricted. */
export const restrictionOut = (until: number | null, now = Date.now()) =>
  until === null || until <= now ? null : until >= BAN_FOREVER ? 'forever' : isoTime(until);

// ——— Decisions ———

/**
 * Approve (publish, clear flags) or reject (remove, with a reason for the audit log). Deciding
 * again the same way changes nothing but the log.
 */
export async function decide(
  db: Database,
  tenantId: string,
  by: Moderator,
  facts: CommentFacts,
  decision: ModerationDecision,
  now = Date.now(),
) {
  if (facts.state === 'removed') throw new ApiError(409, 'conflict.comment_already_removed', {});
  const ofComment = and(eq(comments.tenantId, tenantId), eq(comments.id, facts.id));
  const approve = decision.action === 'approve';
  const writes: BatchItem<'sqlite'>[] = [
    db
      .update(comments)
      .set(
        approve
          ? { state: 'published', pendingReason: null, flagCount: 0, updatedAt: now }
          : { state: 'removed', removedBy: 'moderator', pinned: false, flagCount: 0, updatedAt: now },
      )
      .where(ofComment),
    db
      .update(commentFlags)
      .set({ resolvedAt: now })
      .where(and(eq(commentFlags.tenantId, tenantId), eq(commentFlags.commentId, facts.id), isNull(commentFlags.resolvedAt))),
    recountThread(db, tenantId, facts.threadId),
    recountBranch(db, tenantId, facts.rootId),
    logAction(db, tenantId, by, decision.action, { type: 'comment', id: facts.id }, approve ? null : decision.reason, now),
    ...decisionEvents(db, tenantId, by, { kind: 'comment', id: facts.id }, facts.state, facts.authorId, decision, now),
  ];
  if (!approve && facts.acceptedCommentId === facts.id) {
    writes.push(
      db
        .update(threads)
        .set({ acceptedCommentId: null })
        .where(and(eq(threads.tenantId, tenantId), eq(threads.id, facts.threadId))),
    );
  }
  await run(db, writes);
}

/**
 * Approve publishes a held (or rejected) idea; reject takes it from everyone but its author,
 * who sees the moderator's reason. Recorded in the audit log like comment decisions.
 */
export async function decideIdea(
  db: Database,
  tenantId: string,
  by: Moderator,
  ideaId: string,
  decision: ModerationDecision,
  now = Date.now(),
) {
  const [found] = await db
    .select({ id: ideas.id, state: ideas.state, authorId: ideas.authorId })
    .from(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
  if (!found) throw notFound('not_found.idea', { id: ideaId });
  const approve = decision.action === 'approve';
  await db.batch([
    db
      .update(ideas)
      .set(approve ? { state: 'published', moderationReason: null } : { state: 'rejected', moderationReason: decision.reason })
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
    logAction(db, tenantId, by, decision.action, { type: 'idea', id: ideaId }, approve ? null : decision.reason, now),
    ...decisionEvents(db, tenantId, by, { kind: 'idea', id: ideaId }, found.state, found.authorId, decision, now),
  ]);
}

/**
 * A decision on a card held as a whole (approve publishes it; reject keeps it for its author
 * only, with the reason) or, with `edit`, on one held edit of a published card (see
 * `decideCardEdit`). Recorded in the audit log under the card.
 */
export async function decideCard(
  db: Database,
  tenantId: string,
  by: Moderator,
  cardId: string,
  decision: CardModerationDecision,
  now = Date.now(),
) {
  const approve = decision.action === 'approve';
  const reason = decision.action === 'reject' ? decision.reason : null;
  const audit = logAction(db, tenantId, by, decision.action, { type: 'card', id: cardId }, reason, now);
  if (decision.edit !== undefined) {
    // Approving applies the edit as a save, which records `card.updated` (cards.ts).
    const rejected = approve
      ? []
      : eventStatements(db, {
          tenantId,
          type: 'content.rejected',
          actorId: userIdOfSubject(tenantId, by.subject),
          item: { kind: 'card', id: cardId },
          data: { reason, edit: decision.edit },
          // Once per edit (it runs after the edit is marked rejected, so it asks the outbox).
          onlyIf: sql`exists (select 1 from card_edits where tenant_id = ${tenantId} and id = ${decision.edit})
            and not exists (select 1 from events where tenant_id = ${tenantId} and type = 'content.rejected' and item_id = ${cardId} and json_extract(data, '$.edit') = ${decision.edit})`,
          now,
        });
    await decideCardEdit(db, tenantId, cardId, decision.edit, approve, reason, [...rejected, audit], now);
    return;
  }
  const [found] = await db
    .select({ id: cards.id, state: cards.state, authorId: cards.authorId })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, cardId)));
  if (!found) throw notFound('not_found.card', { id: cardId });
  await db.batch([
    db
      .update(cards)
      .set(approve ? { state: 'published', moderationReason: null } : { state: 'rejected', moderationReason: reason })
      .where(and(eq(cards.tenantId, tenantId), eq(cards.id, cardId))),
    audit,
    ...decisionEvents(db, tenantId, by, { kind: 'card', id: cardId }, found.state, found.authorId, decision, now),
  ]);
}

/**
 * The events of a moderator's decision: approving held content publishes it — for everyone else
 * it is created now, by its author; rejecting held content tells its author why
 * (`content.rejected`), and taking down a published comment is its removal. Deciding again
 * records nothing.
 */
function decisionEvents(
  db: Database,
  tenantId: string,
  by: Moderator,
  item: { kind: 'comment' | 'idea' | 'card'; id: string },
  before: 'published' | 'pending' | 'rejected' | 'removed',
  authorId: string | null,
  decision: ModerationDecision,
  now: number,
): BatchItem<'sqlite'>[] {
  const common = { tenantId, item, now };
  if (decision.action === 'approve') {
    if (before === 'published') return [];
    const data: Record<string, string> = { approvedBy: by.name };
    // Published for the first time: created. A held edit of what was published before: changed.
    const created = sql`exists (select 1 from events where tenant_id = ${tenantId} and item_kind = ${item.kind} and item_id = ${item.id} and type = ${`${item.kind}.created`})`;
    const changed = item.kind === 'comment' ? 'comment.edited' : item.kind === 'card' ? 'card.updated' : null;
    // In this order: the second would otherwise see the event the first just recorded.
    return [
      ...(changed ? eventStatements(db, { ...common, type: changed, actorId: authorId, data, onlyIf: created }) : []),
      ...eventStatements(db, { ...common, type: `${item.kind}.created`, actorId: authorId, data, onlyIf: sql`not ${created}` }),
    ];
  }
  if (before === 'published' && item.kind === 'comment') {
    return eventStatements(db, {
      ...common,
      type: 'comment.removed',
      actorId: userIdOfSubject(tenantId, by.subject),
      data: { by: 'moderator' },
    });
  }
  if (before === 'rejected') return [];
  return eventStatements(db, {
    ...common,
    type: 'content.rejected',
    actorId: userIdOfSubject(tenantId, by.subject),
    data: { reason: decision.reason },
  });
}

// ——— Bans and time-outs ———

/** The higher of two roles. */
const higher = (a: Role | null, b: Role | null): Role | null => (a === null ? b : b === null || hasRole(a, b) ? a : b);

/**
 * Bans or times out a person. Roles are ordered (member < evaluator < moderator < admin): no one
 * restricts someone of a higher role than their own — the person's role being the higher of
 * what an admin granted and what their last token's claims gave — and no one restricts
 * themselves. Both answer 403.
 */
export async function restrictUser(
  db: Database,
  tenantId: string,
  by: Moderator,
  byRole: Role | null,
  userId: string,
  restriction: Restriction,
  now = Date.now(),
) {
  const until = restriction.until === undefined ? BAN_FOREVER : Date.parse(restriction.until);
  if (until <= now) throw new ApiError(400, 'validation_failed.timeout_past', {}, { details: [fieldIssue('body.until', 'field.in_past')] });
  const target = await db
    .select({
      subject: users.subject,
      claimRole: users.claimRole,
      granted: sql<Role | null>`(select ${qualified(userRoles.role)} from ${userRoles} where ${qualified(userRoles.tenantId)} = ${tenantId} and ${qualified(userRoles.subject)} = ${qualified(users.subject)} and ${qualified(userRoles.role)} <> 'cio')`,
    })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
    .get();
  if (!target) throw notFound('not_found.person', { id: userId });
  if (target.subject === by.subject) throw new ApiError(403, 'forbidden.restrict_self', {});
  const targetRole = higher(target.claimRole, target.granted);
  if (targetRole !== null && !hasRole(byRole, targetRole)) {
    throw new ApiError(403, 'forbidden.restrict_higher_role', { current: byRole ?? 'no role', role: targetRole });
  }
  const action = restriction.until === undefined ? 'ban' : 'timeout';
  await db.batch([
    db
      .update(users)
      .set({ restrictedUntil: until, restrictionReason: restriction.reason })
      .where(and(eq(users.tenantId, tenantId), eq(users.id, userId))),
    logAction(db, tenantId, by, action, { type: 'user', id: userId }, restriction.reason, now),
  ]);
  return { restrictedUntil: restrictionOut(until, now) };
}

export async function liftRestriction(db: Database, tenantId: string, by: Moderator, userId: string, now = Date.now()) {
  // Read first: an unknown person gets a 404 and no audit entry.
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (found.length === 0) throw notFound('not_found.person', { id: userId });
  await db.batch([
    db
      .update(users)
      .set({ restrictedUntil: null, restrictionReason: null })
      .where(and(eq(users.tenantId, tenantId), eq(users.id, userId))),
    logAction(db, tenantId, by, 'lift_restriction', { type: 'user', id: userId }, null, now),
  ]);
}

const RESTRICTIONS_TAG = 'restricted';

/** The people banned or timed out now, the soonest to end first (bans, which never end, last); a page. */
export async function listRestrictions(
  db: Database,
  tenantId: string,
  q: { cursor?: string | undefined; limit: number },
  now = Date.now(),
): Promise<Page<RestrictedPerson>> {
  const cursor = q.cursor ? decodeListCursor(q.cursor, RESTRICTIONS_TAG, ['number', 'string']) : null;
  const after: SQL | undefined = cursor
    ? or(sql`${users.restrictedUntil} > ${cursor[0]}`, and(eq(users.restrictedUntil, cursor[0] as number), sql`${users.id} > ${cursor[1]}`))
    : undefined;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      handle: users.handle,
      until: users.restrictedUntil,
      reason: users.restrictionReason,
      // The latest ban or time-out of this person in the audit log: who set the restriction.
      by: sql<
        string | null
      >`(select ${qualified(moderationLog.actorName)} from ${moderationLog} where ${qualified(moderationLog.tenantId)} = ${tenantId} and ${qualified(moderationLog.targetType)} = 'user' and ${qualified(moderationLog.targetId)} = ${qualified(users.id)} and ${qualified(moderationLog.action)} in ('ban', 'timeout') order by ${qualified(moderationLog.createdAt)} desc, ${qualified(moderationLog.id)} desc limit 1)`,
    })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), sql`${users.restrictedUntil} > ${now}`, after))
    .orderBy(asc(users.restrictedUntil), asc(users.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(
    (r): RestrictedPerson => ({
      userId: r.id,
      name: r.name,
      handle: r.handle,
      restrictedUntil: restrictionOut(r.until, now) ?? isoTime(now),
      reason: r.reason,
      restrictedBy: r.by,
    }),
  );
  return { items, nextCursor: nextListCursor(rows, q.limit, RESTRICTIONS_TAG, (last) => [last.until ?? 0, last.id]) };
}

// ——— Pins and accepted answers ———

export async function setPinned(db: Database, tenantId: string, by: Moderator, facts: CommentFacts, pinned: boolean, now = Date.now()) {
  if (facts.state !== 'published') throw new ApiError(409, 'conflict.pin_unpublished', {});
  if (facts.depth !== 0) throw new ApiError(400, 'bad_request.pin_reply', {});
  await db.batch([
    db
      .update(comments)
      .set({ pinned, updatedAt: now })
      .where(and(eq(comments.tenantId, tenantId), eq(comments.id, facts.id))),
    logAction(db, tenantId, by, pinned ? 'pin' : 'unpin', { type: 'comment', id: facts.id }, null, now),
  ]);
}

export async function setAccepted(db: Database, tenantId: string, by: Moderator, facts: CommentFacts, accepted: boolean, now = Date.now()) {
  if (accepted && facts.state !== 'published') throw new ApiError(409, 'conflict.accept_unpublished', {});
  const ofThread = and(eq(threads.tenantId, tenantId), eq(threads.id, facts.threadId));
  const previous = facts.acceptedCommentId;
  const touched = [facts.id, ...(previous && previous !== facts.id ? [previous] : [])];
  await db.batch([
    db
      .update(threads)
      .set({ acceptedCommentId: accepted ? facts.id : null })
      .where(accepted ? ofThread : and(ofThread, eq(threads.acceptedCommentId, facts.id))),
    db
      .update(comments)
      .set({ updatedAt: now })
      .where(
        and(
          eq(comments.tenantId, tenantId),
          sql`${comments.id} in (${sql.join(
            touched.map((t) => sql`${t}`),
            sql`, `,
          )})`,
        ),
      ),
    logAction(db, tenantId, by, accepted ? 'accept' : 'unaccept', { type: 'comment', id: facts.id }, null, now),
  ]);
  return { previous: previous && previous !== facts.id && accepted ? previous : null };
}

// ——— Settings and the audit log ———

export async function readModerationSettings(db: Database, tenantId: string): Promise<ModerationSettings> {
  const row = await db.select({ moderation: tenants.moderation }).from(tenants).where(eq(tenants.id, tenantId)).get();
  return withDefaults(row?.moderation);
}

export async function updateModerationSettings(
  db: Database,
  tenantId: string,
  by: ChangeAuthor,
  update: Partial<ModerationSettings>,
  now = Date.now(),
): Promise<ModerationSettings> {
  const before = await readModerationSettings(db, tenantId);
  const next = { ...before, ...update };
  const changed = Object.keys(update).sort().join(', ');
  await db.batch([
    db.update(tenants).set({ moderation: next }).where(eq(tenants.id, tenantId)),
    logAction(db, tenantId, by, 'settings', { type: 'tenant', id: tenantId }, changed ? `Changed ${changed}` : null, now),
    logChange(
      db,
      tenantId,
      by,
      { action: 'moderation_settings.updated', target: tenantId, changes: changedFields({ ...before }, { ...update }) },
      { now },
    ),
  ]);
  clearTenantCache();
  return next;
}

const AUDIT_TAG = 'audit';

export async function auditLog(
  db: Database,
  tenantId: string,
  q: { cursor?: string | undefined; limit: number },
): Promise<Page<AuditEntry>> {
  const cursor = q.cursor ? decodeListCursor(q.cursor, AUDIT_TAG, ['number', 'string']) : null;
  const before: SQL | undefined = cursor
    ? or(
        sql`${moderationLog.createdAt} < ${cursor[0]}`,
        and(eq(moderationLog.createdAt, cursor[0] as number), sql`${moderationLog.id} < ${cursor[1]}`),
      )
    : undefined;
  const rows = await db
    .select()
    .from(moderationLog)
    .where(and(eq(moderationLog.tenantId, tenantId), before))
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(
    (r): AuditEntry => ({
      id: r.id,
      action: r.action,
      actor: { name: r.actorName, subject: r.actorSubject },
      target: { type: r.targetType, id: r.targetId },
      reason: r.reason,
      at: isoTime(r.createdAt),
    }),
  );
  return { items, nextCursor: nextListCursor(rows, q.limit, AUDIT_TAG, (last) => [last.createdAt, last.id]) };
}
