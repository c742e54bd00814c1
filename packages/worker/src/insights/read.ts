/**
 * Reading the cockpit (docs/insights.md): a unit's figures, or every readable unit's headlines,
 * in ONE batch of a fixed number of statements whatever the period and the years of data — the
 * months from `unit_rollups`, the live parts (intake now, content health now, value, health)
 * from their tables. Who reads a unit is `readsUnit` (store/unit-access.ts), a condition inside
 * every statement, so nothing comes back for anyone else.
 *
 * Each read is also a shared answer for the read cache (routes/read-cache.ts): computed for
 * {@link EVERY_UNIT}, then made the viewer's by a one-row statement of theirs ({@link unitReader},
 * {@link readableUnits}) — whether they read the unit, and which private cards of it they see.
 */

import type {
  ContentHealth,
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
import type { BatchItem } from 'drizzle-orm/batch';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { twoDecimals } from '../domain/health.ts';
import { deliveredSql, plannedSql } from '../domain/value.ts';
import { notFound } from '../errors.ts';
import { isoTimeOrNull } from '../lib/time.ts';
import { cardVisibleTo, isAdmin } from '../store/card-rows.ts';
import { closedRoundQueries, closedRoundSummaries, latestClosedRounds } from '../store/health.ts';
import { named } from '../store/search-results.ts';
import { parseUnitRef, readsUnit, unitIdOfKey, unitRefColumn } from '../store/unit-access.ts';
import { viewerUserId } from '../store/users.ts';
import { monthRange } from './months.ts';
import { METRICS } from './rollup.ts';
import { groupCount, insightSettings } from './settings.ts';

/** How many top contributors a unit's cockpit names. */
export const CONTRIBUTOR_LIMIT = 10;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** Whom a shared answer is computed for: the platform operator reads every unit, every card and every round. */
export const EVERY_UNIT: Viewer = { kind: 'platform' };

/** The statements of a read and how to read the answer off their results, for one batch (routes/read-cache.ts). */
export interface Batch<T> {
  statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];
  answer: (results: readonly unknown[]) => T;
}

/** `YYYY-MM-DD` of `now` (UTC), and the instant before which a card counts as stale: the day's start a year ago. */
function dayOf(now: number): { today: string; staleBefore: number } {
  const today = new Date(now).toISOString().slice(0, 10);
  return { today, staleBefore: Date.parse(today) - YEAR_MS };
}

/** The content health sums of the cards a statement selects (as `cards`). */
function contentSums(now: number) {
  const { today, staleBefore } = dayOf(now);
  return {
    cards: sql<number>`count(*)`,
    reviewOverdue: sql<number>`coalesce(sum(cards.obsolete_at is null and cards.review_by < ${today}), 0)`,
    unowned: sql<number>`coalesce(sum(cards.obsolete_at is null and cards.owner_id is null), 0)`,
    stale: sql<number>`coalesce(sum(cards.obsolete_at is null and max(coalesce(cards.last_verified_at, 0), cards.updated_at) < ${staleBefore}), 0)`,
    obsolete: sql<number>`coalesce(sum(cards.obsolete_at is not null), 0)`,
  };
}

const NO_CARDS: ContentHealth = { cards: 0, reviewOverdue: 0, unowned: 0, stale: 0, obsolete: 0 };
const addContent = (a: ContentHealth, b: ContentHealth): ContentHealth => ({
  cards: a.cards + b.cards,
  reviewOverdue: a.reviewOverdue + b.reviewOverdue,
  unowned: a.unowned + b.unowned,
  stale: a.stale + b.stale,
  obsolete: a.obsolete + b.obsolete,
});

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

/**
 * A unit's cockpit, and the content health of its cards by visibility: `readers` counts the
 * published cards everyone who reads the unit sees (for everyone, or for the unit's team), so
 * a reader's own figure is that and the private cards they see ({@link asReader}).
 */
