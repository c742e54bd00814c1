/** The cockpit's figures per business unit and over time (docs/insights.md). */
import { type CallOptions, callOf, type Transport } from './http.ts';
import type { InsightQuery, InsightsOverview, InsightsRebuild, UnitInsights } from './insight-types.ts';

/**
 * The cockpit: monthly figures per business unit from the rollups, with the live parts (intake,
 * value, health, content health). For the unit's relationship team, CIOs and admins; a unit the
 * caller may not read answers 404.
 */
export interface InsightsApi {
  /**
   * Every unit the caller reads, with its headline figures over the period (an empty list for
   * someone on no unit's team).
   *
   * @example
   * const { units } = await bk.insights.overview({ from: '2026-01', to: '2026-12' });
   */
  overview(query?: InsightQuery, options?: CallOptions): Promise<InsightsOverview>;
  /** One unit's cockpit over the period (default: the last 12 months; at most 36). */
  unit(key: string, query?: InsightQuery, options?: CallOptions): Promise<UnitInsights>;
  /** Rebuilds every month of the tenant's rollups now (admins). */
  rebuild(options?: CallOptions): Promise<InsightsRebuild>;
}

export function createInsightsApi(http: Transport): InsightsApi {
  const seg = encodeURIComponent;
  const period = (q?: InsightQuery) => ({ from: q?.from, to: q?.to });
  return {
    overview: (q, o) => http.request('GET', '/insights', { query: period(q), signal: o?.signal }),
    unit: (key, q, o) => http.request('GET', `/units/${seg(key)}/insights`, { query: period(q), signal: o?.signal }),
    rebuild: (o) => http.request('POST', '/insights/rebuild', { ...callOf(o) }),
  };
}
