/**
 * Reading the cockpit (docs/insights.md): a unit's figures, or every readable unit's headlines,
 * in ONE batch of a fixed number of statements whatever the period and the years of data — the
 * months from `unit_rollups`, the live parts (intake now, content health now, value, health)
 * from their tables. Who reads a unit is `readsUnit` (store/unit-access.ts), a condition inside
 * every statement, so nothing comes back for anyone else.
 */

import type {
  DemandMixEntry,
  GroupCount,
  HealthItemResult,
  HealthSideResult,
  HealthTrendPoint,
  InsightMonth,
  InsightSettings,
  InsightsOverview,
  InsightValueTotal,
  IntakeCounts,
  IntakeStep,
  UnitInsightSummary,
  UnitInsights,
} from '@bridgekit/sdk';
import { INTAKE_STEPS } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { twoDecimals } from '../domain/health.ts';
import { deliveredSql, plannedSql } from '../domain/value.ts';
import { notFound } from '../errors.ts';
import { isoTimeOrNull } from '../lib/time.ts';
import { cardVisibleTo } from '../store/card-rows.ts';
import { closedRoundQueries, closedRoundSummaries, latestClosedRounds } from '../store/health.ts';
import { named } from '../store/search-results.ts';
import { parseUnitRef, readsUnit, unitIdOfKey, unitRefColumn } from '../store/unit-access.ts';
import { monthRange } from './months.ts';
import { METRICS } from './rollup.ts';
import { groupCount, insightSettings } from './settings.ts';

/** How many top contributors a unit's cockpit names. */
export const CONTRIBUTOR_LIMIT = 10;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export interface Period {
  from: string;
  to: string;
}

type ValueRow = {
  unitId: string;
  measure: string;
  benefitClass: InsightValueTotal['benefitClass'];
  planned: number;
  delivered: number;
  benefits: number;
};

const tenantRow = (db: Database, tenantId: string) =>
  db
    .select(named({ insights: sql<string | null>`t.insights`, rolledAt: sql<number | null>`r.rolled_at` }))
    .from(sql`tenants t left join rollup_runs r on r.tenant_id = t.id`)
    .where(sql`t.id = ${tenantId}`);

const settingsOf = (row: { insights: string | null } | undefined) =>
  insightSettings(row?.insights ? (JSON.parse(row.insights) as Partial<InsightSettings>) : null);

/**
 * Value planned and delivered per unit, measure and class: Σ (target − baseline) and
 * Σ (latest actual − baseline), of the benefits of the units `units` selects (ids).
 */
function valueTotals(db: Database, tenantId: string, units: SQL) {
  return db
    .select(
      named({
        unitId: sql<string>`b.unit_id`,
        measure: sql<string>`b.measure`,
        benefitClass: sql<InsightValueTotal['benefitClass']>`b.benefit_class`,
        planned: sql<number>`sum(${plannedSql('b')})`,
        delivered: sql<number>`sum(${deliveredSql('b')})`,
        benefits: sql<number>`count(*)`,
      }),
    )
    .from(sql`value_benefits b`)
    .where(sql`b.tenant_id = ${tenantId} and b.unit_id in ${units}`)
    .groupBy(sql`b.unit_id, b.measure, b.benefit_class`)
    .orderBy(sql`b.unit_id, b.measure, b.benefit_class`);
}

const toValue = (rows: ValueRow[]): InsightValueTotal[] =>
  rows.map((r) => ({
    measure: r.measure,
    benefitClass: r.benefitClass,
    planned: twoDecimals(r.planned),
    delivered: twoDecimals(r.delivered),
    benefits: r.benefits,
  }));

/** A health side as the cockpit shows it: no mean nor level from fewer respondents than the minimum group size. */
function sideShown(side: HealthSideResult, min: number): HealthSideResult {
  return side.respondents >= min ? side : { ...side, mean: null, level: null };
}

function pointShown(point: HealthTrendPoint, min: number): HealthTrendPoint {
  const business = sideShown(point.business, min);
  const provider = sideShown(point.provider, min);
  return { ...point, business, provider, maturity: business.level === null || provider.level === null ? null : point.maturity };
}

function itemShown(item: HealthItemResult, min: number): HealthItemResult {
  const business = item.business && item.business.n >= min ? item.business : null;
  const provider = item.provider && item.provider.n >= min ? item.provider : null;
  return { ...item, business, provider, gap: business && provider ? item.gap : null };
}

