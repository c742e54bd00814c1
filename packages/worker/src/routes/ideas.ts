/** Ideas on a board, and votes on ideas. */
import { createRoute } from '@hono/zod-openapi';
import { requireRole, requireWriter } from '../auth/viewer.ts';
import { decodeCursor } from '../lib/cursor.ts';
import { bearer, commonErrors, jsonContent } from '../schemas/common.ts';
import {
  BoardIdeasParams,
  IdeaPageSchema,
  IdeaParams,
  IdeaSchema,
  ListIdeasQuery,
  NewIdeaSchema,
  VoteStateSchema,
} from '../schemas/ideas.ts';
import { createIdea, deleteIdea, getIdea, listIdeas, unvote, vote } from '../store/ideas.ts';
import { createRouter } from './router.ts';

export const ideasRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}/ideas',
      tags: ['Ideas'],
      summary: "List a board's ideas",
      description: "Cursor-paginated. Each idea carries the caller's own vote state (`voted`).",
      request: { params: BoardIdeasParams, query: ListIdeasQuery },
      responses: { 200: jsonContent(IdeaPageSchema, 'One page of ideas.'), ...commonErrors },
    }),
    async (c) => {
      const { board } = c.req.valid('param');
      const { sort, cursor, limit } = c.req.valid('query');
      const page = await listIdeas(c.var.db, c.var.tenant.id, c.var.viewer, {
        board,
        sort,
        limit,
        cursor: cursor ? decodeCursor(cursor, sort) : null,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/boards/{board}/ideas',
      tags: ['Ideas'],
      summary: 'Submit an idea',
      security: bearer,
      request: { params: BoardIdeasParams, body: { required: true, content: { 'application/json': { schema: NewIdeaSchema } } } },
      responses: { 201: jsonContent(IdeaSchema, 'The new idea.'), ...commonErrors },
    }),
    async (c) => {
      const viewer = requireWriter(c.var.viewer, 'submit an idea');
      const { board } = c.req.valid('param');
      const idea = await createIdea(c.var.db, c.var.tenant.id, viewer, { board, ...c.req.valid('json') });
      return c.json(idea, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/ideas/{id}',
      tags: ['Ideas'],
      summary: 'Get one idea',
      request: { params: IdeaParams },
      responses: { 200: jsonContent(IdeaSchema, "The idea, with the caller's vote state."), ...commonErrors },
    }),
    async (c) => c.json(await getIdea(c.var.db, c.var.tenant.id, c.var.viewer, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/ideas/{id}',
      tags: ['Ideas'],
      summary: 'Remove an idea (moderators)',
      description: 'Removes the idea and its votes. Takes the moderator role.',
      security: bearer,
      request: { params: IdeaParams },
      responses: { 204: { description: 'Removed.' }, ...commonErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'moderator', 'remove ideas');
      await deleteIdea(db, tenant.id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/ideas/{id}/vote',
      tags: ['Ideas'],
      summary: 'Back an idea',
      description: 'Idempotent: backing an idea twice counts once.',
      security: bearer,
      request: { params: IdeaParams },
      responses: { 200: jsonContent(VoteStateSchema, "The idea's count and the caller's vote."), ...commonErrors },
    }),
    async (c) => {
      const viewer = requireWriter(c.var.viewer, 'back an idea');
      return c.json(await vote(c.var.db, c.var.tenant.id, viewer, c.req.valid('param').id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/ideas/{id}/vote',
      tags: ['Ideas'],
      summary: 'Withdraw support',
      description: 'Idempotent.',
      security: bearer,
      request: { params: IdeaParams },
      responses: { 200: jsonContent(VoteStateSchema, "The idea's count and the caller's vote."), ...commonErrors },
    }),
    async (c) => {
      const viewer = requireWriter(c.var.viewer, 'withdraw support');
      return c.json(await unvote(c.var.db, c.var.tenant.id, viewer, c.req.valid('param').id), 200);
    },
  );
