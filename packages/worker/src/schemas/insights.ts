/** The cockpit's requests and answers (routes/insights.ts, docs/insights.md). */
import {
  BENEFIT_CLASSES,
  INTAKE_STEPS,
  type InsightQuery,
  type InsightSettings,
  type InsightsOverview,
  type InsightsRebuild,
  type UnitInsights,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { MIN_GROUP_SIZE } from '../insights/settings.ts';
import { TenantParams } from './common.ts';
import { type Exact, expectType, requestTypeWithin } from './contract.ts';
import { HealthResultsSchema, HealthTrendSchema } from './health.ts';
import { UnitRefSchema } from './unit-ref.ts';

/** The longest period a read covers, in months. */
export const MAX_PERIOD_MONTHS = 36;

// Each month's description in an `.openapi(…)` of its own, which the production bundle leaves
// out (scripts/openapi-text.ts); an argument of `month()` would stay.
const month = () =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM, e.g. 2027-03.')
    .optional()
    .openapi({ example: '2027-03' });

export const InsightQuerySchema = z.strictObject({
  from: month().openapi({ description: 'The first month, `YYYY-MM`; default 11 months before `to`.' }),
  to: month().openapi({
    description: 'The last month, `YYYY-MM`; default this month (UTC). At most 36 months from `from`, and not before it.',
  }),
});
requestTypeWithin<InsightQuery>()(InsightQuerySchema, true);

export const InsightUnitParams = TenantParams.extend({
  key: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'finance', description: 'The unit’s key.' }),
});

const groupCount = z.number().int().nullable().openapi({
  description: 'A count of people; null when between 1 and the minimum group size − 1 (small groups are never shown).',
});
const people = z.object({ business: groupCount, provider: groupCount });

const InsightValueTotalSchema = z
  .object({
    measure: z.string(),
    benefitClass: z.enum(BENEFIT_CLASSES),
    planned: z.number().openapi({ description: 'Σ (target − baseline).' }),
    delivered: z.number().openapi({ description: 'Σ (latest actual − baseline); 0 for a benefit not measured yet.' }),
    benefits: z.number().int(),
  })
  .openapi('InsightValueTotal', { description: 'Value of the unit’s benefits with one measure and class: only like numbers are added.' });

const InsightMonthSchema = z
  .object({
    month: z.string(),
    activePeople: people,
    discussions: z.number().int(),
    cardsUsed: z.number().int(),
    ideas: z.object({
      submitted: z.number().int(),
      backed: z.number().int(),
      approved: z.number().int(),
      delivered: z.number().int(),
      deflected: z.number().int(),
    }),
  })
  .openapi('InsightMonth');

const asOf = z
  .string()
  .nullable()
  .openapi({ format: 'date-time', description: 'When the rollups were last rebuilt; null before the first run.' });

export const UnitInsightsSchema = z
  .object({
    unit: UnitRefSchema,
    from: z.string(),
    to: z.string(),
    asOf,
    minGroupSize: z.number().int(),
    months: z.array(InsightMonthSchema),
    outcomes: z.array(z.object({ status: z.string(), count: z.number().int() }).openapi('OutcomeCount')),
    demandMix: z.array(
      z
        .object({ class: z.string(), ideas: z.number().int(), share: z.number(), intended: z.number().nullable() })
        .openapi('DemandMixEntry', { description: 'Class `""`: ideas without a class (not in the shares).' }),
    ),
    intake: z.object(
      Object.fromEntries(INTAKE_STEPS.map((step) => [step, z.number().int()])) as Record<(typeof INTAKE_STEPS)[number], z.ZodNumber>,
    ),
    value: z.array(InsightValueTotalSchema),
    health: z.object({
      trend: z.array(HealthTrendSchema.shape.rounds.element),
      latestGaps: z.array(HealthResultsSchema.shape.perItem.element),
    }),
    contentHealth: z
      .object({
        cards: z.number().int(),
        reviewOverdue: z.number().int(),
        unowned: z.number().int(),
        stale: z.number().int(),
        obsolete: z.number().int(),
      })
      .openapi('ContentHealth'),
    contributors: z
      .array(z.object({ handle: z.string(), name: z.string(), contributions: z.number().int() }).openapi('Contributor'))
      .nullable()
      .openapi({ description: 'The top contributors of the period; null when the community switched per-person figures off.' }),
  })
  .openapi('UnitInsights');
expectType<Exact<z.infer<typeof UnitInsightsSchema>, UnitInsights>>(true);

export const InsightsOverviewSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    asOf,
    minGroupSize: z.number().int(),
    units: z.array(
      z
        .object({
          unit: UnitRefSchema,
          activePeople: people,
          ideas: z.object({
            submitted: z.number().int(),
            approved: z.number().int(),
            delivered: z.number().int(),
            deflected: z.number().int(),
          }),
          value: z.array(InsightValueTotalSchema),
          maturity: z.number().int().nullable(),
        })
        .openapi('UnitInsightSummary'),
    ),
  })
  .openapi('InsightsOverview');
expectType<Exact<z.infer<typeof InsightsOverviewSchema>, InsightsOverview>>(true);

export const InsightsRebuildSchema = z
  .object({ fromMonth: z.string(), asOf: z.string().openapi({ format: 'date-time' }) })
  .openapi('InsightsRebuild');
expectType<Exact<z.infer<typeof InsightsRebuildSchema>, InsightsRebuild>>(true);

/** The cockpit's settings in a tenant's settings. */
export const InsightSettingsSchema = z.object({ minGroupSize: z.number().int(), perPersonFigures: z.boolean() }).openapi('InsightSettings');
expectType<Exact<z.infer<typeof InsightSettingsSchema>, InsightSettings>>(true);

/** The cockpit's settings in a settings update: each one left out keeps its value. */
export const InsightSettingsInputSchema = z.strictObject({
  minGroupSize: z.number().int().min(MIN_GROUP_SIZE.min).max(MIN_GROUP_SIZE.max).optional(),
  perPersonFigures: z.boolean().optional(),
});
