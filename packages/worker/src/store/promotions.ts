/**
 * A war story promoted to a practice card: the thread (its first published comment) or one of
 * its comments becomes a card of the chosen template, saved as any new card is (the moderation
 * pipeline included), with its source kept on the card and listed on the thread. One card per
 * story: promoting it again — or twice at once — answers the card it already became.
 */
import type { PracticeCard, PromoteStory, Promotion } from '@bridgekit/sdk';
import { and, asc, eq, sql } from 'drizzle-orm';
import { effectiveRole, hasRole, selectGrantedRole } from '../auth/viewer.ts';
import { cardFromStory } from '../cards/story.ts';
import type { Database } from '../db/client.ts';
import { cards, comments, threads } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { type CardStory, getCard, insertCard, type Saver } from './cards.ts';
import { threadReadable } from './item-threads.ts';
import { findTemplate } from './templates.ts';
import type { Tenant } from './tenants.ts';
import { viewerUserId } from './users.ts';

/**
 * Promotes the thread's story (its first published top-level comment), or `input.comment`, to a
 * card of `input.template` owned by the promoter. Moderators may promote any story; others only
 * their own (the thread they started, the comment they wrote). The discussion of an idea or card
 * the caller may not see is not there for them (404).
 */
export async function promoteStory(
  db: Database,
  tenant: Tenant,
  saver: Saver,
  threadId: string,
  input: PromoteStory,
  now = Date.now(),
): Promise<Promotion> {
  const tenantId = tenant.id;
  const { viewer, actor } = saver;
  const me = viewerUserId(tenantId, actor);
  const story = input.comment
    ? and(eq(comments.tenantId, tenantId), eq(comments.id, input.comment))
    : and(eq(comments.tenantId, tenantId), eq(comments.threadId, threadId), eq(comments.depth, 0), eq(comments.state, 'published'));
  const [threadRows, storyRows, grant] = await db.batch([
    db
      .select({
        id: threads.id,
        title: threads.title,
        startedByMe: sql<number | null>`(${qualified(threads.startedBy)} = ${me})`.as('mine'),
      })
      .from(threads)
      .where(and(eq(threads.tenantId, tenantId), eq(threads.id, threadId), threadReadable(tenantId, viewer))),
    db
      .select({
        id: comments.id,
        threadId: comments.threadId,
        body: comments.body,
        state: comments.state,
        mine: sql<number | null>`(${qualified(comments.authorId)} = ${me})`.as('mine'),
      })
      .from(comments)
      .where(story)
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(1),
    selectGrantedRole(db, tenantId, actor.subject),
  ]);
  const thread = threadRows[0];
  if (!thread) throw notFound('not_found.thread', { id: threadId });
  const moderator = hasRole(effectiveRole(viewer, grant[0]?.role), 'moderator');
  const comment = storyRows[0];
  if (input.comment) {
    // Someone else's held or removed comment is not there for them.
    if (!comment || (comment.state !== 'published' && comment.mine !== 1 && !moderator)) {
      throw notFound('not_found.comment', { id: input.comment });
    }
    if (comment.threadId !== thread.id) {
      throw new ApiError(
        400,
        'validation_failed.promote_elsewhere',
        { comment: input.comment },
        { details: [fieldIssue('body.comment', 'field.other_thread')] },
      );
    }
    if (!moderator && comment.mine !== 1) throw new ApiError(403, 'forbidden.promote_comment', {});
    if (comment.state !== 'published') throw new ApiError(409, 'conflict.promote_unpublished', {});
  } else {
    if (!moderator && thread.startedByMe !== 1) throw new ApiError(403, 'forbidden.promote_thread', {});
    if (!comment) throw new ApiError(409, 'conflict.promote_empty', {});
  }

  const origin: CardStory = {
    threadId: thread.id,
    commentId: input.comment ? (comment?.id ?? null) : null,
    promotedFrom: input.comment ? `comment:${input.comment}` : `thread:${thread.id}`,
  };
  const existing = await promotedCard(db, tenantId, saver, origin.promotedFrom, moderator, now);
  if (existing) return { card: existing, created: false };

  const template = await findTemplate(db, tenantId, input.template).catch((err: unknown) => {
    // Only its 404: a failed read of the template is not the caller's mistake.
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    throw new ApiError(
      400,
      'validation_failed.no_template',
      { template: input.template },
      { details: [fieldIssue('body.template', 'field.unknown_template')] },
    );
  });
  const content = cardFromStory(template, { title: input.comment ? null : thread.title, body: comment?.body ?? '' });
  const note = 'Promoted from a war story';
  const { id, inserted } = await insertCard(db, tenant, saver, { templateId: template.id, ...content, note }, origin, now);
  if (!inserted) {
    // Another promotion of the same story won the race between the look-up above and the insert.
    const winner = await promotedCard(db, tenantId, saver, origin.promotedFrom, moderator, now);
    if (!winner) throw new Error(`The card promoted from ${origin.promotedFrom} was not found.`);
    return { card: winner, created: false };
  }
  return { card: await getCard(db, tenantId, actor, id, now), created: true };
}

/**
 * The card the story already became, as the caller may see it: published, their own, or any to
 * a moderator; a 409 when it is someone else's and held. `null` when there is none.
 */
async function promotedCard(
  db: Database,
  tenantId: string,
  { actor }: Saver,
  promotedFrom: string,
  moderator: boolean,
  now: number,
): Promise<PracticeCard | null> {
  const [row] = await db
    .select({
      id: cards.id,
      state: cards.state,
      mine: sql<number | null>`(${qualified(cards.authorId)} = ${viewerUserId(tenantId, actor)})`,
    })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.promotedFrom, promotedFrom)));
  if (!row) return null;
  if (row.state === 'published' || row.mine === 1) return getCard(db, tenantId, actor, row.id, now);
  if (moderator) return getCard(db, tenantId, actor, row.id, now, true);
  throw new ApiError(409, 'conflict.promotion_held', {});
}
