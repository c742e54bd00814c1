/** Ideas on a board: list, submit, read, suggest similar ones, remove. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, requireWriter } from '../auth/viewer.ts';
import { checkRequiredFields } from '../domain/board-settings.ts';
import { ApiError } from '../errors.ts';
import { decodeCursor } from '../lib/cursor.ts';
import { bearer, commonErrors, conflictErrors, jsonContent } from '../schemas/common.ts';
import {
  BoardIdeasParams,
  IdeaPageSchema,
  IdeaParams,
  IdeaSchema,
  ListIdeasQuery,
  NewIdeaSchema,
  SimilarIdeaSchema,
  SimilarQuery,
} from '../schemas/ideas.ts';
import { boardOpen, findBoardRecord } from '../store/boards.ts';
import { createIdea, deleteIdea, findIdea, listIdeas, toIdea } from '../store/ideas.ts';
import { similarIdeas } from '../store/search.ts';
import { createRouter } from './router.ts';

export const ideasRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}/ideas',
      tags: ['Ideas'],
      summary: "List a board's ideas",
      description: "Cursor-paginated; merged duplicates are left out. Each idea carries the caller's own votes (`voted`, `myVotes`).",
      request: { params: BoardIdeasParams, query: ListIdeasQuery },
      responses: { 200: jsonContent(IdeaPageSchema, 'One page of ideas.'), ...commonErrors },
    }),
    async (c) => {
      const { board } = c.req.valid('param');
      const { sort, cursor, limit, category } = c.req.valid('query');
      const page = await listIdeas(c.var.db, c.var.tenant.id, c.var.viewer, {
        board,
        sort,
        limit,
        categories: category,
        cursor: cursor ? decodeCursor(cursor, sort) : null,
      });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}/ideas/similar',
      tags: ['Ideas'],
      summary: 'Ideas similar to a title being typed',
      description: 'Full-text search with stemming over titles and descriptions, closed ideas included, for duplicate suggestions.',
      request: { params: BoardIdeasParams, query: SimilarQuery },
      responses: { 200: jsonContent(z.object({ items: z.array(SimilarIdeaSchema) }), 'Best matches first.'), ...commonErrors },
    }),
    async (c) => {
      const { db, tenant } = c.var;
      const board = await findBoardRecord(db, tenant.id, c.req.valid('param').board);
      const { q, limit } = c.req.valid('query');
      return c.json({ items: await similarIdeas(db, tenant.id, board, q, limit) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/boards/{board}/ideas',
      tags: ['Ideas'],
      summary: 'Submit an idea',
      description: 'An opportunity or a change request, with the business case fields the board requires.',
      security: bearer,
      request: { params: BoardIdeasParams, body: { required: true, content: { 'application/json': { schema: NewIdeaSchema } } } },
      responses: { 201: jsonContent(IdeaSchema, 'The new idea.'), ...conflictErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const author = requireWriter(viewer, 'submit an idea');
      const board = await findBoardRecord(db, tenant.id, c.req.valid('param').board);
      if (!boardOpen(board)) throw new ApiError(409, 'conflict', `The board "${board.slug}" is not open for new ideas now.`);
      if (board.submitters === 'moderators') await requireRole(db, tenant.id, viewer, 'moderator', 'submit ideas on this board');
      const input = c.req.valid('json');
      checkRequiredFields(board.requiredFields, input.businessCase);
      return c.json(await createIdea(db, tenant.id, author, board, input), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/ideas/{id}',
      tags: ['Ideas'],
      summary: 'Get one idea',
      description: 'A duplicate merged into another idea answers with a permanent redirect to that one.',
      request: { params: IdeaParams },
      responses: {
        200: jsonContent(IdeaSchema, "The idea, with the caller's votes."),
        308: { description: 'Merged: see `Location`.' },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const { id } = c.req.valid('param');
      const row = await findIdea(db, tenant.id, viewer, id);
      if (!row) throw new ApiError(404, 'not_found', `Idea "${id}" was not found.`);
      if (row.idea.mergedInto) {
        return c.redirect(`/v1/tenants/${encodeURIComponent(tenant.slug)}/ideas/${encodeURIComponent(row.idea.mergedInto)}`, 308);
      }
      return c.json(toIdea(row), 200);
    },
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
  );
