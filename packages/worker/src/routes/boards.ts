/** Boards: the campaigns ideas are collected on. */
import { createRoute } from '@hono/zod-openapi';
import { BoardListSchema, BoardParams, BoardSchema } from '../schemas/boards.ts';
import { commonErrors, jsonContent, TenantParams } from '../schemas/common.ts';
import { getBoard, listBoards } from '../store/boards.ts';
import { createRouter } from './router.ts';

export const boardsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards',
      tags: ['Boards'],
      summary: "List the tenant's boards",
      request: { params: TenantParams },
      responses: { 200: jsonContent(BoardListSchema, 'Boards, by name.'), ...commonErrors },
    }),
    async (c) => c.json({ items: await listBoards(c.var.db, c.var.tenant.id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}',
      tags: ['Boards'],
      summary: 'Get one board',
      request: { params: BoardParams },
      responses: { 200: jsonContent(BoardSchema, 'The board.'), ...commonErrors },
    }),
    async (c) => c.json(await getBoard(c.var.db, c.var.tenant.id, c.req.valid('param').board), 200),
  );
