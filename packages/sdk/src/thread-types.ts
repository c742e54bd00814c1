/**
 * Wire types of discussion threads, comments and their moderation (`/v1/tenants/{t}/threads…`,
 * `/comments…`, `/moderation…`). Checked against the Worker's schemas at compile time.
 */
import type { FieldChange, PracticeCard } from './card-types.ts';
import type { Reason, ReasonParams } from './reasons.ts';
import type { Idea, PageQuery, Person } from './types.ts';

/** Reactions are a small fixed set: 👍 `like`, 💡 `insight`, ❤️ `love`. One of each per person. */
export type Reaction = 'like' | 'insight' | 'love';
export const REACTIONS = ['like', 'insight', 'love'] as const satisfies readonly Reaction[];

/** How a thread's top-level comments are ordered. Replies are always oldest first. */
export type CommentSort = 'oldest' | 'newest' | 'top';

/** A member as shown on a comment: name, business unit and the handle others @mention. */
export interface CommentAuthor extends Person {
  handle: string;
}

/**
 * `published`: everyone sees it. `pending`: waiting for a moderator (only its author and
 * moderators see it). `removed`: deleted by its author or rejected by a moderator; shown as a
 * "comment removed" placeholder, without author or text, where replies hang below it.
 */
export type CommentState = 'published' | 'pending' | 'removed';

export interface Comment {
  id: string;
  threadId: string;
  /** The comment this one is nested under; `null` for a top-level comment. */
  parentId: string | null;
  /** 0 for top-level comments; at most the tenant's reply depth − 1. */
  depth: number;
  /**
   * Set when the reply was flattened: it answers `replyTo` (deeper than the nesting allows) but
   * is shown under `parentId`, with a "replying to" mention.
   */
  replyTo: { id: string; author: string | null } | null;
  /** `null` when removed. */
  author: CommentAuthor | null;
  /** The Markdown source; `null` when removed. */
  body: string | null;
  /** Safe HTML rendered from `body` on the server; `null` when removed. */
  html: string | null;
  state: CommentState;
  /** Why a pending comment waits — shown to its author and to moderators only. English. */
  pendingReason: string | null;
  /** The same as a reason code with params, to show in the reader's language (`held.newcomer`…). */
  pendingReasonCode: Reason | null;
  pendingReasonParams: ReasonParams;
  /** ISO 8601; `null` if never edited. */
  editedAt: string | null;
  createdAt: string;
  pinned: boolean;
  /** Marked as the accepted answer by the thread starter or a moderator. */
  accepted: boolean;
  reactions: Record<Reaction, number>;
  /** The caller's reactions. */
  myReactions: Reaction[];
  /** Written by the caller. */
  mine: boolean;
  /** Replies below a top-level comment (all depths); 0 on replies. */
  replyCount: number;
}

/** A top-level comment with the first of its replies, oldest first, as a flat list. */
export interface CommentWithReplies extends Comment {
  replies: Comment[];
  /** Cursor for {@link BridgekitClient.threads.replies}; `null` when every reply is here. */
  moreReplies: string | null;
}

export interface Thread {
  id: string;
  /** The key the page gave, or its canonical URL. */
  key: string;
  /** The canonical URL of the page, when the thread is attached by URL. */
  url: string | null;
  title: string | null;
  /** Published comments (not removed, not pending). */
  commentCount: number;
  /** The comment marked as the accepted answer. */
  acceptedCommentId: string | null;
  /** Whether the caller started the thread (and may mark the accepted answer). */
  startedByMe: boolean;
  createdAt: string;
  /** Of the last published comment. */
  lastCommentAt: string | null;
  /**
   * Published practice cards the war story became (promoted from the thread, or from one of its
   * comments: `comment` is that comment's id), oldest first.
   */
  practices: { id: string; title: string; comment: string | null }[];
}

/** A page of a thread's top-level comments; `thread` is `null` until the first comment. */
export interface ThreadPage {
  thread: Thread | null;
  items: CommentWithReplies[];
  nextCursor: string | null;
}

/** Where a thread is attached: an explicit key, or a page URL (normalised by the server). */
export type ThreadRef = { key: string; url?: never } | { url: string; key?: never };

