/** Triage: statuses with reasons, the requester's word on a deflection, status history, merging duplicates, evaluator scores. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, requireWriter } from '../auth/viewer.ts';
import { bearer, bodyErrors, conflictError, jsonContent, optionalBearer, readErrors } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import {
  EvaluationSchema,
  IdeaParams,
  IdeaSchema,
  MergeInputSchema,
  NeedMetSchema,
  StatusChangeSchema,
  StatusUpdateSchema,
} from '../schemas/ideas.ts';
import { confirmNeedMet } from '../store/deflections.ts';
import { getIdea } from '../store/ideas.ts';
import { myScores, scoreIdea } from '../store/scores.ts';
import { mergeIdeas, setStatus, statusHistory } from '../store/status.ts';
import { createRouter } from './router.ts';

export const ideaWorkflowRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/ideas/{id}/status',
      operationId: 'setIdeaStatus',
      security: bearer,
      tags: ['Triage'],
      summary: "Change an idea's status (evaluators)",
      description:
        'Deflection statuses ("already available", "self-service", "bundled", "business-owned", "declined: low value") need a written reason (400 without one), and so do "needs a sponsor" (which keeps the idea open) and "deferred". A status that defers an idea (`requiresRevisitDate`) needs `revisitOn`, a date after today (400 `validation_failed.revisit_date` / `revisit_date_past`); other statuses refuse one (400 `validation_failed.revisit_date_unused`). `card` names the published practice card that answers the request (400 `validation_failed.unknown_card` for any other id): it becomes the idea\'s `status.card` and is recorded with the change. A later change that names no card keeps that answer only for a deflection or a `done` status, and clears it otherwise. Closing an idea freezes its votes and, on budget boards that say so, returns them to their owners. Every change is recorded.',
      request: { params: IdeaParams, body: jsonBody(StatusUpdateSchema, examples.statusUpdate) },
      responses: { 200: jsonContent(IdeaSchema, 'The idea after the change.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'evaluator', 'change statuses');
      const actor = requireWriter(viewer, 'change statuses');
      return c.json(await setStatus(db, tenant.id, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/ideas/{id}/need-met',
      operationId: 'confirmIdeaNeedMet',
      security: bearer,
      tags: ['Triage'],
      summary: 'Say whether a deflection met the need (the requester)',
      description:
        "The idea's author — or whoever recorded it on their behalf — says whether the answer of a deflection (already available, self-service, bundled, business-owned…) met their need: `status.needMet`. They may change their word while the idea stays deflected. Anyone else is 403 `forbidden.need_met_others_idea`; an idea not in a deflection status is 409 `conflict.need_met_not_deflected`. Whoever set the status is told (`idea.need_confirmed`). A confirmed deflection counts on the answering card (`deflections.confirmed`).",
      request: { params: IdeaParams, body: jsonBody(NeedMetSchema, examples.needMet) },
      responses: { 200: jsonContent(IdeaSchema, 'The idea with the requester’s word.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'confirm whether a deflection met the need');
      return c.json(await confirmNeedMet(db, tenant.id, actor, c.req.valid('param').id, c.req.valid('json').met), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/ideas/{id}/status-history',
      operationId: 'listIdeaStatusChanges',
      security: optionalBearer,
      tags: ['Triage'],
      summary: "An idea's status changes: who, when, why",
      request: { params: IdeaParams },
      responses: { 200: jsonContent(z.object({ items: z.array(StatusChangeSchema) }), 'Newest first.'), ...readErrors },
    }),
    async (c) => c.json({ items: await statusHistory(c.var.db, c.var.tenant.id, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/ideas/{id}/merge',
      operationId: 'mergeIdea',
      security: bearer,
      tags: ['Triage'],
      summary: 'Merge a duplicate into the original (moderators)',
      description:
        '`{id}` is the duplicate. Its supporters are pooled into the original without double counting: a person who backed both keeps only their votes on the original, and their votes on the duplicate are returned. The duplicate closes and redirects to the original. Idempotent.',
      request: { params: IdeaParams, body: jsonBody(MergeInputSchema, examples.merge) },
      responses: { 200: jsonContent(IdeaSchema, 'The original, after the merge.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'moderator', 'merge ideas');
      const actor = requireWriter(viewer, 'merge ideas');
      return c.json(await mergeIdeas(db, tenant.id, actor, c.req.valid('param').id, c.req.valid('json').into), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/ideas/{id}/score',
      operationId: 'scoreIdea',
      security: bearer,
      tags: ['Scoring'],
      summary: 'Score an idea (evaluators)',
      description:
        "The caller's scores for every criterion of the board's scorecard, replacing their earlier ones. The idea's value, effort, risk and value per effort are recomputed at once; crowd support is untouched.",
      request: { params: IdeaParams, body: jsonBody(EvaluationSchema, examples.evaluation) },
      responses: { 200: jsonContent(IdeaSchema, 'The idea with its new score.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'evaluator', 'score ideas');
      const actor = requireWriter(viewer, 'score ideas');
      const { id } = c.req.valid('param');
      await scoreIdea(db, tenant.id, id, actor, c.req.valid('json').scores);
      return c.json(await getIdea(db, tenant.id, actor, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/ideas/{id}/score',
      operationId: 'getMyIdeaScores',
      security: bearer,
      tags: ['Scoring'],
      summary: "The caller's own scores for an idea (evaluators)",
      request: { params: IdeaParams },
      responses: {
        200: jsonContent(z.object({ scores: z.record(z.string(), z.number()) }), 'Stored values by criterion key.'),
        ...readErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'evaluator', 'read scores');
      const actor = requireWriter(viewer, 'read scores');
      return c.json({ scores: await myScores(db, tenant.id, c.req.valid('param').id, actor.subject) }, 200);
    },
  );
