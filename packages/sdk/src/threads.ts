import type { PracticeCard } from './card-types.ts';
import type { PromoteStory, Promotion } from './community-types.ts';
import { type CallOptions, callOf, type Transport } from './http.ts';
import type {
  ActivityQuery,
  AuditEntry,
  CardModerationDecision,
  Comment,
  CommentCountsQuery,
  CommentEdit,
  CommentFlag,
  CommentPreview,
  CommentPreviewRequest,
  CommentRevision,
  FlagReason,
  LiveTicket,
  MentionableQuery,
  MentionableUser,
  ModerationDecision,
  ModerationSettings,
  ModerationSettingsUpdate,
  NewComment,
  QueueItem,
  QueueQuery,
  Reaction,
  RestrictedPerson,
  Restriction,
  Thread,
  ThreadActivity,
  ThreadListQuery,
  ThreadPage,
  ThreadPageQuery,
  ThreadRef,
} from './thread-types.ts';
import type { Idea, Page, PageQuery } from './types.ts';

/** Options of a page of replies, of the queue and of the audit log: `cursor` may be the `null` of a last page. */
type PageOptions<Q extends PageQuery> = CallOptions & Omit<Q, 'cursor'> & { cursor?: string | null };

/** A thread page's query (see {@link ThreadPageQuery}); `cursor` may be the `null` of a last page. */
export type ThreadPageOptions = ThreadRef & CallOptions & Omit<ThreadPageQuery, 'key' | 'url' | 'cursor'> & { cursor?: string | null };

/** Discussion threads under pages: read, post, counts, activity and live updates. */
export interface ThreadsApi {
  /**
   * The tenant's discussions with published comments that the caller may read, latest comment
   * first: a page's threads and ideas' and cards' own discussions (`kind` keeps one sort).
   */
  list(options?: PageOptions<ThreadListQuery>): Promise<Page<Thread>>;
  /**
   * One page of a thread's top-level comments (each with its first replies), by `key` or page
   * `url`. `thread` is null until someone posts.
   */
  page(options: ThreadPageOptions): Promise<ThreadPage>;
  /** Post a comment; the first one creates the thread. Throws `comment_rejected` when the moderation pipeline refuses it. */
  post(options: ThreadRef & NewComment & CallOptions): Promise<Comment>;
  /**
   * A comment's Markdown rendered by the server exactly as posting would render it (mentions,
   * links, sanitising), without writing anything. Signed in; counts as a write for rate limits.
   */
  preview(body: string, options?: CallOptions): Promise<CommentPreview>;
  /** Published comments for many pages at once (by key and/or URL), e.g. for a list of links. */
  counts(refs: { keys?: string[]; urls?: string[] }, options?: CallOptions): Promise<Record<string, number>>;
  /**
   * What changed since `since` (ISO time): the polling fallback of live updates. An answer with
   * `next` was cut off: call again with the same `since` and `{ after: next }` for the rest.
   */
  activity(threadId: string, since: string, options?: CallOptions & { after?: string }): Promise<ThreadActivity>;
  /** A one-minute ticket and URL for the thread's live-updates WebSocket. */
  liveTicket(threadId: string, options?: CallOptions): Promise<LiveTicket>;
  /**
   * A moderator, or the story's author, turns the thread (or one of its comments) into a practice
   * card of the chosen template, the text carried over and the story linked both ways. Promoting
   * the same story again answers the card it already became (`created: false`).
   */
  promote(threadId: string, input: PromoteStory, options?: CallOptions): Promise<Promotion>;
}

/** One comment. */
export interface CommentsApi {
  get(id: string, options?: CallOptions): Promise<Comment>;
  /** The author edits; the old text goes to the history. */
  edit(id: string, body: string, options?: CallOptions): Promise<Comment>;
  /** The author deletes (or a moderator removes); a placeholder keeps the tree. */
  remove(id: string, options?: CallOptions): Promise<void>;
  /** More replies of a top-level comment (`moreReplies` of the thread page). */
  replies(id: string, options?: PageOptions<PageQuery>): Promise<Page<Comment>>;
  /** Earlier texts: for the author and moderators. */
  history(id: string, options?: CallOptions): Promise<CommentRevision[]>;
  react(id: string, reaction: Reaction, options?: CallOptions): Promise<Comment>;
  unreact(id: string, reaction: Reaction, options?: CallOptions): Promise<Comment>;
  /** Flag for moderators; answers whether the comment is now hidden pending review. */
  flag(id: string, reason: FlagReason, options?: CallOptions): Promise<{ hidden: boolean }>;
  /** The thread starter or a moderator marks (or unmarks) the accepted answer. */
  accept(id: string, options?: CallOptions): Promise<Comment>;
  unaccept(id: string, options?: CallOptions): Promise<Comment>;
}

