/** From objective to intake: units' objectives, the objectives a card serves, and ideas' intake decisions (docs/intake.md). */
import { createRoute } from '@hono/zod-openapi';
import { requireRole, requireWriter } from '../auth/viewer.ts';
import { bearer, bodyErrors, conflictError, jsonContent, limitedErrors, optionalBearer, readErrors } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { IdeaParams } from '../schemas/ideas.ts';
import {
  CardObjectivesInputSchema,
  CardObjectivesSchema,
  IntakeDecisionInputSchema,
  IntakeDecisionListSchema,
  IntakeResultSchema,
  NewObjectiveSchema,
  ObjectiveListSchema,
  ObjectiveParams,
  ObjectiveQuerySchema,
  ObjectiveSchema,
  ObjectiveUpdateSchema,
  UnitObjectivesParams,
} from '../schemas/intake.ts';
import { decideIntake, intakeDecisionsOf } from '../store/intake.ts';
import { cardObjectives, changeObjective, createObjective, listObjectives, setCardObjectives } from '../store/objectives.ts';
import { createRouter } from './router.ts';

const OBJECTIVE_RIGHTS = "Admins, CIOs and the unit's relationship team (403 `forbidden.unit_objectives` for anyone else).";

export const intakeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/units/{key}/objectives',
      operationId: 'listUnitObjectives',
      security: optionalBearer,
      tags: ['Intake'],
      summary: "A business unit's objectives",
      description:
        "Those written in the unit's business-partner profile card (`strategicObjectives`), in its order, each kept in step with every save of the card; then those added through the API. An objective written in a profile is listed only to whoever may see that card. `archived=true` lists archived ones too.",
      request: { params: UnitObjectivesParams, query: ObjectiveQuerySchema },
      responses: { 200: jsonContent(ObjectiveListSchema, 'The objectives.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const items = await listObjectives(db, tenant.id, viewer, c.req.valid('param').key, c.req.valid('query').archived === true);
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/units/{key}/objectives',
      operationId: 'createUnitObjective',
      security: bearer,
      tags: ['Intake'],
      summary: 'Add an objective to a business unit',
      description: `${OBJECTIVE_RIGHTS} Objectives of the partner profile are written in the card instead.`,
      request: { params: UnitObjectivesParams, body: jsonBody(NewObjectiveSchema, examples.newObjective) },
      responses: { 201: jsonContent(ObjectiveSchema, 'The new objective.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'add an objective');
      return c.json(await createObjective(db, tenant.id, actor, c.req.valid('param').key, c.req.valid('json')), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/objectives/{id}',
      operationId: 'updateObjective',
      security: bearer,
      tags: ['Intake'],
      summary: 'Change an objective added through the API',
      description: `${OBJECTIVE_RIGHTS} One written in a partner profile is 409 \`conflict.objective_in_profile\`: it changes with the card.`,
      request: { params: ObjectiveParams, body: jsonBody(ObjectiveUpdateSchema, examples.objectiveUpdate) },
      responses: { 200: jsonContent(ObjectiveSchema, 'The objective after the change.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'change an objective');
      return c.json(await changeObjective(db, tenant.id, actor, c.req.valid('param').id, { changes: c.req.valid('json') }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/objectives/{id}',
      operationId: 'archiveObjective',
      security: bearer,
      tags: ['Intake'],
      summary: 'Archive an objective added through the API',
      description: `${OBJECTIVE_RIGHTS} Archived, never deleted: ideas and cards linked to it keep the link; nothing new links to it. One written in a partner profile is 409: remove it from the card.`,
      request: { params: ObjectiveParams },
      responses: { 200: jsonContent(ObjectiveSchema, 'The archived objective.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'archive an objective');
      return c.json(await changeObjective(db, tenant.id, actor, c.req.valid('param').id, { archive: true }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards/{id}/objectives',
      operationId: 'getCardObjectives',
      security: optionalBearer,
      tags: ['Intake'],
      summary: 'The objectives a card serves',
      request: { params: IdeaParams },
      responses: { 200: jsonContent(CardObjectivesSchema, 'Its objectives.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      return c.json({ objectives: await cardObjectives(db, tenant.id, viewer, c.req.valid('param').id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/cards/{id}/objectives',
      operationId: 'setCardObjectives',
      security: bearer,
      tags: ['Intake'],
      summary: 'Set the objectives a business case, value plan or account plan serves',
      description:
        'Anyone who may see and edit the card. Replaces the list with current objectives of any unit (400 `validation_failed.unknown_objective` otherwise); a card of another template is 400 `validation_failed.card_objectives`.',
      request: { params: IdeaParams, body: jsonBody(CardObjectivesInputSchema, examples.cardObjectives) },
      responses: { 200: jsonContent(CardObjectivesSchema, 'Its objectives after the change.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, "change a card's objectives");
      return c.json(
        { objectives: await setCardObjectives(db, tenant.id, actor, c.req.valid('param').id, c.req.valid('json').objectives) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/ideas/{id}/intake',
      operationId: 'decideIdeaIntake',
      security: bearer,
      tags: ['Triage'],
      summary: 'Record an intake decision (evaluators)',
      description:
        'Moves the idea along its intake: screening → needs_information | qualified | deflected | deferred; needs_information → screening | qualified | deflected | deferred; qualified → approved | deferred | deflected | needs_information; deferred → screening | qualified. `approved` and `deflected` are final; any other move is 409 `conflict.intake_step`. `decidedOn` may not be after today (400 `validation_failed.decided_in_future`); `decider` is a member’s handle (400 `validation_failed.unknown_person`), the caller when left out. `deflected` sets the idea’s status to `status`, a deflection status of its board (400 `validation_failed.intake_status` otherwise), with `reason` and the answering `card`; `deferred` sets the board’s status that takes a revisit date, with `reason` and `revisitOn` — each as a status change does (same refusals). `approved` plans an idea still open or under review and makes its business-case card, pre-filled from the idea (its sponsor as the card’s sponsor and owner, its unit and objectives), named as `intake.caseCard`. Followers, the author and backers are told (`idea.intake_decided`).',
      request: { params: IdeaParams, body: jsonBody(IntakeDecisionInputSchema, examples.intakeDecision) },
      responses: { 201: jsonContent(IntakeResultSchema, 'The decision and the idea after it.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'evaluator', 'record intake decisions');
      const actor = requireWriter(viewer, 'record intake decisions');
      return c.json(await decideIntake(db, tenant, viewer, actor, c.req.valid('param').id, c.req.valid('json')), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/ideas/{id}/intake',
      operationId: 'listIdeaIntakeDecisions',
      security: optionalBearer,
      tags: ['Triage'],
      summary: "An idea's intake decisions: step, forum, date, decider",
      request: { params: IdeaParams },
      responses: { 200: jsonContent(IntakeDecisionListSchema, 'Oldest first.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      return c.json({ items: await intakeDecisionsOf(db, tenant.id, viewer, c.req.valid('param').id) }, 200);
    },
  );
