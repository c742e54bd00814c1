/**
 * The production Worker bundle (dist/bundle: index.js, its source map, and bundle-meta.json,
 * the metafile `pnpm bench` weighs the bundle's parts by). wrangler.jsonc's top level bundled as
 * `wrangler deploy` bundles it — wrangler's own esbuild with wrangler's options and the
 * configuration's entry, alias, minify and keep_names — with one step more, which wrangler
 * cannot run (it takes no esbuild plugins): the OpenAPI-only text of the Worker's modules is
 * left out (scripts/openapi-text.ts), and so are zod's JSON Schema conversion and unused string
 * formats and methods and its object compiler (scripts/zod-string-formats.ts, zod-unused-methods.ts),
 * markdown-it's unused parts (scripts/markdown-it-trim.ts), drizzle's Postgres dialect, relational
 * queries and migrator (scripts/drizzle-trim.ts) and the reasons' texts (a static asset: src/lib/reason-texts.ts).
 * Deploys hand wrangler this file as it is (`--no-bundle`, docs/production.md), as a release's
 * wrangler.jsonc does.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REASON_LIST } from '@bridgekit/sdk/reasons';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { DEPENDENCY_TRIMS } from './dependency-trims.ts';
import { withoutOpenApiText } from './openapi-text.ts';

// Paths, not URLs: test/worker-config.ts imports this module under the Workers' types too.
const workerDir = join(dirname(fileURLToPath(import.meta.url)), '../');
const srcDir = join(workerDir, 'src/');
export const BUNDLE_DIR = 'dist/bundle';

/** Our esbuild is the one wrangler bundles with (package.json pins the version wrangler depends on). */
function checkEsbuildVersion(): void {
  const fromWrangler = createRequire(createRequire(import.meta.url).resolve('wrangler/package.json'));
  const wranglers = (fromWrangler('esbuild/package.json') as { version: string }).version;
  if (esbuild.version !== wranglers) {
    throw new Error(`esbuild ${esbuild.version} is not wrangler's (${wranglers}): pin packages/worker's esbuild to ${wranglers}.`);
  }
}

type ProductionConfig = { main: string; minify?: boolean; keep_names?: boolean; alias?: Record<string, string> };

