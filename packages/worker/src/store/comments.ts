/**
 * Writing comments: post (creating the thread on its first comment), edit (keeping history),
 * delete. Each write reads what it needs in one round trip, runs the moderation pipeline in
 * memory, then writes in one D1 batch (one transaction) that also recomputes the counts.
 */
import type { Comment, CommentRevision, ModerationSettings, Role, Thread } from '@bridgekit/sdk';
import { and, asc, desc, eq, gt, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type Actor, effectiveRole, selectGrantedRole, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { commentMentions, commentRevisions, comments, threads, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { normalizeSource } from '../markdown/normalize.ts';
import { mentionCandidates, type RenderedMarkdown, renderMarkdown } from '../markdown/render.ts';
import { commentText, screen } from '../moderation/content.ts';
import { hiddenByFlags } from '../moderation/flags.ts';
import { storedReason } from '../moderation/reasons.ts';
import type { Verdict } from '../moderation/types.ts';
import { commentEventData, heldStatements } from '../notify/held.ts';
import { eventStatements, userIdOfSubject } from '../notify/record.ts';
import { isBlank } from '../schemas/text.ts';
import { selectComments, toComment, visibleTo } from './comment-rows.ts';
import { discussionOf, discussionTitle, inReadableThread, selectDiscussionItem } from './item-threads.ts';
import { selectStanding } from './standing.ts';
import { autoSubscribe } from './subscriptions.ts';
import type { Tenant } from './tenants.ts';
import { selectThread, threadIdByKey, toThread } from './threads.ts';
import { upsertUser, viewerUserId } from './users.ts';

/** Recomputes a thread's published-comment count and last activity. */
export function recountThread(db: Database, tenantId: string, threadId: string | SQL) {
  const ofThread = sql`${qualified(comments.threadId)} = ${qualified(threads.id)} and ${qualified(comments.state)} = 'published'`;
  return db
    .update(threads)
    .set({
      commentCount: sql`(select count(*) from ${comments} where ${ofThread})`,
      lastCommentAt: sql`(select max(${qualified(comments.createdAt)}) from ${comments} where ${ofThread})`,
    })
    .where(and(eq(threads.tenantId, tenantId), eq(threads.id, threadId)));
}

/** Recomputes the published replies of a top-level comment. */
export function recountBranch(db: Database, tenantId: string, rootId: string) {
  return db
    .update(comments)
    .set({
      replyCount: sql`(select count(*) from ${comments} r where r.root_id = ${qualified(comments.id)} and r.id <> ${qualified(comments.id)} and r.state = 'published')`,
    })
    .where(and(eq(comments.tenantId, tenantId), eq(comments.id, rootId)));
}

/** What a write needs to know about its author: one statement each, batched with the rest. */
function authorReads(db: Database, tenant: Tenant, actor: Actor, now: number, exceptComment: string | null) {
  const me = viewerUserId(tenant.id, actor);
  const windowStart = now - tenant.moderation.repeatWindowMinutes * 60_000;
  return [
    selectStanding(db, tenant.id, actor.subject, tenant.moderation),
    db
      .select({ fingerprint: comments.fingerprint })
      .from(comments)
      .where(
        and(
          eq(comments.tenantId, tenant.id),
          eq(comments.authorId, me),
          gt(comments.createdAt, windowStart),
          ne(comments.state, 'removed'),
          exceptComment ? ne(comments.id, exceptComment) : undefined,
        ),
      )
      .orderBy(desc(comments.createdAt))
      .limit(50),
    selectGrantedRole(db, tenant.id, actor.subject),
  ] as const;
}

function mentionReads(db: Database, tenantId: string, source: string) {
  const handles = mentionCandidates(source);
  return db
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.handle, handles.length > 0 ? handles : [''])));
}

interface AuthorState {
  restrictedUntil: number | null;
  restrictionReason: string | null;
  published: number;
}

