/**
 * The cockpit (`<bk-insights>`, `insights.unit(key)`, `insights.overview()`): per business unit
 * and over time, for relationship managers, business partners of the unit, CIOs and admins.
 * Figures come from monthly rollups; see docs/insights.md.
 */

import type { HealthItemResult, HealthTrendPoint } from './health-types.ts';
import type { UnitRef } from './unit-types.ts';
import type { BenefitClass, IntakeStep } from './value-types.ts';

/**
 * A count of people: `null` when it is between 1 and the tenant's minimum group size − 1, so
 * small groups are never shown.
 */
export type GroupCount = number | null;

/** The period and filters of a cockpit read. */
export interface InsightQuery {
  /** First month, `YYYY-MM`; default 11 months before `to`. */
  from?: string;
  /** Last month, `YYYY-MM`; default this month. At most 36 months in all. */
  to?: string;
}

/** One month of a unit's figures. */
export interface InsightMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Distinct people who posted, commented, backed, scored or edited a card: business side and provider side. */
  activePeople: { business: GroupCount; provider: GroupCount };
  /** Threads started and comments posted by the unit's people or on its ideas. */
  discussions: number;
  /** Distinct practice cards the unit's ideas and discussions cited, or that answered its requests. */
  cardsUsed: number;
  ideas: { submitted: number; backed: number; approved: number; delivered: number; deflected: number };
}

/** Deflected or declined ideas by the status they left with (its key) in the period. */
export interface OutcomeCount {
  status: string;
  count: number;
}

/** The unit's demand by class in the period, against the mix it intends. */
export interface DemandMixEntry {
  class: string;
  /** Ideas submitted in the class. */
  ideas: number;
  /** Share of the period's classed ideas, percent (one decimal). */
  share: number;
  /** The unit's intended share for the class, percent; `null` when it has none. */
  intended: number | null;
}

/**
 * Value planned and delivered, per measure and class (only like numbers are added). Not
 * value-types.ts's `ValueTotal` (per measure of one plan), hence its own name.
 */
export interface InsightValueTotal {
  measure: string;
  benefitClass: BenefitClass;
  /** Σ (target − baseline) of the benefits planned for the unit. */
  planned: number;
  /** Σ (latest actual − baseline). */
  delivered: number;
  benefits: number;
}

/** Where the unit's ideas stand in the intake now. */
export type IntakeCounts = Record<IntakeStep, number>;

/** The state of the unit's practice cards now. */
export interface ContentHealth {
  cards: number;
  /** Past their review date. */
  reviewOverdue: number;
  /** With no owner. */
  unowned: number;
  /** Not verified or edited for a year. */
  stale: number;
  obsolete: number;
}

/** A person with their contributions in the period (only when the tenant allows per-person figures). */
export interface Contributor {
  handle: string;
  name: string;
  contributions: number;
}

/** One unit's cockpit. */
export interface UnitInsights {
  unit: UnitRef;
  from: string;
  to: string;
  /** When the rollups were last rebuilt (ISO 8601); `null` before the first run. */
  asOf: string | null;
  minGroupSize: number;
  /** Oldest first, one entry per month of the period. */
  months: InsightMonth[];
  outcomes: OutcomeCount[];
  demandMix: DemandMixEntry[];
  intake: IntakeCounts;
  value: InsightValueTotal[];
  /** Closed health rounds, oldest first (the latest 24), and the latest one's items with each side's gap. */
  health: { trend: HealthTrendPoint[]; latestGaps: HealthItemResult[] };
  contentHealth: ContentHealth;
  /** `null` when the tenant switched per-person figures off. */
  contributors: Contributor[] | null;
}

/** One line of the CIO's overview: each unit's headline figures over the period. */
export interface UnitInsightSummary {
  unit: UnitRef;
  /** Active people in the period's last month. */
  activePeople: { business: GroupCount; provider: GroupCount };
  ideas: { submitted: number; approved: number; delivered: number; deflected: number };
  value: InsightValueTotal[];
  /** The latest closed round's maturity level (1–5), or `null`. */
  maturity: number | null;
}

/** Every unit the caller may read, for the period. */
export interface InsightsOverview {
  from: string;
  to: string;
  asOf: string | null;
  minGroupSize: number;
  units: UnitInsightSummary[];
}

/** What a forced rebuild of the rollups did. */
export interface InsightsRebuild {
  /** The oldest month rebuilt, `YYYY-MM`. */
  fromMonth: string;
  /** ISO 8601: the new "as of". */
  asOf: string;
}
