/**
 * Builds @bridgekit/widgets twice:
 * - `dist/` — ESM for bundler users, Lit and the SDK external, with type declarations (tsup);
 * - `dist/cdn/` — the script-tag build: `embed.js` (a small classic-script loader) and one
 *   minified ESM chunk per element plus shared chunks, content-hashed, loaded on demand (esbuild).
 *
 * Usage: node scripts/build.ts [--cdn-only]
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { registrationModule, WIDGETS } from '../src/registry.ts';
import { minifyCssLiterals } from './minify-css.ts';
import { squeezeHtmlLiterals } from './minify-html.ts';

const here = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Every element of the script-tag build: tag → registration module, from the registry. */
export const ELEMENTS: Record<string, string> = Object.fromEntries(WIDGETS.map((w) => [w.tag, registrationModule(w.tag)]));

async function buildLibrary(): Promise<void> {
  const { build } = await import('tsup');
  await build({
    entry: {
      index: here('src/index.ts'),
      // Page-wide settings without Lit, for a host's entry script (an SPFx web part's main chunk).
      config: here('src/shared/config.ts'),
      // The list of elements as data, without Lit: for build scripts, the docs site and hosts.
      registry: here('src/registry.ts'),
      ...Object.fromEntries(Object.values(ELEMENTS).map((p) => [p.replace(/^src\//, '').replace(/\.ts$/, ''), here(p)])),
    },
    outDir: here('dist'),
    format: ['esm'],
    target: 'es2022',
    platform: 'browser',
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: false,
    external: ['lit', /^lit\//, '@bridgekit/sdk'],
    tsconfig: here('tsconfig.json'),
    silent: true,
  });
}

async function buildCdn(): Promise<void> {
  const outdir = here('dist/cdn');
  await rm(outdir, { recursive: true, force: true });
  const core = await coreFiles();
  const options = {
    entryPoints: Object.fromEntries(Object.entries(ELEMENTS).map(([tag, path]) => [tag, here(path)])),
    outdir: `${outdir}/widgets`,
    entryNames: '[name]-[hash]',
    chunkNames: 'shared-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    // The SDK from its source files: esbuild splits chunks by file, and the SDK's dist merges its
    // files into one chunk, so every page would carry every call (shared/client.ts loads parts).
    conditions: ['@bridgekit/source'],
    // The metafile's paths, which tinyChunkModules reads, relative to this package.
    absWorkingDir: here('.'),
  } satisfies esbuild.BuildOptions;
  const draft = await esbuild.build({
    ...options,
    write: false,
    plugins: [sourcePlugin(core, { modules: new Set(), chunkOf: new Map() })],
  });
  const chunks = await esbuild.build({ ...options, write: false, plugins: [sourcePlugin(core, tinyChunkModules(draft))] });

  const outputs = await writeWithShortHashes(chunks);
  const name = (file: string) => `widgets/${file.split('/').pop()}`;
  /** The chunks a page loads for an element: its entry and everything it imports statically. */
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !seen.has(imported.path)) closure(imported.path, seen);
    }
    return seen;
  };
  const manifest: Record<string, { entry: string; chunks: string[] }> = {};
  for (const [file, output] of Object.entries(outputs)) {
    const tag = Object.entries(ELEMENTS).find(([, path]) => output.entryPoint === path)?.[0];
    if (!tag) continue;
    manifest[tag] = {
      entry: name(file),
      chunks: [...closure(file)]
        .filter((f) => f.endsWith('.js'))
        .map(name)
        .sort(),
    };
  }
  if (Object.keys(manifest).length !== Object.keys(ELEMENTS).length) throw new Error(`Missing entry chunks: ${Object.keys(manifest)}`);

  await esbuild.build({
    entryPoints: [here('src/loader/embed.ts')],
    outfile: `${outdir}/embed.js`,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { ...loaderChunks(manifest), __BK_HASH_LENGTH__: String(HASH_LENGTH) },
    logLevel: 'warning',
  });
  await writeFile(`${outdir}/widgets.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  await buildFrameScripts(outdir);
}

/**
 * esbuild names each chunk by an 8-character hash of its content and of the chunks it imports; the
 * loader carries every element's entry and shared chunk names (loaderChunks), so the files are
 * written under the first HASH_LENGTH characters of it, which still change with any change to a
 * chunk or what it imports (30 bits: a name reused for other content once in a billion changes).
 */
const HASH_LENGTH = 6;
const HASHED_NAME = /([\w-]+)-([A-Z0-9]{8})\.js/g;

/** Writes the build's files under their shortened names, with every reference to them renamed, and returns its metafile's outputs renamed alike. */
async function writeWithShortHashes(result: esbuild.BuildResult<{ metafile: true; write: false }>) {
  const names = new Set(result.outputFiles.map((file) => basename(file.path)));
  const shorten = (text: string) =>
    text.replace(HASHED_NAME, (whole, name: string, hash: string) =>
      names.has(whole) ? `${name}-${hash.slice(0, HASH_LENGTH)}.js` : whole,
    );
  const renamed = new Set([...names].map(shorten));
  if (renamed.size !== names.size)
    throw new Error(`Two chunks share the first ${HASH_LENGTH} characters of their hash: lengthen HASH_LENGTH`);
  await mkdir(here('dist/cdn/widgets'), { recursive: true });
  for (const file of result.outputFiles) {
    await writeFile(join(dirname(file.path), shorten(basename(file.path))), shorten(file.text));
  }
  const outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string }[] }> = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    outputs[shorten(file)] = { entryPoint: output.entryPoint, imports: output.imports.map((i) => ({ ...i, path: shorten(i.path) })) };
  }
  return outputs;
}

/**
 * The loader's chunk table. `__BK_SHARED__`: the hashes of every shared chunk some element imports
 * statically (`widgets/shared-<hash>.js`), each once, HASH_LENGTH characters each, the most imported first;
 * `__BK_CHUNKS__`: tag → its entry's hash (`widgets/<tag>-<hash>.js`) followed by one base-36
 * character per shared chunk it imports, that chunk's place in `__BK_SHARED__`. The loader preloads
 * them all beside the entry, so an element's code arrives in one round trip, not two (each shared
 * hash once and one character per use: every byte of the loader is on every host page).
 */
function loaderChunks(manifest: Record<string, { entry: string; chunks: string[] }>): Record<'__BK_SHARED__' | '__BK_CHUNKS__', string> {
  const hashOf = (file: string, prefix: string) => {
    const hash = new RegExp(`^widgets/${prefix}-(\\w{${HASH_LENGTH}})\\.js$`).exec(file)?.[1];
    if (!hash) throw new Error(`The loader expects widgets/${prefix}-<${HASH_LENGTH}-character hash>.js, not ${file}`);
    return hash;
  };
  const uses = new Map<string, number>();
  for (const { entry, chunks: files } of Object.values(manifest)) {
    for (const file of files) if (file !== entry) uses.set(hashOf(file, 'shared'), (uses.get(hashOf(file, 'shared')) ?? 0) + 1);
  }
  const shared = [...uses.keys()].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || a.localeCompare(b));
  if (shared.length > 36) throw new Error(`The loader indexes shared chunks by one base-36 character: ${shared.length} is too many`);
  const chunks: Record<string, string> = {};
  for (const [tag, { entry, chunks: files }] of Object.entries(manifest)) {
    const places = files
      .filter((file) => file !== entry)
      .map((file) => shared.indexOf(hashOf(file, 'shared')))
      .sort((a, b) => a - b);
    chunks[tag] = hashOf(entry, tag) + places.map((place) => place.toString(36)).join('');
  }
  return { __BK_SHARED__: JSON.stringify(shared.join('')), __BK_CHUNKS__: JSON.stringify(chunks) };
}

/**
 * A shared chunk below this size (gzip) costs a page more as a file of its own (a request, and
 * gzip's per-file overhead of a few hundred bytes) than its code costs in each chunk importing it:
 * its modules are copied into their importers instead (sourcePlugin). Those modules must not hold
 * state that two copies on one page would split (a cache, a class compared by `instanceof`);
 * today they are small helpers, an event class, the paged-list controller, a feature's texts (registered
 * by name), style sheets, SDK parts and lazy-import wrappers, whose `import()` targets the browser
 * loads once however many copies ask. A page with many elements loads a copy per chunk (800 B: every
 * page with one element as heavy or lighter, /demo/'s first load lighter, every element's chunks
 * together +3 KB; 1,200 B put the board's own texts twice on its page).
 */
const INLINE_MAX_BYTES = 800;

/** Which modules to copy (see INLINE_MAX_BYTES), and the chunk each module went to in the draft build. */
interface Inlining {
  modules: Set<string>;
  chunkOf: Map<string, string>;
}

/** The source files of the draft build's shared chunks smaller than INLINE_MAX_BYTES gzip. */
function tinyChunkModules(draft: esbuild.BuildResult<{ metafile: true; write: false }>): Inlining {
  const inlining: Inlining = { modules: new Set(), chunkOf: new Map() };
  for (const file of draft.outputFiles) {
    const name = relative(here('.'), file.path);
    const output = draft.metafile.outputs[name];
    if (!output || !name.endsWith('.js')) continue;
    const tiny = !output.entryPoint && gzipSync(file.contents, { level: 9 }).length < INLINE_MAX_BYTES;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0 || input.includes('node_modules') || input.includes(':')) continue;
      inlining.chunkOf.set(join(here('.'), input), name);
      if (tiny) inlining.modules.add(join(here('.'), input));
    }
  }
  return inlining;
}

/**
 * What every element's first screen loads: Lit, the element base (with the client, the translator
 * and the core catalog) and the registration helper. esbuild puts each file in the chunk of the set
 * of entries (elements and `import()` targets) that reach it, so a lazily loaded part that needs
 * only the SDK's errors would split them off Lit, and every page would fetch a dozen small chunks
 * (about 1.5 KB gzip more on the board's page). Every other module of ours imports the virtual
 * module `bk-core` (which imports these), so all of them are reached by every entry alike: one chunk.
 */
const CORE = ['lit', './shared/bridgekit-element.ts', './shared/define.ts'];
const CORE_SOURCE = CORE.map((m) => `export * from ${JSON.stringify(m)};`).join('\n');

/** The files CORE imports statically: they do not import `bk-core` themselves. */
async function coreFiles(): Promise<Set<string>> {
  const { metafile } = await esbuild.build({
    stdin: { contents: CORE_SOURCE, resolveDir: here('src'), loader: 'js' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'warning',
    conditions: ['@bridgekit/source'],
    absWorkingDir: here('.'),
  });
  const files = new Set<string>();
  const walk = (input: string) => {
    const path = join(here('.'), input);
    if (files.has(path)) return;
    files.add(path);
    for (const imported of metafile.inputs[input]?.imports ?? []) if (imported.kind === 'import-statement') walk(imported.path);
  };
  for (const imported of metafile.inputs['<stdin>']?.imports ?? []) walk(imported.path);
  return files;
}

/**
 * Loads the package's and the SDK's own modules: squeezes their `css` literals (minify-css.ts)
 * and the indents of their `html` and `svg` ones (minify-html.ts),
 * adds `import 'bk-core'` to every one outside the core (see CORE), and gives each importer of a
 * module in `inline` its own copy (see INLINE_MAX_BYTES).
 */
function sourcePlugin(core: Set<string>, { modules: inline, chunkOf }: Inlining): esbuild.Plugin {
  const load = async (path: string): Promise<esbuild.OnLoadResult> => {
    const source = await readFile(path, 'utf8');
    const styled = source.includes('css`') ? minifyCssLiterals(source) : source;
    const minified = /\b(html|svg)`/.test(styled) ? squeezeHtmlLiterals(styled, path) : styled;
    return { contents: core.has(path) ? minified : `import 'bk-core';\n${minified}`, loader: 'ts', resolveDir: dirname(path) };
  };
  return {
    name: 'bridgekit-source',
    setup(build) {
      build.onResolve({ filter: /^bk-core$/ }, () => ({ path: 'bk-core', namespace: 'bk-core', sideEffects: true }));
      build.onLoad({ filter: /.*/, namespace: 'bk-core' }, () => ({ contents: CORE_SOURCE, resolveDir: here('src'), loader: 'js' }));
      if (inline.size > 0) {
        build.onResolve({ filter: /^\.|^@bridgekit\/sdk/ }, async (args) => {
          if (args.kind !== 'import-statement' || args.pluginData === 'inline' || args.namespace === 'bk-core') return undefined;
          const resolved = await build.resolve(args.path, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            importer: args.importer,
            pluginData: 'inline',
          });
          if (resolved.errors.length > 0 || !inline.has(resolved.path)) return undefined;
          // One copy per chunk of the draft build that imports it: esbuild places it in that chunk.
          const chunk =
            args.namespace === 'bk-inline' ? args.importer.slice(args.importer.indexOf('?in=') + 4) : chunkOf.get(args.importer);
          return { path: `${resolved.path}?in=${chunk ?? args.importer}`, namespace: 'bk-inline', sideEffects: resolved.sideEffects };
        });
        build.onLoad({ filter: /.*/, namespace: 'bk-inline' }, (args) => load(args.path.slice(0, args.path.indexOf('?in='))));
      }
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => (args.path.includes('node_modules') ? undefined : load(args.path)));
    },
  };
}

/**
 * The iframe route's scripts: `frame/frame.js` (the page hosting one widget), `frame/sign-in.js`
 * (its first-party sign-in window), `frame/frame.css`, and `embed-resizer.js` for host pages.
 * Classic scripts, like the loader: they must run before any module chunk is fetched.
 */
async function buildFrameScripts(outdir: string): Promise<void> {
  await esbuild.build({
    entryPoints: {
      'frame/frame': here('src/frame/frame.ts'),
      'frame/sign-in': here('src/frame/sign-in.ts'),
      'embed-resizer': here('src/frame/resizer.ts'),
    },
    outdir,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await copyFile(here('src/frame/frame.css'), `${outdir}/frame/frame.css`);
}

const cdnOnly = process.argv.includes('--cdn-only');
if (!cdnOnly) {
  await rm(here('dist'), { recursive: true, force: true });
  await buildLibrary();
}
await buildCdn();
console.log(`@bridgekit/widgets: built ${cdnOnly ? 'dist/cdn' : 'dist and dist/cdn'}`);
