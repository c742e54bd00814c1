/**
 * How long real Chromium takes to show a 500-comment thread through `<bk-thread>` (the CDN
 * build: embed.js, then the widget's chunk, then the API), next to a page with the same
 * comments' HTML as a plain nested <ul>, in the same run.
 *
 * Both are host pages on a loopback origin of their own, as an intranet page is. Each visit gets
 * a fresh browser context (cold cache); the time runs from navigation start to the frame in
 * which every expected comment's marker (see thread-seed.ts) is in the DOM, shadow roots
 * included. A first, unmeasured visit finds out what the widget shows a reader (its first page,
 * replies expanded or not): the plain list then holds exactly those comments.
 *
 * The widget's time includes what a plain list never pays: its script (embed.js, then its
 * chunks) and the API's answer. The report splits it there — until the request for
 * `/threads/comments` starts, until its answer, and rendering after it — so that the widget's
 * own work can be told apart from the script's and the Worker's; and it says where the main
 * thread's time went on each page (Chromium's own counters: script, style, layout), and with
 * `BK_RENDER_PROFILE=1` which functions of the widget's visit took the most of it (CDP Profiler).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CommentWithReplies, ThreadPage } from '@bridgekit/sdk';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.ts';
import { median } from './load.ts';
import { MARKER_SOURCE, PAGE_LIMIT, THREAD_500 } from './thread-seed.ts';

const TAG = 'bk-thread';
/** A visit that has not shown the comments by then has failed. */
const VISIT_TIMEOUT_MS = 30_000;

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

