/**
 * The cockpit under load, on three years of generated activity (insights-seed.ts): a unit's
 * cockpit for 12 and for 36 months and the CIO's overview, next to the bare read of the same
 * rollup rows on the baseline Worker; then the full rollup rebuild, timed one at a time next to
 * one live GROUP BY over the raw ideas of a unit (what every figure would cost without rollups).
 */
import { addMonths, monthOfMs } from '../src/insights/months.ts';
import { benchUnitKey } from './insights-seed.ts';
import { type Load, median, type Scenario } from './load.ts';

/** `tokens[n]` signs in bench person n, a CIO for n < `cios`. */
export function insightScenarios(tokens: string[], cios: number, now: number): Scenario[] {
  const headers = (n: number) => ({ authorization: `Bearer ${tokens[n % cios]}` });
  const to = monthOfMs(now);
  const year = addMonths(to, -11);
  const three = addMonths(to, -35);
  const unit = (from: string): Load => ({
    method: 'GET',
    path: (n) => `/v1/tenants/demo/units/${benchUnitKey(n)}/insights?from=${from}&to=${to}`,
    headers,
  });
  return [
    {
      name: 'cockpit (unit, 12 months)',
      warmup: 1,
      ours: unit(year),
      base: { method: 'GET', path: (n) => `/insights/unit?unit=${benchUnitKey(n)}&from=${year}&to=${to}`, headers: () => ({}) },
      also: [
        { name: 'cockpit (unit, 36 months)', ours: unit(three) },
        { name: 'overview (21 units)', ours: { method: 'GET', path: () => `/v1/tenants/demo/insights?from=${year}&to=${to}`, headers } },
      ],
    },
  ];
}

async function timed(url: string, init: RequestInit): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, init);
  await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status}`);
  return performance.now() - start;
}

/** The full rebuild (`admin`: a token of the tenant's admin), `rounds` times, alternating with one raw count on the baseline. */
export async function measureRebuild(urls: { ours: string; base: string }, admin: string, rounds: number): Promise<string[]> {
  const ours: number[] = [];
  const base: number[] = [];
  await timed(`${urls.base}/insights/raw?unit=${benchUnitKey(0)}`, {});
  for (let r = 0; r < rounds; r++) {
    base.push(await timed(`${urls.base}/insights/raw?unit=${benchUnitKey(r)}`, {}));
    ours.push(
      await timed(`${urls.ours}/v1/tenants/demo/insights/rebuild`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } }),
    );
  }
  const [o, b] = [median(ours), median(base)];
  return [
    `  ${'rollup rebuild (3 years)'.padEnd(26)} baseline  one unit's ideas per month, raw GROUP BY: ${b.toFixed(1).padStart(7)} ms (median of ${rounds})`,
    `  ${''.padEnd(26)} bridgekit every figure of every unit, whole tenant: ${o.toFixed(1).padStart(7)} ms`,
    `  ${''.padEnd(26)} ratio     ${(o / Math.max(b, 0.1)).toFixed(1).padStart(6)}× (hourly, from last month on: a fraction of this)`,
  ];
}