/** 403 while a moderator's ban or time-out lasts, saying until when and why. */
export function assertMayPost(author: Pick<AuthorState, 'restrictedUntil' | 'restrictionReason'> | undefined, now: number): void {
  if (!author?.restrictedUntil || author.restrictedUntil <= now) return;
  const reason = author.restrictionReason;
  if (author.restrictedUntil >= BAN_FOREVER) {
    throw reason ? new ApiError(403, 'forbidden.banned_because', { reason }) : new ApiError(403, 'forbidden.banned', {});
  }
  const until = isoTime(author.restrictedUntil);
  throw reason ? new ApiError(403, 'forbidden.paused_because', { until, reason }) : new ApiError(403, 'forbidden.paused', { until });
}

/** `restricted_until` of a ban without end (the year 9999). */
export const BAN_FOREVER = Date.UTC(9999, 0, 1);

interface Screened {
  rendered: RenderedMarkdown;
  fingerprint: string;
  verdict: Verdict | null;
}

/** Renders the comment and runs the moderation pipeline; a `reject` is thrown as 422 here. */
function screenComment(
  kind: 'create' | 'edit',
  body: string,
  settings: ModerationSettings,
  author: AuthorState | undefined,
  recent: { fingerprint: string }[],
  known: { handle: string | null }[],
  role: Role | null,
): Screened {
  const rendered = renderMarkdown(body, { knownHandles: new Set(known.flatMap((k) => (k.handle ? [k.handle] : []))) });
  const text = commentText(rendered);
  const verdict = screen({
    item: 'comment',
    kind,
    text,
    author: { published: author?.published ?? 0, recentFingerprints: recent.map((r) => r.fingerprint) },
    settings,
    role,
  });
  return { rendered, fingerprint: text.fingerprint, verdict };
}

function insertMentions(db: Database, tenantId: string, commentId: string, handles: string[]) {
  return db.insert(commentMentions).select(
    db
      .select({
        commentId: sql<string>`${commentId}`.as('comment_id'),
        userId: users.id,
        tenantId: users.tenantId,
      })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.handle, handles))),
  );
}

/** The source as stored and rendered (see `normalizeSource`); refuses one with nothing left to read. */
function cleanBody(body: string): string {
  const clean = normalizeSource(body);
  if (isBlank(clean)) {
    throw new ApiError(400, 'validation_failed.empty_comment', {}, { details: [fieldIssue('body.body', 'field.no_visible_text')] });
  }
  return clean;
}

/**
 * The HTML a comment with this text would get, rendered as `postComment` renders it (the same
 * source cleaning, the same known @mentions of the tenant), without writing anything.
 */
export async function previewComment(db: Database, tenantId: string, body: string): Promise<string> {
  const clean = cleanBody(body);
  const known = await mentionReads(db, tenantId, clean);
  return renderMarkdown(clean, { knownHandles: new Set(known.flatMap((k) => (k.handle ? [k.handle] : []))) }).html;
}

export interface PostInput {
  /** The thread key (explicit, or the page's canonical URL). */
  key: string;
  url: string | null;
  title: string | null;
  body: string;
  parentId: string | null;
}

export interface Posted {
  comment: Comment;
  thread: Thread;
}

