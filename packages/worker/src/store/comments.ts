/**
 * Writing comments: post (creating the thread on its first comment), edit (keeping history),
 * delete. A post is one D1 batch (one transaction) that reads, writes under guards and reads back
 * (see `postComment`); an edit or a delete reads what it needs in one round trip, runs the
 * moderation pipeline in memory, then writes in one batch that also recomputes the counts.
 */
import type { Comment, CommentRevision, ModerationSettings, Role, Thread } from '@bridgekit/sdk';
import { and, asc, desc, eq, gt, ne, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type Actor, effectiveRole, hasRole, LEVEL_GRANTS, selectGrantedRole, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { cards, commentMentions, commentRevisions, comments, ideas, threads, userRoles, users } from '../db/schema.ts';
import { conditionalRow, inList, qualified } from '../db/sql.ts';
import { statementShapes } from '../db/statement-shapes.ts';
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

/** The fingerprints of the author's latest comments within the repeat window (the repeat check's input). */
function recentFingerprints(db: Database, tenant: Tenant, actor: Actor, now: number, exceptComment: string | null) {
  return fingerprintsSince(db, tenant.id, actor, now - tenant.moderation.repeatWindowMinutes * 60_000, exceptComment);
}

/** The fingerprints of the author's latest comments since `since` (epoch ms), but `exceptComment`'s. */
function fingerprintsSince(db: Database, tenantId: string, actor: Actor, since: number, exceptComment: string | null) {
  return db
    .select({ fingerprint: comments.fingerprint })
    .from(comments)
    .where(
      and(
        eq(comments.tenantId, tenantId),
        eq(comments.authorId, viewerUserId(tenantId, actor)),
        gt(comments.createdAt, since),
        ne(comments.state, 'removed'),
        exceptComment ? ne(comments.id, exceptComment) : undefined,
      ),
    )
    .orderBy(desc(comments.createdAt))
    .limit(50);
}

/** What a post's statements built once per shape bind (db/statement-shapes.ts): the tenant, the author, the thread's key. */
interface PostValues {
  tenantId: string;
  subject: string;
  key: string;
}

/** The author as a post's shaped statements name them: by subject only (the placeholder for it). */
const authorOf = (v: Pick<PostValues, 'subject'>): Actor => ({ subject: v.subject, name: '', email: null, businessUnit: null });

/**
 * A post's reads that depend only on the tenant, the author and the thread's key: the thread, the
 * author's standing (`newUsers`: with what they have published), their recent fingerprints since
 * `since`, their granted role. Built once per shape.
 */
const ownReads = statementShapes((db, v: PostValues & { since: number }, shape: { newUsers: boolean }) => {
  const author = authorOf(v);
  return [
    db
      .select({ id: threads.id })
      .from(threads)
      .where(and(eq(threads.tenantId, v.tenantId), eq(threads.key, v.key))),
    selectStanding(db, v.tenantId, v.subject, { preModeration: shape.newUsers ? 'new_users' : 'off' }),
    fingerprintsSince(db, v.tenantId, author, v.since, null),
    selectGrantedRole(db, v.tenantId, v.subject),
  ] as const;
});

/** A post's read-back: the comment `id` and its thread, as the author sees them. Built once. */
const readBack = statementShapes((db, v: PostValues & { id: string }) => {
  const author = authorOf(v);
  return [
    selectComments(db, v.tenantId, author).where(and(eq(comments.tenantId, v.tenantId), eq(comments.id, v.id))),
    selectThread(db, v.tenantId, author).where(and(eq(threads.tenantId, v.tenantId), eq(threads.key, v.key))),
  ] as const;
});

/** What a write needs to know about its author: one statement each, batched with the rest. */
function authorReads(db: Database, tenant: Tenant, actor: Actor, now: number, exceptComment: string | null) {
  return [
    selectStanding(db, tenant.id, actor.subject, tenant.moderation),
    recentFingerprints(db, tenant, actor, now, exceptComment),
    selectGrantedRole(db, tenant.id, actor.subject),
  ] as const;
}

function mentionReads(db: Database, tenantId: string, handles: string[]) {
  return db
    .select({ id: users.id, handle: users.handle, subject: users.subject })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inList(users.handle, handles)));
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