export interface NewComment {
  /** Markdown (CommonMark, no raw HTML), 1–10,000 characters. */
  body: string;
  /** Reply to this comment of the same thread. */
  parentId?: string;
  /** The thread's title, used when this comment starts the thread (e.g. the page title). */
  title?: string;
}

/** A comment's new text. */
export interface CommentEdit {
  /** Markdown, 1–10,000 characters. */
  body: string;
}

/** A comment's text to preview before posting (`POST /comment-previews`). */
export interface CommentPreviewRequest {
  /** Markdown, 1–10,000 characters, as for posting. */
  body: string;
}

/** A comment's text rendered as it would be posted: the same Markdown rules and sanitising. */
export interface CommentPreview {
  /** Safe HTML, ready to insert as is. */
  html: string;
}

/** The query of a thread page, as the client sends it. */
/** `GET /threads`: the tenant's discussions, latest comment first. */
export interface ThreadListQuery extends PageQuery {
  /** Only a page's threads (`page`), or only ideas' or cards' own discussions. */
  kind?: 'page' | 'idea' | 'card';
}

export type ThreadPageQuery = ThreadRef & {
  sort?: CommentSort;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** Top-level comments per page, 1–50 (default 20). */
  limit?: number;
};

/** The query of the comment counts: each key and URL repeats the parameter (`key=a&key=b`), 1–100 in all. */
export interface CommentCountsQuery {
  key?: string[];
  url?: string[];
}

/** The query of a thread's activity. */
export interface ActivityQuery {
  /** ISO 8601: `until` of the previous answer (or when the page was loaded). */
  since: string;
  /** `next` of the previous answer, cut off at 500 changes (with the same `since`): the rest. */
  after?: string;
}

/** The query of the @mention suggestions. */
export interface MentionableQuery {
  /** The start of a name or handle, 1–60 characters. */
  q: string;
  /** 1–20 (default 8). */
  limit?: number;
}

/** What changed in a thread since a moment: what live updates announce, and what polling returns. */
export interface ThreadActivity {
  /** Comments that became visible (posted, approved). */
  created: string[];
  /** Comments whose text, reactions, pin or accepted mark changed. */
  updated: string[];
  /** Comments removed, rejected or hidden. */
  removed: string[];
  /** Pass this as `since` next time. */
  until: string;
  /** Only when the answer was cut off at 500 changes: ask again at once with `after` set to it. */
  next?: string;
}

/** A message on the live-updates WebSocket of a thread. */
export type LiveEvent =
  | { type: 'comment.created'; id: string; parentId: string | null; authorHandle: string | null }
  | { type: 'comment.updated'; id: string }
  | { type: 'comment.removed'; id: string }
  | { type: 'reactions'; id: string; reactions: Record<Reaction, number> };

/** A short-lived ticket to open a thread's live-updates socket (browsers cannot send headers on one). */
export interface LiveTicket {
  /** `wss://…/v1/live?ticket=…`, valid for a minute. */
  url: string;
  expiresAt: string;
}

export interface CommentRevision {
  body: string;
  html: string;
  /** When this text was replaced. */
  replacedAt: string;
  by: string;
}

/** A member others can @mention. */
export interface MentionableUser {
  handle: string;
  name: string;
  businessUnit: string | null;
}

// ——— Moderation ———

/** The tenant's moderation pipeline; each new or edited comment, idea and practice card passes its phases in order. */
export interface ModerationSettings {
  /** `off`; `new_users`: a person's contributions wait for a moderator until `newUserComments` of them are published; `all`. */
  preModeration: 'off' | 'new_users' | 'all';
  newUserComments: number;
  /** Words or phrases that get a comment, idea or card refused (whole words, any case, accents and hidden characters ignored). */
  bannedWords: string[];
  /** Words or phrases that hold a comment, idea or card for review. */
  suspectWords: string[];
  /** More links than this hold a comment, idea or card for review. */
  maxLinks: number;
  /** The same text again from one person within this many minutes is refused; 0 turns the check off. */
  repeatWindowMinutes: number;
  /** Reader flags that hide a published comment until a moderator reviews it. */
  flagThreshold: number;
  /** Nesting depth of replies (1–8); deeper replies are flattened with a "replying to" mention. */
  maxDepth: number;
}

