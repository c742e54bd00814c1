/** Ideas on a board: list, submit, read, suggest similar ones, remove. */
import { createRoute, z } from '@hono/zod-openapi';
import { hasRole, requireRole, requireWriter, roleOf } from '../auth/viewer.ts';
import { checkRequiredFields } from '../domain/board-settings.ts';
import { ApiError } from '../errors.ts';
import { decodeCursor } from '../lib/cursor.ts';
import {
  bearer,
  bodyErrors,
  conflictError,
  jsonContent,
  limitedErrors,
  optionalBearer,
  readErrors,
  redirectResponse,
  rejectedError,
} from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
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
      operationId: 'listIdeas',
      security: optionalBearer,
      tags: ['Ideas'],
      summary: "List a board's ideas",
      description:
        "Cursor-paginated; merged duplicates are left out, and so are ideas held for moderation or rejected — except the caller's own, marked by `moderation`. Each idea carries the caller's own votes (`voted`, `myVotes`).",
      request: { params: BoardIdeasParams, query: ListIdeasQuery },
      responses: { 200: jsonContent(IdeaPageSchema, 'One page of ideas.'), ...readErrors },
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
      operationId: 'findSimilarIdeas',
      security: optionalBearer,
      tags: ['Ideas'],
      summary: 'Ideas similar to a title being typed',
      description: 'Full-text search with stemming over titles and descriptions, closed ideas included, for duplicate suggestions.',
      request: { params: BoardIdeasParams, query: SimilarQuery },
      responses: { 200: jsonContent(z.object({ items: z.array(SimilarIdeaSchema) }), 'Best matches first.'), ...limitedErrors },
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
      operationId: 'createIdea',
      security: bearer,
      tags: ['Ideas'],
      summary: 'Submit an idea',
      description:
        'An opportunity or a change request, with the business case fields the board requires. Its text passes the moderation pipeline: published, held for review (`moderation.state: "pending"`, seen by its author and moderators only), or refused (422 `idea_rejected`, saying what to change). Banned and timed-out people get 403.',
      request: { params: BoardIdeasParams, body: jsonBody(NewIdeaSchema, examples.newIdea) },
      responses: {
        201: jsonContent(IdeaSchema, 'The new idea.'),
        ...bodyErrors,
        ...conflictError,
        ...rejectedError('text'),
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const author = requireWriter(viewer, 'submit an idea');
      const board = await findBoardRecord(db, tenant.id, c.req.valid('param').board);
      if (!boardOpen(board)) throw new ApiError(409, 'conflict.board_closed', { board: board.slug });
      if (board.submitters === 'moderators') await requireRole(db, tenant.id, viewer, 'moderator', 'submit ideas on this board');
      const input = c.req.valid('json');
      checkRequiredFields(board.requiredFields, input.businessCase);
      return c.json(await createIdea(db, tenant, viewer, author, board, input), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/ideas/{id}',
      operationId: 'getIdea',
      security: optionalBearer,
      tags: ['Ideas'],
      summary: 'Get one idea',
      description:
        'A duplicate merged into another idea answers with a permanent redirect to that one. An idea held for moderation or rejected is seen by its author and moderators only (404 for everyone else).',
      request: { params: IdeaParams },
      responses: {
        200: jsonContent(IdeaSchema, "The idea, with the caller's votes."),
        308: redirectResponse('Merged into another idea: that one is at `Location`.'),
        ...readErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const { id } = c.req.valid('param');
      // Only when the idea is hidden from the caller ask for the role: most reads are of published ideas.
      const visible = await findIdea(db, tenant.id, viewer, id);
      const asModerator = !visible && hasRole(await roleOf(db, tenant.id, viewer), 'moderator');
      const row = visible ?? (asModerator ? await findIdea(db, tenant.id, viewer, id, true) : null);
      if (!row) throw new ApiError(404, 'not_found.idea', { id });
      if (row.idea.mergedInto) {
        return c.redirect(`/v1/tenants/${encodeURIComponent(tenant.slug)}/ideas/${encodeURIComponent(row.idea.mergedInto)}`, 308);
      }
      return c.json(toIdea(row, asModerator), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/ideas/{id}',
      operationId: 'deleteIdea',
      security: bearer,
      tags: ['Ideas'],
      summary: 'Remove an idea (moderators)',
      description: 'Removes the idea and its votes. Takes the moderator role.',
      request: { params: IdeaParams },
      responses: { 204: { description: 'Removed.' }, ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'moderator', 'remove ideas');
      await deleteIdea(db, tenant.id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
