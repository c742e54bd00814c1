/** Ideas on a board, and votes on ideas. */
import { createRoute } from '@hono/zod-openapi';
import { requireSignedIn } from '../auth/viewer.ts';
import { database } from '../db/client.ts';
import { decodeCursor } from '../lib/cursor.ts';
import { commonErrors, jsonContent } from '../schemas/common.ts';
import {
  BoardIdeasParams,
  IdeaPageSchema,
  IdeaParams,
  IdeaSchema,
  ListIdeasQuery,
  NewIdeaSchema,
  VoteStateSchema,
} from '../schemas/ideas.ts';
import { createIdea, getIdea, listIdeas, unvote, vote } from '../store/ideas.ts';
import { createRouter } from './router.ts';

const bearer = [{ bearerAuth: [] }];

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
      const page = await listIdeas(database(c.env.DB), c.var.tenant.id, c.var.viewer, {
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
      const viewer = requireSignedIn(c.var.viewer, 'submit an idea');
      const { board } = c.req.valid('param');
      const idea = await createIdea(database(c.env.DB), c.var.tenant.id, viewer, { board, ...c.req.valid('json') });
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
    async (c) => c.json(await getIdea(database(c.env.DB), c.var.tenant.id, c.var.viewer, c.req.valid('param').id), 200),
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
      const viewer = requireSignedIn(c.var.viewer, 'back an idea');
      return c.json(await vote(database(c.env.DB), c.var.tenant.id, viewer, c.req.valid('param').id), 200);
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
      const viewer = requireSignedIn(c.var.viewer, 'withdraw support');
      return c.json(await unvote(database(c.env.DB), c.var.tenant.id, viewer, c.req.valid('param').id), 200);
    },
  );
