/**
 * The README's quick start, as a newcomer follows it, on a checkout where nothing is built yet
 * (`.ci/run` calls this right after `pnpm install --frozen-lockfile`, before `pnpm test`):
 *
 *   1. `pnpm bridgekit --help` works with nothing built;
 *   2. `pnpm dev`, exactly as written, until /demo/, /embed.js and /v1/openapi.json answer;
 *   3. the demo page shows the origin it was opened on and links the example intranet;
 *   4. a vote through the SDK on the demo tenant counts, and withdrawing it counts too;
 *   5. `pnpm dev` stops, and its port with it;
 *   6. `pnpm docs:dev` answers, and `pnpm docs:build` builds the site (both rebuild the SDK and
 *      widgets, so they run here rather than beside the test suite).
 *
 * A failure names the step and prints the server's log. Run it with
 * `node --conditions=@bridgekit/source scripts/newcomer-path.ts` (the SDK from its source).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createClient } from '@bridgekit/sdk';
import { killTree, waitUntilReady } from '../packages/worker/scripts/dev-server.ts';

const ORIGIN = 'http://localhost:8787';
const IDEA = 'demo-idea-invoice';
const root = new URL('..', import.meta.url);

let server: ChildProcess | undefined;
let log = '';

async function step(name: string, run: () => Promise<void> | void): Promise<void> {
  const started = Date.now();
  process.stdout.write(`newcomer path: ${name} … `);
  try {
    await run();
  } catch (err) {
    process.stdout.write('FAILED\n');
    console.error(`\nThe newcomer's path failed at "${name}":\n  ${err instanceof Error ? err.message : String(err)}`);
    if (log) console.error(`\n--- the command's output ---\n${log}\n--- end of the command's output ---`);
    if (server) await killTree(server);
    process.exit(1);
  }
  process.stdout.write(`ok (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

await step('pnpm bridgekit --help, with nothing built', () => {
  const help = spawnSync('pnpm', ['bridgekit', '--help'], { cwd: root, encoding: 'utf8' });
  check(help.status === 0, `it exited with ${help.status}:\n${help.stdout}${help.stderr}`);
  check(help.stdout.includes('Usage: pnpm bridgekit'), `it printed no usage:\n${help.stdout}`);
});

await step('pnpm dev answers on /demo/, /embed.js and /v1/openapi.json', async () => {
  server = spawn('pnpm', ['dev'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk));
  const child = server;
  for (const path of ['/demo/', '/embed.js', '/v1/openapi.json']) await waitUntilReady(`${ORIGIN}${path}`, child, () => '', 300_000);
  const spec = (await (await fetch(`${ORIGIN}/v1/openapi.json`)).json()) as { openapi?: string };
  check(spec.openapi?.startsWith('3.'), `/v1/openapi.json is not an OpenAPI document: ${JSON.stringify(spec).slice(0, 200)}`);
  const loader = await fetch(`${ORIGIN}/embed.js`);
  check(loader.headers.get('content-type')?.includes('javascript'), `/embed.js is served as ${loader.headers.get('content-type')}`);
});

await step('the demo page shows its own origin and links the example intranet', async () => {
  const html = await (await fetch(`${ORIGIN}/demo/`)).text();
  check(html.includes(`&lt;script src="${ORIGIN}/embed.js"`), `the embed code does not show ${ORIGIN}/embed.js`);
  check(html.includes('href="http://127.0.0.1:8788/"'), 'the link to the example intranet on http://127.0.0.1:8788/ is missing');
  const examples = await fetch('http://127.0.0.1:8788/');
  check(examples.ok, `the example intranet answered ${examples.status}`);
});

await step('a vote through the SDK counts on the demo tenant', async () => {
  const minted = await fetch(`${ORIGIN}/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo', sub: `newcomer|${Date.now()}`, name: 'New Colleague', bu: 'Finance' }),
  });
  check(minted.ok, `POST /v1/dev/token answered ${minted.status}: ${await minted.clone().text()}`);
  const { token } = (await minted.json()) as { token: string };
  const bk = createClient({ baseUrl: ORIGIN, tenant: 'demo', token });
  const before = await bk.ideas.get(IDEA);
  check(!before.voted, 'a new person has already voted');
  const voted = await bk.ideas.vote(IDEA);
  check(voted.voted && voted.votes === before.votes + 1, `the vote did not count: ${before.votes} → ${JSON.stringify(voted)}`);
  const withdrawn = await bk.ideas.unvote(IDEA);
  check(!withdrawn.voted && withdrawn.votes === before.votes, `withdrawing did not count: ${JSON.stringify(withdrawn)}`);
});

await step('pnpm dev stops', async () => {
  if (server) await killTree(server);
  const still = await fetch(`${ORIGIN}/v1/openapi.json`).then(
    () => true,
    () => false,
  );
  check(!still, `something still answers on ${ORIGIN}`);
});

await step('pnpm docs:dev answers on http://127.0.0.1:5173/', async () => {
  log = '';
  server = spawn('pnpm', ['docs:dev'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk));
  await waitUntilReady('http://127.0.0.1:5173/', server, () => '', 300_000);
  await killTree(server);
  server = undefined;
});

await step('pnpm docs:build builds the site', () => {
  log = '';
  const build = spawnSync('pnpm', ['docs:build'], { cwd: root, encoding: 'utf8' });
  log = `${build.stdout}${build.stderr}`;
  check(build.status === 0, `it exited with ${build.status}`);
  check(existsSync(new URL('docs/.vitepress/dist/index.html', root)), 'docs/.vitepress/dist/index.html is missing');
});