/** Moderators' and admins' tools. */
export interface ModerationApi {
  /** Held and flagged comments, held ideas and held cards (or one `kind`), oldest first. */
  queue(options?: PageOptions<QueueQuery>): Promise<Page<QueueItem>>;
  decide(commentId: string, decision: ModerationDecision, options?: CallOptions): Promise<Comment>;
  /** Approve publishes a held idea; reject keeps it from everyone but its author, who sees the reason. */
  decideIdea(ideaId: string, decision: ModerationDecision, options?: CallOptions): Promise<Idea>;
  /** A held new card, or with `edit` a held edit of a published card (approving applies it as a new version). */
  decideCard(cardId: string, decision: CardModerationDecision, options?: CallOptions): Promise<PracticeCard>;
  approve(commentId: string, options?: CallOptions): Promise<Comment>;
  reject(commentId: string, reason: string, options?: CallOptions): Promise<Comment>;
  pin(commentId: string, options?: CallOptions): Promise<Comment>;
  unpin(commentId: string, options?: CallOptions): Promise<Comment>;
  /** Ban (no `until`) or time out (until then) a person from posting. */
  restrict(userId: string, restriction: Restriction, options?: CallOptions): Promise<{ restrictedUntil: string | null }>;
  lift(userId: string, options?: CallOptions): Promise<void>;
  settings(options?: CallOptions): Promise<ModerationSettings>;
  /** Admins. */
  updateSettings(update: ModerationSettingsUpdate, options?: CallOptions): Promise<ModerationSettings>;
  /** Admins: every moderator action, newest first. */
  auditLog(options?: PageOptions<PageQuery>): Promise<Page<AuditEntry>>;
  /** Moderators: the people banned or timed out now, the soonest to end first (bans last). */
  restrictions(options?: PageOptions<PageQuery>): Promise<Page<RestrictedPerson>>;
}

const refQuery = (ref: ThreadRef) => (ref.key !== undefined ? { key: ref.key } : { url: ref.url });

