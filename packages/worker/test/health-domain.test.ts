/** The arithmetic of relationship health (domain/health.ts): means, gaps, levels and the maturity rule. */
import { HEALTH_ITEMS, type HealthItem, type RelationshipSide } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { healthSummary, levelOf, maturityOf, type ScoreSum } from '../src/domain/health.ts';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const counts = (business: number, provider: number) => ({
  business: { invited: business + 1, responded: business },
  provider: { invited: provider, responded: provider },
});

describe('levels and maturity', () => {
  it('bands a mean by rounding half up, within 1–5', () => {
    expect([1, 1.49, 1.5, 2.5, 3.49, 4.5, 5].map(levelOf)).toEqual([1, 1, 2, 3, 3, 5, 5]);
  });

  it('takes the lower level and names the weaker side; none without both', () => {
    expect(maturityOf(2, 5)).toMatchObject({ level: 2, label: 'Order taker', weakerSide: 'business' });
    expect(maturityOf(5, 3)).toMatchObject({ level: 3, label: 'Service provider', weakerSide: 'provider' });
    expect(maturityOf(4, 4)).toMatchObject({ level: 4, label: 'Trusted advisor', weakerSide: null });
    expect(maturityOf(null, 5)).toBeNull();
    expect(maturityOf(5, null)).toBeNull();
  });
});

describe('a round’s summary', () => {
  const items: HealthItem[] = HEALTH_ITEMS.map((i) => ({ key: i.key, rates: i.rates, label: i.label }));

  it('gives the worked example of docs/health.md: IT all 5s, the business all 2s → level 2', () => {
    const sums: ScoreSum[] = items.flatMap((i) => [
      { side: 'business' as const, item: i.key, sum: 4, n: 2 },
      { side: 'provider' as const, item: i.key, sum: 10, n: 2 },
    ]);
    const summary = healthSummary(items, sums, counts(2, 2));
    expect(summary.perItem.every((r) => r.gap === -3)).toBe(true);
    expect(summary.sides.business).toEqual({ invited: 3, respondents: 2, mean: 2, level: 2 });
    expect(summary.sides.provider).toEqual({ invited: 2, respondents: 2, mean: 5, level: 5 });
    expect(summary.maturity).toMatchObject({ level: 2, weakerSide: 'business' });
  });

  it('never estimates a maturity above either side’s level, and none unless both answered (2,000 random rounds)', () => {
    const next = random(20261206);
    const int = (max: number) => Math.floor(next() * (max + 1));
    for (let run = 0; run < 2000; run++) {
      const respondents: Record<RelationshipSide, number> = { business: int(4), provider: int(4) };
      const sums: ScoreSum[] = [];
      for (const side of ['business', 'provider'] as const) {
        if (respondents[side] === 0) continue;
        for (const item of items) {
          const n = int(respondents[side]);
          if (n === 0) continue;
          let sum = 0;
          for (let i = 0; i < n; i++) sum += 1 + int(4);
          sums.push({ side, item: item.key, sum, n });
        }
      }
      const { sides, maturity, perItem } = healthSummary(items, sums, counts(respondents.business, respondents.provider));
      const label = `run ${run}: ${JSON.stringify(sums)}`;
      const bothAnswered = sides.business.level !== null && sides.provider.level !== null;
      expect(maturity === null, label).toBe(!bothAnswered);
      if (maturity) {
        expect(maturity.level, label).toBeLessThanOrEqual(sides.business.level as number);
        expect(maturity.level, label).toBeLessThanOrEqual(sides.provider.level as number);
        expect(maturity.level, label).toBe(Math.min(sides.business.level as number, sides.provider.level as number));
      }
      for (const side of ['business', 'provider'] as const) {
        const level = sides[side].level;
        if (level !== null) expect(level).toBe(levelOf(sides[side].mean as number));
      }
      for (const r of perItem) {
        if (r.business && r.provider) expect(r.gap, label).toBeCloseTo(r.business.mean - r.provider.mean, 2);
        else expect(r.gap).toBeNull();
      }
    }
  });
});
