/**
 * `pnpm bench`: sizes and load, each next to a baseline measured in the same run.
 *
 * 1. gzip size of /embed.js, of each widget chunk and of the Worker bundle, against budgets, and
 *    what each package and each folder of our own code costs in the Worker bundle (bundle-cost.ts).
 * 2. requests/s and p50/p99 latency of list-ideas, duplicate suggestions and vote on the local
 *    Worker (`wrangler dev`, as `pnpm dev` runs it, on a board of 10,000 extra ideas), next to a
 *    baseline Worker (bare Hono and one D1 query) on the same data. Rounds alternate
 *    baseline/Bridgekit; medians are reported with the ratio. Loopback only, bounded in time
 *    (about a minute and a half of load).
 * 3. The same for discussion threads (threads.ts): a page of a 100-comment thread and, against
 *    the same baseline, the first page of a 2,000-comment one; posting a comment (about 65 s).
 * 4. Practice cards (cards.ts) on 5,000 generated cards (card-seed.ts): a library search and a
 *    card save, in rounds of half the duration (about 30 s).
 * 5. One search across ideas, comments and cards, and related content of an idea (a card's and
 *    a war story's next to the same baseline), on the same data (search.ts; about 20 s).
 * 6. Real Chromium showing a 500-comment thread through <bk-thread>, next to the same comments
 *    as a plain list, in alternating cold visits (thread-render.ts; some 20 s).
 * 7. Hostile Markdown (markdown.ts): each adversarial family posted as a 1K and a 10K comment
 *    and saved as a 50K card field, against a plain paragraph of the same length on the same
 *    route (about a minute).
 * 8. The cockpit (insights.ts) on three years of generated activity (insights-seed.ts: 20 units,
 *    2,000 people, 30,000 ideas, votes and comments), on Workers of its own: a unit's cockpit and
 *    the overview against the bare read of the same rollups, and the full rollup rebuild against
 *    one raw GROUP BY (about 40 s and a minute to seed).
 * 9. The load test (soak.ts), on a Worker of its own with its rate limits on: 1,000 distinct
 *    people voting, commenting and saving cards at once (100 requests in flight) for
 *    `--soak-seconds`, every request recorded; then every vote, comment and card version is
 *    accounted for against the tenant's rows (soak-reconcile.ts). Prints requests by kind and
 *    status, writes/s, p50/p99 and "accounted: N of N"; fails on any error but a deliberate 429.
 *
 * Options: --duration <s> per round (4), --rounds <n> (3), --connections <n> (10),
 * --only <ideas,threads,cards,search,render,markdown,insights,soak> (all), --soak-seconds <s> (120)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { BUDGETS, CDN_DIR, everyWidgetWeight, gzipSize, pageWeight, WORKER_BUNDLE, widgetSizes } from '../../../scripts/budgets.ts';
import { startDevServer } from '../scripts/dev-server.ts';
import { demoSeed, toSqlScript } from '../src/dev/seed.ts';
import { startBaseline } from './baseline-server.ts';
import { benchSeedSql, benchTokens, EXTRA_IDEAS, BENCH_USERS as USERS } from './bench-data.ts';
import { bundleCostTable } from './bundle-cost.ts';
import { benchCard, CARD_COUNT, cardSeedSql } from './card-seed.ts';
import { cardScenarios } from './cards.ts';
import { insightScenarios, measureRebuild } from './insights.ts';
import { insightsSeedSql } from './insights-seed.ts';
import { compare, type LoadOptions, type Scenario } from './load.ts';
import { measureMarkdownCost } from './markdown.ts';
import { searchScenarios } from './search.ts';
import { runSoak, soakSummary } from './soak.ts';
import { measureThreadRender } from './thread-render.ts';
import { THREAD_POST, threadSeedSql } from './thread-seed.ts';
import { threadScenarios } from './threads.ts';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string', default: 'ideas,threads,cards,search,render,markdown,insights,soak' },
    'soak-seconds': { type: 'string', default: '120' },
  },
});
const DURATION = Number(opts.duration);
const ROUNDS = Number(opts.rounds);
const CONNECTIONS = Number(opts.connections);
const ONLY = new Set(opts.only.split(','));

/** Titles as people type them while submitting. */
const QUERIES = [
  'automate invoice matching',
  'supplier onboard',
  'expense claims for sales',
  'forecast stock',
  'retire contract renewals',
  'access review',
];