function insertMentions(db: Database, tenantId: string, commentId: string, handles: string[], onlyIf?: SQL) {
  return db.insert(commentMentions).select(
    db
      .select({
        commentId: sql<string>`${commentId}`.as('comment_id'),
        userId: users.id,
        tenantId: users.tenantId,
      })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inList(users.handle, handles), onlyIf)),
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
  const known = await mentionReads(db, tenantId, mentionCandidates(clean));
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

/**
 * What a post's rendering and moderation depend on in D1 besides its text: who granted the
 * author which role, how much they have published, their recent fingerprints, and which of the
 * text's @handles name people of the tenant.
 */
interface PostFacts {
  grant: Role | undefined;
  published: number;
  recent: string[];
  known: string[];
  /** The author's handle when it is among `known`. */
  ownHandle: string | null;
}

/** How many times a post is tried when what it assumed keeps changing under it (a race; 503 after). */
const POST_ATTEMPTS = 3;

/** SQL: the row `id` of `comments` exists (the post's own insert ran). Aliased, so it also reads right inside a statement on `comments`. */
const commentExists = (tenantId: string, id: string) =>
  sql`exists (select 1 from ${comments} nc where nc.tenant_id = ${tenantId} and nc.id = ${id})`;

/**
 * Posts a comment, creating the thread if this is its first: one D1 round trip. The batch reads
 * what the checks need (the thread, the parent, the author's standing and recent fingerprints,
 * their granted role, the @handles, the discussed item), then writes — each write guarded in its
 * own `where` by the same checks and by the facts the text was rendered and moderated with — then
 * reads the comment back. The facts are first assumed as they nearly always are (no moderating
 * grant, no newcomer, no repeat, every @handle a person); when the reads show otherwise, nothing
 * was written, a refusal comes from what the batch read, and otherwise the post goes again with
 * the facts read (a second round trip). Counts are kept by increments, never by recounting the
 * thread, so a post costs the same in a thread of 10 comments or of 10,000.
 */
export async function postComment(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  actor: Actor,
  raw: PostInput,
  now = Date.now(),
): Promise<Posted> {
  const input = { ...raw, body: cleanBody(raw.body) };
  const candidates = mentionCandidates(input.body);
  let facts: PostFacts = { grant: undefined, published: tenant.moderation.newUserComments, recent: [], known: candidates, ownHandle: null };
  for (let attempt = 1; ; attempt++) {
    const id = newId();
    const reads = postReads(db, tenant, viewer, actor, input, candidates, now);
    const writes = postWrites(db, tenant, viewer, actor, input, candidates, facts, id, now);
    const back = readBack(db, { tenantId: tenant.id, subject: actor.subject, key: input.key, id }, {});
    const results = (await db.batch([...reads.statements, ...writes, ...back] as unknown as [
      BatchItem<'sqlite'>,
      ...BatchItem<'sqlite'>[],
    ])) as unknown[];
    const [commentRows, threadRows] = results.slice(-2) as [Parameters<typeof toComment>[0][], Parameters<typeof toThread>[0][]];
    if (commentRows[0]) {
      if (!threadRows[0]) throw new Error('The thread could not be read back.');
      return { comment: toComment(commentRows[0]), thread: toThread(threadRows[0]) };
    }
    // Nothing was written: refused (thrown here, in the order the checks are made), or assumed wrongly.
    facts = reads.factsOf(results);
    if (attempt === POST_ATTEMPTS) {
      throw new ApiError(503, 'unavailable.database', { retryAfter: 1 }, { headers: { 'retry-after': '1' } });
    }
  }
}

