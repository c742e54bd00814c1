/**
 * Where a read's time goes: a CPU profile of the local Worker under one bench scenario.
 *
 * Starts the Worker as `pnpm bench` does (scripts/dev-server.ts: `wrangler dev`, the demo tenant
 * plus the bench's 10,000 ideas, threads and 5,000 cards, rate limits off), attaches to its
 * inspector over the Chrome DevTools Protocol, and for each chosen scenario warms up, starts the
 * profiler, drives the scenario's requests with the bench's load helper (load.ts) for
 * `--duration` seconds, stops the profiler and prints the functions with the largest shares of
 * the Worker's busy samples, by self time and by total time (on the stack), each with its source
 * file and line (read off the bundle's source map, which wrangler writes next to it). Shares are
 * of samples, so they hold up on a loaded machine better than requests/s do; compare them before
 * and after a change. (D1 statements per request are counted by test/query-budget.test.ts.)
 *
 *   node --conditions=@bridgekit/source packages/worker/bench/profile.ts --only list-ideas,idea-view
 *
 * Options: --only <list-ideas,idea-view,thread-100,thread-2000,card-search,search,vote,comment-post,
 * idea-submit,card-save> (all),
 * --duration <s> of profiled load per scenario (5), --connections <n> (10), --top <n> rows (20),
 * --interval <µs> between samples (200), --save <dir> to keep each raw `.cpuprofile` (opens in
 * Chrome DevTools), --callers <function> to list who calls a function instead (e.g. `_prepare`),
 * --baseline to profile the bench's baseline Worker (bench/baseline) under the scenario's
 * baseline load too, in `--rounds` (3) alternating with ours, and print CPU per request, ours ÷
 * baseline (the median of the rounds' ratios), by the workerd processes' CPU time (Linux /proc;
 * the profile's busy samples count time the machine gave other processes too): the measure of a
 * read's cost that holds up best on a loaded machine.
 * Expects `pnpm build` to have run (the widgets' assets).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevServer } from '../scripts/dev-server.ts';
import { demoSeed, toSqlScript } from '../src/dev/seed.ts';
import { startBaseline } from './baseline-server.ts';
import { BENCH_USERS, benchSeedSql, benchTokens, devVars, EXTRA_IDEAS } from './bench-data.ts';
import { benchCard, CARD_COUNT, cardSeedSql } from './card-seed.ts';
import { cardScenarios } from './cards.ts';
import { type Load, measure, median } from './load.ts';
import { searchScenarios } from './search.ts';
import { threadSeedSql } from './thread-seed.ts';
import { threadScenarios } from './threads.ts';

const SCENARIOS = [
  'list-ideas',
  'idea-view',
  'thread-100',
  'thread-2000',
  'card-search',
  'search',
  'vote',
  'comment-post',
  'idea-submit',
  'card-save',
] as const;
type ScenarioName = (typeof SCENARIOS)[number];

const { values: opts } = parseArgs({
  options: {
    only: { type: 'string', default: SCENARIOS.join(',') },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    top: { type: 'string', default: '20' },
    interval: { type: 'string', default: '200' },
    save: { type: 'string' },
    callers: { type: 'string' },
    baseline: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
  },
});
const chosen = opts.only.split(',') as ScenarioName[];
for (const name of chosen) if (!SCENARIOS.includes(name)) throw new Error(`Unknown scenario ${name}; one of ${SCENARIOS.join(', ')}`);

/** The scenarios' Bridgekit requests and their baseline counterparts, taken from the bench's own definitions where it has them. */
function loads(tokens: string[], cards: ReturnType<typeof benchCard>[]): Record<ScenarioName, { ours: Load; base: Load }> {
  const headers = (n: number) => ({ authorization: `Bearer ${tokens[n % tokens.length]}` });
  const threads = threadScenarios(tokens)[0];
  const cardSearch = cardScenarios(cards, tokens)[1];
  const search = searchScenarios(cards, tokens, EXTRA_IDEAS)[0];
  const commentPost = threadScenarios(tokens)[1];
  const cardSave = cardScenarios(cards, tokens)[0];
  if (!threads?.also?.[0] || !cardSearch || !search || !commentPost || !cardSave) throw new Error('The bench scenarios changed shape');
  let submitted = 0;
  // The bench's one-statement reads and writes (run.ts).
  const baseList: Load = { method: 'GET', path: () => '/ideas', headers: () => ({}) };
  const baseVote: Load = {
    method: 'PUT',
    path: (n) => `/ideas/bench-idea-${n % EXTRA_IDEAS}/vote`,
    headers: (n) => ({ 'x-user': `bench-user-${n % BENCH_USERS}` }),
  };
  return {
    'list-ideas': { ours: { method: 'GET', path: () => '/v1/tenants/demo/boards/general/ideas?sort=top', headers }, base: baseList },
    'idea-view': { ours: { method: 'GET', path: (n) => `/v1/tenants/demo/ideas/bench-idea-${n % 100}/view`, headers }, base: baseList },
    'thread-100': threads,
    'thread-2000': { ours: threads.also[0].ours, base: threads.base },
    'card-search': cardSearch,
    search,
    // The writes, as the bench makes them (run.ts, threads.ts, cards.ts).
    vote: { ours: { method: 'PUT', path: (n) => `/v1/tenants/demo/ideas/bench-idea-${n % EXTRA_IDEAS}/vote`, headers }, base: baseVote },
    'comment-post': commentPost,
    'idea-submit': {
      ours: {
        method: 'POST',
        path: () => '/v1/tenants/demo/boards/general/ideas',
        headers: (n) => ({ ...headers(n), 'content-type': 'application/json' }),
        body: () =>
          JSON.stringify({ title: `Profiled idea number ${++submitted} about invoices`, description: 'Submitted by the profiler.' }),
      },
      base: commentPost.base,
    },
    'card-save': cardSave,
  };
}

