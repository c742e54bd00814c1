/**
 * Values the server works out from a card's fields, by path; never stored, always recomputed:
 *
 * - Stakeholder Map: `stakeholders.<i>.approach` from power × interest, the usual grid —
 *   both 3 or more → "Manage closely"; power 3 or more, interest below 3 → "Keep satisfied";
 *   power below 3, interest 3 or more → "Keep informed"; both below 3 → "Monitor".
 * - Strategic Account Plan: `stakeholderStrategy.<i>.approach`, the same grid with influence as
 *   the power.
 * - Relationship Health Assessment: `items.<i>.gap` = the business partner's score − IT's score
 *   (negative when IT rates the item higher than the partner does); `averagePartner` and
 *   `averageIt`, each side's mean score (2 decimals); `estimatedMaturity`, the lower of the two
 *   levels the sides' averages support (each rounded half up to 1–5), and none unless both sides
 *   scored — one side's 5s never make a strategic partner, as in health rounds (domain/health.ts);
 *   `estimatedMaturityLabel`, its name ("Service provider").
 */
import type { CardTemplate, FieldValue } from '@bridgekit/sdk';
import { levelOf, maturityOf, twoDecimals } from '../domain/health.ts';
import { type FieldRecord, isFieldRecord, ownValue } from './values.ts';

export type Approach = 'Manage closely' | 'Keep satisfied' | 'Keep informed' | 'Monitor';

/** How people read each derived value, by the last part of its path. */
export const DERIVED_LABELS: Record<string, string> = {
  approach: 'Approach',
  gap: 'Gap (partner − IT)',
  averagePartner: 'Average score of the business partner',
  averageIt: 'Average score of IT',
  estimatedMaturity: 'Estimated maturity level',
  estimatedMaturityLabel: 'Estimated maturity',
};

export function approachFor(power: number, interest: number): Approach {
  if (power >= 3) return interest >= 3 ? 'Manage closely' : 'Keep satisfied';
  return interest >= 3 ? 'Keep informed' : 'Monitor';
}

export function deriveValues(template: CardTemplate, fields: Record<string, FieldValue>): Record<string, FieldValue> {
  switch (template.id) {
    case 'stakeholder-map':
      return approaches(fields, 'stakeholders', 'power');
    case 'strategic-account-plan':
      return approaches(fields, 'stakeholderStrategy', 'influence');
    case 'relationship-health-assessment':
      return health(fields);
    default:
      return {};
  }
}

const rows = (value: FieldValue | undefined): FieldRecord[] =>
  (Array.isArray(value) ? value : []).map((item) => (isFieldRecord(item) ? item : {}));
const numberAt = (row: FieldRecord, key: string): number | undefined => {
  const value = ownValue(row, key);
  return typeof value === 'number' ? value : undefined;
};

function approaches(fields: Record<string, FieldValue>, listKey: string, powerKey: string): Record<string, FieldValue> {
  const derived: Record<string, FieldValue> = {};
  rows(fields[listKey]).forEach((row, index) => {
    const power = numberAt(row, powerKey);
    const interest = numberAt(row, 'interest');
    if (power !== undefined && interest !== undefined) derived[`${listKey}.${index}.approach`] = approachFor(power, interest);
  });
  return derived;
}

function health(fields: Record<string, FieldValue>): Record<string, FieldValue> {
  const derived: Record<string, FieldValue> = {};
  const partnerScores: number[] = [];
  const itScores: number[] = [];
  rows(fields.items).forEach((row, index) => {
    const partner = numberAt(row, 'partnerScore');
    const it = numberAt(row, 'itScore');
    if (partner !== undefined) partnerScores.push(partner);
    if (it !== undefined) itScores.push(it);
    if (partner !== undefined && it !== undefined) derived[`items.${index}.gap`] = partner - it;
  });
  const averagePartner = mean(partnerScores);
  const averageIt = mean(itScores);
  if (averagePartner !== undefined) derived.averagePartner = twoDecimals(averagePartner);
  if (averageIt !== undefined) derived.averageIt = twoDecimals(averageIt);
  const level = (average: number | undefined) => (average === undefined ? null : levelOf(twoDecimals(average)));
  const maturity = maturityOf(level(averagePartner), level(averageIt));
  if (maturity) {
    derived.estimatedMaturity = maturity.level;
    derived.estimatedMaturityLabel = maturity.label;
  }
  return derived;
}

const mean = (values: readonly number[]) => (values.length === 0 ? undefined : values.reduce((sum, v) => sum + v, 0) / values.length);
