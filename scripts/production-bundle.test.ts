/**
 * The production Worker bundle (`pnpm build` writes packages/worker/dist/bundle from
 * wrangler.jsonc's top level, entry src/index.ts) contains no development code and no demo
 * data: no token minting, no demo page, no demo people, no seed. They live in the development
 * entry (src/dev/index.ts, wrangler.jsonc `env.dev`), so a production Worker with a mis-set
 * `BRIDGEKIT_ENV` still has nothing that could mint a token. Tables and the OpenAPI document
 * are static assets instead of code; the ones the Worker serves or decodes with are checked
 * against what the packages they replace would give.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REASONS, type ReasonText } from '@bridgekit/sdk/reasons';
import { describe, expect, it } from 'vitest';
import { entitiesDecode, htmlEntityTable } from '../packages/worker/scripts/html-entities.ts';
import { openApiDocument } from '../packages/worker/scripts/openapi-document.ts';
import { withoutOpenApiText } from '../packages/worker/scripts/openapi-text.ts';
import { DEMO_CSP } from '../packages/worker/src/dev/demo-csp.ts';
import {
  DEMO_BOARDS,
  DEMO_COMMENTS,
  DEMO_IDEAS,
  DEMO_KID,
  DEMO_TENANT,
  DEMO_THREAD,
  DEMO_USERS,
} from '../packages/worker/src/dev/demo-data.ts';
import { REASON_TEXTS_ASSET } from '../packages/worker/src/lib/reason-texts.ts';
import { HTML_ENTITIES_ASSET, decodeHTMLStrict as ours, useHtmlEntities } from '../packages/worker/src/markdown/entities.ts';
import { OPENAPI_DOCUMENT_ASSET } from '../packages/worker/src/openapi/document.ts';
import * as runtimeZod from '../packages/worker/src/openapi/zod.ts';
import { WORKER_BUNDLE } from './budgets.ts';

const WORKER_ASSETS = join(dirname(WORKER_BUNDLE), '../assets');

/** Strings only development code or the demo data contains. */
const DEVELOPMENT_MARKERS: readonly string[] = [
  // The token-minting routes and the demo page.
  '/v1/dev/',
  '/v1/dev/token',
  DEMO_CSP,
  // The demo people.
  ...DEMO_USERS.flatMap((person) => [person.name, person.subject, person.email]),
  // The seed.
  DEMO_KID,
  DEMO_TENANT.name,
  DEMO_THREAD.title,
  ...DEMO_BOARDS.map((board) => board.description),
  ...DEMO_IDEAS.flatMap((idea) => [idea.id, idea.title]),
  ...DEMO_COMMENTS.flatMap((comment) => [comment.id, comment.body.slice(0, 60)]),
];

/**
 * The bundle's text with JavaScript string escapes undone (esbuild writes non-ASCII as `\uXXXX`
 * and may escape quotes), so a marker is found however the bundler wrote it.
 */
