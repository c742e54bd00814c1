/**
 * What the Worker bundle costs, by package and by folder of our own code: from the esbuild
 * metafile (`dist/bundle/bundle-meta.json`, minified bytes per input) and the source map of
 * `pnpm build`'s production bundle (which output bytes came from which input), so the numbers
 * follow the code. Two gzip figures per part: its bytes gzipped alone, and what the bundle's
 * gzip size would lose without them (what removing it would save; the parts' savings need not
 * add up to the total, since gzip shares repeats across parts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleCost {
  part: string;
  /** Minified bytes in the bundle (esbuild's `bytesInOutput`). */
  minified: number;
  /** gzip -9 of the part's own bytes. */
  gzipAlone: number;
  /** How much smaller the bundle's gzip would be without the part. */
  gzipSaved: number;
}

/** `node_modules/<package>`, `@bridgekit/sdk`, `src/<folder>` or `src/<file>` for an input path. */
export function partOf(input: string): string {
  // pnpm's store folder names the package even where a package's own source map points into it
  // (drizzle-orm's `…/drizzle-orm@0.45.4_…/node_modules/src/entity.ts`).
  const store = /\.pnpm\/(@?[^@/+]+)(?:\+([^@/]+))?@/.exec(input);
  if (store?.[1]) return store[2] ? `${store[1]}/${store[2]}` : store[1];
  const modules = input.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope = '', name = ''] = input.slice(modules + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const sdk = /(?:^|\/)sdk\/(?:src|dist)\//.exec(input);
  // The reasons' names, the build's stand-in for the SDK's registry (scripts/bundle.ts).
  if (sdk || input.startsWith('bridgekit-reasons:')) return '@bridgekit/sdk';
  const own = /(?:^|\/)src\/(.*)$/.exec(input);
  if (own?.[1]) {
    const [first = '', ...rest] = own[1].split('/');
    return rest.length > 0 ? `src/${first}/` : `src/${first}`;
  }
  return input;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** For each generated line, the [column, source index] of each mapping segment, in order. */
function decodeMappings(mappings: string): [number, number][][] {
  const digit = new Map([...BASE64].map((ch, i) => [ch, i]));
  const lines: [number, number][][] = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments: [number, number][] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const d = digit.get(ch) ?? 0;
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1] ?? 0;
        segments.push([column, source]);
      } else segments.push([column, -1]);
    }
    lines.push(segments);
  }
  return lines;
}

const gzip = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

/**
 * The cost of each part of the bundle in `dir` (index.js, index.js.map, bundle-meta.json),
 * largest saving first, and the bundle's own gzip size.
 *
 * @example
 * const { parts, total } = bundleCosts('packages/worker/dist/bundle');
 */
export function bundleCosts(dir: string): { parts: BundleCost[]; total: number } {
  const code = readFileSync(join(dir, 'index.js'), 'utf8');
  const map = JSON.parse(readFileSync(join(dir, 'index.js.map'), 'utf8')) as { sources: string[]; mappings: string };
  const meta = JSON.parse(readFileSync(join(dir, 'bundle-meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const output = Object.entries(meta.outputs).find(([name]) => name.endsWith('index.js'))?.[1];
  if (!output) throw new Error(`No index.js in ${dir}/bundle-meta.json`);
  const minified = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    minified.set(partOf(input), (minified.get(partOf(input)) ?? 0) + bytesInOutput);
  }

  // Each output character's part: that of the source of the mapping segment it falls in.
  const sourceParts = map.sources.map(partOf);
  const lines = code.split('\n');
  const segmentsByLine = decodeMappings(map.mappings);
  const spans = lines.map((line, n) => {
    const out: { part: string; text: string }[] = [];
    let previous = 0;
    let part = '(no source)';
    for (const [column, source] of [...(segmentsByLine[n] ?? []), [line.length, -1] as [number, number]]) {
      if (column > previous) out.push({ part, text: line.slice(previous, column) });
      previous = Math.max(previous, column);
      part = source >= 0 ? (sourceParts[source] ?? '(no source)') : '(no source)';
    }
    return out;
  });
  const without = (part: string | null) => spans.map((line) => line.map((s) => (s.part === part ? '' : s.text)).join('')).join('\n');

  const total = gzip(without(null));
  const names = [...new Set(spans.flat().map((s) => s.part))];
  const parts = names.map((part) => {
    const own = spans
      .flat()
      .filter((s) => s.part === part)
      .map((s) => s.text)
      .join('');
    return {
      part,
      minified: minified.get(part) ?? own.length,
      gzipAlone: gzip(own),
      gzipSaved: total - gzip(without(part)),
    };
  });
  return { parts: parts.sort((a, b) => b.gzipSaved - a.gzipSaved), total };
}

/** The table `pnpm bench` prints: every package, then our own folders, with the total. */
export function bundleCostTable(dir: string): string[] {
  const { parts, total } = bundleCosts(dir);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
  const row = (p: BundleCost) => `  ${p.part.padEnd(40)} ${kb(p.minified)} ${kb(p.gzipAlone)} ${kb(p.gzipSaved)}`;
  const isOwn = (p: BundleCost) => p.part.startsWith('src/') || p.part === '@bridgekit/sdk' || p.part.startsWith('(');
  return [
    `\n== What the Worker bundle costs (${kb(total).trim()} gzip; from dist/bundle's metafile and source map) ==`,
    `  ${'part'.padEnd(40)} ${'minified'.padStart(9)} ${'gzip alone'.padStart(9)} ${'saved'.padStart(9)}`,
    '  Packages:',
    ...parts.filter((p) => !isOwn(p)).map(row),
    '  Our own code, by folder:',
    ...parts.filter(isOwn).map(row),
    '  "saved": how much smaller the gzip bundle would be without the part.',
  ];
}
