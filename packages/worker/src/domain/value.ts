/**
 * Value realisation, THE rule (docs/value.md): a benefit's planned value is target − baseline, its
 * delivered value the latest actual − baseline (0 until measured), and totals add only benefits of
 * the same measure — euros a year never add to hours a month. The value plans (store/value.ts)
 * and the cockpit read their figures from here; `deliveredSql` is the same rule for statements that
 * sum in SQL.
 */
import { type SQL, sql } from 'drizzle-orm';

/** The largest magnitude a baseline, target or actual may have. */
export const VALUE_MAX = 1e12;
/** How many benefits a plan may have. */
export const BENEFITS_PER_PLAN = 50;

/** What a figure is made from: enough of a benefit and its actuals. */
export interface BenefitNumbers {
  baseline: number;
  target: number;
}
export interface ActualNumbers {
  /** `YYYY-MM-DD`. */
  measuredOn: string;
  value: number;
  /** When it was recorded (epoch ms): of two actuals of one day, the later recorded is the latest. */
  recordedAt: number;
}

/** Sums of floating-point numbers, kept to 15 significant digits (0.1 + 0.2 is 0.3). */
const tidy = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(15)));

/** The measure as it is compared and shown: trimmed, inner white space one space. `EUR / year` and `EUR/year` stay apart. */
export const measureKey = (measure: string): string => measure.trim().replace(/\s+/g, ' ');

/** Oldest first: by day measured, then by when recorded. */
export function byMeasuredOn<T extends ActualNumbers>(actuals: readonly T[]): T[] {
  return [...actuals].sort((a, b) => (a.measuredOn === b.measuredOn ? a.recordedAt - b.recordedAt : a.measuredOn < b.measuredOn ? -1 : 1));
}

/** Target − baseline. @example planned({ baseline: 320, target: 80 }) // -240 */
export const planned = (b: BenefitNumbers): number => tidy(b.target - b.baseline);

/**
 * The latest actual − baseline, 0 until measured. Not capped at the plan: over-delivery shows.
 *
 * @example
 * delivered({ baseline: 320, target: 80 }, [{ measuredOn: '2027-01-31', value: 250, recordedAt: 1 }]) // -70
 */
export function delivered(b: BenefitNumbers, actuals: readonly ActualNumbers[]): number {
  const latest = byMeasuredOn(actuals).at(-1);
  return latest === undefined ? 0 : tidy(latest.value - b.baseline);
}

/** One benefit's figures for a total. */
export interface BenefitFigures {
  measure: string;
  planned: number;
  delivered: number;
}

export interface MeasureTotal {
  measure: string;
  planned: number;
  delivered: number;
  benefits: number;
}

/**
 * Planned and delivered added up per measure, in the order each measure first appears. Only like
 * measures add: a plan with `EUR/year` and `hours/month` benefits has two totals.
 *
 * @example
 * totalsByMeasure([{ measure: 'EUR/year', planned: 100, delivered: 40 }, { measure: 'EUR/year', planned: 50, delivered: 0 }])
 * // [{ measure: 'EUR/year', planned: 150, delivered: 40, benefits: 2 }]
 */
export function totalsByMeasure(figures: readonly BenefitFigures[]): MeasureTotal[] {
  const totals = new Map<string, MeasureTotal>();
  for (const f of figures) {
    const key = measureKey(f.measure);
    const t = totals.get(key) ?? { measure: key, planned: 0, delivered: 0, benefits: 0 };
    t.planned = tidy(t.planned + f.planned);
    t.delivered = tidy(t.delivered + f.delivered);
    t.benefits += 1;
    totals.set(key, t);
  }
  return [...totals.values()];
}

/** SQL for the planned value of the `value_benefits` row `b` names (an alias). */
export const plannedSql = (b: string): SQL<number> => sql<number>`(${sql.identifier(b)}.target - ${sql.identifier(b)}.baseline)`;

/**
 * SQL for the delivered value of the `value_benefits` row `b` names (an alias): the same rule as
 * {@link delivered}, for statements that sum in the database (the cockpit).
 */
export const deliveredSql = (b: string): SQL<number> =>
  sql<number>`coalesce((select va.value from value_actuals va where va.benefit_id = ${sql.identifier(b)}.id
    order by va.measured_on desc, va.created_at desc limit 1) - ${sql.identifier(b)}.baseline, 0)`;
