/** The cockpit's privacy settings (`tenants.insights`) and the rule that hides small groups. */
import type { GroupCount, InsightSettings } from '@bridgekit/sdk';

export const DEFAULT_INSIGHT_SETTINGS: InsightSettings = { minGroupSize: 5, perPersonFigures: true };
export const MIN_GROUP_SIZE = { min: 2, max: 50 } as const;

/** The tenant's settings, the defaults filling what it did not set. */
export function insightSettings(stored: Partial<InsightSettings> | null | undefined): InsightSettings {
  return { ...DEFAULT_INSIGHT_SETTINGS, ...Object.fromEntries(Object.entries(stored ?? {}).filter(([, v]) => v !== undefined)) };
}

/**
 * A count of people as the cockpit may show it: `null` for 1 to `minGroupSize` − 1 people.
 *
 * @example
 * groupCount(3, 5); // null
 */
export function groupCount(n: number, minGroupSize: number): GroupCount {
  return n > 0 && n < minGroupSize ? null : n;
}