/** New ideas' titles: never the same twice, so the repeat check lets each one through. */
const ideaTitle = (() => {
  const run = Date.now().toString(36);
  let n = 0;
  return () => `Bench idea ${run}-${n++}: a shared booking tool for meeting rooms`;
})();

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function printSizes(): void {
  console.log('\n== Sizes (gzip -9) ==');
  const sizes = widgetSizes();
  for (const [file, size] of Object.entries(sizes)) console.log(`  ${file.padEnd(40)} ${kb(size).padStart(9)}`);
  console.log(`  ${'embed.js budget'.padEnd(40)} ${kb(sizes['embed.js'] ?? 0).padStart(9)} of ${kb(BUDGETS.loader)}`);
  console.log(`  ${'page with <bk-idea-board>'.padEnd(40)} ${kb(pageWeight('bk-idea-board')).padStart(9)} of ${kb(BUDGETS.ideaBoard)}`);
  console.log(`  ${'page with <bk-idea-triage>'.padEnd(40)} ${kb(pageWeight('bk-idea-triage')).padStart(9)} of ${kb(BUDGETS.ideaTriage)}`);
  console.log(`  ${'page with every widget'.padEnd(40)} ${kb(everyWidgetWeight()).padStart(9)} of ${kb(BUDGETS.everyWidget)}`);
  const frame = gzipSize(join(CDN_DIR, 'frame/frame.js'));
  console.log(`  ${'iframe page script (frame/frame.js)'.padEnd(40)} ${kb(frame).padStart(9)} of ${kb(BUDGETS.frameScript)}`);
  const resizer = gzipSize(join(CDN_DIR, 'embed-resizer.js'));
  console.log(`  ${'embed-resizer.js'.padEnd(40)} ${kb(resizer).padStart(9)} of ${kb(BUDGETS.resizer)}`);
  console.log(`  ${'Worker bundle'.padEnd(40)} ${kb(gzipSize(WORKER_BUNDLE)).padStart(9)} of ${kb(BUDGETS.worker)}`);
  console.log(bundleCostTable(dirname(WORKER_BUNDLE)).join('\n'));
}

/** Section 8, on Workers of its own, so its 30,000 ideas do not change the other sections' data. */
async function benchInsights(demoSeedFile: string, dir: string, secret: Uint8Array): Promise<void> {
  const now = Date.now();
  const cios = 20;
  const seedFile = join(dir, 'insights-seed.sql');
  await writeFile(seedFile, `${benchSeedSql(now)}\n${insightsSeedSql(now, cios)}`);
  console.log(`\n== Cockpit on three years of activity: ${CONNECTIONS} connections, ${DURATION / 2} s per round, ${ROUNDS} rounds ==`);
  const [bridgekit, baseline] = [
    // Seeding 120,000 rows and their rollups takes a while on a busy machine.
    await startDevServer({ extraSeedFile: seedFile, rateLimits: false, timeoutMs: 600_000 }),
    await startBaseline([demoSeedFile, seedFile]),
  ];
  try {
    const tokens = await benchTokens(secret);
    const urls = { ours: bridgekit.url, base: baseline.url };
    const load: LoadOptions = { connections: CONNECTIONS, duration: DURATION / 2, rounds: ROUNDS };
    for (const s of insightScenarios(tokens, cios, now)) console.log((await compare(s, urls, load)).join('\n'));
    console.log((await measureRebuild(urls, tokens[0] as string, ROUNDS * 3)).join('\n'));
  } finally {
    await bridgekit.stop();
    await baseline.stop();
  }
}

