/** Boards: the campaigns ideas are collected on, their settings, roadmap and exports. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { settingsToColumns } from '../domain/board-settings.ts';
import { PRESETS, valueRange } from '../domain/scorecard.ts';
import {
  BoardListSchema,
  BoardParams,
  BoardSchema,
  BoardUpdateSchema,
  ExportQuery,
  NewBoardSchema,
  RoadmapSchema,
} from '../schemas/boards.ts';
import {
  bearer,
  bodyErrors,
  conflictError,
  jsonContent,
  limitedErrors,
  optionalBearer,
  readErrors,
  TenantParams,
} from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { IdeaSchema } from '../schemas/ideas.ts';
import { boardValueRange, createBoard, findBoardRecord, getBoard, listBoards, updateBoard } from '../store/boards.ts';
import { exportIdeas, roadmap, toCsv } from '../store/portfolio.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const boardsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards',
      operationId: 'listBoards',
      security: optionalBearer,
      tags: ['Boards'],
      summary: "List the tenant's boards",
      request: { params: TenantParams },
      responses: { 200: jsonContent(BoardListSchema, 'Boards, by name.'), ...readErrors },
    }),
    async (c) => c.json({ items: await listBoards(c.var.db, c.var.tenant.id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/boards',
      operationId: 'createBoard',
      security: bearer,
      tags: ['Boards'],
      summary: 'Create a board (admins)',
      description: 'With the default statuses unless given, and a preset scorecard (value-size-risk or WSJF).',
      request: { params: TenantParams, body: jsonBody(NewBoardSchema, examples.newBoard) },
      responses: { 201: jsonContent(BoardSchema, 'The board.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'create boards');
      const input = c.req.valid('json');
      const scale = valueRange(PRESETS[input.scorecardPreset ?? 'value-size-risk']);
      await createBoard(db, tenant.id, input, settingsToColumns(input.settings, input.statuses, undefined, scale), changeAuthorOf(c));
      return c.json(await getBoard(db, tenant.id, input.slug, viewer), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}',
      operationId: 'getBoard',
      security: optionalBearer,
      tags: ['Boards'],
      summary: 'Get one board',
      description: 'Its settings, statuses and scorecard, and — on budget boards — the caller’s votes left.',
      request: { params: BoardParams },
      responses: { 200: jsonContent(BoardSchema, 'The board.'), ...readErrors },
    }),
    async (c) => c.json(await getBoard(c.var.db, c.var.tenant.id, c.req.valid('param').board, c.var.viewer), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/boards/{board}',
      operationId: 'updateBoard',
      security: bearer,
      tags: ['Boards'],
      summary: "Change a board's settings or statuses (admins)",
      description:
        '`settings.minValue` sets the value floor (null: the preset’s default); it must lie within the scorecard’s value range (400 `validation_failed.min_value_range`), and the board’s ideas are re-ranked at once.',
      request: { params: BoardParams, body: jsonBody(BoardUpdateSchema, examples.boardUpdate) },
      responses: { 200: jsonContent(BoardSchema, 'The board after the change.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'change boards');
      const { board: slug } = c.req.valid('param');
      const { name, description, translations, settings, statuses } = c.req.valid('json');
      const current = await findBoardRecord(db, tenant.id, slug);
      const scale = typeof settings?.minValue === 'number' ? await boardValueRange(db, tenant.id, slug) : undefined;
      await updateBoard(
        db,
        tenant.id,
        slug,
        {
          ...(name === undefined ? {} : { name }),
          ...(description === undefined ? {} : { description }),
          ...(translations === undefined ? {} : { translations }),
          ...settingsToColumns(settings, statuses, { ...current, statuses: current.statuses }, scale),
        },
        changeAuthorOf(c),
        { ...current },
      );
      return c.json(await getBoard(db, tenant.id, slug, viewer), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}/roadmap',
      operationId: 'getRoadmap',
      security: optionalBearer,
      tags: ['Boards'],
      summary: 'The roadmap: ideas by status category',
      description: 'Under review, planned, in progress and done; the 50 most recently moved of each.',
      request: { params: BoardParams },
      responses: { 200: jsonContent(RoadmapSchema, 'The columns.'), ...readErrors },
    }),
    async (c) => c.json({ columns: await roadmap(c.var.db, c.var.tenant.id, c.var.viewer, c.req.valid('param').board) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}/export',
      operationId: 'exportBoard',
      security: bearer,
      tags: ['Boards'],
      summary: 'Export a board for the portfolio process (evaluators)',
      description: 'Every idea with its business case, status, crowd support and evaluator scores, as CSV (default) or JSON.',
      request: { params: BoardParams, query: ExportQuery },
      responses: {
        200: {
          description: 'The ideas.',
          content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.object({ items: z.array(IdeaSchema) }) } },
        },
        ...limitedErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'evaluator', 'export boards');
      const { board } = c.req.valid('param');
      const items = await exportIdeas(db, tenant.id, viewer, board);
      const stamp = new Date().toISOString().slice(0, 10);
      if (c.req.valid('query').format === 'json') {
        c.header('content-disposition', `attachment; filename="${board}-${stamp}.json"`);
        return c.json({ items }, 200);
      }
      return c.body(toCsv(items), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${board}-${stamp}.csv"`,
      });
    },
  );
