/**
 * How evaluators' scores become an idea's value, effort and risk: the one rule. The Worker
 * stores each score as `scorePoints` gives it and computes the groups in SQL (its
 * `store/scores.ts`, in the batch of the change); triage previews them with `scoreGroups`.
 */
import type { Criterion, EffortSize } from './types.ts';

/** T-shirt sizes as effort points. */
export const TSHIRT_POINTS: Readonly<Record<EffortSize, number>> = { XS: 1, S: 2, M: 3, L: 5, XL: 8 };
/** The values a `fibonacci` criterion takes. */
export const FIBONACCI = [1, 2, 3, 5, 8, 13, 20] as const;

/**
 * The number a score is stored as: a scale's 1–5, a T-shirt's points, yes 1 and no 0, a
 * Fibonacci number; `null` for an answer the criterion does not take.
 *
 * @example
 * scorePoints('tshirt', 'M'); // 3
 * scorePoints('yesno', true); // 1
 */
export function scorePoints(kind: Criterion['kind'], input: unknown): number | null {
  switch (kind) {
    case 'scale':
      return Number.isInteger(input) && (input as number) >= 1 && (input as number) <= 5 ? (input as number) : null;
    case 'tshirt':
      return typeof input === 'string' && Object.hasOwn(TSHIRT_POINTS, input) ? TSHIRT_POINTS[input as EffortSize] : null;
    case 'yesno':
      return typeof input === 'boolean' ? (input ? 1 : 0) : null;
    case 'fibonacci':
      return (FIBONACCI as readonly unknown[]).includes(input) ? (input as number) : null;
  }
}

export type ScoreGroups = Record<Criterion['group'], number | null>;

/**
 * Value, effort and risk from evaluations (each evaluator's points by criterion key): per group,
 * Σ weight × the criterion's average over the evaluators who scored it. A group none of whose
 * criteria has a score is `null`. Risk is its own group: it never changes value or effort.
 *
 * @example
 * scoreGroups(criteria, [{ impact: 4, financial: 3, strategic_alignment: 5, size: 2 }]);
 * // { value: 4, effort: 2, risk: null } on the value-size-risk preset
 */
export function scoreGroups(
  criteria: readonly Pick<Criterion, 'key' | 'weight' | 'group'>[],
  evaluations: readonly Readonly<Record<string, number>>[],
): ScoreGroups {
  const groups: ScoreGroups = { value: null, effort: null, risk: null };
  for (const c of criteria) {
    const scores = evaluations.flatMap((e) => (typeof e[c.key] === 'number' ? [e[c.key] as number] : []));
    if (scores.length === 0) continue;
    const average = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    groups[c.group] = (groups[c.group] ?? 0) + c.weight * average;
  }
  return groups;
}
