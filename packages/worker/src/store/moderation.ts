/**
 * Moderation: reader flags, the queue, moderators' decisions, bans and time-outs, pins,
 * accepted answers, the tenant's pipeline settings — and the audit log every one of those
 * actions writes to, in the same batch as the action itself.
 */
import type {
  AuditAction,
  AuditEntry,
  FlagReason,
  ModerationDecision,
  ModerationSettings,
  Page,
  QueueItem,
  Restriction,
} from '@bridgekit/sdk';
import { and, asc, desc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { commentFlags, comments, moderationLog, tenants, threads, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { ApiError, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { withDefaults } from '../moderation/pipeline.ts';
import { commentColumns, decodeListCursor, encodeListCursor, toComment } from './comment-rows.ts';
import { assertMayPost, BAN_FOREVER, type CommentFacts, recountBranch, recountThread } from './comments.ts';
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
  target: { type: 'comment' | 'user' | 'tenant'; id: string },
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
  if (facts.state !== 'published') throw notFound(`Comment "${facts.id}"`);
  if (facts.authorSubject === actor.subject)
    throw new ApiError(400, 'bad_request', 'You cannot flag your own comment; edit or delete it instead.');
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
        pendingReason: sql`case when ${qualified(comments.state)} = 'published' and ${reachesThreshold} then 'Hidden after ' || ${unresolvedFlags} || ' reader flags' else ${qualified(comments.pendingReason)} end`,
        updatedAt: now,
      })
      .where(ofComment),
    recountThread(db, tenantId, facts.threadId),
    recountBranch(db, tenantId, facts.rootId),
    db.select({ state: comments.state }).from(comments).where(ofComment),
  ]);
  return { hidden: row?.state === 'pending' };
}

// ——— The queue ———

const QUEUE_TAG = 'queue';

export interface QueueQuery {
  reason: 'pending' | 'flagged' | 'all';
  thread?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Comments waiting for a moderator (held by the pipeline or hidden by flags) and published ones with flags; oldest first. */
export async function moderationQueue(db: Database, tenantId: string, viewer: Viewer, q: QueueQuery): Promise<Page<QueueItem>> {
  const pending = eq(comments.state, 'pending');
  const flagged = and(eq(comments.state, 'published'), gt(comments.flagCount, 0));
  const which = q.reason === 'pending' ? pending : q.reason === 'flagged' ? flagged : or(pending, flagged);
  const cursor = q.cursor ? decodeListCursor(q.cursor, QUEUE_TAG, ['number', 'string']) : null;
  const rows = await db
    .select({
      ...commentColumns(tenantId, viewer),
      thread: { id: threads.id, key: threads.key, url: threads.url, title: threads.title },
      authorRestrictedUntil: users.restrictedUntil,
      flagSummary: sql<string>`(select json_group_array(json_object('reason', reason, 'count', n)) from
        (select cf.reason as reason, count(*) as n from ${commentFlags} cf where cf.comment_id = ${qualified(comments.id)} and cf.resolved_at is null group by cf.reason order by n desc, cf.reason))`,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(threads, eq(threads.id, comments.threadId))
    .where(
      and(
        eq(comments.tenantId, tenantId),
        which,
        q.thread ? eq(comments.threadId, q.thread) : undefined,
        cursor
          ? or(
              gt(comments.createdAt, cursor[0] as number),
              and(eq(comments.createdAt, cursor[0] as number), gt(comments.id, cursor[1] as string)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map((row): QueueItem => {
    const flags = JSON.parse(row.flagSummary) as QueueItem['flags'];
    const byFlags = row.comment.state === 'published' || (row.comment.pendingReason ?? '').startsWith('Hidden after');
    return {
      comment: toComment(row, true),
      thread: row.thread,
      authorId: row.comment.authorId,
      reason: row.comment.state === 'pending' ? 'pending' : 'flagged',
      detail: byFlags
        ? flags.map((f) => `${f.count} × ${f.reason.replace('_', ' ')}`).join(', ') || (row.comment.pendingReason ?? '')
        : (row.comment.pendingReason ?? ''),
      flags,
      authorRestrictedUntil: restrictionOut(row.authorRestrictedUntil),
    };
  });
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeListCursor(QUEUE_TAG, [last.comment.createdAt, last.comment.id]) : null };
}

const restrictionOut = (until: number | null, now = Date.now()) =>
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
  if (facts.state === 'removed') throw new ApiError(409, 'conflict', 'This comment is already removed.');
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

// ——— Bans and time-outs ———

export async function restrictUser(
  db: Database,
  tenantId: string,
  by: Moderator,
  userId: string,
  restriction: Restriction,
  now = Date.now(),
) {
  const until = restriction.until === undefined ? BAN_FOREVER : Date.parse(restriction.until);
  if (until <= now)
    throw new ApiError(400, 'validation_failed', 'A time-out must end in the future.', {
      details: [{ path: 'body.until', message: 'In the past.' }],
    });
  const target = await db
    .select({ subject: users.subject })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
    .get();
  if (!target) throw notFound(`Person "${userId}"`);
  if (target.subject === by.subject) throw new ApiError(400, 'bad_request', 'You cannot ban or time out yourself.');
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
  if (found.length === 0) throw notFound(`Person "${userId}"`);
  await db.batch([
    db
      .update(users)
      .set({ restrictedUntil: null, restrictionReason: null })
      .where(and(eq(users.tenantId, tenantId), eq(users.id, userId))),
    logAction(db, tenantId, by, 'lift_restriction', { type: 'user', id: userId }, null, now),
  ]);
}

// ——— Pins and accepted answers ———

export async function setPinned(db: Database, tenantId: string, by: Moderator, facts: CommentFacts, pinned: boolean, now = Date.now()) {
  if (facts.state !== 'published') throw new ApiError(409, 'conflict', 'Only published comments can be pinned.');
  if (facts.depth !== 0)
    throw new ApiError(400, 'bad_request', 'Only top-level comments can be pinned; pin the comment that starts the branch.');
  await db.batch([
    db
      .update(comments)
      .set({ pinned, updatedAt: now })
      .where(and(eq(comments.tenantId, tenantId), eq(comments.id, facts.id))),
    logAction(db, tenantId, by, pinned ? 'pin' : 'unpin', { type: 'comment', id: facts.id }, null, now),
  ]);
}

export async function setAccepted(db: Database, tenantId: string, by: Moderator, facts: CommentFacts, accepted: boolean, now = Date.now()) {
  if (accepted && facts.state !== 'published') throw new ApiError(409, 'conflict', 'Only a published comment can be the accepted answer.');
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
  by: Moderator,
  update: Partial<ModerationSettings>,
  now = Date.now(),
): Promise<ModerationSettings> {
  const next = { ...(await readModerationSettings(db, tenantId)), ...update };
  const changed = Object.keys(update).sort().join(', ');
  await db.batch([
    db.update(tenants).set({ moderation: next }).where(eq(tenants.id, tenantId)),
    logAction(db, tenantId, by, 'settings', { type: 'tenant', id: tenantId }, changed ? `Changed ${changed}` : null, now),
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
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeListCursor(AUDIT_TAG, [last.createdAt, last.id]) : null };
}