export interface UnitCockpit {
  insights: UnitInsights;
  readers: ContentHealth;
}

/**
 * One unit's cockpit over the period as `viewer` sees it, as one batch; its answer is 404 for an
 * unknown unit or one the viewer does not read.
 *
 * @example
 * const query = unitInsightsQuery(db, tenant.id, viewer, 'finance', { from: '2026-01', to: '2026-12' }, Date.now());
 * const { insights } = query.answer(await db.batch(query.statements));
 */
export function unitInsightsQuery(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  key: string,
  period: Period,
  now: number,
): Batch<UnitCockpit> {
  const unitId = unitIdOfKey(tenantId, key);
  const reads = readsUnit(tenantId, viewer, unitId);
  const inPeriod = sql`r.month >= ${period.from} and r.month <= ${period.to}`;
  const statements = [
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
    // One row for the cards every reader of the unit sees, one for the private ones the viewer sees.
    db
      .select(named({ private: sql<number>`cards.visibility = 'private'`, ...contentSums(now) }))
      .from(sql`cards`)
      .where(
        sql`cards.tenant_id = ${tenantId} and cards.unit_id = ${unitId} and cards.state = 'published' and ${cardVisibleTo(tenantId, viewer)} and ${reads}`,
      )
      .groupBy(sql`cards.visibility = 'private'`),
    valueTotals(db, tenantId, sql`(select ${unitId} where ${reads})`),
    ...closedRoundQueries(db, tenantId, viewer, latestClosedRounds(tenantId, unitId)),
  ] as const;
  return {
    statements: [...statements],
    answer: (results) => {
      const [units, tenants, rollups, contributorRows, intakeRows, contentRows, valueRows, roundRows, sums] = results as {
        [K in keyof typeof statements]: Awaited<(typeof statements)[K]>;
      };
      return unitAnswer(key, period, units, tenants, rollups, contributorRows, intakeRows, contentRows, valueRows, roundRows, sums);
    },
  };
}

