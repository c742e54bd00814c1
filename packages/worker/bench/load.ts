/**
 * Load scenarios for `pnpm bench`: one request shape against Bridgekit and its counterpart
 * against the baseline Worker, measured in alternating rounds and printed as medians with the
 * ratio Bridgekit ÷ baseline.
 */
import autocannon from 'autocannon';

export interface Load {
  method: 'GET' | 'PUT' | 'POST';
  /** `i` counts the requests of one measurement, from 0. */
  path: (i: number) => string;
  headers: (i: number) => Record<string, string>;
  body?: (i: number) => string;
  /** Each answer to request `i` that arrived within the measurement. */
  onResponse?: (i: number, status: number) => void;
  /** Runs before each measurement (warm-up included), e.g. to catch up on requests cut off at the end of the last one. */
  before?: (baseUrl: string) => Promise<void>;
}

export interface Scenario {
  /** At most 26 characters, to keep the columns. */
  name: string;
  ours: Load;
  base: Load;
  /** More Bridgekit requests, measured in the same rounds and put next to the same baseline. */
  also?: { name: string; ours: Load }[];
  /** Seconds of unmeasured load on each side first (isolate start, SQLite page cache); the round duration when unset. */
  warmup?: number;
}

export interface LoadOptions {
  connections: number;
  /** Seconds per round. */
  duration: number;
  rounds: number;
}

interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  /** Requests answered within the round. */
  answered: number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export async function measure(baseUrl: string, load: Load, options: { connections: number; duration: number }): Promise<Measurement> {
  await load.before?.(baseUrl);
  let i = 0;
  const { onResponse } = load;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: load.method,
        setupRequest: (req, context) => {
          const n = i++;
          (context as { n?: number }).n = n;
          const request = { ...req, path: load.path(n), headers: { ...req.headers, ...load.headers(n) } };
          return load.body ? { ...request, body: load.body(n) } : request;
        },
        // The context is the connection's, which has one request in flight at a time.
        ...(onResponse
          ? { onResponse: (status: number, _body: string, context: object) => onResponse((context as { n: number }).n, status) }
          : {}),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${load.method} ${baseUrl}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, answered: result.requests.total };
}

/** Warms both Workers up, then alternates baseline/Bridgekit rounds; returns the printed lines. */
export async function compare(scenario: Scenario, urls: { ours: string; base: string }, options: LoadOptions): Promise<string[]> {
  const warm = { connections: options.connections, duration: scenario.warmup ?? options.duration };
  const variants = [{ name: scenario.name, ours: scenario.ours }, ...(scenario.also ?? [])];
  await measure(urls.base, scenario.base, warm);
  for (const v of variants) await measure(urls.ours, v.ours, warm);
  const base: Measurement[] = [];
  const ours: Measurement[][] = variants.map(() => []);
  for (let r = 0; r < options.rounds; r++) {
    base.push(await measure(urls.base, scenario.base, options));
    for (const [i, v] of variants.entries()) ours[i]?.push(await measure(urls.ours, v.ours, options));
  }
  const m = (xs: Measurement[], k: keyof Measurement) => median(xs.map((x) => x[k]));
  // autocannon reports zeros for a round in which nothing came back; say so instead.
  const silent = (xs: Measurement[]) => xs.every((x) => x.answered === 0);
  const line = (label: string, xs: Measurement[]) =>
    silent(xs)
      ? `${label} no request answered within a ${options.duration} s round`
      : `${label} ${m(xs, 'rps').toFixed(0).padStart(6)} req/s  p50 ${m(xs, 'p50').toFixed(1).padStart(6)} ms  p99 ${m(xs, 'p99').toFixed(1).padStart(6)} ms`;
  const ratio = (xs: Measurement[]) =>
    silent(xs) || silent(base)
      ? 'ratio          —'
      : `ratio     ${(m(xs, 'rps') / m(base, 'rps')).toFixed(2).padStart(6)}× req/s  p50 ${(m(xs, 'p50') / Math.max(m(base, 'p50'), 0.1)).toFixed(2).padStart(5)}×    p99 ${(m(xs, 'p99') / Math.max(m(base, 'p99'), 0.1)).toFixed(2).padStart(5)}×`;
  const blank = ''.padEnd(26);
  return [
    `  ${scenario.name.padEnd(26)} ${line('baseline ', base)}`,
    ...variants.flatMap((v, i) => [
      `  ${i === 0 ? blank : v.name.padEnd(26)} ${line('bridgekit', ours[i] ?? [])}`,
      `  ${blank} ${ratio(ours[i] ?? [])}`,
    ]),
  ];
}
