/** One comment: read, edit, delete, its replies and history, reactions, flags, pin, accepted answer. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { hasRole, requireRole, requireWriter, roleOf } from '../auth/viewer.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { notifyThread } from '../live/notify.ts';
import {
  bearer,
  bodyErrors,
  conflictError,
  jsonContent,
  limitedErrors,
  optionalBearer,
  readErrors,
  rejectedError,
} from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import {
  CommentParams,
  CommentSchema,
  EditCommentSchema,
  FlagSchema,
  ReactionParams,
  RepliesPageSchema,
  RepliesQuery,
  RevisionSchema,
} from '../schemas/threads.ts';
import { commentFacts, commentHistory, editComment, getComment, getCommentAsModerator, removeComment } from '../store/comments.ts';
import { flagComment, logAction, moderatorOf, setAccepted, setPinned } from '../store/moderation.ts';
import { setReaction } from '../store/reactions.ts';
import { replies } from '../store/threads.ts';
import { viewerUserIdValue } from '../store/users.ts';
import { createRouter } from './router.ts';

export const commentsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/comments/{id}',
      operationId: 'getComment',
      security: optionalBearer,
      tags: ['Comments'],
      summary: 'Read a comment',
      description: "Others' pending comments are visible to moderators only.",
      request: { params: CommentParams },
      responses: { 200: jsonContent(CommentSchema, 'The comment as the caller may see it.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const id = c.req.valid('param').id;
      try {
        return c.json(await getComment(db, tenant.id, viewer, id), 200);
      } catch (error) {
        // Only then ask for the role: most reads are of published comments.
        if (!(error instanceof ApiError && error.status === 404) || !hasRole(await roleOf(db, tenant.id, viewer), 'moderator')) throw error;
        return c.json(await getCommentAsModerator(db, tenant.id, viewer, id), 200);
      }
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/comments/{id}',
      operationId: 'editComment',
      security: bearer,
      tags: ['Comments'],
      summary: 'Edit your comment',
      description:
        'The author only. The old text is kept in the history and the comment shows "edited". The new text passes moderation again.',
      request: { params: CommentParams, body: jsonBody(EditCommentSchema, examples.commentEdit) },
      responses: {
        200: jsonContent(CommentSchema, 'The comment after the edit.'),
        ...bodyErrors,
        ...conflictError,
        ...rejectedError('new text'),
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'edit a comment');
      const { comment, before } = await editComment(db, tenant, viewer, actor, c.req.valid('param').id, c.req.valid('json').body);
      const now = comment.state;
      if (before === 'published' && now === 'published') notifyThread(c, comment.threadId, { type: 'comment.updated', id: comment.id });
      else if (before === 'published') notifyThread(c, comment.threadId, { type: 'comment.removed', id: comment.id });
      else if (now === 'published') {
        notifyThread(c, comment.threadId, {
          type: 'comment.created',
          id: comment.id,
          parentId: comment.parentId,
          authorHandle: comment.author?.handle ?? null,
        });
      }
      return c.json(comment, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/comments/{id}',
      operationId: 'deleteComment',
      security: bearer,
      tags: ['Comments'],
      summary: 'Delete a comment',
      description:
        'By its author, or by a moderator (recorded in the audit log). The comment becomes a "comment removed" placeholder where replies hang below it. Idempotent.',
      request: { params: CommentParams },
      responses: { 204: { description: 'Removed.' }, ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'delete a comment');
      const facts = await commentFacts(db, tenant.id, viewer, c.req.valid('param').id);
      const own = facts.authorSubject === actor.subject;
      if (!own) {
        if (facts.state !== 'published') throw new ApiError(404, 'not_found.comment', { id: facts.id });
        await requireRole(db, tenant.id, viewer, 'moderator', "delete someone else's comment");
      }
      if (facts.state !== 'removed') {
        const now = Date.now();
        const audit = own ? [] : [logAction(db, tenant.id, moderatorOf(viewer), 'remove', { type: 'comment', id: facts.id }, null, now)];
        await removeComment(db, tenant.id, facts, own ? 'author' : 'moderator', now, audit);
        notifyThread(c, facts.threadId, { type: 'comment.removed', id: facts.id });
      }
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/comments/{id}/replies',
      operationId: 'listCommentReplies',
      security: optionalBearer,
      tags: ['Comments'],
      summary: 'More replies of a top-level comment',
      description: 'Oldest first, after `cursor` (the `moreReplies` of the thread page).',
      request: { params: CommentParams, query: RepliesQuery },
      responses: { 200: jsonContent(RepliesPageSchema, 'One page of replies.'), ...readErrors },
    }),
    async (c) => c.json(await replies(c.var.db, c.var.tenant.id, c.var.viewer, c.req.valid('param').id, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/comments/{id}/history',
      operationId: 'listCommentRevisions',
      security: bearer,
      tags: ['Comments'],
      summary: "A comment's earlier texts",
      description: 'For its author and moderators. Newest first.',
      request: { params: CommentParams },
      responses: { 200: jsonContent(z.object({ items: z.array(RevisionSchema) }), 'The texts each edit replaced.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, "read a comment's history");
      const facts = await commentFacts(db, tenant.id, viewer, c.req.valid('param').id);
      if (facts.authorSubject !== actor.subject) await requireRole(db, tenant.id, viewer, 'moderator', "read someone else's edit history");
      return c.json({ items: await commentHistory(db, tenant.id, facts.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/comments/{id}/reactions/{reaction}',
      operationId: 'addReaction',
      security: bearer,
      tags: ['Comments'],
      summary: 'React to a comment',
      description: 'One of each reaction per person. Idempotent.',
      request: { params: ReactionParams },
      responses: { 200: jsonContent(CommentSchema, 'The comment with its reaction counts.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => {
      const { id, reaction } = c.req.valid('param');
      const comment = await setReaction(c.var.db, c.var.tenant.id, c.var.viewer, requireWriter(c.var.viewer, 'react'), id, reaction, true);
      notifyThread(c, comment.threadId, { type: 'reactions', id, reactions: comment.reactions });
      return c.json(comment, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/comments/{id}/reactions/{reaction}',
      operationId: 'removeReaction',
      security: bearer,
      tags: ['Comments'],
      summary: 'Take back a reaction',
      description: 'Idempotent.',
      request: { params: ReactionParams },
      responses: { 200: jsonContent(CommentSchema, 'The comment with its reaction counts.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => {
      const { id, reaction } = c.req.valid('param');
      const comment = await setReaction(c.var.db, c.var.tenant.id, c.var.viewer, requireWriter(c.var.viewer, 'react'), id, reaction, false);
      notifyThread(c, comment.threadId, { type: 'reactions', id, reactions: comment.reactions });
      return c.json(comment, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/comments/{id}/flags',
      operationId: 'flagComment',
      security: bearer,
      tags: ['Comments'],
      summary: 'Flag a comment for moderators',
      description:
        "Once per person (flagging again changes the reason). At the tenant's flag threshold the comment is hidden until a moderator reviews it. Not your own comments.",
      request: { params: CommentParams, body: jsonBody(FlagSchema, examples.flag) },
      responses: {
        200: jsonContent(z.object({ hidden: z.boolean() }), 'Whether the comment is now hidden pending review.'),
        ...bodyErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'flag a comment');
      const facts = await commentFacts(db, tenant.id, viewer, c.req.valid('param').id);
      const result = await flagComment(db, tenant.id, tenant.moderation, actor, facts, c.req.valid('json').reason);
      if (result.hidden) notifyThread(c, facts.threadId, { type: 'comment.removed', id: facts.id });
      return c.json(result, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/comments/{id}/pin',
      operationId: 'pinComment',
      security: bearer,
      tags: ['Moderation'],
      summary: 'Pin a top-level comment (moderators)',
      request: { params: CommentParams },
      responses: { 200: jsonContent(CommentSchema, 'The pinned comment.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => pin(c, true),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/comments/{id}/pin',
      operationId: 'unpinComment',
      security: bearer,
      tags: ['Moderation'],
      summary: 'Unpin a comment (moderators)',
      request: { params: CommentParams },
      responses: { 200: jsonContent(CommentSchema, 'The comment.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => pin(c, false),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/comments/{id}/accepted',
      operationId: 'acceptComment',
      security: bearer,
      tags: ['Comments'],
      summary: 'Mark the accepted answer',
      description: 'By the thread starter or a moderator. One per thread: marking another moves the mark.',
      request: { params: CommentParams },
      responses: { 200: jsonContent(CommentSchema, 'The accepted comment.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => accept(c, true),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/comments/{id}/accepted',
      operationId: 'unacceptComment',
      security: bearer,
      tags: ['Comments'],
      summary: 'Unmark the accepted answer',
      request: { params: CommentParams },
      responses: { 200: jsonContent(CommentSchema, 'The comment.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => accept(c, false),
  );

type CommentContext = Context<AppEnv>;

async function pin(c: CommentContext, pinned: boolean) {
  const { db, tenant, viewer } = c.var;
  await requireRole(db, tenant.id, viewer, 'moderator', pinned ? 'pin comments' : 'unpin comments');
  const facts = await commentFacts(db, tenant.id, viewer, c.req.param('id') ?? '');
  await setPinned(db, tenant.id, moderatorOf(viewer), facts, pinned);
  notifyThread(c, facts.threadId, { type: 'comment.updated', id: facts.id });
  return c.json(await getComment(db, tenant.id, viewer, facts.id), 200);
}

async function accept(c: CommentContext, accepted: boolean) {
  const { db, tenant, viewer } = c.var;
  const actor = requireWriter(viewer, 'mark the accepted answer');
  const facts = await commentFacts(db, tenant.id, viewer, c.req.param('id') ?? '');
  const starter = facts.startedBy === (await viewerUserIdValue(db, tenant.id, actor));
  if (!starter && !hasRole(await roleOf(db, tenant.id, viewer), 'moderator')) {
    throw new ApiError(403, 'forbidden.accept_answer', {});
  }
  const { previous } = await setAccepted(db, tenant.id, moderatorOf(viewer), facts, accepted);
  notifyThread(
    c,
    facts.threadId,
    { type: 'comment.updated', id: facts.id },
    ...(previous ? [{ type: 'comment.updated' as const, id: previous }] : []),
  );
  return c.json(await getComment(db, tenant.id, viewer, facts.id), 200);
}
