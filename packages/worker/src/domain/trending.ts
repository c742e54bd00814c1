/**
 * "Trending" is recent support decayed by age: Σ over votes of 2^(−age / half-life). Stored as
 * Σ 2^((vote time − epoch) / half-life), which orders ideas identically at any moment, so it
 * can be indexed and kept exact in the same transaction as the vote.
 */
export const TREND_HALF_LIFE_MS = 7 * 24 * 60 * 60 * 1000;
// The weights double every half-life after this; doubles stay finite for about 1,000 of them (~19 years).
export const TREND_EPOCH_MS = Date.UTC(2026, 0, 1);

export function voteWeight(count: number, at: number): number {
  return count * 2 ** ((at - TREND_EPOCH_MS) / TREND_HALF_LIFE_MS);
}
