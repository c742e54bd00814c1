/** Moderators' tools: the queue, decisions on comments, ideas and cards, bans and time-outs; admins' settings and audit log. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, roleOf } from '../auth/viewer.ts';
import { notifyThread } from '../live/notify.ts';
import { CardParams, CardSchema } from '../schemas/cards.ts';
import { bearer, bodyErrors, conflictError, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { IdeaParams, IdeaSchema } from '../schemas/ideas.ts';
import {
  AuditPageSchema,
  AuditQuery,
  CardDecisionSchema,
  CommentParams,
  CommentSchema,
  DecisionSchema,
  ModerationSettingsSchema,
  ModerationSettingsUpdateSchema,
  QueuePageSchema,
  QueueQuery,
  RestrictionSchema,
  RestrictionsPageSchema,
  UserParams,
} from '../schemas/threads.ts';
import { getCard } from '../store/cards.ts';
import { commentFacts, getCommentAsModerator } from '../store/comments.ts';
import { getIdea } from '../store/ideas.ts';
import {
  auditLog,
  decide,
  decideCard,
  decideIdea,
  liftRestriction,
  listRestrictions,
  moderatorOf,
  readModerationSettings,
  restrictUser,
  updateModerationSettings,
} from '../store/moderation.ts';
import { moderationQueue } from '../store/moderation-queue.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const moderationRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/moderation/queue',
      operationId: 'getModerationQueue',
      security: bearer,
      tags: ['Moderation'],
      summary: 'The moderation queue (moderators)',
      description:
        '`pending`: comments, ideas and cards held by the pipeline, and comments hidden by reader flags; `flagged`: published comments readers flagged; `all`: both. `kind` keeps one kind of item. Oldest first.',
      request: { params: TenantParams, query: QueueQuery },
      responses: { 200: jsonContent(QueuePageSchema, 'One page of the queue.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'moderator', 'read the moderation queue');
      return c.json(await moderationQueue(db, tenant.id, viewer, c.req.valid('query')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/comments/{id}/moderation',
      operationId: 'moderateComment',
      security: bearer,
      tags: ['Moderation'],
      summary: 'Approve or reject a comment (moderators)',
      description: 'Approve publishes it and clears its flags. Reject removes it; the reason goes to the audit log. Both are recorded.',
      request: { params: CommentParams, body: jsonBody(DecisionSchema, examples.approve) },
      responses: { 200: jsonContent(CommentSchema, 'The comment after the decision.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const decision = c.req.valid('json');
      await requireRole(db, tenant.id, viewer, 'moderator', decision.action === 'approve' ? 'approve comments' : 'reject comments');
      const facts = await commentFacts(db, tenant.id, viewer, c.req.valid('param').id);
      await decide(db, tenant.id, moderatorOf(viewer), facts, decision);
      const comment = await getCommentAsModerator(db, tenant.id, viewer, facts.id);
      if (decision.action === 'approve' && facts.state === 'pending') {
        notifyThread(c, facts.threadId, {
          type: 'comment.created',
          id: facts.id,
          parentId: comment.parentId,
          authorHandle: comment.author?.handle ?? null,
        });
      } else if (decision.action === 'reject') {
        notifyThread(c, facts.threadId, { type: 'comment.removed', id: facts.id });
      }
      return c.json(comment, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/ideas/{id}/moderation',
      operationId: 'moderateIdea',
      security: bearer,
      tags: ['Moderation'],
      summary: 'Approve or reject an idea (moderators)',
      description:
        'Approve publishes a held idea: it appears on its board, counts, and can be found and backed. Reject keeps it from everyone but its author, who sees the reason. Both are recorded in the audit log.',
      request: { params: IdeaParams, body: jsonBody(DecisionSchema, examples.approve) },
      responses: { 200: jsonContent(IdeaSchema, 'The idea after the decision.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const decision = c.req.valid('json');
      await requireRole(db, tenant.id, viewer, 'moderator', decision.action === 'approve' ? 'approve ideas' : 'reject ideas');
      const { id } = c.req.valid('param');
      await decideIdea(db, tenant.id, moderatorOf(viewer), id, decision);
      return c.json(await getIdea(db, tenant.id, viewer, id, true), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/cards/{id}/moderation',
      operationId: 'moderateCard',
      security: bearer,
      tags: ['Moderation'],
      summary: 'Approve or reject a held card or card edit (moderators)',
      description:
        "Without `edit`: a new card held whole — approve publishes it, reject keeps it for its author only, with the reason. With `edit` (a queue item's `edit.id`): a held edit of a published card — approve applies it as the next version (409 when the card changed since it was made: reject it instead), reject keeps it for its author, with the reason, and the card as it was. Recorded in the audit log.",
      request: { params: CardParams, body: jsonBody(CardDecisionSchema, examples.approveCard) },
      responses: { 200: jsonContent(CardSchema, 'The card after the decision.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const decision = c.req.valid('json');
      await requireRole(db, tenant.id, viewer, 'moderator', decision.action === 'approve' ? 'approve cards' : 'reject cards');
      const { id } = c.req.valid('param');
      await decideCard(db, tenant.id, moderatorOf(viewer), id, decision);
      return c.json(await getCard(db, tenant.id, viewer, id, Date.now(), true), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/users/{userId}/restriction',
      operationId: 'restrictUser',
      security: bearer,
      tags: ['Moderation'],
      summary: 'Ban or time out a person (moderators)',
      description:
        'Without `until`: banned from posting until lifted. With `until`: timed out until then. Recorded in the audit log. Nobody restricts themselves or someone whose role ranks above their own (member < evaluator < moderator < admin): 403.',
      request: { params: UserParams, body: jsonBody(RestrictionSchema, examples.restriction) },
      responses: { 200: jsonContent(z.object({ restrictedUntil: z.string().nullable() }), '`"forever"` for a ban.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'moderator', 'ban or time out people');
      const role = await roleOf(db, tenant.id, viewer);
      return c.json(await restrictUser(db, tenant.id, moderatorOf(viewer), role, c.req.valid('param').userId, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/users/{userId}/restriction',
      operationId: 'liftRestriction',
      security: bearer,
      tags: ['Moderation'],
      summary: 'Lift a ban or time-out (moderators)',
      request: { params: UserParams },
      responses: { 204: { description: 'Lifted.' }, ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'moderator', 'lift bans and time-outs');
      await liftRestriction(db, tenant.id, moderatorOf(viewer), c.req.valid('param').userId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/moderation/restrictions',
      operationId: 'listRestrictions',
      security: bearer,
      tags: ['Moderation'],
      summary: 'The people banned or timed out now (moderators)',
      description: 'The soonest to end first; bans, which end only when lifted, last.',
      request: { params: TenantParams, query: AuditQuery },
      responses: { 200: jsonContent(RestrictionsPageSchema, 'One page of the people restricted now.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'moderator', 'see who is banned or timed out');
      return c.json(await listRestrictions(db, tenant.id, c.req.valid('query')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/moderation/settings',
      operationId: 'getModerationSettings',
      security: bearer,
      tags: ['Moderation'],
      summary: 'The moderation pipeline settings (moderators)',
      request: { params: TenantParams },
      responses: { 200: jsonContent(ModerationSettingsSchema, 'The settings, defaults filled in.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'moderator', 'read the moderation settings');
      return c.json(await readModerationSettings(db, tenant.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/moderation/settings',
      operationId: 'updateModerationSettings',
      security: bearer,
      tags: ['Moderation'],
      summary: 'Change the moderation pipeline (admins)',
      description: 'Fields left out keep their values. Recorded in the audit log. Takes effect within 30 seconds on every Worker instance.',
      request: {
        params: TenantParams,
        body: jsonBody(ModerationSettingsUpdateSchema, examples.moderationSettings),
      },
      responses: { 200: jsonContent(ModerationSettingsSchema, 'The settings after the change.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'change the moderation settings');
      return c.json(await updateModerationSettings(db, tenant.id, changeAuthorOf(c), c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/moderation/audit-log',
      operationId: 'listAuditLog',
      security: bearer,
      tags: ['Moderation'],
      summary: 'Every moderator action (admins)',
      description: 'Newest first.',
      request: { params: TenantParams, query: AuditQuery },
      responses: { 200: jsonContent(AuditPageSchema, 'One page of the log.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'read the audit log');
      return c.json(await auditLog(db, tenant.id, c.req.valid('query')), 200);
    },
  );