/** Section 9, on a Worker of its own with the real rate limits: the load test and its books. */
async function benchSoak(adminToken: string): Promise<void> {
  const seconds = Number(opts['soak-seconds']);
  const people = 1000;
  const concurrency = 100;
  console.log(`\n== Load test: ${people} people, ${concurrency} requests in flight, ${seconds} s, rate limits on ==`);
  const worker = await startDevServer();
  try {
    const result = await runSoak({
      baseUrl: worker.url,
      adminToken,
      people,
      concurrency,
      seconds,
      progress: (answered) => console.log(`  … ${answered} answered`),
    });
    console.log(soakSummary(result).join('\n'));
    const { books } = result;
    if (result.failures.length > 0 || books.problems.length > 0 || books.accounted !== books.writes) process.exitCode = 1;
  } finally {
    await worker.stop();
  }
}

async function main(): Promise<void> {
  printSizes();

  const vars = parseEnv(
    await readFile(new URL('../.dev.vars', import.meta.url), 'utf8').catch(() =>
      readFile(new URL('../.dev.vars.example', import.meta.url), 'utf8'),
    ),
  );
  const secret = new TextEncoder().encode(vars.DEMO_EMBED_SECRET);
  const dir = await mkdtemp(join(tmpdir(), 'bridgekit-bench-'));
  const demoSeedFile = join(dir, 'demo-seed.sql');
  const benchSeedFile = join(dir, 'bench-seed.sql');
  await writeFile(
    demoSeedFile,
    toSqlScript(await demoSeed({ secretKey: vars.BRIDGEKIT_SECRET_KEY ?? '', demoSecret: vars.DEMO_EMBED_SECRET ?? '' })),
  );
  const now = Date.now();
  const cards = ONLY.has('cards') || ONLY.has('search') ? Array.from({ length: CARD_COUNT }, (_, i) => benchCard(i, now)) : [];
  await writeFile(benchSeedFile, `${benchSeedSql(now)}\n${threadSeedSql(now, USERS)}\n${cardSeedSql(cards)}\n`);

  if (ONLY.has('insights')) await benchInsights(demoSeedFile, dir, secret);
  if (ONLY.has('soak')) await benchSoak(vars.BRIDGEKIT_ADMIN_TOKEN ?? '');
  if (!['ideas', 'threads', 'cards', 'search', 'render', 'markdown'].some((k) => ONLY.has(k))) {
    await rm(dir, { recursive: true, force: true });
    return;
  }
  console.log(`\n== Load: ${CONNECTIONS} connections, ${DURATION} s per round, ${ROUNDS} rounds, alternating ==`);
  const [bridgekit, baseline] = [
    await startDevServer({ extraSeedFile: benchSeedFile, rateLimits: false }),
    await startBaseline([demoSeedFile, benchSeedFile]),
  ];
  try {
    const tokens = await benchTokens(secret);
    const idea = (n: number) => `bench-idea-${n % EXTRA_IDEAS}`;
    const ideaScenarios: Scenario[] = [
      {
        name: 'list-ideas (20 of 10,004)',
        ours: {
          method: 'GET',
          path: () => '/v1/tenants/demo/boards/general/ideas?sort=top',
          headers: (n) => ({ authorization: `Bearer ${tokens[n % USERS]}` }),
        },
        base: { method: 'GET', path: () => '/ideas', headers: () => ({}) },
      },
      {
        name: 'similar (10,004 ideas)',
        ours: {
          method: 'GET',
          path: (n) => `/v1/tenants/demo/boards/general/ideas/similar?q=${encodeURIComponent(QUERIES[n % QUERIES.length] ?? '')}`,
          headers: (n) => ({ authorization: `Bearer ${tokens[n % USERS]}` }),
        },
        base: { method: 'GET', path: (n) => `/similar?q=${encodeURIComponent(QUERIES[n % QUERIES.length] ?? '')}`, headers: () => ({}) },
      },
      {
        name: 'vote',
        ours: {
          method: 'PUT',
          path: (n) => `/v1/tenants/demo/ideas/${idea(n)}/vote`,
          headers: (n) => ({ authorization: `Bearer ${tokens[n % USERS]}` }),
        },
        base: { method: 'PUT', path: (n) => `/ideas/${idea(n)}/vote`, headers: (n) => ({ 'x-user': `bench-user-${n % USERS}` }) },
      },
      {
        // The ideas people open are the board's first pages: 100 of them, read by 200 people.
        name: 'idea view (100 ideas)',
        ours: {
          method: 'GET',
          path: (n) => `/v1/tenants/demo/ideas/bench-idea-${n % 100}/view`,
          headers: (n) => ({ authorization: `Bearer ${tokens[n % USERS]}` }),
        },
        // A one-statement read, as for the list.
        base: { method: 'GET', path: () => '/ideas', headers: () => ({}) },
      },
      {
        name: 'idea submit',
        ours: {
          method: 'POST',
          path: () => '/v1/tenants/demo/boards/general/ideas',
          headers: (n) => ({ authorization: `Bearer ${tokens[n % USERS]}`, 'content-type': 'application/json' }),
          body: () => JSON.stringify({ title: ideaTitle(), description: 'Submitted by the load test.' }),
        },
        // A one-statement insert (the comment post's counterpart; the baseline has no idea insert).
        base: {
          method: 'POST',
          path: () => '/threads/comments',
          headers: (n) => ({ 'x-user': `bench-user-${n % USERS}`, 'content-type': 'application/json' }),
          body: () => JSON.stringify({ key: THREAD_POST.key, body: ideaTitle() }),
        },
      },
    ];

    const scenarios = [...(ONLY.has('ideas') ? ideaScenarios : []), ...(ONLY.has('threads') ? threadScenarios(tokens) : [])];
    const load: LoadOptions = { connections: CONNECTIONS, duration: DURATION, rounds: ROUNDS };
    const urls = { ours: bridgekit.url, base: baseline.url };
    for (const s of scenarios) console.log((await compare(s, urls, load)).join('\n'));
    // Shorter rounds, to keep the run's length: these requests are many and quick.
    const cardLoad = { ...load, duration: load.duration / 2 };
    if (ONLY.has('cards')) {
      console.log(`  Practice cards, ${cardLoad.duration} s per round:`);
      for (const s of cardScenarios(cards, tokens)) console.log((await compare(s, urls, cardLoad)).join('\n'));
    }
    if (ONLY.has('search')) {
      console.log(`  One search and related content, ${cardLoad.duration} s per round:`);
      for (const s of searchScenarios(cards, tokens, EXTRA_IDEAS)) console.log((await compare(s, urls, cardLoad)).join('\n'));
    }
    console.log('\n  Ratios are Bridgekit ÷ baseline from the same run (medians). Absolute numbers vary with the machine.');
    if (ONLY.has('markdown')) {
      console.log(
        `\n== Hostile Markdown: each family against a plain paragraph of the same length, ${ROUNDS * 3} posts each, alternating ==`,
      );
      console.log((await measureMarkdownCost(bridgekit.url, vars.BRIDGEKIT_ADMIN_TOKEN ?? '', tokens, ROUNDS * 3)).join('\n'));
    }
    if (ONLY.has('render')) {
      console.log(`\n== Render in Chromium: ${ROUNDS} cold visits of each page, alternating ==`);
      console.log((await measureThreadRender(bridgekit.url, ROUNDS)).join('\n'));
    }
  } finally {
    await bridgekit.stop();
    await baseline.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