/** Posts a comment, creating the thread if this is its first. */
export async function postComment(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  actor: Actor,
  raw: PostInput,
  now = Date.now(),
): Promise<Posted> {
  const input = { ...raw, body: cleanBody(raw.body) };
  const settings = tenant.moderation;
  const reads = [
    db
      .select({ id: threads.id })
      .from(threads)
      .where(and(eq(threads.tenantId, tenant.id), eq(threads.key, input.key))),
    db
      .select({
        id: comments.id,
        threadId: comments.threadId,
        parentId: comments.parentId,
        rootId: comments.rootId,
        depth: comments.depth,
        state: comments.state,
      })
      .from(comments)
      .where(and(eq(comments.tenantId, tenant.id), eq(comments.id, input.parentId ?? ''), inReadableThread(tenant.id, viewer))),
    ...authorReads(db, tenant, actor, now, null),
    mentionReads(db, tenant.id, input.body),
  ] as const;
  // An idea's or card's discussion takes comments only from those who may see the item, under its title.
  const item = discussionOf(input.key);
  const [thread, parentRows, authorRows, recent, grant, known, itemRows] =
    item === null ? [...(await db.batch(reads)), null] : await db.batch([...reads, selectDiscussionItem(db, tenant.id, viewer, item)]);
  if (item && itemRows) input.title = discussionTitle(itemRows, input.key, item);
  const author = authorRows[0];
  assertMayPost(author, now);

  let placement = { parentId: null as string | null, rootId: '', depth: 0, replyToId: null as string | null };
  const parent = parentRows[0];
  if (input.parentId) {
    if (parent?.state !== 'published') throw notFound('not_found.comment', { id: input.parentId });
    if (parent.threadId !== thread[0]?.id) {
      throw new ApiError(
        400,
        'validation_failed.reply_elsewhere',
        { parent: input.parentId },
        { details: [fieldIssue('body.parentId', 'field.other_thread')] },
      );
    }
    placement =
      parent.depth + 1 < settings.maxDepth
        ? { parentId: parent.id, rootId: parent.rootId, depth: parent.depth + 1, replyToId: null }
        : // Too deep: shown beside the comment it answers, with a "replying to" mention.
          { parentId: parent.parentId, rootId: parent.rootId, depth: parent.depth, replyToId: parent.id };
  }

  const role = effectiveRole(viewer, grant[0]?.role);
  const { rendered, fingerprint, verdict } = screenComment('create', input.body, settings, author, recent, known, role);
  const id = newId();
  const rootId = placement.parentId === null ? id : placement.rootId;
  const threadId = threadIdByKey(tenant.id, input.key);
  const state = verdict ? 'pending' : 'published';

  const writes: BatchItem<'sqlite'>[] = [
    upsertUser(db, tenant.id, actor, now),
    db
      .insert(threads)
      .values({
        id: newId(),
        tenantId: tenant.id,
        key: input.key,
        url: input.url,
        title: input.title,
        startedBy: sql`${viewerUserId(tenant.id, actor)}`,
        createdAt: now,
      })
      .onConflictDoNothing({ target: [threads.tenantId, threads.key] }),
    db.insert(comments).values({
      id,
      tenantId: tenant.id,
      threadId: sql`${threadId}`,
      parentId: placement.parentId,
      rootId,
      replyToId: placement.replyToId,
      depth: placement.depth,
      authorId: sql`${viewerUserId(tenant.id, actor)}`,
      body: input.body,
      html: rendered.html,
      fingerprint,
      state,
      pendingReason: verdict ? storedReason(verdict) : null,
      updatedAt: now,
      createdAt: now,
    }),
    recountThread(db, tenant.id, threadId),
  ];
  if (rendered.mentions.length > 0) writes.push(insertMentions(db, tenant.id, id, rendered.mentions));
  if (rootId !== id) writes.push(recountBranch(db, tenant.id, rootId));
  const me = viewerUserId(tenant.id, actor);
  const answers = placement.replyToId ?? placement.parentId;
  writes.push(
    ...(verdict
      ? heldStatements(db, tenant.id, { kind: 'comment', id }, verdict, me, { now })
      : eventStatements(db, {
          tenantId: tenant.id,
          type: 'comment.created',
          actorId: me,
          item: { kind: 'comment', id },
          data: commentEventData(input.key, answers, rendered.text),
          now,
        })),
    // Commenting follows the discussion: an idea's or card's own, or the thread (its author if this starts it).
    item
      ? autoSubscribe(db, tenant.id, me, item.kind, item.id, 'commenter')
      : autoSubscribe(db, tenant.id, me, 'thread', threadId, thread[0] ? 'commenter' : 'author'),
    selectComments(db, tenant.id, actor).where(and(eq(comments.tenantId, tenant.id), eq(comments.id, id))),
    selectThread(db, tenant.id, actor).where(and(eq(threads.tenantId, tenant.id), eq(threads.key, input.key))),
  );
  const results = (await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])) as unknown[];
  const [commentRows, threadRows] = results.slice(-2) as [Parameters<typeof toComment>[0][], Parameters<typeof toThread>[0][]];
  if (!commentRows[0] || !threadRows[0]) throw new Error('The comment could not be read back.');
  return { comment: toComment(commentRows[0]), thread: toThread(threadRows[0]) };
}