/** The post's reads, first in its batch, and what they say: a refusal (thrown) or the facts. */
function postReads(db: Database, tenant: Tenant, viewer: Viewer, actor: Actor, input: PostInput, candidates: string[], now: number) {
  const item = discussionOf(input.key);
  const since = now - tenant.moderation.repeatWindowMinutes * 60_000;
  const statements: BatchItem<'sqlite'>[] = [
    ...ownReads(
      db,
      { tenantId: tenant.id, subject: actor.subject, key: input.key, since },
      { newUsers: tenant.moderation.preModeration === 'new_users' },
    ),
    db
      .select({
        id: comments.id,
        threadId: comments.threadId,
        depth: comments.depth,
        state: comments.state,
      })
      .from(comments)
      .where(and(eq(comments.tenantId, tenant.id), eq(comments.id, input.parentId ?? ''), inReadableThread(tenant.id, viewer))),
  ];
  if (item) statements.push(selectDiscussionItem(db, tenant.id, viewer, item));
  if (candidates.length > 0) statements.push(mentionReads(db, tenant.id, candidates));

  const factsOf = (results: unknown[]): PostFacts => {
    const [thread, authorRows, recent, grants, parentRows, ...rest] = results as [
      { id: string }[],
      AuthorState[],
      { fingerprint: string }[],
      { role: Role }[],
      { id: string; threadId: string; depth: number; state: string }[],
      ...unknown[],
    ];
    if (item) discussionTitle(rest.shift() as { title: string }[], input.key, item);
    assertMayPost(authorRows[0], now);
    if (input.parentId) {
      const parent = parentRows[0];
      if (parent?.state !== 'published') throw notFound('not_found.comment', { id: input.parentId });
      if (parent.threadId !== thread[0]?.id) {
        throw new ApiError(
          400,
          'validation_failed.reply_elsewhere',
          { parent: input.parentId },
          { details: [fieldIssue('body.parentId', 'field.other_thread')] },
        );
      }
    }
    const people = candidates.length > 0 ? (rest.shift() as { handle: string | null; subject: string }[]) : [];
    const known = people.flatMap((k) => (k.handle ? [k.handle] : []));
    const moderating = moderatingGrants(viewer);
    const facts: PostFacts = {
      grant: grants.find((g) => moderating.includes(g.role))?.role ?? grants[0]?.role,
      published: authorRows[0]?.published ?? 0,
      recent: recent.map((r) => r.fingerprint),
      known,
      ownHandle: people.find((k) => k.subject === actor.subject)?.handle ?? null,
    };
    // A reject is the answer whatever else changes: throw it now.
    outcome(input.body, tenant.moderation, facts, effectiveRole(viewer, facts.grant));
    return facts;
  };
  return { statements, factsOf };
}

/** The grants that make this viewer a moderator (none when their credential does already). */
function moderatingGrants(viewer: Viewer): Role[] {
  if (hasRole(effectiveRole(viewer, undefined), 'moderator')) return [];
  return LEVEL_GRANTS.filter((role) => hasRole(effectiveRole(viewer, role), 'moderator'));
}

/** The comment rendered with `facts.known` and screened as `role` (a reject thrown as 422). */
function outcome(body: string, settings: ModerationSettings, facts: PostFacts, role: Role | null): Screened {
  return screenComment(
    'create',
    body,
    settings,
    { restrictedUntil: null, restrictionReason: null, published: facts.published },
    facts.recent.map((fingerprint) => ({ fingerprint })),
    facts.known.map((handle) => ({ handle })),
    role,
  );
}

/** {@link outcome}, with a reject as null (the post then writes nothing and its reads tell). */
function outcomeOrReject(body: string, settings: ModerationSettings, facts: PostFacts, role: Role | null): Screened | null {
  try {
    return outcome(body, settings, facts, role);
  } catch (err) {
    if (err instanceof ApiError && err.status === 422) return null;
    throw err;
  }
}

/**
 * SQL that holds when D1 agrees with the facts the post was rendered and moderated with, as far
 * as they change the outcome: the moderating grant (when it makes a difference), the newcomer
 * threshold and the repeat check (for non-moderators), the @handles that name people.
 */
