/**
 * How comments are read: one select shape (with the author, the caller's reactions and whether
 * the caller wrote it, all in the same statement), who may see what, and the mapping to the
 * wire type. Shared by thread pages, single comments, replies and the moderation queue.
 */

import type { Comment, Reaction } from '@bridgekit/sdk';
import { REACTIONS } from '@bridgekit/sdk';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { commentReactions, comments, threads, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { ApiError, fieldIssue } from '../errors.ts';
import { fromBase64Url, toBase64Url } from '../lib/base64url.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { shownReason } from '../moderation/reasons.ts';
import { toPerson } from './business-units.ts';
import { unitRefColumn } from './unit-access.ts';
import { viewerUserId } from './users.ts';

export function commentColumns(tenantId: string, viewer: Viewer | Actor) {
  const me = viewerUserId(tenantId, viewer);
  return {
    comment: comments,
    authorName: users.name,
    authorBusinessUnit: users.businessUnit,
    authorUnit: unitRefColumn(users.unitId),
    authorHandle: users.handle,
    replyToAuthor: sql<string | null>`(select ru.name from ${comments} rc join ${users} ru on ru.id = rc.author_id
      where rc.id = ${qualified(comments.replyToId)} and rc.state = 'published')`,
    accepted: sql<number>`exists (select 1 from ${threads} th where th.id = ${qualified(comments.threadId)} and th.accepted_comment_id = ${qualified(comments.id)})`,
    myReactions: sql<string | null>`(select group_concat(mr.reaction) from ${commentReactions} mr
      where mr.comment_id = ${qualified(comments.id)} and mr.user_id = ${me})`,
    mine: sql<number | null>`(${qualified(comments.authorId)} = ${me})`,
  };
}

export function selectComments(db: Database, tenantId: string, viewer: Viewer | Actor) {
  return db.select(commentColumns(tenantId, viewer)).from(comments).innerJoin(users, eq(users.id, comments.authorId));
}

export type CommentRow = Awaited<ReturnType<ReturnType<typeof selectComments>['all']>>[number];

/**
 * What the caller may see: published comments, their own pending ones, and — as "comment
 * removed" placeholders that keep the tree — hidden comments with published replies.
 * `alias` names the comments table when a query reads it under another name.
 */
export function visibleTo(tenantId: string, viewer: Viewer | Actor, alias?: string): SQL {
  const column = (c: typeof comments.state | typeof comments.authorId | typeof comments.id) =>
    alias ? sql`${sql.identifier(alias)}.${sql.identifier(c.name)}` : qualified(c);
  return sql`(${column(comments.state)} = 'published'
    or ${column(comments.authorId)} = ${viewerUserId(tenantId, viewer)}
    or exists (select 1 from ${comments} ch where ch.parent_id = ${column(comments.id)} and ch.state = 'published'))`;
}

const NO_REACTIONS: Record<Reaction, number> = { like: 0, insight: 0, love: 0 };

/** The wire form. `asModerator` shows pending comments of others in full (the moderation queue). */
export function toComment(row: CommentRow, asModerator = false): Comment {
  const c = row.comment;
  const mine = row.mine === 1;
  const hidden = c.state === 'removed' || (c.state === 'pending' && !mine && !asModerator);
  const pending = hidden || c.state !== 'pending' ? null : shownReason(c.pendingReason, asModerator);
  const reactions = { like: c.likeCount, insight: c.insightCount, love: c.loveCount };
  return {
    id: c.id,
    threadId: c.threadId,
    parentId: c.parentId,
    depth: c.depth,
    replyTo: c.replyToId ? { id: c.replyToId, author: row.replyToAuthor } : null,
    author: hidden ? null : { ...toPerson(row.authorName, row.authorBusinessUnit, row.authorUnit), handle: row.authorHandle ?? '' },
    body: hidden ? null : c.body,
    html: hidden ? null : c.html,
    state: hidden ? 'removed' : c.state,
    pendingReason: pending?.text ?? null,
    pendingReasonCode: pending?.code ?? null,
    pendingReasonParams: pending?.params ?? {},
    editedAt: hidden ? null : isoTimeOrNull(c.editedAt),
    createdAt: isoTime(c.createdAt),
    pinned: c.pinned,
    accepted: !hidden && row.accepted === 1,
    reactions: hidden ? { ...NO_REACTIONS } : reactions,
    myReactions: hidden ? [] : parseReactions(row.myReactions),
    mine,
    replyCount: c.replyCount,
  };
}

function parseReactions(list: string | null): Reaction[] {
  if (!list) return [];
  const mine = new Set(list.split(','));
  return REACTIONS.filter((r) => mine.has(r));
}

/** Opaque keyset cursors of comment lists: a tag naming the list and sort, then the last item's keys. */
export function encodeListCursor(tag: string, keys: (string | number)[]): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([tag, ...keys])));
}

/**
 * The cursor after a page read with one row more than `limit` (that extra row says there is more):
 * the keys of the page's last row, or null at the end.
 */
export function nextListCursor<T>(rows: readonly T[], limit: number, tag: string, keysOf: (last: T) => (string | number)[]): string | null {
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return last === undefined ? null : encodeListCursor(tag, keysOf(last));
}

export function decodeListCursor(text: string, tag: string, shape: ('string' | 'number')[]): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
  } catch {
    parsed = null;
  }
  const list: unknown[] = Array.isArray(parsed) ? parsed : [];
  const valid =
    list.length === shape.length + 1 &&
    shape.every((type, i) => typeof list[i + 1] === type && (type === 'string' || Number.isFinite(list[i + 1])));
  if (!valid || list[0] !== tag) {
    const reason = typeof list[0] === 'string' && list[0] !== tag ? 'validation_failed.cursor_list' : 'validation_failed.cursor';
    throw new ApiError(400, reason, {}, { details: [fieldIssue('query.cursor', reason)] });
  }
  return list.slice(1) as (string | number)[];
}
