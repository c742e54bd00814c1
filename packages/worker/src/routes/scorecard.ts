/** A board's evaluator scorecard: weighted criteria, from a preset or the admins' own. */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { BoardParams, ScorecardSchema } from '../schemas/boards.ts';
import { bearer, bodyErrors, jsonContent, optionalBearer, readErrors } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { findBoardRecord, getScorecard } from '../store/boards.ts';
import { putScorecard } from '../store/scores.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const scorecardRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/boards/{board}/scorecard',
      operationId: 'getScorecard',
      security: optionalBearer,
      tags: ['Scoring'],
      summary: "A board's scorecard",
      request: { params: BoardParams },
      responses: { 200: jsonContent(ScorecardSchema, 'The criteria and their weights.'), ...readErrors },
    }),
    async (c) => c.json(await getScorecard(c.var.db, c.var.tenant.id, c.req.valid('param').board), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/boards/{board}/scorecard',
      operationId: 'replaceScorecard',
      security: bearer,
      tags: ['Scoring'],
      summary: 'Replace the scorecard (admins)',
      description: "Every idea's value, effort and risk are recomputed with the new weights in the same transaction.",
      request: { params: BoardParams, body: jsonBody(ScorecardSchema, examples.scorecard) },
      responses: { 200: jsonContent(ScorecardSchema, 'The scorecard.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'change scorecards');
      const board = await findBoardRecord(db, tenant.id, c.req.valid('param').board);
      return c.json(await putScorecard(db, tenant.id, board, c.req.valid('json'), changeAuthorOf(c)), 200);
    },
  );
