/**
 * Evaluator scorecards. An idea's value, effort and risk are, per group, the weighted sum of
 * its criteria's scores averaged over evaluators — computed in SQL (store/scores.ts), so a new
 * score or a change of weights recomputes them atomically.
 */
import type { Criterion, EffortSize, FieldIssue, ScorecardPreset } from '@bridgekit/sdk';
import { fieldIssue } from '../errors.ts';

/** T-shirt sizes as effort points. */
export const TSHIRT_POINTS: Record<EffortSize, number> = { XS: 1, S: 2, M: 3, L: 5, XL: 8 };
export const FIBONACCI = [1, 2, 3, 5, 8, 13, 20] as const;

export const PRESETS: Record<Exclude<ScorecardPreset, 'custom'>, Criterion[]> = {
  // A common demand-management model: value = 60 % business impact + 40 % financial return;
  // size as a T-shirt; risk from yes/no questions.
  'value-size-risk': [
    { key: 'impact', label: 'Business impact', ...de('Geschäftlicher Nutzen'), kind: 'scale', weight: 0.6, group: 'value' },
    { key: 'financial', label: 'Financial return', ...de('Finanzieller Ertrag'), kind: 'scale', weight: 0.4, group: 'value' },
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
  const params = { criterion: criterion.label };
  switch (criterion.kind) {
    case 'scale':
      return Number.isInteger(input) && (input as number) >= 1 && (input as number) <= 5
        ? { value: input as number }
        : { error: fieldIssue(path, 'field.score_scale', params) };
    case 'tshirt':
      return typeof input === 'string' && input in TSHIRT_POINTS
        ? { value: TSHIRT_POINTS[input as EffortSize] }
        : { error: fieldIssue(path, 'field.score_tshirt', params) };
    case 'yesno':
      return typeof input === 'boolean' ? { value: input ? 1 : 0 } : { error: fieldIssue(path, 'field.score_yesno', params) };
    case 'fibonacci':
      return (FIBONACCI as readonly unknown[]).includes(input)
        ? { value: input as number }
        : { error: fieldIssue(path, 'field.score_fibonacci', { ...params, values: FIBONACCI.join(', ') }) };
  }
}
