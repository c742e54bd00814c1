/**
 * The cockpit's figures per business unit (docs/insights.md). A unit's cockpit and the overview
 * are shared answers of the read cache (read-cache.ts), computed for every unit and made the
 * caller's in the round trip that checks them: whether they read the unit, the private cards
 * of it they see, which units the overview lists.
 */
import { createRoute } from '@hono/zod-openapi';
import { requireRole, type Viewer } from '../auth/viewer.ts';
import { ApiError, fieldIssue } from '../errors.ts';
import { addMonths, monthOfMs, monthsBetween } from '../insights/months.ts';
import {
  asReader,
  EVERY_UNIT,
  insightsOverviewQuery,
  type Period,
  readableOnly,
  readableUnits,
  type UnitReader,
  unitInsightsQuery,
  unitReader,
} from '../insights/read.ts';
import { rebuildRollups } from '../insights/rollup.ts';
import { bearer, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import {
  InsightQuerySchema,
  InsightsOverviewSchema,
  InsightsRebuildSchema,
  InsightUnitParams,
  MAX_PERIOD_MONTHS,
  UnitInsightsSchema,
} from '../schemas/insights.ts';
import { INSIGHT_SCOPES } from '../store/cache-versions.ts';
import { cachedRead } from './read-cache.ts';
import { createRouter } from './router.ts';

const TAG = 'Insights';
const PERIOD =
  'The period is `from`–`to` (months, `YYYY-MM`, UTC): by default the 12 months up to this one; at most 36 months, and `from` not after `to` (400 `validation_failed.insight_period`).';
const PRIVACY =
  'Counts of people between 1 and the minimum group size − 1 are null, and a health side with fewer respondents shows no mean; contributors are null when per-person figures are off.';

/** The cockpit takes a credential: none of it is public. */
function requireSignedIn(viewer: Viewer, action: string): void {
  if (viewer.kind === 'anonymous') throw new ApiError(401, 'unauthorized.sign_in', { action });
}

/** The period a query asks for, or 400. */
function periodOf(query: { from?: string | undefined; to?: string | undefined }, now: number): Period {
  const to = query.to ?? monthOfMs(now);
  const from = query.from ?? addMonths(to, -11);
  const span = monthsBetween(from, to);
  if (span < 1 || span > MAX_PERIOD_MONTHS) {
    const path = span < 1 ? 'query.from' : 'query.to';
    const params = { max: MAX_PERIOD_MONTHS };
    throw new ApiError(400, 'validation_failed.insight_period', params, {
      details: [fieldIssue(path, 'validation_failed.insight_period', params)],
    });
  }
  return { from, to };
}

export const insightsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/insights',
      operationId: 'getInsightsOverview',
      security: bearer,
      tags: [TAG],
      summary: 'Every unit I read, with its headline figures',
      description: `The units whose relationship team the caller is on (every unit for CIOs and admins), by name: ideas submitted, approved, delivered and deflected in the period, active people in its last month, value, the latest maturity. Anyone else gets an empty list. ${PERIOD} ${PRIVACY}`,
      request: { params: TenantParams, query: InsightQuerySchema },
      responses: { 200: jsonContent(InsightsOverviewSchema, 'The overview.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      requireSignedIn(viewer, 'see insights');
      const period = periodOf(c.req.valid('query'), Date.now());
      const overview = await cachedRead(c, {
        key: `insights\u0000${JSON.stringify(period)}`,
        scopes: INSIGHT_SCOPES,
        shared: insightsOverviewQuery(db, tenant.id, EVERY_UNIT, period),
        mine: () => readableUnits(db, tenant.id, viewer),
        merge: readableOnly,
        uncached: () => insightsOverviewQuery(c.var.db, c.var.tenant.id, c.var.viewer, period),
      });
      return c.json(overview, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/units/{key}/insights',
      operationId: 'getUnitInsights',
      security: bearer,
      tags: [TAG],
      summary: "A unit's cockpit",
      description: `Month by month from the rollups (active people, discussions, cards used, ideas submitted / backed / approved / delivered / deflected), outcomes by status, demand mix against the unit's intended mix; and now: the intake, value planned and delivered, the health trend and the latest round's gaps, the content health of its cards. For the unit's relationship team, CIOs and admins; anyone else gets 404 \`not_found.health_unit\`. ${PERIOD} ${PRIVACY}`,
      request: { params: InsightUnitParams, query: InsightQuerySchema },
      responses: { 200: jsonContent(UnitInsightsSchema, "The unit's cockpit."), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      requireSignedIn(viewer, 'see insights');
      const now = Date.now();
      const { key } = c.req.valid('param');
      const period = periodOf(c.req.valid('query'), now);
      const cockpit = await cachedRead(c, {
        // The day: what is overdue or stale is counted as of today.
        key: `insights-unit\u0000${JSON.stringify([key, period, new Date(now).toISOString().slice(0, 10)])}`,
        scopes: INSIGHT_SCOPES,
        shared: unitInsightsQuery(db, tenant.id, EVERY_UNIT, key, period, now),
        mine: () => unitReader(db, tenant.id, viewer, key, now),
        merge: (shared, reader: UnitReader[]) => asReader(shared, reader, key),
        uncached: () => unitInsightsQuery(c.var.db, c.var.tenant.id, c.var.viewer, key, period, now),
      });
      return c.json(cockpit.insights, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/insights/rebuild',
      operationId: 'rebuildInsights',
      security: bearer,
      tags: [TAG],
      summary: 'Rebuild every month of the rollups now (admins)',
      description:
        'The hourly job rebuilds from the previous month on; this rebuilds every month, after a correction to older data (an import, an erasure). One batch: readers see the old figures or the new, never half.',
      request: { params: TenantParams },
      responses: { 200: jsonContent(InsightsRebuildSchema, 'What was rebuilt.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'rebuild the insights');
      const now = Date.now();
      const fromMonth = await rebuildRollups(db, tenant.id, null, now);
      return c.json({ fromMonth, asOf: new Date(now).toISOString() }, 200);
    },
  );