/** One unit's cockpit over the period; 404 for an unknown unit or one the viewer does not read. */
export async function unitInsights(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  key: string,
  period: Period,
  now: number,
): Promise<UnitInsights> {
  const unitId = unitIdOfKey(tenantId, key);
  const reads = readsUnit(tenantId, viewer, unitId);
  const inPeriod = sql`r.month >= ${period.from} and r.month <= ${period.to}`;
  const today = new Date(now).toISOString().slice(0, 10);
  const [units, tenants, rollups, contributorRows, intakeRows, contentRows, valueRows, roundRows, sums] = await db.batch([
    db
      .select(
        named({
          unit: unitRefColumn(sql`ou.id`),
          intendedMix: sql<string | null>`ou.intended_mix`,
          reads: sql<number>`${readsUnit(tenantId, viewer, sql`ou.id`)}`,
        }),
      )
      .from(sql`business_units ou`)
      .where(sql`ou.tenant_id = ${tenantId} and ou.key = ${key}`),
    tenantRow(db, tenantId),
    db
      .select(named({ month: sql<string>`r.month`, metric: sql<string>`r.metric`, dim: sql<string>`r.dim`, value: sql<number>`r.value` }))
      .from(sql`unit_rollups r`)
      .where(
        sql`r.tenant_id = ${tenantId} and r.unit_id = ${unitId} and ${inPeriod} and r.metric <> ${METRICS.contributions} and ${reads}`,
      ),
    db
      .select(named({ handle: sql<string>`u.handle`, name: sql<string>`u.name`, contributions: sql<number>`sum(r.value)` }))
      .from(sql`unit_rollups r join users u on u.id = r.dim`)
      .where(
        sql`r.tenant_id = ${tenantId} and r.unit_id = ${unitId} and ${inPeriod} and r.metric = ${METRICS.contributions}
          and u.tenant_id = ${tenantId} and u.kind = 'person' and u.handle is not null and u.subject not like 'apikey:%'
          and coalesce(json_extract((select t.insights from tenants t where t.id = ${tenantId}), '$.perPersonFigures'), 1) = 1 and ${reads}`,
      )
      .groupBy(sql`u.id`)
      .orderBy(sql`sum(r.value) desc, u.name, u.handle`)
      .limit(CONTRIBUTOR_LIMIT),
    db
      .select(named({ step: sql<IntakeStep>`i.intake_step`, n: sql<number>`count(*)` }))
      .from(sql`ideas i`)
      .where(sql`i.tenant_id = ${tenantId} and i.unit_id = ${unitId} and i.state = 'published' and ${reads}`)
      .groupBy(sql`i.intake_step`),
    db
      .select(
        named({
          cards: sql<number>`count(*)`,
          reviewOverdue: sql<number>`coalesce(sum(cards.obsolete_at is null and cards.review_by < ${today}), 0)`,
          unowned: sql<number>`coalesce(sum(cards.obsolete_at is null and cards.owner_id is null), 0)`,
          stale: sql<number>`coalesce(sum(cards.obsolete_at is null and max(coalesce(cards.last_verified_at, 0), cards.updated_at) < ${now - YEAR_MS}), 0)`,
          obsolete: sql<number>`coalesce(sum(cards.obsolete_at is not null), 0)`,
        }),
      )
      .from(sql`cards`)
      .where(
        sql`cards.tenant_id = ${tenantId} and cards.unit_id = ${unitId} and cards.state = 'published' and ${cardVisibleTo(tenantId, viewer)} and ${reads}`,
      ),
    valueTotals(db, tenantId, sql`(select ${unitId} where ${reads})`),
    ...closedRoundQueries(db, tenantId, viewer, latestClosedRounds(tenantId, unitId)),
  ]);
  const unitRow = units[0];
  const unit = parseUnitRef(unitRow?.unit ?? null);
  if (unitRow?.reads !== 1 || !unit) throw notFound('not_found.health_unit', { id: key });
  const settings = settingsOf(tenants[0]);
  const min = settings.minGroupSize;

  type RollupRow = (typeof rollups)[number];
  const byMonth = new Map<string, RollupRow[]>();
  for (const row of rollups) byMonth.set(row.month, [...(byMonth.get(row.month) ?? []), row]);
  const sumOf = (rows: RollupRow[], metric: string) => rows.filter((r) => r.metric === metric).reduce((a, r) => a + r.value, 0);
  const months: InsightMonth[] = monthRange(period.from, period.to).map((month) => {
    const rows = byMonth.get(month) ?? [];
    return {
      month,
      activePeople: {
        business: groupCount(sumOf(rows, METRICS.peopleBusiness), min),
        provider: groupCount(sumOf(rows, METRICS.peopleProvider), min),
      },
      discussions: sumOf(rows, METRICS.discussions),
      cardsUsed: sumOf(rows, METRICS.cardsUsed),
      ideas: {
        submitted: sumOf(rows, METRICS.ideasSubmitted),
        backed: sumOf(rows, METRICS.ideasBacked),
        approved: sumOf(rows, METRICS.ideasApproved),
        delivered: sumOf(rows, METRICS.ideasDelivered),
        deflected: sumOf(rows, METRICS.ideasDeflected),
      },
    };
  });

  const byDim = (metric: string) => {
    const totals = new Map<string, number>();
    for (const r of rollups) if (r.metric === metric) totals.set(r.dim, (totals.get(r.dim) ?? 0) + r.value);
    return totals;
  };
  const outcomes = [...byDim(METRICS.ideasOutcome)]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));

  const intended = unitRow.intendedMix ? (JSON.parse(unitRow.intendedMix) as Record<string, number>) : {};
  const demand = byDim(METRICS.demand);
  const classed = [...demand].filter(([c]) => c !== '').reduce((a, [, n]) => a + n, 0);
  const classes = [...new Set([...demand.keys(), ...Object.keys(intended)])].sort();
  const demandMix: DemandMixEntry[] = classes.map((c) => ({
    class: c,
    ideas: demand.get(c) ?? 0,
    share: c === '' || classed === 0 ? 0 : Math.round(((demand.get(c) ?? 0) / classed) * 1000) / 10,
    intended: intended[c] ?? null,
  }));

  const intake = Object.fromEntries(INTAKE_STEPS.map((step) => [step, intakeRows.find((r) => r.step === step)?.n ?? 0])) as IntakeCounts;
  const contentHealth = contentRows[0] ?? { cards: 0, reviewOverdue: 0, unowned: 0, stale: 0, obsolete: 0 };
  const rounds = closedRoundSummaries(roundRows, sums);
  const latest = rounds.at(-1);

  return {
    unit,
    from: period.from,
    to: period.to,
    asOf: isoTimeOrNull(tenants[0]?.rolledAt ?? null),
    minGroupSize: min,
    months,
    outcomes,
    demandMix,
    intake,
    value: toValue(valueRows),
    health: {
      trend: rounds.map((r) => pointShown(r.point, min)),
      latestGaps: latest ? latest.perItem.map((item) => itemShown(item, min)) : [],
    },
    contentHealth,
    contributors: settings.perPersonFigures ? contributorRows.map((c) => ({ ...c })) : null,
  };
}