/** A comment as the caller may see it (in a thread they may read), or 404. */
export async function getComment(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<Comment> {
  const row = await selectComments(db, tenantId, viewer)
    .where(and(eq(comments.tenantId, tenantId), eq(comments.id, id), visibleTo(tenantId, viewer), inReadableThread(tenantId, viewer)))
    .get();
  if (!row) throw notFound('not_found.comment', { id });
  return toComment(row);
}

/** A comment in whatever state, as moderators see it (removed ones stay placeholders). */
export async function getCommentAsModerator(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<Comment> {
  const row = await selectComments(db, tenantId, viewer)
    .where(and(eq(comments.tenantId, tenantId), eq(comments.id, id)))
    .get();
  if (!row) throw notFound('not_found.comment', { id });
  return toComment(row, true);
}

/**
 * The facts of a comment its writes check: author, state, thread, branch. 404 for a comment in a
 * discussion the viewer may not read (`inReadableThread`), as for one that is not there.
 */
export async function commentFacts(db: Database, tenantId: string, viewer: Viewer, id: string) {
  const row = await db
    .select({
      id: comments.id,
      threadId: comments.threadId,
      rootId: comments.rootId,
      depth: comments.depth,
      authorId: comments.authorId,
      authorSubject: users.subject,
      state: comments.state,
      flagCount: comments.flagCount,
      startedBy: threads.startedBy,
      acceptedCommentId: threads.acceptedCommentId,
    })
    .from(comments)
    .innerJoin(threads, eq(threads.id, comments.threadId))
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.tenantId, tenantId), eq(comments.id, id), inReadableThread(tenantId, viewer)))
    .get();
  if (!row) throw notFound('not_found.comment', { id });
  return row;
}

export type CommentFacts = Awaited<ReturnType<typeof commentFacts>>;

export interface Edited {
  comment: Comment;
  before: CommentFacts['state'];
}