// --- Chrome DevTools Protocol ---

interface CdpClient {
  send<T = unknown>(method: string, params?: object): Promise<T>;
  on(event: string, listener: (params: Record<string, unknown>) => void): void;
  close(): void;
}

async function connect(inspectorPort: number): Promise<CdpClient> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as { webSocketDebuggerUrl?: string }[];
  const url = targets.find((t) => t.webSocketDebuggerUrl)?.webSocketDebuggerUrl;
  if (!url) throw new Error(`No inspector target on port ${inspectorPort}: ${JSON.stringify(targets)}`);
  // wrangler's inspector proxy admits local origins only; Node's WebSocket sends none unless told (undici's `headers`).
  const socket = new WebSocket(url, { headers: { origin: 'http://localhost' } } as unknown as string[]);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', () => reject(new Error(`Could not attach to ${url}`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
      method?: string;
      params?: Record<string, unknown>;
    };
    if (message.id !== undefined) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(message.error.message));
      else call?.resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {});
    }
  });
  return {
    send: <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      }),
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    close: () => socket.close(),
  };
}

// --- Reading a profile ---

interface CallFrame {
  functionName: string;
  scriptId: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source map's segments per generated line: [column, source, line, column, name?]. */
function decodeMappings(mappings: string): number[][][] {
  const lines: number[][][] = [];
  const state = [0, 0, 0, 0, 0];
  for (const line of mappings.split(';')) {
    state[0] = 0;
    const segments: number[][] = [];
    for (const text of line.split(',')) {
      if (!text) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of text) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      values.forEach((v, k) => {
        state[k] = (state[k] ?? 0) + v;
      });
      segments.push(state.slice(0, values.length));
    }
    lines.push(segments);
  }
  return lines;
}

interface SourceMap {
  sources: string[];
  names: string[];
  lines: number[][][];
}

/**
 * Where a frame of the Worker's bundle comes from: wrangler writes the (minified) bundle and its
 * source map next to each other under `.wrangler/tmp`, named by the script's `sourceMapURL`.
 */
