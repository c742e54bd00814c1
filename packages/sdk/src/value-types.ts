/**
 * From objective to value: a unit's objectives, an idea's sponsor and demand class, the intake's
 * decision steps, and value-realisation plans whose benefits are numbers. See docs/value.md.
 */
import type { ItemRef } from './community-types.ts';
import type { Translations } from './translations.ts';
import type { UnitRef } from './unit-types.ts';

/** One of the tenant's demand (investment) classes. Bridgekit's own are `run`, `grow` and `transform`. */
export interface DemandClassDefinition {
  /** Lower-case letters, digits and hyphens, at most 40 characters. */
  key: string;
  label: string;
  translations?: Translations<'label'>;
}

/** Run the business, grow it, transform it: the default demand classes. */
export const DEFAULT_DEMAND_CLASSES = [
  { key: 'run', label: 'Run', translations: { de: { label: 'Betrieb' } } },
  { key: 'grow', label: 'Grow', translations: { de: { label: 'Wachstum' } } },
  { key: 'transform', label: 'Transform', translations: { de: { label: 'Transformation' } } },
] as const satisfies readonly DemandClassDefinition[];

/** A unit's objective, with the id that ideas, business cases and value plans link to. */
export interface Objective {
  id: string;
  unit: UnitRef;
  title: string;
  kpi: string | null;
  /** `this-year`, `one-to-three-years` or `beyond-three-years`; `null` when unset. */
  horizon: string | null;
  /** The partner-profile card it is written in; `null` when added through the API. */
  card: ItemRef | null;
  /** ISO 8601 when it left the profile or was archived; links to it keep working. */
  archivedAt: string | null;
}

/** A new objective for a unit (admins and the unit's team), beside those of its partner profile. */
export interface NewObjective {
  /** 1–200 characters. */
  title: string;
  kpi?: string | null;
  horizon?: 'this-year' | 'one-to-three-years' | 'beyond-three-years' | null;
}

/** The intake's steps. `approved`, `deferred` and `deflected` are decisions; the others are on the way. */
export type IntakeStep = 'screening' | 'needs_information' | 'qualified' | 'approved' | 'deferred' | 'deflected';
export const INTAKE_STEPS = [
  'screening',
  'needs_information',
  'qualified',
  'approved',
  'deferred',
  'deflected',
] as const satisfies readonly IntakeStep[];

/** One step an idea's intake took, as recorded. */
export interface IntakeDecision {
  id: string;
  step: IntakeStep;
  /** The decision forum, e.g. "Finance demand board"; `null` for a step taken outside one. */
  forum: string | null;
  /** `YYYY-MM-DD`. */
  decidedOn: string;
  /** Who decided (a person's handle and name); `null` once they are erased or when unnamed. */
  decider: { handle: string; name: string } | null;
  note: string | null;
  recordedAt: string;
}

/** Benefit classes, from the firmest to the softest. */
export type BenefitClass = 'cash_releasing' | 'hard' | 'soft';
export const BENEFIT_CLASSES = ['cash_releasing', 'hard', 'soft'] as const satisfies readonly BenefitClass[];

/** A measurement of a benefit. */
export interface ValueActual {
  id: string;
  /** `YYYY-MM-DD`. */
  measuredOn: string;
  value: number;
  note: string | null;
  recordedBy: { handle: string; name: string } | null;
}

/** A benefit of a value-realisation plan. */
export interface ValueBenefit {
  id: string;
  title: string;
  /** What the numbers count, e.g. `EUR/year`. */
  measure: string;
  baseline: number;
  target: number;
  benefitClass: BenefitClass;
  owner: { handle: string; name: string } | null;
  objective: { id: string; title: string } | null;
  /** `YYYY-MM-DD` or `null`. */
  dueOn: string | null;
  /** Target − baseline. */
  planned: number;
  /** Latest actual − baseline; 0 until measured. */
  delivered: number;
  /** Oldest first. */
  actuals: ValueActual[];
}

/** The insight settings of a tenant (admins). */
export interface InsightSettings {
  /** Figures about fewer people than this are hidden; 2–50, default 5. */
  minGroupSize: number;
  /** Whether the cockpit may show figures per named person (its top contributors); default true. */
  perPersonFigures: boolean;
}

/** A new benefit of a value-realisation plan (the plan's editors). */
export interface NewValueBenefit {
  /** 1–200 characters. */
  title: string;
  /** What the numbers count, 1–40 characters, e.g. `EUR/year`; only benefits of the same measure add up. */
  measure: string;
  /** Where the measure stands before the change; a finite number, |x| ≤ 1e12. */
  baseline: number;
  /** Where it should stand; a finite number, |x| ≤ 1e12. */
  target: number;
  benefitClass: BenefitClass;
  /** The handle of the person accountable for it; `null` or left out: nobody named. */
  owner?: string | null;
  /** The id of one of the plan's unit's current objectives. */
  objective?: string | null;
  /** `YYYY-MM-DD`. */
  dueOn?: string | null;
}

/** A change of a benefit: the fields given are replaced. */
export type ValueBenefitUpdate = Partial<NewValueBenefit>;

/** A measurement to record. */
export interface NewValueActual {
  /** `YYYY-MM-DD`, today or earlier. */
  measuredOn: string;
  /** Where the measure stood that day; a finite number, |x| ≤ 1e12. */
  value: number;
  /** At most 500 characters. */
  note?: string | null;
}

/** Value planned and delivered of one measure: only like measures add up. */
export interface ValueTotal {
  measure: string;
  /** Σ (target − baseline). */
  planned: number;
  /** Σ (latest actual − baseline). */
  delivered: number;
  /** How many benefits count in it. */
  benefits: number;
}

/** A value-realisation plan's benefits, as its reader may see them. */
export interface ValuePlan {
  /** The plan card. */
  card: ItemRef;
  /** The idea whose value it is, when the plan was made from one. */
  idea: ItemRef | null;
  /** In the plan's order. */
  items: ValueBenefit[];
  /** Per measure, in the order each measure first appears. */
  totals: ValueTotal[];
  /** The caller may add, change and remove benefits (the card's owner, its unit's team, admins). */
  canEdit: boolean;
}