function unescaped(code: string): string {
  return code
    .replace(/\\u\{([0-9a-f]+)\}/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\n/g, '\n')
    .replace(/\\(['"`\\])/g, '$1');
}

function markersIn(code: string): string[] {
  const text = unescaped(code);
  return DEVELOPMENT_MARKERS.filter((marker) => text.includes(marker));
}

/** As esbuild writes a string literal: double quotes, non-ASCII and control characters escaped. */
const asBundledLiteral = (text: string) =>
  JSON.stringify(text).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe("the production bundle's OpenAPI-only text, left out (scripts/openapi-text.ts)", () => {
  const schemas = '/w/src/schemas/a.ts';

  it("drops a schema's .openapi(…), keeping a router's", () => {
    const source = "const A = z.string().openapi({ description: 'd' }).nullable().openapi('A');\nr.openapi(route, (c) => c.json(1));";
    expect(withoutOpenApiText(source, '/w/src/a.ts')).toBe('const A = z.string().nullable();\nr.openapi(route, (c) => c.json(1));');
  });

  it('keeps of a route what the runtime reads, and a body its schema', () => {
    const source = `createRoute({ method: 'get', path: '/x', summary: 's', tags: ['T'], request: { params: P, body: jsonBody(S, examples.s) }, responses: { 200: r } })`;
    expect(withoutOpenApiText(source, '/w/src/routes/a.ts')).toBe(
      "createRoute({ method: 'get', path: '/x', request: { params: P, body: jsonBody(S, undefined) }, })",
    );
  });

  it("marks a schema module's constants pure and drops its contract checks, not touching functions", () => {
    const source =
      'export const A = z.object({ a: z.string().min(1) });\nexpectType<X>(true);\nconst E = { ...R, 400: e(1) } as const;\nconst Q = z.object({ ...R });\nconst f = () => g({ ...R });';
    expect(withoutOpenApiText(source, schemas)).toBe(
      'export const A = /* @__PURE__ */ z.object({ a: /* @__PURE__ */ z.string().min(1) });\nconst E = /* @__PURE__ */ (() => ({ ...R, 400: e(1) } as const))();\nconst Q = /* @__PURE__ */ (() => (z.object({ ...R })))();\nconst f = () => g({ ...R });',
    );
  });
});

describe('the production Worker bundle (from `pnpm build`)', () => {
  const bundle = readFileSync(WORKER_BUNDLE, 'utf8');

  it('is the production Worker: the API, its description and the iframe route', () => {
    // The iframe route's sign-in endpoints (routes/embed.ts, mounted at /embed).
    for (const text of ['/v1/openapi.json', 'ThreadLive', '"/sign-in/endpoints"']) expect(bundle).toContain(text);
  });

  it('leaves the Public Suffix List to the static assets (lib/public-suffixes.ts)', () => {
    // Labels only the list has (a PRIVATE entry and a punycode TLD): the bundle had them while `tldts` was in it.
    for (const label of ['blogspot', 'herokuapp', 'xn--p1ai']) expect(bundle).not.toContain(label);
    expect(bundle).toContain('/psl/public-suffixes.json');
  });

  it("leaves markdown-it's HTML entity table to the static assets (markdown/entities.ts), decoding as the package does", async () => {
    // The package's packed decode trie (its dictionary opens with these) is not in the bundle; the asset's path is.
    expect(bundle).not.toContain('decodeTrieDict');
    expect(bundle).not.toContain("!}.&u%}'&}*'~!6*)%&");
    expect(bundle).toContain(HTML_ENTITIES_ASSET);
    const table = await htmlEntityTable();
    expect(JSON.parse(readFileSync(join(WORKER_ASSETS, HTML_ENTITIES_ASSET), 'utf8'))).toEqual(table);
    useHtmlEntities(table);
    const { decodeHTMLStrict } = await entitiesDecode();
    const references = [
      ...Object.keys(table).map((name) => `&${name};`),
      ...['0', '65', '128', '129', '159', '55296', '1114111', '1114112', '123456789', '0000000065', '9'.repeat(30)].map((n) => `&#${n};`),
      ...['0', '80', '81', 'd800', '10FFFF', '110000', 'fffffffff', '0000000041'].map((n) => `&#x${n};`),
      '&bogus;',
      '&ampfoo;',
      '&amp',
      '&#65',
      '&#x;',
      '&AMP;',
      'a &amp; b &lt;c&gt; &#65;&#x42; &notin; &notit;',
    ];
    expect(references.filter((ref) => ours(ref) !== decodeHTMLStrict(ref))).toEqual([]);
  });

  it('serves /v1/openapi.json from the static assets: the document the full @hono/zod-openapi generates, byte for byte', async () => {
    expect(readFileSync(join(WORKER_ASSETS, OPENAPI_DOCUMENT_ASSET), 'utf8')).toBe(await openApiDocument());
    expect(bundle).toContain(OPENAPI_DOCUMENT_ASSET);
  }, 60_000);

  it("carries none of the document's descriptions and summaries (scripts/openapi-text.ts)", () => {
    const document = JSON.parse(readFileSync(join(WORKER_ASSETS, OPENAPI_DOCUMENT_ASSET), 'utf8')) as unknown;
    const texts = new Set<string>();
    const collect = (value: unknown, key?: string): void => {
      if (typeof value === 'string' && (key === 'description' || key === 'summary') && value.length >= 20) texts.add(value);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, Array.isArray(value) ? key : k);
    };
    collect(document);
    expect(texts.size).toBeGreaterThan(500);
    const code = unescaped(bundle);
    expect([...texts].filter((text) => code.includes(text)).map((text) => text.slice(0, 40))).toEqual([]);
  });

  it("leaves the reasons' texts to the static assets (src/lib/reason-texts.ts): the SDK's registry", () => {
    expect(JSON.parse(readFileSync(join(WORKER_ASSETS, REASON_TEXTS_ASSET), 'utf8'))).toEqual(REASONS);
    const code = unescaped(bundle);
    const texts = Object.values(REASONS as Record<string, ReasonText>).flatMap((text) =>
      typeof text === 'string' ? [text] : [text.one, text.other],
    );
    expect(texts.filter((text) => text.length >= 30).length).toBeGreaterThan(200);
    expect(texts.filter((text) => text.length >= 30 && code.includes(text))).toEqual([]);
    expect(bundle).toContain(REASON_TEXTS_ASSET);
  });

  /** The files with code in index.js, as the build's metafile names them (relative to packages/worker). */
  const bundled = () => {
    type Meta = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
    const meta = JSON.parse(readFileSync(join(dirname(WORKER_BUNDLE), 'bundle-meta.json'), 'utf8')) as Meta;
    // The metafile's top-level `inputs` also lists what was read and then shaken out.
    const output = Object.entries(meta.outputs).find(([name]) => name.endsWith('index.js'))?.[1];
    return Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([name]) => name);
  };

  it("carries no OpenAPI generator, nor zod's JSON Schema conversion or compiler (openapi/runtime.ts)", () => {
    const inputs = bundled();
    expect(inputs.some((input) => input.includes('src/openapi/runtime.ts'))).toBe(true);
    const generator =
      /@asteasolutions\/zod-to-openapi|@hono\/zod-openapi|zod\/v4\/core\/compile\.js|zod\/v4\/classic\/from-json-schema\.js/;
    expect(inputs.filter((input) => generator.test(input))).toEqual([]);
    // zod's JSON Schema conversion, in its place the build's stand-in (scripts/bundle.ts); `aggregateChecks` of it stays.
    const conversion = inputs.filter((input) => /zod\/v4\/core\/(to-json-schema|json-schema-processors)\.js$/.test(input));
    expect(conversion.filter((input) => !input.startsWith('zod-without-json-schema:'))).toEqual([
      expect.stringMatching(/json-schema-processors\.js$/),
    ]);
    expect(conversion.filter((input) => input.startsWith('zod-without-json-schema:'))).toHaveLength(2);
  });

  it("carries no jose, nor drizzle's Postgres dialect, nor zod's unused string formats; markdown-it without its renderer", () => {
    const inputs = bundled();
    // Tokens are verified with WebCrypto (src/auth/jwt.ts, jwks.ts).
    expect(inputs.filter((input) => /node_modules\/(?:\.pnpm\/)?jose/.test(input))).toEqual([]);
    expect(inputs.filter((input) => /drizzle-orm\/pg-core\//.test(input) && !input.startsWith('drizzle-without-postgres:'))).toEqual([]);
    expect(bundle).not.toContain('renderToken');
    expect(bundle).toContain('scripts/markdown-it-trim.ts');
    // scripts/zod-string-formats.ts: the classes of the formats it leaves out are gone with them.
    expect(['ZodKSUID', 'ZodCIDRv6', 'ZodE164', 'ZodJWT'].filter((name) => bundle.includes(name))).toEqual([]);
  });

  it('has every member of zod the Worker reaches as z.… in its runtime namespace, and no import of all of zod', () => {
    const worker = join(dirname(WORKER_BUNDLE), '../..');
    const files = bundled().filter((input) => input.startsWith('src/') && input.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    const used = new Set<string>();
    const wholeZod: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(worker, file), 'utf8');
      // Across line breaks: `z\n  .preprocess(…)`.
      for (const [, member] of text.matchAll(/(?<![\w$.])z\s*\.\s*([A-Za-z_$][\w$]*)/g)) used.add(member as string);
      // `import { z } from 'zod'` (a value, not a type) keeps every export of zod.
      if (/^import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/m.test(text)) wholeZod.push(file);
    }
    const { z: zod } = createRequire(join(worker, 'package.json'))('zod') as { z: Record<string, unknown> };
    // zod's type helpers (`z.infer<…>`, `z.input<…>`), which this zod also exports as functions; the Worker uses them as types.
    const typeHelpers = new Set(['infer', 'input', 'output']);
    const values = [...used].filter((member) => member in zod && !typeHelpers.has(member));
    expect(values.length).toBeGreaterThan(15);
    expect(values.filter((member) => !(member in runtimeZod))).toEqual([]);
    expect(wholeZod).toEqual([]);
  });

  it('contains no development route, demo page, demo person or seed', () => {
    expect(markersIn(bundle)).toEqual([]);
  });

  it('would notice each of them, however the bundler escaped it', () => {
    // The check above cannot pass by not finding what is there: every marker, written into
    // a bundle the way esbuild writes strings, is found.
    for (const marker of DEVELOPMENT_MARKERS) {
      expect(markersIn(`var x=${asBundledLiteral(marker)};`), marker).toContain(marker);
    }
    expect(DEVELOPMENT_MARKERS.some((marker) => /[^\x20-\x7e]/.test(marker))).toBe(true);
  });
});
