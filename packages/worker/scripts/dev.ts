/**
 * `pnpm dev`: everything on http://localhost:8787 with no Cloudflare account.
 * Builds the SDK and widgets, copies .dev.vars.example to .dev.vars when absent, applies the
 * D1 migrations locally, seeds the demo tenant, starts `wrangler dev --env dev`, rebuilds
 * the widgets when their sources change, and serves the example intranet (examples/plain-html)
 * from http://127.0.0.1:8788 — another origin, as production embedding always is.
 *
 * Options: --port <n> (8787), --inspector-port <n> (9229), --persist-to <dir> (.wrangler/state),
 * --extra-seed <file.sql> (applied after the demo seed), --no-rate-limits (for load tests),
 * --examples-port <n> (8788), --no-examples, --no-build, --no-watch,
 * --production (the built dist/bundle/index.js with the top-level configuration, started as
 * docs/production.md deploys it: no demo page, no token minting; for e2e/production-bundle.e2e.test.ts)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { appendFile, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import { createExampleServer } from '../../../examples/plain-html/server.ts';
import { DEMO_KID } from '../src/dev/demo-data.ts';
import { demoSeed, toSqlScript } from '../src/dev/seed.ts';
import { assembleAssets } from './build.ts';
import { SOURCE_CONDITION } from './dev-server.ts';
import { runWrangler, wrangler } from './wrangler.ts';

const here = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'inspector-port': { type: 'string', default: '9229' },
    'persist-to': { type: 'string', default: '.wrangler/state' },
    'extra-seed': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-watch': { type: 'boolean', default: false },
    'no-rate-limits': { type: 'boolean', default: false },
    'examples-port': { type: 'string', default: '8788' },
    'no-examples': { type: 'boolean', default: false },
    production: { type: 'boolean', default: false },
  },
});
const persist = ['--persist-to', options['persist-to']];
// The production configuration is the top level (`--env ""`); its D1 is another local database.
const environment = ['--env', options.production ? '' : 'dev'];
// As docs/production.md deploys: the build's bundle uploaded as it is.
const entry = options.production ? ['--no-bundle', '--minify=false', 'dist/bundle/index.js'] : [];

function pnpm(args: string[]): void {
  const result = spawnSync('pnpm', args, { stdio: 'inherit', cwd: here('.') });
  if (result.status !== 0) throw new Error(`pnpm ${args.join(' ')} failed`);
}

if (!options['no-build']) {
  pnpm(['--filter', '@bridgekit/worker^...', 'build']);
  await assembleAssets();
}

if (!existsSync(here('.dev.vars'))) {
  await copyFile(here('.dev.vars.example'), here('.dev.vars'));
  console.log('Created packages/worker/.dev.vars from .dev.vars.example (development secrets).');
} else {
  // A .dev.vars from an older checkout lacks settings added since: take them from the example.
  const example = parseEnv(await readFile(here('.dev.vars.example'), 'utf8'));
  const current = parseEnv(await readFile(here('.dev.vars'), 'utf8'));
  const missing = Object.keys(example).filter((key) => !(key in current));
  if (missing.length > 0) {
    await appendFile(here('.dev.vars'), `\n${missing.map((key) => `${key}=${example[key]}`).join('\n')}\n`);
    console.log(`Added ${missing.join(', ')} to packages/worker/.dev.vars from .dev.vars.example.`);
  }
}
const vars = parseEnv(await readFile(here('.dev.vars'), 'utf8'));
if (!vars.BRIDGEKIT_SECRET_KEY || !vars.DEMO_EMBED_SECRET) {
  throw new Error('packages/worker/.dev.vars needs BRIDGEKIT_SECRET_KEY and DEMO_EMBED_SECRET (see .dev.vars.example).');
}

await runWrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...environment, ...persist]);
const seedFile = here('dist/seed.sql');
await mkdir(here('dist'), { recursive: true });
const demoPages = `http://localhost:${options.port}/demo`;
await writeFile(
  seedFile,
  toSqlScript(await demoSeed({ secretKey: vars.BRIDGEKIT_SECRET_KEY, demoSecret: vars.DEMO_EMBED_SECRET, demoPages })),
);
await runWrangler(['d1', 'execute', 'DB', '--local', ...environment, ...persist, '--file', seedFile], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (options['extra-seed']) {
  await runWrangler(['d1', 'execute', 'DB', '--local', ...environment, ...persist, '--file', options['extra-seed']], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
console.log('Seeded the demo tenant "demo".');

const server = wrangler([
  'dev',
  ...environment,
  ...entry,
  '--ip',
  '127.0.0.1',
  '--port',
  options.port,
  '--inspector-port',
  options['inspector-port'],
  ...persist,
  ...(options['no-rate-limits'] ? ['--var', 'BRIDGEKIT_RATE_LIMITS:off'] : []),
  ...(options['no-examples'] ? [] : ['--var', `BRIDGEKIT_EXAMPLES_ORIGIN:http://127.0.0.1:${options['examples-port']}`]),
  '--show-interactive-dev-session=false',
]);
console.log(`\nBridgekit is starting on http://localhost:${options.port} — open http://localhost:${options.port}/demo/\n`);

if (!options['no-examples']) {
  const examples = createExampleServer({
    bridgekitUrl: `http://localhost:${options.port}`,
    tenant: 'demo',
    secret: vars.DEMO_EMBED_SECRET,
    kid: DEMO_KID,
    person: { sub: 'fabrikam|rosa', name: 'Rosa Jiménez', email: 'rosa@fabrikam.example', bu: 'Marketing' },
  });
  examples.on('error', (err) => console.warn(`The example intranet could not start on port ${options['examples-port']}: ${err.message}`));
  examples.listen(Number(options['examples-port']), '127.0.0.1', () =>
    console.log(`The example intranet (another origin) is on http://127.0.0.1:${options['examples-port']}/ and /frames.html\n`),
  );
  server.on('exit', () => examples.close());
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.kill(signal);
  });
}
server.on('exit', (code) => process.exit(code ?? 0));

if (!options['no-watch']) {
  let timer: NodeJS.Timeout | undefined;
  const rebuild = (_event: string, file: string | null) => {
    if (file && /\.test\.ts$/.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const result = spawnSync(
        process.execPath,
        [SOURCE_CONDITION, fileURLToPath(new URL('../../widgets/scripts/build.ts', import.meta.url)), '--cdn-only'],
        { stdio: 'inherit' },
      );
      if (result.status === 0) void assembleAssets().then(() => console.log('Widgets rebuilt.'));
    }, 200);
  };
  watch(fileURLToPath(new URL('../../widgets/src', import.meta.url)), { recursive: true }, rebuild);
  watch(here('static'), { recursive: true }, rebuild);
}