class SourceMaps {
  private readonly maps = new Map<string, SourceMap>();

  async add(scriptId: string, url: string, sourceMapURL: string): Promise<void> {
    if (!url.startsWith('file://') || !sourceMapURL || sourceMapURL.startsWith('data:')) return;
    const raw = JSON.parse(await readFile(new URL(sourceMapURL, url), 'utf8')) as { sources: string[]; names: string[]; mappings: string };
    this.maps.set(scriptId, { sources: raw.sources, names: raw.names, lines: decodeMappings(raw.mappings) });
  }

  /** The original name and `file:line` of a frame, when its script has a source map. */
  resolve(frame: CallFrame): { name: string; where: string } {
    const name = frame.functionName || '(anonymous)';
    const fallback = { name, where: frame.url && frame.lineNumber >= 0 ? `${frame.url}:${frame.lineNumber + 1}` : '' };
    const map = this.maps.get(frame.scriptId);
    const segments = map?.lines[frame.lineNumber];
    if (!map || !segments) return fallback;
    let found: number[] | undefined;
    for (const s of segments) {
      if ((s[0] ?? 0) > frame.columnNumber) break;
      found = s;
    }
    if (!found || found.length < 4) return fallback;
    const source = (map.sources[found[1] ?? 0] ?? '?')
      .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
      .replace(/^(?:\.\.\/)+/, '')
      .replace(/^.*packages\/worker\//, '');
    const original = found.length > 4 ? map.names[found[4] ?? 0] : undefined;
    return { name: frame.functionName ? (original ?? name) : name, where: `${source}:${(found[2] ?? 0) + 1}` };
  }
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

interface Row {
  name: string;
  where: string;
  self: number;
  total: number;
}

/** Self and total shares of the busy (non-idle) samples, per function; and the idle share. With `callers`, rows are the callers of the functions so named instead, by the time spent under them there. */
function summarise(profile: Profile, maps: SourceMaps, callers?: string): { rows: Row[]; busy: number; idle: number; gc: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const keyOf = new Map<number, string>();
  const rows = new Map<string, Row>();
  for (const n of profile.nodes) {
    const { name, where } = maps.resolve(n.callFrame);
    const key = `${name}\u0000${where}`;
    keyOf.set(n.id, key);
    if (!rows.has(key)) rows.set(key, { name, where, self: 0, total: 0 });
  }
  let idle = 0;
  let busy = 0;
  let gc = 0;
  profile.samples.forEach((id, i) => {
    // A sample's time is the delta to the next sample.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) {
      idle += dt;
      return;
    }
    busy += dt;
    if (node.callFrame.functionName === '(garbage collector)') gc += dt;
    const self = rows.get(keyOf.get(id) ?? '');
    if (self) self.self += dt;
    const seen = new Set<string>();
    if (callers !== undefined) {
      // The innermost call of `callers` on the stack; its caller gets the sample.
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (rows.get(keyOf.get(at) ?? '')?.name !== callers) continue;
        const caller = rows.get(keyOf.get(parent.get(at) ?? -1) ?? '');
        if (caller) caller.total += dt;
        break;
      }
      return;
    }
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf.get(at) ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      const row = rows.get(key);
      if (row && !IDLE.has(row.name)) row.total += dt;
    }
  });
  return { rows: [...rows.values()], busy, idle, gc };
}

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(1).padStart(5)}%`;

function table(title: string, rows: Row[], busy: number, by: 'self' | 'total', top: number): string[] {
  const sorted = rows.filter((r) => r[by] > 0).sort((a, b) => b[by] - a[by]);
  return [
    `  ${title}`,
    ...sorted
      .slice(0, top)
      .map((r) => `    ${pct(r[by], busy)}  ${pct(by === 'self' ? r.total : r.self, busy)}  ${r.name.slice(0, 40).padEnd(40)} ${r.where}`),
  ];
}

// --- Process CPU time (Linux /proc): what a Worker's processes spent, whatever the machine's load ---

/** Each process's parent and CPU time (user + system, ms), read off /proc. */
async function processTable(): Promise<Map<number, { ppid: number; name: string; cpuMs: number }>> {
  const table = new Map<number, { ppid: number; name: string; cpuMs: number }>();
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((d) => /^\d+$/.test(d));
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const close = stat.lastIndexOf(')');
    if (close < 0) continue;
    const name = stat.slice(stat.indexOf('(') + 1, close);
    // After the name: state, ppid, … utime (14th field) and stime (15th), in clock ticks (100 a second).
    const fields = stat.slice(close + 2).split(' ');
    table.set(Number(pid), { ppid: Number(fields[1]), name, cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 });
  }
  return table;
}

/** The workerd processes under this one (each `wrangler dev` runs its own, the baseline's too). */
async function workerdProcesses(): Promise<Set<number>> {
  const table = await processTable();
  const found = new Set<number>();
  for (const [pid, p] of table) {
    if (p.name !== 'workerd') continue;
    for (let at = p.ppid; at > 1; at = table.get(at)?.ppid ?? 0) {
      if (at === process.pid) found.add(pid);
    }
  }
  return found;
}

/** CPU time (ms) spent so far by `pids`. */
async function cpuOf(pids: Set<number>): Promise<number> {
  let ms = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ms += (Number(fields[11]) || 0) + (Number(fields[12]) || 0);
  }
  return ms * 10;
}

/** A Worker's inspector, ready to profile: its scripts' source maps are read as they are parsed. */
interface Worker {
  cdp: CdpClient;
  maps: SourceMaps;
  mapped: () => Promise<unknown>;
}

async function attach(inspectorPort: number): Promise<Worker> {
  const cdp = await connect(inspectorPort);
  const maps = new SourceMaps();
  const mapping: Promise<void>[] = [];
  cdp.on('Debugger.scriptParsed', (p) => {
    mapping.push(maps.add(String(p.scriptId), String(p.url ?? ''), String(p.sourceMapURL ?? '')).catch(() => {}));
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(opts.interval) });
  return { cdp, maps, mapped: () => Promise.all(mapping) };
}

interface Profiled {
  m: Awaited<ReturnType<typeof measure>>;
  summary: ReturnType<typeof summarise>;
  profile: Profile;
  /** Busy CPU per answered request, ms (the profile's busy samples: time on the Worker's thread). */
  cpu: number;
  /** CPU time of the workerd processes per answered request, ms (/proc: not counting time the machine gave others; the idle Worker's is a trace). */
  processCpu: number;
}

/** Warms `url` up under `load`, then profiles it for `--duration` seconds of the same load. */
async function profileLoad(worker: Worker, url: string, load: Load, warm = true): Promise<Profiled> {
  const connections = Number(opts.connections);
  if (warm) await measure(url, load, { connections, duration: 1 });
  await worker.mapped();
  await worker.cdp.send('Profiler.start');
  // Every workerd under this process: only the Worker under load spends more than a trace.
  const processes = await workerdProcesses();
  const before = await cpuOf(processes);
  const m = await measure(url, load, { connections, duration: Number(opts.duration) });
  const processCpu = (await cpuOf(processes)) - before;
  const { profile } = await worker.cdp.send<{ profile: Profile }>('Profiler.stop');
  const summary = summarise(profile, worker.maps, opts.callers);
  const answered = Math.max(m.answered, 1);
  return { m, summary, profile, cpu: summary.busy / 1000 / answered, processCpu: processCpu / answered };
}

const headline = (name: string, { m, summary, cpu, processCpu }: Profiled) =>
  `\n== ${name}: ${m.answered} requests in ${opts.duration} s (${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms) ==\n` +
  `  Worker busy ${pct(summary.busy, summary.busy + summary.idle)} of the samples; ${cpu.toFixed(2)} ms of CPU per request` +
  ` (the workerd processes' CPU time: ${processCpu.toFixed(2)} ms); GC ${pct(summary.gc, summary.busy)} of busy`;

async function main(): Promise<void> {
  const vars = await devVars();
  const secret = new TextEncoder().encode(vars.DEMO_EMBED_SECRET);
  const dir = await mkdtemp(join(tmpdir(), 'bridgekit-profile-'));
  const now = Date.now();
  const cards = Array.from({ length: CARD_COUNT }, (_, i) => benchCard(i, now));
  const seedFile = join(dir, 'bench-seed.sql');
  await writeFile(seedFile, `${benchSeedSql(now)}\n${threadSeedSql(now, BENCH_USERS)}\n${cardSeedSql(cards)}\n`);
  console.log('Starting the Worker (migrations, seed, wrangler dev)…');
  const worker = await startDevServer({ extraSeedFile: seedFile, rateLimits: false });
  let baseline: Awaited<ReturnType<typeof startBaseline>> | undefined;
  const clients: CdpClient[] = [];
  try {
    if (opts.baseline) {
      console.log('Starting the baseline Worker (bench/baseline)…');
      const demoSeedFile = join(dir, 'demo-seed.sql');
      await writeFile(
        demoSeedFile,
        toSqlScript(await demoSeed({ secretKey: vars.BRIDGEKIT_SECRET_KEY ?? '', demoSecret: vars.DEMO_EMBED_SECRET ?? '' })),
      );
      baseline = await startBaseline([demoSeedFile, seedFile]);
    }
    const tokens = await benchTokens(secret);
    const scenarios = loads(tokens, cards);
    const ours = await attach(worker.inspectorPort);
    clients.push(ours.cdp);
    const base = baseline ? await attach(baseline.inspectorPort) : undefined;
    if (base) clients.push(base.cdp);
    const top = Number(opts.top);
    for (const name of chosen) {
      const load = scenarios[name];
      const profiled = await profileLoad(ours, worker.url, load.ours);
      if (opts.save) await writeFile(join(opts.save, `${name}.cpuprofile`), JSON.stringify(profiled.profile));
      console.log(headline(name, profiled));
      if (base && baseline) {
        // Alternating rounds of ours and the baseline's, under the same machine load: the median of
        // their ratios is the measure (the first of ours is the one tabled below).
        const ratios: number[] = [];
        const processRatios: number[] = [];
        const rounds: string[] = [];
        for (let round = 0; round < Number(opts.rounds); round++) {
          const mine = round === 0 ? profiled : await profileLoad(ours, worker.url, load.ours, false);
          const against = await profileLoad(base, baseline.url, load.base, round === 0);
          ratios.push(mine.cpu / Math.max(against.cpu, 1e-6));
          processRatios.push(mine.processCpu / Math.max(against.processCpu, 1e-6));
          rounds.push(
            `${mine.cpu.toFixed(2)} vs ${against.cpu.toFixed(2)} ms busy, ${mine.processCpu.toFixed(2)} vs ${against.processCpu.toFixed(2)} ms process`,
          );
        }
        const list = (xs: number[]) => xs.map((r) => r.toFixed(2)).join(', ');
        console.log(
          `  baseline, ${rounds.length} alternating rounds, ours vs baseline per request: ${rounds.join('; ')}\n` +
            `  ours ÷ baseline, CPU per request: ${median(processRatios).toFixed(2)}× of the processes' CPU time (median of ${list(processRatios)}); ` +
            `${median(ratios).toFixed(2)}× of the busy samples (median of ${list(ratios)})`,
        );
      }
      const { rows, busy } = profiled.summary;
      if (opts.callers) {
        console.log(
          table(`total          callers of ${opts.callers}, by the time spent in it under them`, rows, busy, 'total', top).join('\n'),
        );
        continue;
      }
      console.log(table('self    total  by self time (share of busy samples)', rows, busy, 'self', top).join('\n'));
      console.log(table('total   self   by total time (on the stack)', rows, busy, 'total', top).join('\n'));
    }
  } finally {
    for (const cdp of clients) cdp.close();
    await worker.stop();
    await baseline?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
