/**
 * `pnpm release` — what an admin installs without a checkout, in release/<version>/:
 *
 *   script-tag/                     the widgets' script-tag build (embed.js, its chunks, the frame scripts)
 *   bridgekit-sdk-<v>.tgz           npm-ready tarballs: `workspace:` ranges resolved, no source-only
 *   bridgekit-widgets-<v>.tgz       export conditions, no dev dependencies or scripts
 *   bridgekit-cli-<v>.tgz           the admin CLI as one plain-JS file, no dependencies (`npx @bridgekit/cli`)
 *   worker/                         the production Worker (bundle/index.js), its assets, migrations and a wrangler.jsonc to deploy it
 *   bridgekit.sppkg                 with --sppkg only (Microsoft's toolchain: Node 22, ~1.1 GB, ~5 minutes)
 *   manifest.json, SHA256SUMS       version, git commit, and every file with its size and SHA-256
 *
 * The version is @bridgekit/sdk's and @bridgekit/widgets' (they must agree): it is what npm users
 * see, so the release takes it from there rather than keeping a second copy.
 *
 * Usage (after `pnpm build`; `pnpm release` does both): node --conditions=@bridgekit/source scripts/release.ts [--sppkg]
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { readTarball } from './release-archive.ts';
import { checkSppkg, type SppkgExpectation } from './release-sppkg.ts';

const run = promisify(execFile);

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string) => join(ROOT, path);

/** The export condition that points the workspace at TypeScript sources, which no tarball carries. */
const SOURCE_CONDITION = '@bridgekit/source';

type Manifest = Record<string, unknown> & { name: string; version: string };

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

/** The release's version: @bridgekit/sdk's, which @bridgekit/widgets must share. */
export async function releaseVersion(): Promise<string> {
  const sdk = await readJson<Manifest>(at('packages/sdk/package.json'));
  const widgets = await readJson<Manifest>(at('packages/widgets/package.json'));
  if (sdk.version !== widgets.version) {
    throw new Error(`@bridgekit/sdk is ${sdk.version} but @bridgekit/widgets is ${widgets.version}: give both the release's version.`);
  }
  return sdk.version;
}

/** The environment for npm: without the npm_* variables pnpm sets for its own scripts, which npm would read as its configuration. */
export function npmEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false' };
}

/** `npm pack` of a folder into `outDir`; the tarball's path. */
async function npmPack(dir: string, outDir: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', dir, '--pack-destination', outDir, '--json', '--ignore-scripts'], { env: npmEnv() });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  if (!packed) throw new Error(`npm pack ${dir} reported no tarball.`);
  return join(outDir, packed.filename);
}

/** `exports` without the source condition, at every level. */
function withoutSourceCondition(exports: unknown): unknown {
  if (typeof exports !== 'object' || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([condition]) => condition !== SOURCE_CONDITION)
      .map(([key, value]) => [key, withoutSourceCondition(value)]),
  );
}

/**
 * Packs packages/<name> as npm would publish it: `pnpm pack` (which turns `workspace:` ranges
 * into versions), then the manifest without the source condition, dev dependencies and scripts.
 *
 * @example
 * const tarball = await packLibrary('sdk', 'release/0.1.0'); // release/0.1.0/bridgekit-sdk-0.1.0.tgz
 */
