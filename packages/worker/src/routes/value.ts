/** Value-realisation plans: an approved idea's plan, its benefits and their actuals (docs/value.md). */
import { createRoute } from '@hono/zod-openapi';
import { requireWriter } from '../auth/viewer.ts';
import { CardParams, CardSchema } from '../schemas/cards.ts';
import {
  bearer,
  bodyErrors,
  conflictError,
  jsonContent,
  limitedErrors,
  optionalBearer,
  readErrors,
  rejectedError,
} from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { IdeaParams } from '../schemas/ideas.ts';
import {
  ActualParams,
  BenefitParams,
  NewValueActualSchema,
  NewValueBenefitSchema,
  ValueBenefitSchema,
  ValueBenefitUpdateSchema,
  ValuePlanSchema,
} from '../schemas/value.ts';
import { addBenefit, getPlan, makePlan, recordActual, removeActual, removeBenefit, updateBenefit } from '../store/value.ts';
import { createRouter } from './router.ts';

const TAG = 'Value plans';
const RULE =
  'Planned is target − baseline; delivered is the latest actual − baseline (0 until measured); totals add only benefits of the same measure.';
const READERS = 'A benefit is read by whoever reads its plan card (its visibility); anyone else gets 404.';
const EDITORS = "The plan card's owner, its unit's relationship team and admins (403 `forbidden.value_edit`).";

export const valueRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/ideas/{id}/value-plan',
      operationId: 'makeValuePlan',
      security: bearer,
      tags: [TAG],
      summary: "Make an approved idea's value plan",
      description:
        "Makes a card of the built-in `value-realization-plan` template, pre-filled from the idea and its business case (`initiative`: the case, else the idea; `strategicAlignment`: the idea; `metrics`: the case's expected benefits), about the idea's unit, owned by the caller and kept as close as the case is (a case kept to the unit's team makes a plan for the team). Only an approved idea (409 `conflict.not_approved`). Evaluators, the idea's sponsor and its unit's relationship team (403 `forbidden.value_plan`). One plan per idea: asking again answers the same card with 200. The card is saved as `POST /cards` saves one (moderation included).",
      request: { params: IdeaParams },
      responses: {
        201: jsonContent(CardSchema, 'The new plan card.'),
        200: jsonContent(CardSchema, 'The plan card made before.'),
        ...limitedErrors,
        ...conflictError,
        ...rejectedError('text'),
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'make a value plan');
      const made = await makePlan(db, tenant, { viewer, actor }, c.req.valid('param').id, Date.now());
      return made.created ? c.json(made.card, 201) : c.json(made.card, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/cards/{id}/benefits',
      operationId: 'getValuePlan',
      security: optionalBearer,
      tags: [TAG],
      summary: "A value plan's benefits",
      description: `The benefits in the plan's order, each with its actuals (oldest first), and the totals per measure. ${RULE} ${READERS} A card of another template is 404 \`not_found.value_plan\`.`,
      request: { params: CardParams },
      responses: { 200: jsonContent(ValuePlanSchema, 'The plan.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      return c.json(await getPlan(db, tenant.id, viewer, c.req.valid('param').id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/cards/{id}/benefits',
      operationId: 'addBenefit',
      security: bearer,
      tags: [TAG],
      summary: 'Add a benefit to a value plan',
      description: `A number with its measure, from a baseline to a target, classed, optionally owned (a handle), tied to one of the unit's current objectives (400 \`validation_failed.benefit_references\` for an unknown owner or objective) and due on a day. At most 50 a plan (409 \`conflict.benefit_limit\`). ${EDITORS} ${READERS}`,
      request: { params: CardParams, body: jsonBody(NewValueBenefitSchema, examples.newValueBenefit) },
      responses: { 201: jsonContent(ValueBenefitSchema, 'The benefit.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'add a benefit');
      return c.json(await addBenefit(db, tenant.id, viewer, actor, c.req.valid('param').id, c.req.valid('json'), Date.now()), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/benefits/{benefit}',
      operationId: 'updateBenefit',
      security: bearer,
      tags: [TAG],
      summary: 'Change a benefit',
      description: `The fields given are replaced; \`null\` clears the owner, objective or due date. ${EDITORS} ${READERS}`,
      request: { params: BenefitParams, body: jsonBody(ValueBenefitUpdateSchema, examples.valueBenefitUpdate) },
      responses: { 200: jsonContent(ValueBenefitSchema, 'The benefit.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'change a benefit');
      return c.json(await updateBenefit(db, tenant.id, viewer, actor, c.req.valid('param').benefit, c.req.valid('json'), Date.now()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/benefits/{benefit}',
      operationId: 'removeBenefit',
      security: bearer,
      tags: [TAG],
      summary: 'Remove a benefit',
      description: `With its actuals. ${EDITORS} ${READERS}`,
      request: { params: BenefitParams },
      responses: { 204: { description: 'Removed.' }, ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      requireWriter(viewer, 'remove a benefit');
      await removeBenefit(db, tenant.id, viewer, c.req.valid('param').benefit);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/benefits/{benefit}/actuals',
      operationId: 'recordActual',
      security: bearer,
      tags: [TAG],
      summary: 'Record an actual',
      description: `Where the benefit's measure stood on a day, today or earlier (400 \`validation_failed.measured_in_future\`). The benefit's owner and the plan's editors (403 \`forbidden.value_measure\`). Records \`value.measured\`: the plan card's followers and owner and the followers of its idea are told. ${RULE} ${READERS}`,
      request: { params: BenefitParams, body: jsonBody(NewValueActualSchema, examples.newValueActual) },
      responses: { 201: jsonContent(ValueBenefitSchema, 'The benefit, with the actual.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'record an actual');
      return c.json(await recordActual(db, tenant.id, viewer, actor, c.req.valid('param').benefit, c.req.valid('json'), Date.now()), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/actuals/{actual}',
      operationId: 'removeActual',
      security: bearer,
      tags: [TAG],
      summary: 'Remove an actual',
      description: `Who recorded it, or an admin (403 \`forbidden.value_actual\`). ${READERS}`,
      request: { params: ActualParams },
      responses: { 200: jsonContent(ValueBenefitSchema, 'The benefit, without the actual.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      requireWriter(viewer, 'remove an actual');
      return c.json(await removeActual(db, tenant.id, viewer, c.req.valid('param').actual), 200);
    },
  );
