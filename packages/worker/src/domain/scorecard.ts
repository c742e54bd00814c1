/**
 * Evaluator scorecards. An idea's value, effort and risk are, per group, the weighted sum of
 * its criteria's scores averaged over evaluators — computed in SQL (store/scores.ts), so a new
 * score or a change of weights recomputes them atomically.
 */
import type { Criterion, FieldIssue, ScorecardPreset } from '@bridgekit/sdk';
import { FIBONACCI, scorePoints, TSHIRT_POINTS } from '@bridgekit/sdk/scoring';
import { type SQL, sql } from 'drizzle-orm';
import { fieldIssue } from '../errors.ts';

// The points of each kind of score, and how they add up (`scoreGroups`), are the SDK's: triage previews with the same rule.
export { FIBONACCI, TSHIRT_POINTS };

export const PRESETS: Record<Exclude<ScorecardPreset, 'custom'>, Criterion[]> = {
  // A common demand-management model (ServiceNow's ROI plus its separate Strategic Alignment
  // category): value = 40 % business impact + 30 % financial return + 30 % fit with the unit's
  // objectives. Impact keeps the largest share because it is what the requester can argue best;
  // alignment gets as much as money so that an idea serving no objective cannot reach the top of
  // the value scale on return alone. Size as a T-shirt; risk from yes/no questions.
  'value-size-risk': [
    { key: 'impact', label: 'Business impact', ...de('Geschäftlicher Nutzen'), kind: 'scale', weight: 0.4, group: 'value' },
    { key: 'financial', label: 'Financial return', ...de('Finanzieller Ertrag'), kind: 'scale', weight: 0.3, group: 'value' },
    {
      key: 'strategic_alignment',
      label: "Fit with the unit's objectives",
      ...de('Passung zu den Zielen der Einheit'),
      kind: 'scale',
      weight: 0.3,
      group: 'value',
    },
    { key: 'size', label: 'Size', ...de('Größe'), kind: 'tshirt', weight: 1, group: 'effort' },
    {
      key: 'new_technology',
      label: 'Uses technology new to us',
      ...de('Nutzt für uns neue Technik'),
      kind: 'yesno',
      weight: 1 / 3,
      group: 'risk',
    },
    { key: 'third_party', label: 'Depends on a third party', ...de('Hängt von Dritten ab'), kind: 'yesno', weight: 1 / 3, group: 'risk' },
    {
      key: 'ways_of_working',
      label: 'Changes how people work',
      ...de('Verändert, wie Menschen arbeiten'),
      kind: 'yesno',
      weight: 1 / 3,
      group: 'risk',
    },
  ],
  // Weighted shortest job first: cost of delay (the value group) ÷ job size (the effort group).
  wsjf: [
    { key: 'business_value', label: 'Business value', ...de('Geschäftswert'), kind: 'fibonacci', weight: 1, group: 'value' },
    { key: 'time_criticality', label: 'Time criticality', ...de('Zeitkritikalität'), kind: 'fibonacci', weight: 1, group: 'value' },
    {
      key: 'risk_reduction',
      label: 'Risk reduction or opportunity enablement',
      ...de('Risikominderung oder neue Chancen'),
      kind: 'fibonacci',
      weight: 1,
      group: 'value',
    },
    { key: 'job_size', label: 'Job size', ...de('Umfang'), kind: 'fibonacci', weight: 1, group: 'effort' },
  ],
};

function de(label: string): Pick<Criterion, 'translations'> {
  return { translations: { de: { label } } };
}

const PRESET_TRANSLATIONS = new Map(Object.values(PRESETS).flatMap((cs) => cs.map((c) => [`${c.key}\n${c.label}`, c.translations])));

/**
 * The translations of a preset's criterion of this key and English label: for criteria stored
 * before there were translations. A label an admin changed keeps only the translations they give.
 */
export const presetTranslations = (key: string, label: string): Criterion['translations'] => PRESET_TRANSLATIONS.get(`${key}\n${label}`);

/** The number a score is stored as, or the field issue (at `path`) that says what the criterion takes. */
export function scoreValue(
  criterion: Pick<Criterion, 'kind' | 'label'>,
  input: unknown,
  path: string,
): { value: number } | { error: FieldIssue } {
  const value = scorePoints(criterion.kind, input);
  if (value !== null) return { value };
  const params = { criterion: criterion.label };
  switch (criterion.kind) {
    case 'scale':
      return { error: fieldIssue(path, 'field.score_scale', params) };
    case 'tshirt':
      return { error: fieldIssue(path, 'field.score_tshirt', params) };
    case 'yesno':
      return { error: fieldIssue(path, 'field.score_yesno', params) };
    case 'fibonacci':
      return { error: fieldIssue(path, 'field.score_fibonacci', { ...params, values: FIBONACCI.join(', ') }) };
  }
}