export function createThreadsApi(http: Transport): {
  threads: ThreadsApi;
  comments: CommentsApi;
  moderation: ModerationApi;
  mentionable: (q: string, options?: CallOptions & Omit<MentionableQuery, 'q'>) => Promise<MentionableUser[]>;
} {
  const seg = encodeURIComponent;
  const comment = (id: string) => `/comments/${seg(id)}`;
  const threads: ThreadsApi = {
    list: ({ kind, cursor, limit, signal } = {}) =>
      http.request('GET', '/threads', { query: { kind, cursor: cursor ?? undefined, limit } satisfies ThreadListQuery, signal }),
    page: ({ sort, cursor, limit, signal, ...ref }) =>
      http.request('GET', '/threads/comments', {
        query: { ...refQuery(ref as ThreadRef), sort, cursor: cursor ?? undefined, limit } satisfies ThreadPageQuery,
        signal,
      }),
    post: ({ body, parentId, title, signal, idempotencyKey, ...ref }) =>
      http.request('POST', '/threads/comments', {
        body: { ...refQuery(ref as ThreadRef), body, parentId, title } satisfies ThreadRef & NewComment,
        signal,
        idempotencyKey,
      }),
    preview: (body, o) =>
      http.request('POST', '/comment-previews', {
        body: { body } satisfies CommentPreviewRequest,
        ...callOf(o),
      }),
    counts: async ({ keys, urls }, o) =>
      (
        await http.request<{ counts: Record<string, number> }>('GET', '/threads/counts', {
          query: { key: keys, url: urls } satisfies CommentCountsQuery,
          signal: o?.signal,
        })
      ).counts,
    activity: (threadId, since, o) =>
      http.request('GET', `/threads/${seg(threadId)}/activity`, {
        query: { since, after: o?.after } satisfies ActivityQuery,
        signal: o?.signal,
      }),
    liveTicket: (threadId, o) => http.request('POST', `/threads/${seg(threadId)}/live`, { ...callOf(o) }),
    promote: (threadId, input, o) => http.request('POST', `/threads/${seg(threadId)}/promote`, { body: input, ...callOf(o) }),
  };
  const comments: CommentsApi = {
    get: (id, o) => http.request('GET', comment(id), { signal: o?.signal }),
    edit: (id, body, o) => http.request('PATCH', comment(id), { body: { body } satisfies CommentEdit, ...callOf(o) }),
    remove: (id, o) => http.request('DELETE', comment(id), { ...callOf(o) }),
    replies: (id, o) =>
      http.request('GET', `${comment(id)}/replies`, {
        query: { cursor: o?.cursor ?? undefined, limit: o?.limit } satisfies PageQuery,
        signal: o?.signal,
      }),
    history: async (id, o) =>
      (await http.request<{ items: CommentRevision[] }>('GET', `${comment(id)}/history`, { signal: o?.signal })).items,
    react: (id, reaction, o) => http.request('PUT', `${comment(id)}/reactions/${seg(reaction)}`, { ...callOf(o) }),
    unreact: (id, reaction, o) => http.request('DELETE', `${comment(id)}/reactions/${seg(reaction)}`, { ...callOf(o) }),
    flag: (id, reason, o) =>
      http.request('POST', `${comment(id)}/flags`, {
        body: { reason } satisfies CommentFlag,
        ...callOf(o),
      }),
    accept: (id, o) => http.request('PUT', `${comment(id)}/accepted`, { ...callOf(o) }),
    unaccept: (id, o) => http.request('DELETE', `${comment(id)}/accepted`, { ...callOf(o) }),
  };
  const moderation: ModerationApi = {
    queue: (o) =>
      http.request('GET', '/moderation/queue', {
        query: {
          reason: o?.reason,
          kind: o?.kind,
          thread: o?.thread,
          cursor: o?.cursor ?? undefined,
          limit: o?.limit,
        } satisfies QueueQuery,
        signal: o?.signal,
      }),
    decide: (id, decision, o) => http.request('POST', `${comment(id)}/moderation`, { body: decision, ...callOf(o) }),
    decideIdea: (id, decision, o) => http.request('POST', `/ideas/${seg(id)}/moderation`, { body: decision, ...callOf(o) }),
    decideCard: (id, decision, o) => http.request('POST', `/cards/${seg(id)}/moderation`, { body: decision, ...callOf(o) }),
    approve: (id, o) => moderation.decide(id, { action: 'approve' }, o),
    reject: (id, reason, o) => moderation.decide(id, { action: 'reject', reason }, o),
    pin: (id, o) => http.request('PUT', `${comment(id)}/pin`, { ...callOf(o) }),
    unpin: (id, o) => http.request('DELETE', `${comment(id)}/pin`, { ...callOf(o) }),
    restrict: (userId, restriction, o) => http.request('PUT', `/users/${seg(userId)}/restriction`, { body: restriction, ...callOf(o) }),
    lift: (userId, o) => http.request('DELETE', `/users/${seg(userId)}/restriction`, { ...callOf(o) }),
    settings: (o) => http.request('GET', '/moderation/settings', { signal: o?.signal }),
    updateSettings: (update, o) => http.request('PATCH', '/moderation/settings', { body: update, ...callOf(o) }),
    auditLog: (o) =>
      http.request('GET', '/moderation/audit-log', {
        query: { cursor: o?.cursor ?? undefined, limit: o?.limit } satisfies PageQuery,
        signal: o?.signal,
      }),
    restrictions: (o) =>
      http.request('GET', '/moderation/restrictions', {
        query: { cursor: o?.cursor ?? undefined, limit: o?.limit } satisfies PageQuery,
        signal: o?.signal,
      }),
  };
  const mentionable = async (q: string, o?: CallOptions & Omit<MentionableQuery, 'q'>) =>
    (
      await http.request<{ items: MentionableUser[] }>('GET', '/users', {
        query: { q, limit: o?.limit } satisfies MentionableQuery,
        signal: o?.signal,
      })
    ).items;
  return { threads, comments, moderation, mentionable };
}