/** A change to the moderation settings: only the fields given change. */
export type ModerationSettingsUpdate = Partial<ModerationSettings>;

export type FlagReason = 'spam' | 'abuse' | 'off_topic' | 'confidential' | 'other';

/** A reader's flag on a comment. */
export interface CommentFlag {
  reason: FlagReason;
}

/** What the moderation pipeline checks and the queue holds: comments, ideas and practice cards. */
export type ModeratedKind = 'comment' | 'idea' | 'card';

/** Why an item is in the moderation queue. Only comments can be `flagged` (by readers). */
export type QueueReason = 'pending' | 'flagged';

interface QueueItemBase {
  /** The author's internal id, for bans and time-outs. */
  authorId: string;
  reason: QueueReason;
  /** The phase that held it, or the flag reasons with their counts. English. */
  detail: string;
  /** A hold's reason code with params (`held.links`…), to show in the reader's language; `null` for flags. */
  detailCode: Reason | null;
  detailParams: ReasonParams;
  /** Readers' flags (comments only; empty otherwise). */
  flags: { reason: FlagReason; count: number }[];
  /** When the author may post again, if they are timed out or banned (`"forever"`). */
  authorRestrictedUntil: string | null;
}

/** A held, hidden or flagged comment. */
export interface CommentQueueItem extends QueueItemBase {
  kind: 'comment';
  comment: Comment;
  thread: Pick<Thread, 'id' | 'key' | 'url' | 'title'>;
}

/** An idea the pipeline held. Decide with `moderation.decideIdea`. */
export interface IdeaQueueItem extends QueueItemBase {
  kind: 'idea';
  idea: Idea;
}

/**
 * A new practice card the pipeline held (`edit: null`), or a held edit of a published card.
 * Decide with `moderation.decideCard` (passing `edit.id` for an edit).
 */
export interface CardQueueItem extends QueueItemBase {
  kind: 'card';
  /** The card as it would read once approved: a new card as written, or the published card with the edit applied. */
  card: PracticeCard;
  /** The held edit (`null` for a new card held whole): its id, to decide it by, and the published version it was made to. */
  edit: { id: string; baseVersion: number } | null;
  /** What a moderator reviews, labelled as the form labels it: an edit's changes, or every value a new card fills in. */
  changes: FieldChange[];
}

export type QueueItem = CommentQueueItem | IdeaQueueItem | CardQueueItem;

/** The query of the moderation queue. */
export interface QueueQuery extends PageQuery {
  /** Default `all`. */
  reason?: QueueReason | 'all';
  /** Only comments, ideas or cards. */
  kind?: ModeratedKind;
  /** Only this thread's comments (its id). */
  thread?: string;
}

export type ModerationDecision = { action: 'approve' } | { action: 'reject'; reason: string };

/** A decision on a held card; with `edit`, on that held edit of it (`CardQueueItem.edit.id`). */
export type CardModerationDecision = ModerationDecision & { edit?: string };

/** Ban (no `until`) or time out (until a moment) a person from posting. */
export interface Restriction {
  reason: string;
  /** ISO 8601; omit for a ban without end. */
  until?: string;
}

/** A person banned or timed out from posting, as moderators see them. */
export interface RestrictedPerson {
  /** Their user id: `PUT`/`DELETE …/users/{userId}/restriction`. */
  userId: string;
  name: string;
  handle: string | null;
  /** `"forever"` for a ban, else when the time-out ends (ISO 8601). */
  restrictedUntil: string;
  reason: string | null;
  /** Who banned or timed them out (the moderator's name, as the audit log has it); `null` when unknown. */
  restrictedBy: string | null;
}

/**
 * What the audit log records. `erase`: a person's personal data erased (docs/privacy.md); the
 * target is the person's id.
 */
export const AUDIT_ACTIONS = [
  'approve',
  'reject',
  'remove',
  'ban',
  'timeout',
  'lift_restriction',
  'pin',
  'unpin',
  'accept',
  'unaccept',
  'settings',
  'erase',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One moderator action, as the audit log keeps it. */
export interface AuditEntry {
  id: string;
  action: AuditAction;
  /** Who did it (their name) and their subject. */
  actor: { name: string; subject: string };
  target: { type: ModeratedKind | 'user' | 'tenant'; id: string };
  reason: string | null;
  at: string;
}