async function productionConfig(): Promise<ProductionConfig> {
  const parsed = ts.parseConfigFileTextToJson('wrangler.jsonc', await readFile(`${workerDir}wrangler.jsonc`, 'utf8'));
  if (parsed.error) throw new Error(`wrangler.jsonc: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  return parsed.config as ProductionConfig;
}

/** The Worker's own modules without their OpenAPI-only text. */
const openApiTextOut: esbuild.Plugin = {
  name: 'bridgekit-openapi-text',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (!path.startsWith(srcDir)) return undefined;
      return { contents: withoutOpenApiText(await readFile(path, 'utf8'), path), loader: 'ts' };
    });
  },
};

/**
 * zod without its JSON Schema conversion: every schema class carries a converter
 * (`processJSONSchema`, `toJSONSchema()`, `~standard.jsonSchema`), which keeps the converter's
 * modules (~19 KB) in the bundle though the Worker never converts (it serves the built
 * document). For zod's schema classes those modules are replaced by one whose converters throw;
 * `aggregateChecks` (a string's `minLength`, a number's `isInt`…) is zod's own.
 */
const ZOD_SCHEMAS = /[\\/]zod[\\/]v4[\\/]classic[\\/]schemas\.js$/;
const JSON_SCHEMA_MODULES = /^\.\.\/core\/(json-schema-processors|to-json-schema)\.js$/;
const KEPT_FROM_ZOD = new Set(['aggregateChecks']);
const noJsonSchema: esbuild.Plugin = {
  name: 'bridgekit-zod-without-json-schema',
  setup(build) {
    build.onResolve({ filter: JSON_SCHEMA_MODULES }, ({ path, importer, resolveDir }) =>
      ZOD_SCHEMAS.test(importer) ? { path: join(resolveDir, path), namespace: 'zod-without-json-schema' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-without-json-schema' }, async ({ path }) => {
      const names = [...(await readFile(path, 'utf8')).matchAll(/^export (?:function|const|class) ([\w$]+)/gm)].map(
        ([, name]) => name as string,
      );
      const lines = [
        `const unavailable = () => { throw new Error("The production Worker has no JSON Schema conversion (scripts/bundle.ts)."); };`,
        ...names.map((name) =>
          KEPT_FROM_ZOD.has(name)
            ? `export { ${name} } from ${JSON.stringify(path)};`
            : // `create…Method`s make the methods, at a schema's creation: only calling those fails.
              `export const ${name} = ${name.startsWith('create') ? '() => unavailable' : 'unavailable'};`,
        ),
      ];
      return { contents: lines.join('\n'), loader: 'js', resolveDir: workerDir };
    });
  },
};

/**
 * drizzle-orm without its Postgres dialect: two of its shared modules import from pg-core — the
 * SQL builder to tell a Postgres enum (`isPgEnum`), relational queries a Postgres primary key
 * (`PrimaryKeyBuilder`) — which keeps ~2 KB gzip of pg-core's columns and tables in the bundle.
 * The Worker's tables are SQLite's: nothing in it is either, so both answer "no".
 */
const DRIZZLE_SHARED = /[\\/]drizzle-orm[\\/](?:sql[\\/]sql|relations)\.js$/;
const POSTGRES_STAND_INS: Record<string, string> = {
  '../pg-core/columns/enum.js': 'export const isPgEnum = () => false;',
  './pg-core/primary-keys.js': `import { entityKind } from './entity.js';
export class PrimaryKeyBuilder { static [entityKind] = 'PgPrimaryKeyBuilder'; }`,
};
const noPostgres: esbuild.Plugin = {
  name: 'bridgekit-drizzle-without-postgres',
  setup(build) {
    build.onResolve({ filter: /pg-core[\\/]/ }, ({ path, importer }) =>
      DRIZZLE_SHARED.test(importer) && path in POSTGRES_STAND_INS
        ? { path, namespace: 'drizzle-without-postgres', pluginData: importer }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'drizzle-without-postgres' }, ({ path, pluginData }) => ({
      contents: POSTGRES_STAND_INS[path] as string,
      loader: 'js',
      // The stand-in's own imports resolve from drizzle-orm's root, where relations.js is.
      resolveDir: dirname(pluginData as string).replace(/[\\/]sql$/, ''),
    }));
  },
};

/** The dependencies trimmed as scripts/dependency-trims.ts lists them. */
const dependenciesTrimmed: esbuild.Plugin = {
  name: 'bridgekit-dependencies-trimmed',
  setup(build) {
    for (const { module, trim } of DEPENDENCY_TRIMS) {
      build.onLoad({ filter: module }, async ({ path }) => ({ contents: trim(await readFile(path, 'utf8'), path), loader: 'js' }));
    }
  },
};

/**
 * What the Worker's modules import as `@bridgekit/sdk/reasons` in the production bundle: the
 * reasons' names, and their texts read from the static assets (src/lib/reason-texts.ts, which
 * itself takes the SDK's `formatReasonText`). The test project of the production configuration
 * runs the same (test/worker-config.ts).
 */
export const REASON_TEXTS_MODULE = `${srcDir}lib/reason-texts.ts`;
export const reasonsModule = () =>
  `export const REASON_LIST = ${JSON.stringify(REASON_LIST)};\nexport { REASONS, formatReason } from ${JSON.stringify(REASON_TEXTS_MODULE)};\n`;
/** Whether `importer`'s import of `@bridgekit/sdk/reasons` takes `reasonsModule()`. */
export const takesReasonsModule = (importer: string | undefined) => !!importer?.startsWith(srcDir) && importer !== REASON_TEXTS_MODULE;

const reasonTextsOut: esbuild.Plugin = {
  name: 'bridgekit-reason-texts',
  setup(build) {
    build.onResolve({ filter: /^@bridgekit\/sdk\/reasons$/ }, ({ importer }) =>
      takesReasonsModule(importer) ? { path: 'reasons', namespace: 'bridgekit-reasons' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'bridgekit-reasons' }, () => ({
      contents: reasonsModule(),
      loader: 'js',
      resolveDir: workerDir,
    }));
  },
};

/** wrangler's alias: each name resolved from the worker package, as wrangler resolves it. */
const aliasOf = (alias: Record<string, string>): esbuild.Plugin => ({
  name: 'bridgekit-alias',
  setup(build) {
    const names = Object.keys(alias).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, ({ path }) => ({
      path: createRequire(`${workerDir}package.json`).resolve(alias[path] as string),
    }));
  },
});

/** Bundles the production Worker into dist/bundle. */
export async function bundleWorker(): Promise<void> {
  checkEsbuildVersion();
  const config = await productionConfig();
  const outdir = `${workerDir}${BUNDLE_DIR}`;
  await rm(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    // As wrangler 4's bundleWorker for `deploy`.
    entryPoints: [config.main],
    absWorkingDir: workerDir,
    bundle: true,
    outdir,
    entryNames: 'index',
    format: 'esm',
    target: 'es2024',
    supported: { 'import-source': true, using: true },
    loader: { '.js': 'jsx', '.mjs': 'jsx', '.cjs': 'jsx' },
    conditions: ['workerd', 'worker', 'browser'],
    external: ['__STATIC_CONTENT_MANIFEST', 'cloudflare:*'],
    define: {
      'navigator.userAgent': '"Cloudflare-Workers"',
      'process.env.NODE_ENV': '"production"',
      'global.process.env.NODE_ENV': '"production"',
      'globalThis.process.env.NODE_ENV': '"production"',
    },
    minify: config.minify ?? false,
    keepNames: config.keep_names ?? true,
    sourcemap: true,
    sourceRoot: outdir,
    metafile: true,
    logLevel: 'warning',
    plugins: [aliasOf(config.alias ?? {}), openApiTextOut, noJsonSchema, noPostgres, dependenciesTrimmed, reasonTextsOut],
  });
  await writeFile(`${outdir}/bundle-meta.json`, JSON.stringify(result.metafile, null, 2));
}

if (import.meta.main) {
  await bundleWorker();
  console.log(`@bridgekit/worker: production bundle in ${BUNDLE_DIR}`);
}