function factsHold(
  tenant: Tenant,
  viewer: Viewer,
  actor: Actor,
  candidates: string[],
  facts: PostFacts,
  screened: Screened,
  asMember: Screened | null,
  recent: SQL,
): SQL[] {
  const settings = tenant.moderation;
  const me = viewerUserId(tenant.id, actor);
  const guards: SQL[] = [];
  if (candidates.length > 0) {
    // Others only: the author's own row may gain its handle in the batch's first write (their first post).
    const others = facts.known.filter((handle) => handle !== facts.ownHandle);
    const count = (handles: string[]) =>
      sql`(select count(*) from ${users} where ${qualified(users.tenantId)} = ${tenant.id} and ${inList(qualified(users.handle), handles)}
        and ${qualified(users.subject)} <> ${actor.subject})`;
    guards.push(sql`${count(candidates)} = ${others.length}`);
    if (others.length > 0) guards.push(sql`${count(others)} = ${others.length}`);
  }
  const moderating = moderatingGrants(viewer);
  if (hasRole(effectiveRole(viewer, undefined), 'moderator')) return guards;
  const grantModerates = hasRole(effectiveRole(viewer, facts.grant), 'moderator');
  const hasModeratingGrant =
    moderating.length === 0
      ? sql`0`
      : sql`exists (select 1 from ${userRoles} where ${qualified(userRoles.tenantId)} = ${tenant.id} and ${qualified(userRoles.subject)} = ${actor.subject} and ${inList(qualified(userRoles.role), moderating)})`;
  // A moderator's comment is never held: the grant matters only when a member's would be.
  if (grantModerates || asMember?.verdict !== null) guards.push(sql`${hasModeratingGrant} = ${grantModerates ? 1 : 0}`);
  if (grantModerates) return guards;
  if (settings.preModeration === 'new_users') {
    // Counted up to the threshold only: the author's history does not make the check longer.
    const n = settings.newUserComments;
    const upTo = (table: SQL) =>
      sql`(select count(*) from (select 1 from ${table} x where x.author_id = ${me} and x.state = 'published' limit ${n}))`;
    const published = sql`(${upTo(sql`${comments}`)} + ${upTo(sql`${ideas}`)} + ${upTo(sql`${cards}`)})`;
    guards.push(sql`(${published} >= ${n}) = ${facts.published >= n ? 1 : 0}`);
  }
  if (settings.repeatWindowMinutes > 0 && screened.fingerprint !== '') {
    guards.push(sql`(${screened.fingerprint} in (${recent})) = ${facts.recent.includes(screened.fingerprint) ? 1 : 0}`);
  }
  return guards;
}