/** The author edits their comment: the old text is kept as a revision; the new one is moderated again. */
export async function editComment(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  actor: Actor,
  id: string,
  rawBody: string,
  now = Date.now(),
): Promise<Edited> {
  const body = cleanBody(rawBody);
  const [factsRows, authorRows, recent, grant, known] = await db.batch([
    db
      .select({
        authorSubject: users.subject,
        state: comments.state,
        flagCount: comments.flagCount,
        rootId: comments.rootId,
        threadId: comments.threadId,
        body: comments.body,
      })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(and(eq(comments.tenantId, tenant.id), eq(comments.id, id), inReadableThread(tenant.id, viewer))),
    ...authorReads(db, tenant, actor, now, id),
    mentionReads(db, tenant.id, body),
  ]);
  const facts = factsRows[0];
  if (!facts || (facts.state !== 'published' && facts.authorSubject !== actor.subject)) throw notFound('not_found.comment', { id });
  if (facts.authorSubject !== actor.subject) throw new ApiError(403, 'forbidden.edit_others_comment', {});
  if (facts.state === 'removed') throw new ApiError(409, 'conflict.comment_removed', {});
  assertMayPost(authorRows[0], now);
  const unchanged = facts.body === body;

  const role = effectiveRole(viewer, grant[0]?.role);
  const { rendered, fingerprint, verdict } = screenComment('edit', body, tenant.moderation, authorRows[0], recent, known, role);
  // Editing does not lift a hide by reader flags: a moderator has to look first.
  const stillFlagged = facts.state === 'pending' && hiddenByFlags(facts.flagCount, tenant.moderation);
  const state = verdict || stillFlagged ? 'pending' : 'published';
  const pendingReason = verdict
    ? storedReason(verdict)
    : stillFlagged
      ? storedReason({ reason: 'held.flagged', params: { count: facts.flagCount } })
      : null;

  const writes: BatchItem<'sqlite'>[] = [upsertUser(db, tenant.id, actor, now)];
  if (!unchanged) {
    writes.push(
      db.insert(commentRevisions).select(
        db
          .select({
            id: sql<string>`${newId()}`.as('id'),
            commentId: comments.id,
            tenantId: comments.tenantId,
            body: comments.body,
            html: comments.html,
            editorName: sql<string>`${actor.name}`.as('editor_name'),
            replacedAt: sql<number>`${now}`.as('replaced_at'),
          })
          .from(comments)
          .where(and(eq(comments.tenantId, tenant.id), eq(comments.id, id))),
      ),
      db
        .update(comments)
        .set({ body, html: rendered.html, fingerprint, state, pendingReason, editedAt: now, updatedAt: now })
        .where(and(eq(comments.tenantId, tenant.id), eq(comments.id, id))),
      db.delete(commentMentions).where(and(eq(commentMentions.tenantId, tenant.id), eq(commentMentions.commentId, id))),
      recountThread(db, tenant.id, facts.threadId),
      recountBranch(db, tenant.id, facts.rootId),
    );
    if (rendered.mentions.length > 0) writes.push(insertMentions(db, tenant.id, id, rendered.mentions));
    const me = viewerUserId(tenant.id, actor);
    const item = { kind: 'comment' as const, id };
    if (verdict) writes.push(...heldStatements(db, tenant.id, item, verdict, me, { now }));
    else if (state === 'published') {
      const data = commentEventData(null, null, rendered.text);
      writes.push(...eventStatements(db, { tenantId: tenant.id, type: 'comment.edited', actorId: me, item, data, now }));
    }
  }
  writes.push(selectComments(db, tenant.id, actor).where(and(eq(comments.tenantId, tenant.id), eq(comments.id, id))));
  const results = (await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])) as unknown[];
  const [row] = results.at(-1) as Parameters<typeof toComment>[0][];
  if (!row) throw new Error('The comment could not be read back.');
  return { comment: toComment(row), before: facts.state };
}

/** Marks a comment removed (soft delete): the placeholder keeps the tree; counts follow. */
export async function removeComment(
  db: Database,
  tenantId: string,
  facts: CommentFacts,
  by: 'author' | 'moderator',
  now = Date.now(),
  /** Written in the same batch, e.g. the moderator's audit entry. */
  alongside: BatchItem<'sqlite'>[] = [],
  /** Who removes it (default: its author). */
  removerSubject = facts.authorSubject,
): Promise<void> {
  const writes: BatchItem<'sqlite'>[] = [
    ...alongside,
    ...eventStatements(db, {
      tenantId,
      type: 'comment.removed',
      actorId: userIdOfSubject(tenantId, removerSubject),
      item: { kind: 'comment', id: facts.id },
      data: { by, threadId: facts.threadId },
      now,
    }),
    db
      .update(comments)
      .set({ state: 'removed', removedBy: by, pinned: false, updatedAt: now })
      .where(and(eq(comments.tenantId, tenantId), eq(comments.id, facts.id))),
    recountThread(db, tenantId, facts.threadId),
    recountBranch(db, tenantId, facts.rootId),
  ];
  if (facts.acceptedCommentId === facts.id) {
    writes.push(
      db
        .update(threads)
        .set({ acceptedCommentId: null })
        .where(and(eq(threads.tenantId, tenantId), eq(threads.id, facts.threadId))),
    );
  }
  await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}

/** Earlier texts of a comment, newest first. */
export async function commentHistory(db: Database, tenantId: string, id: string): Promise<CommentRevision[]> {
  const rows = await db
    .select()
    .from(commentRevisions)
    .where(and(eq(commentRevisions.tenantId, tenantId), eq(commentRevisions.commentId, id)))
    .orderBy(desc(commentRevisions.replacedAt), asc(commentRevisions.id));
  return rows.map((r) => ({ body: r.body, html: r.html, replacedAt: isoTime(r.replacedAt), by: r.editorName }));
}
