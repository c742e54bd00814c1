/** Reactions (👍 💡 ❤️), one of each per person and comment; counts recomputed in the same batch. */
import type { Comment, Reaction } from '@bridgekit/sdk';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { commentReactions, comments } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { ApiError, notFound } from '../errors.ts';
import { selectComments, toComment } from './comment-rows.ts';
import { inReadableThread } from './item-threads.ts';
import { upsertUser, viewerUserId } from './users.ts';

const countOf = (reaction: Reaction | null) =>
  sql`(select count(*) from ${commentReactions} cr where cr.comment_id = ${qualified(comments.id)}${reaction ? sql` and cr.reaction = ${reaction}` : sql``})`;

/**
 * Adds (`on`) or takes back the caller's reaction. Idempotent. Only on published comments, and
 * 404 in a discussion the viewer may not read (as for a comment that is not there).
 */
export async function setReaction(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  actor: Actor,
  id: string,
  reaction: Reaction,
  on: boolean,
  now = Date.now(),
): Promise<Comment> {
  const me = viewerUserId(tenantId, actor);
  const readable = and(eq(comments.tenantId, tenantId), eq(comments.id, id), inReadableThread(tenantId, viewer));
  const published = and(readable, eq(comments.state, 'published'));
  const change = on
    ? db
        .insert(commentReactions)
        .select(
          db
            .select({
              commentId: comments.id,
              userId: sql<string>`${me}`.as('user_id'),
              tenantId: comments.tenantId,
              reaction: sql<Reaction>`${reaction}`.as('reaction'),
              createdAt: sql<number>`${now}`.as('created_at'),
            })
            .from(comments)
            .where(published),
        )
        .onConflictDoNothing()
    : db
        .delete(commentReactions)
        .where(
          and(
            eq(commentReactions.tenantId, tenantId),
            eq(commentReactions.commentId, id),
            eq(commentReactions.userId, me),
            eq(commentReactions.reaction, reaction),
            sql`exists (select 1 from ${comments} where ${published})`,
          ),
        );
  const [, , , [row]] = await db.batch([
    // Only for a published comment: a reaction answered 404 or 409 leaves the person untouched.
    upsertUser(db, tenantId, actor, now, sql`exists (select 1 from ${comments} where ${published})`),
    change,
    db
      .update(comments)
      .set({
        likeCount: countOf('like'),
        insightCount: countOf('insight'),
        loveCount: countOf('love'),
        reactionCount: countOf(null),
        updatedAt: now,
      })
      .where(published),
    selectComments(db, tenantId, actor).where(readable),
  ]);
  if (!row || (row.comment.state !== 'published' && row.mine !== 1)) throw notFound('not_found.comment', { id });
  if (row.comment.state !== 'published') throw new ApiError(409, 'conflict.react_unpublished', {});
  return toComment(row);
}