function threadPageHtml(worker: string, token: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>War stories</title>
<script src="${worker}/embed.js" data-tenant="demo" data-token="${token}" async></script>
</head><body>
<h1>War stories</h1>
<${TAG} key="${THREAD_500.key}" page-size="${PAGE_LIMIT}"></${TAG}>
</body></html>`;
}

function listPageHtml(items: CommentWithReplies[], shown: Set<string>): string {
  const marker = new RegExp(MARKER_SOURCE);
  const visible = (html: string | null) => shown.has(marker.exec(html ?? '')?.[0] ?? '');
  const li = (c: { author: { name: string } | null; createdAt: string; html: string | null }) =>
    `<li><p><strong>${escapeHtml(c.author?.name ?? '')}</strong> <time>${c.createdAt}</time></p>${c.html ?? ''}`;
  const body = items
    .filter((root) => visible(root.html))
    .map((root) => {
      const replies = root.replies.filter((r) => visible(r.html));
      return `${li(root)}${replies.length ? `<ul>${replies.map((r) => `${li(r)}</li>`).join('')}</ul>` : ''}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>War stories</title></head><body>
<h1>War stories</h1>
<ul>
${body}
</ul>
</body></html>`;
}

/** Serves the two host pages; the list page is set once the widget's comments are known. */
async function serveHostPages(threadHtml: string): Promise<{ origin: string; setList(html: string): void; server: Server }> {
  let list = '';
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.url === '/list' ? list : threadHtml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, setList: (html) => (list = html), server };
}

/**
 * Runs in the page: the comment markers in the document, shadow roots included, the time since
 * navigation start and when the comments' API answer had arrived (0 for the plain list) — or
 * false while fewer than `expected` are there.
 */
function onScreen({
  source,
  expected,
}: {
  source: string;
  expected: number;
}): { markers: string[]; at: number; api: number; asked: number } | false {
  const pattern = new RegExp(source, 'g');
  const seen = new Set<string>();
  const visit = (root: Element | ShadowRoot) => {
    for (const m of root.textContent?.match(pattern) ?? []) seen.add(m);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document.body);
  if (seen.size < expected) return false;
  const answers = performance.getEntriesByType('resource').filter((r) => r.name.includes('/threads/comments'));
  return {
    markers: [...seen],
    at: performance.now(),
    api: Math.max(0, ...answers.map((r) => (r as PerformanceResourceTiming).responseEnd)),
    asked: Math.min(...answers.map((r) => r.startTime), Number.POSITIVE_INFINITY),
  };
}

/** What would explain a widget that never shows its comments: page errors and failed requests. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  return problems;
}

/** One visit: milliseconds from navigation start to the frame in which `expected` markers are on screen, and where the time went. */
interface Visit {
  at: number;
  /** When the comments' request started and when its answer had arrived (0 for the plain list). */
  asked: number;
  api: number;
  /** The main thread's time by kind (Chromium's counters), in ms. */
  script: number;
  style: number;
  layout: number;
  /** With a profile asked for: the functions with the most self time, in ms. */
  hot?: [string, number][];
}

/** Chromium's counters of the page's main-thread time so far, in ms. */
async function mainThreadTimes(cdp: CDPSession): Promise<{ script: number; style: number; layout: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: ms('ScriptDuration'), style: ms('RecalcStyleDuration'), layout: ms('LayoutDuration') };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time by function of a CDP CPU profile, most first. */
function hottest(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, top: number): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
}

async function timeVisit(browser: Browser, url: string, expected: number, profile = false): Promise<Visit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = watchProblems(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url, { waitUntil: 'commit' });
    const done = await page
      .waitForFunction(onScreen, { source: MARKER_SOURCE, expected }, { polling: 'raf', timeout: VISIT_TIMEOUT_MS })
      .catch((err: unknown) => {
        throw new Error(`${url}: fewer than ${expected} comments after ${VISIT_TIMEOUT_MS / 1000} s. ${problems.join(' | ')}`, {
          cause: err,
        });
      });
    const result = await done.jsonValue();
    if (!result) throw new Error(`${url}: the comments never showed`);
    const times = await mainThreadTimes(cdp);
    const hot = profile
      ? hottest(((await cdp.send('Profiler.stop')) as { profile: Parameters<typeof hottest>[0] }).profile, 12)
      : undefined;
    return { at: result.at, asked: Number.isFinite(result.asked) ? result.asked : 0, api: result.api, ...times, hot };
  } finally {
    await context.close();
  }
}

/** The unmeasured first visit: what the widget requests and shows once it has settled. */
async function discover(browser: Browser, url: string): Promise<{ shown: Set<string>; items: CommentWithReplies[]; limits: string[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = watchProblems(page);
    const items: CommentWithReplies[] = [];
    const limits: string[] = [];
    page.on('response', async (res) => {
      const u = new URL(res.url());
      if (res.request().method() !== 'GET' || !u.pathname.endsWith('/threads/comments') || !res.ok()) return;
      limits.push(u.searchParams.get('limit') ?? 'default');
      items.push(...((await res.json()) as ThreadPage).items);
    });
    await page.goto(url);
    // Settled: the same comments on screen for a second.
    let shown: string[] = [];
    let stableSince = Date.now();
    const deadline = Date.now() + VISIT_TIMEOUT_MS;
    while (Date.now() < deadline && (shown.length === 0 || Date.now() - stableSince < 1000)) {
      await page.waitForTimeout(250);
      const now = await page.evaluate(onScreen, { source: MARKER_SOURCE, expected: 0 });
      const markers = now ? now.markers : [];
      if (markers.length !== shown.length) [shown, stableSince] = [markers, Date.now()];
    }
    if (shown.length === 0) throw new Error(`<${TAG}> showed no comments within ${VISIT_TIMEOUT_MS / 1000} s. ${problems.join(' | ')}`);
    return { shown: new Set(shown), items, limits };
  } finally {
    await context.close();
  }
}

/** Lines for the report; `rounds` visits of each page, alternating. */
export async function measureThreadRender(worker: string, rounds: number): Promise<string[]> {
  const built = (await (await fetch(`${worker}/widgets.json`)).json()) as Record<string, unknown>;
  if (!(TAG in built)) return [`  <${TAG}> is not in this build (widgets.json); render not measured.`];

  const minted = await fetch(`${worker}/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo', sub: 'bench|render', name: 'Bench reader', bu: 'Finance' }),
  });
  const { token } = (await minted.json()) as { token: string };
  const host = await serveHostPages(threadPageHtml(worker, token));
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const { shown, items, limits } = await discover(browser, `${host.origin}/thread`);
    host.setList(listPageHtml(items, shown));
    const expected = shown.size;
    await timeVisit(browser, `${host.origin}/list`, expected); // warm Chromium's own caches
    const widget: Visit[] = [];
    const list: Visit[] = [];
    for (let r = 0; r < rounds; r++) {
      list.push(await timeVisit(browser, `${host.origin}/list`, expected));
      widget.push(await timeVisit(browser, `${host.origin}/thread`, expected));
    }
    const med = (visits: Visit[], of: (v: Visit) => number) => median(visits.map(of));
    const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
    const mainThread = (visits: Visit[]) =>
      `script ${ms(med(visits, (v) => v.script))}, style ${ms(med(visits, (v) => v.style))}, layout ${ms(med(visits, (v) => v.layout))}`;
    const lines = [
      `  ${`render ${THREAD_500.comments} comments`.padEnd(26)} plain <ul> ${ms(med(list, (v) => v.at))}  (median of ${rounds})`,
      `  ${''.padEnd(26)} <${TAG}>  ${ms(med(widget, (v) => v.at))}`,
      `  ${''.padEnd(26)}   of which until the comments' request starts ${ms(med(widget, (v) => v.asked))}, until its answer ${ms(med(widget, (v) => v.api))}, rendering after it ${ms(med(widget, (v) => v.at - v.api))} (medians)`,
      `  ${''.padEnd(26)} main thread, plain <ul>: ${mainThread(list)}`,
      `  ${''.padEnd(26)} main thread, <${TAG}>:  ${mainThread(widget)}`,
      `  ${''.padEnd(26)} ratio      ${(
        med(widget, (v) => v.at) /
        Math.max(
          med(list, (v) => v.at),
          1,
        )
      )
        .toFixed(2)
        .padStart(6)}×`,
      `  ${''.padEnd(26)} shown: ${expected} of ${THREAD_500.comments} comments (requests with limit=${limits.join(', ') || 'none seen'})`,
      '',
      '  Navigation start to every shown comment in the DOM (shadow roots included); ratio is <bk-thread> ÷ plain list.',
    ];
    if (process.env.BK_RENDER_PROFILE) {
      const { hot = [] } = await timeVisit(browser, `${host.origin}/thread`, expected, true);
      lines.push(`  Self time by function, one profiled visit of <${TAG}>:`, ...hot.map(([name, t]) => `    ${ms(t)}  ${name}`));
    }
    return lines;
  } finally {
    await browser.close();
    host.server.close();
  }
}