/** The post's writes, each guarded; none when the facts make it a reject. */
function postWrites(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  actor: Actor,
  input: PostInput,
  candidates: string[],
  facts: PostFacts,
  id: string,
  now: number,
): BatchItem<'sqlite'>[] {
  const settings = tenant.moderation;
  const screened = outcomeOrReject(input.body, settings, facts, effectiveRole(viewer, facts.grant));
  if (!screened) return [];
  const asMember = outcomeOrReject(input.body, settings, facts, effectiveRole(viewer, undefined));
  const { rendered, fingerprint, verdict } = screened;
  const t = tenant.id;
  const me = viewerUserId(t, actor);
  const item = discussionOf(input.key);
  const threadId = threadIdByKey(t, input.key);
  const newThreadId = newId();
  const state = verdict ? 'pending' : 'published';

  // What the reads check, as conditions: the item may be seen, the author may post, the parent is
  // a published comment of this thread; and the facts hold.
  const checks: SQL[] = [
    sql`not exists (select 1 from ${users} where ${qualified(users.tenantId)} = ${t} and ${qualified(users.subject)} = ${actor.subject} and ${qualified(users.restrictedUntil)} > ${now})`,
    ...factsHold(tenant, viewer, actor, candidates, facts, screened, asMember, recentFingerprints(db, tenant, actor, now, null).getSQL()),
  ];
  if (item) checks.push(sql`exists (${selectDiscussionItem(db, t, viewer, item).getSQL()})`);
  const parent = (column: SQL) => sql`(select ${column} from ${comments} p where p.tenant_id = ${t} and p.id = ${input.parentId})`;
  // Too deep: shown beside the comment it answers, with a "replying to" mention.
  const deep = sql`p.depth + 1 >= ${settings.maxDepth}`;
  if (input.parentId) {
    checks.push(
      sql`exists (select 1 from ${comments} where ${qualified(comments.tenantId)} = ${t} and ${qualified(comments.id)} = ${input.parentId}
        and ${qualified(comments.state)} = 'published' and ${qualified(comments.threadId)} = ${threadId} and ${inReadableThread(t, viewer)})`,
    );
  }
  const allowed = and(...checks) as SQL;
  const posted = commentExists(t, id);

  const writes: BatchItem<'sqlite'>[] = [
    upsertUser(db, t, actor, now, allowed),
    db
      .insert(threads)
      .select(
        conditionalRow(
          threads,
          {
            id: newThreadId,
            tenantId: t,
            key: input.key,
            url: input.url,
            // An idea's or card's discussion is under the item's title.
            title: item ? sql`(${selectDiscussionItem(db, t, viewer, item).getSQL()})` : input.title,
            startedBy: me,
            createdAt: now,
          },
          allowed,
        ),
      )
      .onConflictDoNothing({ target: [threads.tenantId, threads.key] }),
    db.insert(comments).select(
      conditionalRow(
        comments,
        {
          id,
          tenantId: t,
          threadId,
          ...(input.parentId
            ? {
                parentId: parent(sql`case when ${deep} then p.parent_id else p.id end`),
                rootId: parent(sql`p.root_id`),
                replyToId: parent(sql`case when ${deep} then p.id end`),
                depth: parent(sql`case when ${deep} then p.depth else p.depth + 1 end`),
              }
            : { parentId: null, rootId: id, replyToId: null, depth: 0 }),
          authorId: me,
          body: input.body,
          html: rendered.html,
          fingerprint,
          state,
          pendingReason: verdict ? storedReason(verdict) : null,
          updatedAt: now,
          createdAt: now,
        },
        allowed,
      ),
    ),
  ];
  if (state === 'published') {
    writes.push(
      db
        .update(threads)
        .set({
          commentCount: sql`${qualified(threads.commentCount)} + 1`,
          lastCommentAt: sql`max(coalesce(${qualified(threads.lastCommentAt)}, ${now}), ${now})`,
        })
        .where(and(eq(threads.tenantId, t), eq(threads.key, input.key), posted)),
    );
    if (input.parentId) {
      writes.push(
        db
          .update(comments)
          .set({ replyCount: sql`${qualified(comments.replyCount)} + 1` })
          .where(
            and(
              eq(comments.tenantId, t),
              sql`${qualified(comments.id)} = (select nc.root_id from ${comments} nc where nc.tenant_id = ${t} and nc.id = ${id})`,
            ),
          ),
      );
    }
  }
  if (rendered.mentions.length > 0) writes.push(insertMentions(db, t, id, rendered.mentions, posted));
  writes.push(
    // Recorded only if the comment is there (eventStatements checks its item exists).
    ...(verdict
      ? heldStatements(db, t, { kind: 'comment', id }, verdict, me, { now })
      : eventStatements(db, {
          tenantId: t,
          type: 'comment.created',
          actorId: me,
          item: { kind: 'comment', id },
          data: commentEventData(input.key, input.parentId, rendered.text),
          now,
        })),
  );
  // Commenting follows the discussion: an idea's or card's own, or the thread (as its author if this started it).
  if (item) writes.push(autoSubscribe(db, t, me, item.kind, item.id, 'commenter', posted));
  else {
    writes.push(
      autoSubscribe(db, t, me, 'thread', threadId, 'author', sql`${posted} and ${threadId} = ${newThreadId}`),
      autoSubscribe(db, t, me, 'thread', threadId, 'commenter', posted),
    );
  }
  return writes;
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
    mentionReads(db, tenant.id, mentionCandidates(body)),
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