function unitAnswer(
  key: string,
  period: Period,
  units: { unit: string | null; intendedMix: string | null; reads: number }[],
  tenants: { insights: string | null; rolledAt: number | null }[],
  rollups: { month: string; metric: string; dim: string; value: number }[],
  contributorRows: { handle: string; name: string; contributions: number }[],
  intakeRows: { step: IntakeStep; n: number }[],
  contentRows: (ContentHealth & { private: number })[],
  valueRows: ValueRow[],
  roundRows: unknown[],
  sums: unknown[],
): UnitCockpit {
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
  const content = (row: (ContentHealth & { private: number }) | undefined): ContentHealth =>
    row ? { cards: row.cards, reviewOverdue: row.reviewOverdue, unowned: row.unowned, stale: row.stale, obsolete: row.obsolete } : NO_CARDS;
  const readers = content(contentRows.find((r) => r.private === 0));
  const contentHealth = addContent(readers, content(contentRows.find((r) => r.private === 1)));
  const rounds = closedRoundSummaries(roundRows, sums);
  const latest = rounds.at(-1);

  const insights: UnitInsights = {
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
  return { insights, readers };
}

/** What is the viewer's own in a unit's cockpit: whether they read it, whether they see every card (admins), and the private cards of it they see. */
export interface UnitReader {
  reads: number;
  admin: number;
  /** The content health sums of the unit's published private cards they own or wrote, as JSON. */
  own: string;
}

/**
 * The viewer's part of the unit `key`'s cockpit, one row (read off the tenant's, which always exists).
 *
 * @example
 * const [reader] = await unitReader(db, tenant.id, viewer, 'finance', Date.now()); // { reads: 1, admin: 0, own: '{"cards":0,…}' }
 */
export function unitReader(db: Database, tenantId: string, viewer: Viewer, key: string, now: number) {
  const unitId = unitIdOfKey(tenantId, key);
  const sums = Object.entries(contentSums(now)).flatMap(([name, value]) => [sql.raw(`'${name}'`), value]);
  return db
    .select(
      named({
        reads: sql<number>`${readsUnit(tenantId, viewer, unitId)}`,
        admin: sql<number>`${isAdmin(tenantId, viewer)}`,
        own: sql<string>`(select json_object(${sql.join(sums, sql`, `)}) from cards where cards.tenant_id = ${tenantId}
          and cards.unit_id = ${unitId} and cards.state = 'published' and cards.visibility = 'private'
          and ${viewerUserId(tenantId, viewer)} in (cards.owner_id, cards.author_id))`,
      }),
    )
    .from(sql`tenants t`)
    .where(sql`t.id = ${tenantId}`);
}

/**
 * The cockpit computed for {@link EVERY_UNIT} as the viewer of `reader` sees it: 404 unless they
 * read the unit; every card for an admin, else the cards for every reader and their own private ones.
 */
export function asReader(shared: UnitCockpit, [reader]: UnitReader[], key: string): UnitCockpit {
  if (reader?.reads !== 1) throw notFound('not_found.health_unit', { id: key });
  if (reader.admin) return shared;
  const contentHealth = addContent(shared.readers, JSON.parse(reader.own) as ContentHealth);
  return { ...shared, insights: { ...shared.insights, contentHealth } };
}

/**
 * Every unit the viewer reads (all for CIOs and admins, their own units for a relationship team;
 * none for anyone else), by name, with the period's headline figures.
 */
export function insightsOverviewQuery(db: Database, tenantId: string, viewer: Viewer, period: Period): Batch<InsightsOverview> {
  const readable = sql`(select rb.id from business_units rb where rb.tenant_id = ${tenantId} and ${readsUnit(tenantId, viewer, sql`rb.id`)})`;
  const headline = [METRICS.ideasSubmitted, METRICS.ideasApproved, METRICS.ideasDelivered, METRICS.ideasDeflected];
  const latestRounds = sql`(select lr.id from health_rounds lr where lr.tenant_id = ${tenantId} and lr.closed_at is not null
    and lr.unit_id in ${readable} and lr.id in ${latestClosedRounds(tenantId, sql`lr.unit_id`, 1)})`;
  const statements = [
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
  ] as const;
  return {
    statements: [...statements],
    answer: (results) => {
      const [units, tenants, rollups, valueRows, roundRows, sums] = results as {
        [K in keyof typeof statements]: Awaited<(typeof statements)[K]>;
      };
      return overviewAnswer(period, units, tenants, rollups, valueRows, roundRows, sums);
    },
  };
}

function overviewAnswer(
  period: Period,
  units: { id: string; unit: string | null }[],
  tenants: { insights: string | null; rolledAt: number | null }[],
  rollups: { unitId: string; metric: string; value: number }[],
  valueRows: ValueRow[],
  roundRows: unknown[],
  sums: unknown[],
): InsightsOverview {
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

/**
 * The keys of the units the viewer reads (archived ones too), as JSON, one row: what makes the
 * overview computed for {@link EVERY_UNIT} theirs ({@link readableOnly}).
 *
 * @example
 * const [row] = await readableUnits(db, tenant.id, viewer);
 */
export function readableUnits(db: Database, tenantId: string, viewer: Viewer) {
  return db
    .select(
      named({
        keys: sql<string>`(select json_group_array(ru.key) from business_units ru where ru.tenant_id = ${tenantId}
          and ${readsUnit(tenantId, viewer, sql`ru.id`)})`,
      }),
    )
    .from(sql`tenants t`)
    .where(sql`t.id = ${tenantId}`);
}

/** The overview of every unit, of the units the viewer reads only: each unit's figures are its own. */
export function readableOnly(overview: InsightsOverview, [row]: { keys: string }[]): InsightsOverview {
  const keys = new Set(row ? (JSON.parse(row.keys) as string[]) : []);
  return { ...overview, units: overview.units.filter((u) => keys.has(u.unit.key)) };
}