/**
 * The value floor of a board whose `min_value` is null, by preset. On value-size-risk's 1–5
 * scales 2.5 sits between "low" (2) and "medium" (3): an idea its evaluators found of low value on
 * average does not compete for capacity, however small. WSJF has none (it sequences work already
 * judged worth doing), nor has a custom scorecard (its scale is the admin's).
 */
export const DEFAULT_MIN_VALUE: Record<ScorecardPreset, number | null> = { 'value-size-risk': 2.5, wsjf: null, custom: null };

/** The lowest and highest score of each kind of criterion. */
const KIND_RANGE: Record<Criterion['kind'], [number, number]> = {
  scale: [1, 5],
  tshirt: [TSHIRT_POINTS.XS, TSHIRT_POINTS.XL],
  yesno: [0, 1],
  fibonacci: [FIBONACCI[0], FIBONACCI[FIBONACCI.length - 1] as number],
};

/** The lowest and highest value score the criteria can give (a floor must lie within). */
export function valueRange(criteria: Pick<Criterion, 'kind' | 'weight' | 'group'>[]): { min: number; max: number } {
  const value = criteria.filter((c) => c.group === 'value');
  // Rounded: weights such as 0.4 + 0.3 + 0.3 do not add up to exactly 1 in floating point.
  const sum = (end: 0 | 1) => Math.round(value.reduce((total, c) => total + c.weight * KIND_RANGE[c.kind][end], 0) * 1e6) / 1e6;
  return { min: sum(0), max: sum(1) };
}

/**
 * The value-for-effort ranking. Value ÷ effort alone ranks the lowest-value XS tweak (1 ÷ 1)
 * above a top-value XL transformation (5 ÷ 8): T-shirt points compress effort, and nothing
 * stops a trivial request from winning on smallness. So value counts twice, value² ÷ effort:
 * doubling value is worth as much as halving effort squared, a tweak must be valuable to
 * outrank big work, and the order among equally valuable ideas is still smallest first. WSJF
 * keeps its own definition, cost of delay ÷ job size.
 */
export function effortRatio(value: number, effort: number, preset: ScorecardPreset): number {
  return preset === 'wsjf' ? value / effort : (value * value) / effort;
}

/**
 * What `ideas.value_per_effort` stores, so that `order by value_per_effort desc` is the ranking:
 * the ratio at or above the floor; below it −1 ÷ (1 + ratio) — negative, so after every idea at
 * or above the floor, and still in the order of its ratio. Null without a positive effort.
 */
export function rankKey(value: number | null, effort: number | null, preset: ScorecardPreset, floor: number | null): number | null {
  if (value === null || effort === null || effort <= 0) return null;
  const ratio = effortRatio(value, effort, preset);
  return floor !== null && value < floor ? -1 / (1 + ratio) : ratio;
}

/** `rankKey` in SQL, over the given value, effort, preset and floor expressions (one statement's columns). */
export function rankKeySql(value: SQL, effort: SQL, preset: SQL, floor: SQL): SQL<number | null> {
  const ratio = sql`(case when ${preset} = 'wsjf' then ${value} / ${effort} else ${value} * ${value} / ${effort} end)`;
  return sql<number | null>`(case when ${effort} > 0 then
    case when ${floor} is not null and ${value} < ${floor} then -1.0 / (1 + ${ratio}) else ${ratio} end end)`;
}

/** The floor of a board: its `min_value`, else its preset's default (`DEFAULT_MIN_VALUE`), in SQL. */
export function floorSql(minValue: SQL, preset: SQL): SQL<number | null> {
  const defaults = Object.entries(DEFAULT_MIN_VALUE).filter(([, v]) => v !== null);
  return sql<number | null>`coalesce(${minValue}, case ${preset} ${sql.join(
    defaults.map(([p, v]) => sql`when ${p} then ${v}`),
    sql` `,
  )} end)`;
}

/** The ratio and whether the idea is below the floor, read back from a stored rank key. */
export function fromRankKey(key: number | null): { valuePerEffort: number | null; belowFloor: boolean } {
  if (key === null) return { valuePerEffort: null, belowFloor: false };
  return key < 0 ? { valuePerEffort: -1 / key - 1, belowFloor: true } : { valuePerEffort: key, belowFloor: false };
}