export async function packLibrary(name: 'sdk' | 'widgets', outDir: string): Promise<string> {
  const temp = await mkdtemp(join(tmpdir(), `bk-pack-${name}-`));
  try {
    const packed = join(temp, 'pnpm.tgz');
    await run('pnpm', ['pack', '--out', packed], { cwd: at(`packages/${name}`) });
    const dir = join(temp, 'package');
    for (const [path, data] of readTarball(await readFile(packed))) {
      const target = join(dir, path.replace(/^package\//, ''));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, data);
    }
    const manifest = await readJson<Manifest>(join(dir, 'package.json'));
    delete manifest.devDependencies;
    delete manifest.scripts;
    manifest.exports = withoutSourceCondition(manifest.exports);
    if (JSON.stringify(manifest).includes('workspace:')) throw new Error(`${manifest.name} still has a workspace: range after pnpm pack.`);
    await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return await npmPack(dir, outDir);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** esbuild, which the widgets' build already uses (a dependency of @bridgekit/widgets). */
async function esbuild(): Promise<{ build(options: Record<string, unknown>): Promise<unknown> }> {
  const path = createRequire(at('packages/widgets/package.json')).resolve('esbuild');
  const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  return (module.default ?? module) as { build(options: Record<string, unknown>): Promise<unknown> };
}

const CLI_README = (version: string) => `# @bridgekit/cli ${version}

The Bridgekit admin command line: tenants, embed secrets, allowed origins, identity providers,
API keys, roles, business units, webhooks, tenant archives and personal-data requests, through a
Bridgekit Worker's admin API. Node.js 22.12 or newer; no dependencies.

\`\`\`sh
npx @bridgekit/cli --url https://bridgekit.example.com --token <admin token> tenant list
\`\`\`

\`bridgekit --help\` lists every command; docs/cli.md in the Bridgekit repository explains them.
`;

/**
 * Bundles the CLI (packages/worker/cli/bridgekit.ts with the SDK, saxes and fflate) into one
 * plain-JS ESM file — Node does not strip types inside node_modules — and packs it as
 * @bridgekit/cli with a `bridgekit` bin and no dependencies.
 *
 * @example
 * const tarball = await packCli('release/0.1.0', '0.1.0'); // release/0.1.0/bridgekit-cli-0.1.0.tgz
 */
export async function packCli(outDir: string, version: string): Promise<string> {
  const temp = await mkdtemp(join(tmpdir(), 'bk-pack-cli-'));
  try {
    const bin = join(temp, 'bridgekit.js');
    await (await esbuild()).build({
      // An entry of our own: the CLI's file starts with a hashbang that asks for the source condition.
      stdin: { contents: "import './packages/worker/cli/bridgekit.ts';", resolveDir: ROOT, sourcefile: 'bridgekit-cli.ts', loader: 'ts' },
      outfile: bin,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22.12',
      conditions: [SOURCE_CONDITION],
      banner: { js: '#!/usr/bin/env node' },
      legalComments: 'eof',
      logLevel: 'warning',
    });
    const code = await readFile(bin, 'utf8');
    if (!code.includes('Usage: pnpm bridgekit')) throw new Error("The CLI's usage text changed: update packCli's rewrite of it.");
    await writeFile(bin, code.replaceAll('Usage: pnpm bridgekit', 'Usage: bridgekit'), { mode: 0o755 });
    const manifest = {
      name: '@bridgekit/cli',
      version,
      description: 'The Bridgekit admin command line: tenants, secrets, origins, identity providers, keys and roles on a Bridgekit Worker.',
      license: 'MIT',
      type: 'module',
      bin: { bridgekit: 'bridgekit.js' },
      files: ['bridgekit.js'],
      engines: { node: '>=22.12.0' },
    };
    await writeFile(join(temp, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(join(temp, 'README.md'), CLI_README(version));
    return await npmPack(temp, outDir);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * worker/: the production bundle `pnpm build` made (packages/worker/scripts/bundle.ts), its static assets, the
 * migrations, and a wrangler.jsonc — the repository's production configuration, pointed at the
 * bundle as it is (no_bundle) — so `npx wrangler deploy` works from this folder alone.
 */
async function writeWorker(outDir: string): Promise<void> {
  const worker = at('packages/worker');
  await mkdir(join(outDir, 'migrations'), { recursive: true });
  await mkdir(join(outDir, 'bundle'));
  for (const file of ['index.js', 'index.js.map']) await copyFile(join(worker, 'dist/bundle', file), join(outDir, 'bundle', file));
  await cp(join(worker, 'dist/assets'), join(outDir, 'assets'), { recursive: true });
  for (const file of (await readdir(join(worker, 'migrations'))).filter((f) => f.endsWith('.sql'))) {
    await copyFile(join(worker, 'migrations', file), join(outDir, 'migrations', file));
  }
  const { default: ts } = await import('typescript');
  const parsed = ts.parseConfigFileTextToJson('wrangler.jsonc', await readFile(join(worker, 'wrangler.jsonc'), 'utf8'));
  if (parsed.error) throw new Error(`packages/worker/wrangler.jsonc: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  const { $schema, env, minify, keep_names, main, ...production } = parsed.config as Record<string, unknown>;
  const assets = production.assets as Record<string, unknown>;
  const config = {
    ...production,
    // In a folder of its own: wrangler uploads the .sql and .txt files beside an unbundled entry as modules.
    main: 'bundle/index.js',
    no_bundle: true,
    assets: { ...assets, directory: './assets' },
    d1_databases: (production.d1_databases as Record<string, unknown>[]).map((db) => ({ ...db, migrations_dir: 'migrations' })),
  };
  await writeFile(
    join(outDir, 'wrangler.jsonc'),
    `// Bridgekit's production Worker, built. Put your database's id (\`npx wrangler d1 create bridgekit\`)\n// in d1_databases, then deploy from this folder: see docs/production.md.\n${JSON.stringify(config, null, 2)}\n`,
  );
}

/** The deployable folder really is: wrangler takes its configuration and bundle (a dry run, nothing uploaded). */
async function checkWorker(outDir: string): Promise<void> {
  const { runWrangler } = await import('../packages/worker/scripts/wrangler.ts');
  const dryRun = await mkdtemp(join(tmpdir(), 'bk-worker-dry-run-'));
  try {
    await runWrangler(['deploy', '--dry-run', '--config', join(outDir, 'wrangler.jsonc'), '--outdir', dryRun], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    await rm(dryRun, { recursive: true, force: true });
  }
}

/** What the .sppkg must hold, from the SPFx example's own configuration. */
export async function sppkgExpectation(): Promise<SppkgExpectation> {
  const example = at('examples/sharepoint-spfx');
  const solution = await readJson<SppkgExpectation['solution']>(join(example, 'config/package-solution.json'));
  const webParts: SppkgExpectation['webParts'] = [];
  const parts = join(example, 'src/webparts');
  for (const dir of await readdir(parts)) {
    for (const file of (await readdir(join(parts, dir))).filter((f) => f.endsWith('.manifest.json'))) {
      webParts.push(await readJson(join(parts, dir, file)));
    }
  }
  return { ...(solution as object), webParts } as SppkgExpectation;
}

/** Builds the .sppkg with examples/sharepoint-spfx/build.sh, checks it and copies it into the release. */
async function buildSppkg(outDir: string, version: string): Promise<void> {
  const expected = await sppkgExpectation();
  if (expected.solution.version !== `${version}.0`) {
    throw new Error(`config/package-solution.json says ${expected.solution.version}; the release is ${version}: make it ${version}.0.`);
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn('bash', [at('examples/sharepoint-spfx/build.sh')], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build.sh exited with ${code}`))));
  });
  const built = at('examples/sharepoint-spfx/sharepoint/solution/bridgekit.sppkg');
  const problems = checkSppkg(await readFile(built), expected);
  if (problems.length > 0) throw new Error(`The built .sppkg is not what the configuration asks for:\n- ${problems.join('\n- ')}`);
  await copyFile(built, join(outDir, 'bridgekit.sppkg'));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

async function gitCommit(): Promise<{ commit: string | null; dirty: boolean }> {
  try {
    const { stdout: commit } = await run('git', ['rev-parse', 'HEAD'], { cwd: ROOT });
    const { stdout: status } = await run('git', ['status', '--porcelain'], { cwd: ROOT });
    return { commit: commit.trim(), dirty: status.trim() !== '' };
  } catch {
    return { commit: null, dirty: false };
  }
}

/** manifest.json (version, commit, every file with its size and SHA-256), then SHA256SUMS over everything. */
async function writeManifest(outDir: string, version: string): Promise<void> {
  const sha256 = async (file: string) =>
    createHash('sha256')
      .update(await readFile(join(outDir, file)))
      .digest('hex');
  const files = [];
  for (const path of await filesUnder(outDir))
    files.push({ path, bytes: (await stat(join(outDir, path))).size, sha256: await sha256(path) });
  await writeFile(
    join(outDir, 'manifest.json'),
    `${JSON.stringify({ name: 'bridgekit', version, ...(await gitCommit()), files }, null, 2)}\n`,
  );
  const sums = [];
  for (const path of await filesUnder(outDir)) if (path !== 'SHA256SUMS') sums.push(`${await sha256(path)}  ${path}\n`);
  await writeFile(join(outDir, 'SHA256SUMS'), sums.join(''));
}

async function release(withSppkg: boolean): Promise<string> {
  for (const built of ['packages/sdk/dist/index.js', 'packages/widgets/dist/cdn/embed.js', 'packages/worker/dist/bundle/index.js']) {
    await stat(at(built)).catch(() => {
      throw new Error(`${built} is missing: run \`pnpm build\` first (\`pnpm release\` does).`);
    });
  }
  const version = await releaseVersion();
  const out = at(`release/${version}`);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const step = (text: string) => process.stderr.write(`${text}\n`);
  step('Script-tag bundle');
  await cp(at('packages/widgets/dist/cdn'), join(out, 'script-tag'), { recursive: true });
  step('Packing @bridgekit/sdk and @bridgekit/widgets');
  await packLibrary('sdk', out);
  await packLibrary('widgets', out);
  step('Bundling and packing @bridgekit/cli');
  await packCli(out, version);
  step('Worker bundle, assets and migrations (checked with a wrangler dry run)');
  await writeWorker(join(out, 'worker'));
  await checkWorker(join(out, 'worker'));
  if (withSppkg) {
    step('SharePoint package (examples/sharepoint-spfx/build.sh)');
    await buildSppkg(out, version);
  }
  await writeManifest(out, version);
  return out;
}

if (import.meta.main) {
  const out = await release(process.argv.includes('--sppkg'));
  console.log(`Release in ${relative(ROOT, out)}:`);
  for (const file of (await readdir(out)).sort()) console.log(`  ${file}`);
}
