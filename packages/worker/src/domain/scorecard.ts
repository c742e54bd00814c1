/**
 * Evaluator scorecards. An idea's value, effort and risk are, per group, the weighted sum of
 * its criteria's scores averaged over evaluators — computed in SQL (store/scores.ts), so a new
 * score or a change of weights recomputes them atomically.
 */
import type { Criterion, CriterionKind, EffortSize, ScorecardPreset } from '@bridgekit/sdk';

/** T-shirt sizes as effort points. */
export const TSHIRT_POINTS: Record<EffortSize, number> = { XS: 1, S: 2, M: 3, L: 5, XL: 8 };
export const FIBONACCI = [1, 2, 3, 5, 8, 13, 20] as const;

export const PRESETS: Record<Exclude<ScorecardPreset, 'custom'>, Criterion[]> = {
  // A common demand-management model: value = 60 % business impact + 40 % financial return;
  // size as a T-shirt; risk from yes/no questions.
  'value-size-risk': [
    { key: 'impact', label: 'Business impact', kind: 'scale', weight: 0.6, group: 'value' },
    { key: 'financial', label: 'Financial return', kind: 'scale', weight: 0.4, group: 'value' },
    { key: 'size', label: 'Size', kind: 'tshirt', weight: 1, group: 'effort' },
    { key: 'new_technology', label: 'Uses technology new to us', kind: 'yesno', weight: 1 / 3, group: 'risk' },
    { key: 'third_party', label: 'Depends on a third party', kind: 'yesno', weight: 1 / 3, group: 'risk' },
    { key: 'ways_of_working', label: 'Changes how people work', kind: 'yesno', weight: 1 / 3, group: 'risk' },
  ],
  // Weighted shortest job first: cost of delay (the value group) ÷ job size (the effort group).
  wsjf: [
    { key: 'business_value', label: 'Business value', kind: 'fibonacci', weight: 1, group: 'value' },
    { key: 'time_criticality', label: 'Time criticality', kind: 'fibonacci', weight: 1, group: 'value' },
    { key: 'risk_reduction', label: 'Risk reduction or opportunity enablement', kind: 'fibonacci', weight: 1, group: 'value' },
    { key: 'job_size', label: 'Job size', kind: 'fibonacci', weight: 1, group: 'effort' },
  ],
};

/** The number a score is stored as, or an error message that says what the criterion takes. */
export function scoreValue(kind: CriterionKind, input: unknown): { value: number } | { error: string } {
  switch (kind) {
    case 'scale':
      return Number.isInteger(input) && (input as number) >= 1 && (input as number) <= 5
        ? { value: input as number }
        : { error: 'a whole number from 1 to 5' };
    case 'tshirt':
      return typeof input === 'string' && input in TSHIRT_POINTS
        ? { value: TSHIRT_POINTS[input as EffortSize] }
        : { error: 'one of XS, S, M, L, XL' };
    case 'yesno':
      return typeof input === 'boolean' ? { value: input ? 1 : 0 } : { error: 'true or false' };
    case 'fibonacci':
      return (FIBONACCI as readonly unknown[]).includes(input) ? { value: input as number } : { error: `one of ${FIBONACCI.join(', ')}` };
  }
}
