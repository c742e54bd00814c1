/** Two-sided relationship health rounds of business units (docs/health.md). */
import { createRoute } from '@hono/zod-openapi';
import { requireWriter, type Viewer } from '../auth/viewer.ts';
import { ApiError } from '../errors.ts';
import { bearer, bodyErrors, conflictError, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import {
  HealthAnswersSchema,
  HealthInviteSchema,
  HealthResultsSchema,
  HealthRoundInputSchema,
  HealthRoundListSchema,
  HealthRoundQuerySchema,
  HealthRoundSchema,
  HealthTrendSchema,
  RoundParams,
  TrendParams,
} from '../schemas/health.ts';
import { answer, closeRound, createRound, getRound, invite, listRounds, roundResults, unitTrend } from '../store/health.ts';
import { createRouter } from './router.ts';

const TAG = 'Relationship health';
const HIDDEN =
  "A round is seen by its unit's relationship team, CIOs and admins, and by the people invited to it; anyone else gets 404 `not_found.health_round`.";

/** Reading relationship health takes a credential: none of it is public. */
function requireSignedIn(viewer: Viewer, action: string): void {
  if (viewer.kind === 'anonymous') throw new ApiError(401, 'unauthorized.sign_in', { action });
}

export const healthRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/health-rounds',
      operationId: 'listHealthRounds',
      security: bearer,
      tags: [TAG],
      summary: 'Health rounds I may see',
      description:
        "Newest first (at most 100): rounds of units whose relationship team the caller is on (every unit for CIOs and admins), and rounds they are invited to. Counts per side for the team; never anyone's scores.",
      request: { params: TenantParams, query: HealthRoundQuerySchema },
      responses: { 200: jsonContent(HealthRoundListSchema, 'The rounds.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      requireSignedIn(viewer, 'see health rounds');
      return c.json({ items: await listRounds(db, tenant.id, viewer, c.req.valid('query')) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/health-rounds',
      operationId: 'createHealthRound',
      security: bearer,
      tags: [TAG],
      summary: 'Open a health round for a unit',
      description:
        "The unit's relationship managers and admins (403 `forbidden.health_manage`). The items are the defaults (`HEALTH_ITEMS`), or those of them `items` names — at least one rating each side — copied into the round.",
      request: { params: TenantParams, body: jsonBody(HealthRoundInputSchema, examples.newHealthRound) },
      responses: { 201: jsonContent(HealthRoundSchema, 'The round, open.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'open a health round');
      return c.json(await createRound(db, tenant.id, viewer, actor, c.req.valid('json'), Date.now()), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/health-rounds/{round}',
      operationId: 'getHealthRound',
      security: bearer,
      tags: [TAG],
      summary: 'A health round',
      description: `Counts per side for the team, the caller's own answers for an invitee; nobody's scores. ${HIDDEN}`,
      request: { params: RoundParams },
      responses: { 200: jsonContent(HealthRoundSchema, 'The round.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      requireSignedIn(viewer, 'see a health round');
      return c.json(await getRound(db, tenant.id, viewer, c.req.valid('param').round), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/health-rounds/{round}/invitations',
      operationId: 'inviteToHealthRound',
      security: bearer,
      tags: [TAG],
      summary: 'Invite people to answer',
      description: `By handle, each for a side: people of demand-side units answer for the business, people of supply-side units (IT) for the provider, people without a unit for either (400 \`validation_failed.health_side\` otherwise). Those newly invited are told (\`health.invited\`, reason \`invited\`: their inbox and e-mail, never a webhook); inviting someone again changes nothing. The unit's relationship managers and admins, while the round is open (409 \`conflict.health_round_closed\`). ${HIDDEN}`,
      request: { params: RoundParams, body: jsonBody(HealthInviteSchema, examples.healthInvite) },
      responses: {
        200: jsonContent(HealthRoundSchema, 'The round, with its counts.'),
        ...bodyErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'invite people to a health round');
      return c.json(await invite(db, tenant.id, viewer, actor, c.req.valid('param').round, c.req.valid('json').people, Date.now()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/health-rounds/{round}/answers',
      operationId: 'answerHealthRound',
      security: bearer,
      tags: [TAG],
      summary: 'Save my answers',
      description: `A score from 1 to 5 per item, each with an optional comment, replacing the caller's earlier answers; items left out stay unanswered. Invitees only (403 \`forbidden.health_not_invited\`), while the round is open (409 \`conflict.health_round_closed\`). ${HIDDEN}`,
      request: { params: RoundParams, body: jsonBody(HealthAnswersSchema, examples.healthAnswers) },
      responses: { 200: jsonContent(HealthRoundSchema, 'The round, with the caller’s answers.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'answer a health round');
      return c.json(await answer(db, tenant.id, viewer, actor, c.req.valid('param').round, c.req.valid('json').answers, Date.now()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/health-rounds/{round}/close',
      operationId: 'closeHealthRound',
      security: bearer,
      tags: [TAG],
      summary: 'Close a round',
      description: `No more answers or invitations; the results can be read. The unit's relationship managers and admins; 409 \`conflict.health_round_closed\` when it is closed already. ${HIDDEN}`,
      request: { params: RoundParams },
      responses: { 200: jsonContent(HealthRoundSchema, 'The round, closed.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const actor = requireWriter(viewer, 'close a health round');
      return c.json(await closeRound(db, tenant.id, viewer, actor, c.req.valid('param').round, Date.now()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/health-rounds/{round}/results',
      operationId: 'getHealthResults',
      security: bearer,
      tags: [TAG],
      summary: 'A closed round’s results',
      description:
        "Each item's mean per side and the gap (business − provider), each side's mean and level, and the maturity estimate: the lower of the two sides' levels, null unless both answered. Comments per side, without names. For the unit's relationship team, CIOs and admins only — invitees and everyone else get 404 `not_found.health_round`; 409 `conflict.health_round_open` while the round is open.",
      request: { params: RoundParams },
      responses: { 200: jsonContent(HealthResultsSchema, 'The results.'), ...readErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      requireSignedIn(viewer, 'see health results');
      return c.json(await roundResults(db, tenant.id, viewer, c.req.valid('param').round), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/units/{key}/health-trend',
      operationId: 'getHealthTrend',
      security: bearer,
      tags: [TAG],
      summary: 'A unit’s health across rounds',
      description:
        "The unit's closed rounds (the latest 24), oldest first: each side's mean and level and the maturity estimate. Open rounds never appear. For the unit's relationship team, CIOs and admins; anyone else gets 404 `not_found.health_unit`.",
      request: { params: TrendParams },
      responses: { 200: jsonContent(HealthTrendSchema, 'The trend.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      requireSignedIn(viewer, 'see a health trend');
      return c.json(await unitTrend(db, tenant.id, viewer, c.req.valid('param').key), 200);
    },
  );