/**
 * Every unit the viewer reads (all for CIOs and admins, their own units for a relationship team;
 * none for anyone else), by name, with the period's headline figures.
 */
export async function insightsOverview(db: Database, tenantId: string, viewer: Viewer, period: Period): Promise<InsightsOverview> {
  const readable = sql`(select rb.id from business_units rb where rb.tenant_id = ${tenantId} and ${readsUnit(tenantId, viewer, sql`rb.id`)})`;
  const headline = [METRICS.ideasSubmitted, METRICS.ideasApproved, METRICS.ideasDelivered, METRICS.ideasDeflected];
  const latestRounds = sql`(select lr.id from health_rounds lr where lr.tenant_id = ${tenantId} and lr.closed_at is not null
    and lr.unit_id in ${readable} and lr.id in ${latestClosedRounds(tenantId, sql`lr.unit_id`, 1)})`;
  const [units, tenants, rollups, valueRows, roundRows, sums] = await db.batch([
    db
      // Not `bu`: unitRefColumn's own subquery names its table so.
      .select(named({ id: sql<string>`ou.id`, unit: unitRefColumn(sql`ou.id`) }))
      .from(sql`business_units ou`)
      .where(sql`ou.tenant_id = ${tenantId} and ou.archived_at is null and ${readsUnit(tenantId, viewer, sql`ou.id`)}`)
      .orderBy(sql`ou.name, ou.key`),
    tenantRow(db, tenantId),
    db
      .select(named({ unitId: sql<string>`r.unit_id`, metric: sql<string>`r.metric`, value: sql<number>`sum(r.value)` }))
      .from(sql`unit_rollups r`)
      .where(
        sql`r.tenant_id = ${tenantId} and r.unit_id in ${readable} and (
          (r.month >= ${period.from} and r.month <= ${period.to} and r.metric in (${sql.join(headline, sql`, `)}))
          or (r.month = ${period.to} and r.metric in (${METRICS.peopleBusiness}, ${METRICS.peopleProvider})))`,
      )
      .groupBy(sql`r.unit_id, r.metric`),
    valueTotals(db, tenantId, readable),
    ...closedRoundQueries(db, tenantId, viewer, latestRounds),
  ]);
  const settings = settingsOf(tenants[0]);
  const min = settings.minGroupSize;
  const latestByUnit = new Map(closedRoundSummaries(roundRows, sums).map((r) => [r.unitKey, pointShown(r.point, min)]));
  const figure = (unitId: string, metric: string) => rollups.find((r) => r.unitId === unitId && r.metric === metric)?.value ?? 0;
  const people = (unitId: string, metric: string): GroupCount => groupCount(figure(unitId, metric), min);
  const summaries: UnitInsightSummary[] = units.map((row) => {
    const unit = parseUnitRef(row.unit);
    if (!unit) throw new Error(`Unit ${row.id} has no reference`);
    return {
      unit,
      activePeople: { business: people(row.id, METRICS.peopleBusiness), provider: people(row.id, METRICS.peopleProvider) },
      ideas: {
        submitted: figure(row.id, METRICS.ideasSubmitted),
        approved: figure(row.id, METRICS.ideasApproved),
        delivered: figure(row.id, METRICS.ideasDelivered),
        deflected: figure(row.id, METRICS.ideasDeflected),
      },
      value: toValue(valueRows.filter((v) => v.unitId === row.id)),
      maturity: latestByUnit.get(unit.key)?.maturity?.level ?? null,
    };
  });
  return {
    from: period.from,
    to: period.to,
    asOf: isoTimeOrNull(tenants[0]?.rolledAt ?? null),
    minGroupSize: min,
    units: summaries,
  };
}
