/** When reader flags hide a published comment until a moderator reviews it. */
import type { ModerationSettings } from '@bridgekit/sdk';

/**
 * Whether `flagCount` flags hide a comment: once they reach `settings.flagThreshold`. A
 * threshold of 0 means flags never hide a comment (they still reach the queue).
 *
 * @example
 * hiddenByFlags(3, { flagThreshold: 3 }); // true
 * hiddenByFlags(9, { flagThreshold: 0 }); // false
 */
export function hiddenByFlags(flagCount: number, settings: Pick<ModerationSettings, 'flagThreshold'>): boolean {
  return settings.flagThreshold > 0 && flagCount >= settings.flagThreshold;
}
