/**
 * The arithmetic of relationship health (docs/health.md), without storage: each side's mean per
 * item, the gap between the sides, the level a side's mean supports, and the maturity estimate —
 * the lower of the two sides' levels, and none unless both sides answered, so one side's 5s never
 * make a "Strategic partner". The practice card template's derived maturity (cards/derive.ts)
 * uses the same bands and the same rule.
 */
import {
  type HealthItem,
  type HealthItemResult,
  type HealthMaturity,
  type HealthSideCounts,
  type HealthSideResult,
  type HealthStat,
  MATURITY_LEVELS,
  type MaturityLevel,
  type RelationshipSide,
} from '@bridgekit/sdk';

/** The sum and number of one side's scores on one item. */
export interface ScoreSum {
  side: RelationshipSide;
  item: string;
  sum: number;
  n: number;
}

const SIDES: readonly RelationshipSide[] = ['business', 'provider'];

export const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/**
 * The level a mean score supports: the mean rounded half up, 1–5.
 *
 * @example
 * levelOf(3.5); // 4
 */
export function levelOf(mean: number): MaturityLevel {
  return Math.min(5, Math.max(1, Math.round(mean))) as MaturityLevel;
}

/** A level's name, from the SDK's one list. */
export function maturityName(level: MaturityLevel) {
  const { label, translations } = MATURITY_LEVELS[level - 1] ?? MATURITY_LEVELS[0];
  return { level, label, translations };
}

/**
 * The maturity estimate from the two sides' levels: the lower one, naming the weaker side (null
 * when they agree); null when either side has no level.
 *
 * @example
 * maturityOf(2, 5); // { level: 2, label: 'Order taker', weakerSide: 'business', … }
 */
export function maturityOf(business: MaturityLevel | null, provider: MaturityLevel | null): HealthMaturity | null {
  if (business === null || provider === null) return null;
  const level = Math.min(business, provider) as MaturityLevel;
  const weakerSide = business === provider ? null : business < provider ? 'business' : 'provider';
  return { ...maturityName(level), weakerSide };
}

/** Each item's result, each side's mean and level, and the maturity estimate. */
export function healthSummary(
  items: readonly HealthItem[],
  sums: readonly ScoreSum[],
  counts: Record<RelationshipSide, HealthSideCounts>,
): { perItem: HealthItemResult[]; sides: Record<RelationshipSide, HealthSideResult>; maturity: HealthMaturity | null } {
  const stat = (side: RelationshipSide, item: string): HealthStat | null => {
    const found = sums.find((s) => s.side === side && s.item === item && s.n > 0);
    return found ? { mean: twoDecimals(found.sum / found.n), n: found.n } : null;
  };
  const perItem = items.map((item) => {
    const business = stat('business', item.key);
    const provider = stat('provider', item.key);
    const gap = business && provider ? twoDecimals(business.mean - provider.mean) : null;
    return { ...item, business, provider, gap };
  });
  const side = (which: RelationshipSide): HealthSideResult => {
    const means = perItem.flatMap((r) => (r[which] ? [r[which].mean] : []));
    const respondents = counts[which].responded;
    const mean = respondents > 0 && means.length > 0 ? twoDecimals(means.reduce((a, b) => a + b, 0) / means.length) : null;
    return { invited: counts[which].invited, respondents, mean, level: mean === null ? null : levelOf(mean) };
  };
  const [business, provider] = SIDES.map(side) as [HealthSideResult, HealthSideResult];
  return { perItem, sides: { business, provider }, maturity: maturityOf(business.level, provider.level) };
}
