/**
 * Schema-driven fuzzing: for every operation of `/v1/openapi.json`, malformed and boundary
 * requests — each path and query parameter replaced by broken, huge and Unicode-edge values,
 * bodies of the wrong JSON type, missing and unknown fields, each field of the wrong type or an
 * edge value, invalid JSON, invalid UTF-8, the wrong content types, oversized and deeply nested
 * bodies, and malformed credentials — at least 30 per operation. Every answer must be below
 * 500, every error the one error shape with a known code, and no answer of 4xx may have changed
 * a single row of the database.
 */
import { env } from 'cloudflare:workers';
import { ERROR_CODES } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { concretePath, REQUEST_BODIES } from './api-routes.ts';
import { admin, call, DEMO, json, ORIGIN, platformToken, token } from './helpers.ts';
import { type OpenApi, type Operation, openApiDocument, resolve, type Schema } from './openapi-doc.ts';

/** One malformed request, relative to the operation's valid one. */
interface Mutation {
  name: string;
  path?: string;
  query?: string;
  body?: BodyInit | null;
  contentType?: string | null;
  authorization?: string | null;
  headers?: Record<string, string>;
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);

// Path parameter values that are wrong in every way a client can be wrong.
const BAD_SEGMENTS: [string, string][] = [
  ['invalid percent-encoding', '%E0%A4%A'],
  ['a lone percent sign', '%'],
  ['percent-encoded NUL', '%00'],
  ['percent-encoded lone surrogate', '%ED%A0%80'],
  ['an emoji and a right-to-left override', '%F0%9F%98%80%E2%80%AE'],
  ['a 3,000-character segment', 'a'.repeat(3000)],
  ['an encoded slash', 'a%2Fb'],
  ['dots', '%2E%2E'],
  ['upper case', 'DEMO'],
  ['a Cyrillic look-alike', 'd%D0%B5mo'],
  ['spaces', 'a%20b'],
];

const BAD_QUERIES: [string, string][] = [
  ['an unknown parameter', 'zz=1'],
  ['invalid percent-encoding in a value', 'q=%E0%A4%A'],
  ['a negative limit', 'limit=-1'],
  ['a huge limit', 'limit=99999999999999999999'],
  ['a cursor of garbage', 'cursor=%FF%FE'],
  ['markup as a sort', 'sort=%3Cscript%3E'],
  ['a 5,000-character search', `q=${'a'.repeat(5000)}`],
  ['a zero limit', 'limit=0'],
  ['a fractional limit', 'limit=1.5'],
  ['a 1,000-character cursor', `cursor=${'A'.repeat(1000)}`],
  ['array syntax', 'q[]=a&q[]=b'],
  ['a __proto__ parameter', '__proto__=1&constructor=x'],
  ['an overlong UTF-8 slash', 'q=%C0%AF'],
  ['an empty name', '=x'],
];

const ODD_HEADERS: [string, Record<string, string>][] = [
  ['a foreign origin', { origin: 'https://evil.example' }],
  ['the null origin', { origin: 'null' }],
  ['a method override', { 'x-http-method-override': 'DELETE' }],
  ['an HTML accept header', { accept: 'text/html' }],
  ['a client address that is not one', { 'cf-connecting-ip': 'not-an-address' }],
  ['a charset the API does not speak', { 'accept-charset': 'utf-7' }],
  ['a forwarded host', { 'x-forwarded-host': 'evil.example', forwarded: 'host=evil.example' }],
];

const EDGE_VALUES: [string, unknown][] = [
  ['a number', 123],
  ['true', true],
  ['an array', []],
  ['an object', {}],
  ['null', null],
  ['an empty string', ''],
  ['whitespace only', '   \t '],
  ['a NUL character', 'a\u0000b'],
  ['a lone surrogate', 'a\ud800b'],
  ['a right-to-left override', 'abc\u202Edef'],
  ['a 20,000-character string', 'x'.repeat(20_000)],
  ['a huge number', 1e308],
  ['a negative number', -1],
  ['a fraction', 1.5],
];

const BAD_CREDENTIALS: [string, string][] = [
  ['Bearer with no token', 'Bearer'],
  ['Bearer with a malformed JWT', 'Bearer a.b.c'],
  ['Basic authentication', 'Basic dXNlcjpwYXNz'],
  ['an 8 KB token', `Bearer ${'x'.repeat(8000)}`],
  ['an unsigned JWT', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'],
  ['an API key of the wrong shape', 'Bearer bk_not-a-key'],
  ['two bearer tokens', 'Bearer a, Bearer b'],
  ['a token with a line break encoded', 'Bearer abc%0Adef'],
  ['lower-case bearer and no space', 'bearer'],
];

/** The top-level properties of a JSON body schema (through $ref, anyOf/oneOf/allOf). */
function bodyProperties(doc: OpenApi, schema: Schema | undefined): string[] {
  const s = resolve(doc, schema);
  if (!s) return [];
  const own = Object.keys(s.properties ?? {});
  const nested = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].flatMap((x) => bodyProperties(doc, x));
  return [...new Set([...own, ...nested])];
}

/**
 * Counts every row written from now on: a trigger on each table (FTS shadow tables aside, which
 * change only through their content tables' triggers) bumps one counter. Reading it is one query,
 * so every answer can be checked; a write that stores the same value counts too.
 */
async function watchWrites(): Promise<() => Promise<number>> {
  const { results } = await env.DB.prepare("select name, sql from sqlite_master where type = 'table'").all<{ name: string; sql: string }>();
  const virtual = results.filter((t) => /^create virtual/i.test(t.sql)).map((t) => t.name);
  const tables = results
    .map((t) => t.name)
    // cache_versions holds no data: a refused write's batch may still bump a stamp, which costs one cache miss.
    .filter(
      (name) => !/^(sqlite_|_cf_|d1_migrations|cache_versions$)/.test(name) && !virtual.some((v) => name === v || name.startsWith(`${v}_`)),
    );
  await env.DB.batch([
    env.DB.prepare('create table fuzz_writes (n integer not null)'),
    env.DB.prepare('insert into fuzz_writes (n) values (0)'),
    ...tables.flatMap((table) =>
      ['insert', 'update', 'delete'].map((event) =>
        env.DB.prepare(`create trigger "fuzz_${table}_${event}" after ${event} on "${table}" begin update fuzz_writes set n = n + 1; end`),
      ),
    ),
  ]);
  return async () => (await env.DB.prepare('select n from fuzz_writes').first<{ n: number }>())?.n ?? 0;
}

function mutationsFor(doc: OpenApi, method: string, template: string, operation: Operation): Mutation[] {
  const mutations: Mutation[] = [];
  const params = operation.parameters ?? [];
  for (const param of params.filter((p) => p.in === 'path')) {
    for (const [name, value] of BAD_SEGMENTS)
      mutations.push({ name: `{${param.name}} as ${name}`, path: template.replace(`{${param.name}}`, value) });
  }
  for (const param of params.filter((p) => p.in === 'query')) {
    for (const [name, value] of [
      ['a 5,000-character value', 'a'.repeat(5000)],
      ['invalid percent-encoding', '%E0%A4%A'],
      ['an empty value', ''],
      ['not a number', 'x1'],
      ['an encoded NUL', '%00'],
    ]) {
      mutations.push({ name: `?${param.name} as ${name}`, query: `${param.name}=${value}` });
    }
    mutations.push({ name: `?${param.name} twice`, query: `${param.name}=a&${param.name}=b` });
  }
  for (const [name, query] of BAD_QUERIES) mutations.push({ name: `query with ${name}`, query });
  for (const [name, authorization] of BAD_CREDENTIALS) mutations.push({ name: `credentials: ${name}`, authorization });
  for (const [name, headers] of ODD_HEADERS) mutations.push({ name: `headers: ${name}`, headers });

  if (!operation.requestBody) {
    if (method !== 'GET' && method !== 'HEAD')
      mutations.push({ name: 'an unexpected body as text', body: 'surprise', contentType: 'text/plain' });
    return mutations;
  }
  const valid = REQUEST_BODIES[`${method} ${template}`] ?? {};
  const schema = operation.requestBody.content['application/json']?.schema;
  const encoded = (value: unknown) => JSON.stringify(value);
  mutations.push(
    { name: 'no body', body: null },
    { name: 'an empty body', body: '' },
    { name: 'invalid JSON', body: '{"title": ' },
    { name: 'a JSON array', body: '[]' },
    { name: 'a JSON string', body: '"x"' },
    { name: 'JSON null', body: 'null' },
    { name: 'a JSON number', body: '42' },
    { name: 'an empty object', body: '{}' },
    { name: 'an unknown field', body: encoded({ ...valid, zzUnknown: 1 }) },
    { name: 'a __proto__ field', body: `{"__proto__": {"admin": true}, ${encoded(valid).slice(1)}` },
    { name: 'text/plain', body: encoded(valid), contentType: 'text/plain' },
    { name: 'a form body', body: 'title=x&body=y', contentType: 'application/x-www-form-urlencoded' },
    { name: 'no content type', body: encoded(valid), contentType: null },
    { name: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { name: 'a 70 KB body', body: encoded({ ...valid, padding: 'x'.repeat(70 * 1024) }) },
    { name: '5,000 levels of nesting', body: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` },
  );
  for (const property of bodyProperties(doc, schema)) {
    for (const [name, value] of EDGE_VALUES)
      mutations.push({ name: `.${property} as ${name}`, body: encoded({ ...valid, [property]: value }) });
    const { [property]: _dropped, ...without } = valid;
    mutations.push({ name: `without .${property}`, body: encoded(without) });
  }
  return mutations;
}

const doc = await openApiDocument();
const operations = Object.entries(doc.paths).flatMap(([template, ops]) =>
  Object.entries(ops).map(([method, operation]) => ({ method: method.toUpperCase(), template, operation })),
);

describe('fuzzing every operation of the API', () => {
  let apiKeyId = '';
  let n = 0;
  let writes: () => Promise<number>;

  beforeAll(async () => {
    // Admin role from the token's own claims, so each operation gets a fresh person (no write limit shared).
    await admin(`${DEMO}/settings`, 'PATCH', {
      roleMapping: { claim: 'roles', moderator: ['Mod'], admin: ['Admin'], applyToEmbedTokens: true },
    });
    apiKeyId = (await json<{ id: string }>(await admin(`${DEMO}/api-keys`, 'POST', { name: 'Fuzz target', scopes: ['read'] }))).id;
    writes = await watchWrites();
  });

  it('covers every operation, and notices a write', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(80);
    const before = await writes();
    await admin(`${DEMO}/origins`, 'POST', { origin: 'https://noticed.example' });
    expect(await writes()).toBeGreaterThan(before);
  });

  for (const { method, template, operation } of operations) {
    it(`${method} ${template}`, { timeout: 60_000 }, async () => {
      const person = `fuzz|${++n}`;
      const authorization = template.startsWith('/v1/admin/')
        ? `Bearer ${platformToken()}`
        : `Bearer ${await token({ sub: person, name: 'Fuzz Admin', extra: { roles: ['Admin', 'Mod'] } })}`;
      const address = `198.51.100.${n % 250}`;
      const mutations = mutationsFor(doc, method, template, operation);
      expect(mutations.length, 'at least 30 malformed requests').toBeGreaterThanOrEqual(30);
      let before = await writes();
      const failures: string[] = [];
      for (const mutation of mutations) {
        const path = concretePath(mutation.path ?? template, { tenant: 'demo', apiKeyId, subject: 'fuzz|subject' });
        const url = `${ORIGIN}${path}${mutation.query ? `?${mutation.query}` : ''}`;
        const headers = new Headers({ 'cf-connecting-ip': address, ...mutation.headers });
        const credential = mutation.authorization === undefined ? authorization : mutation.authorization;
        if (credential) headers.set('authorization', credential);
        const body =
          mutation.body === undefined
            ? operation.requestBody
              ? JSON.stringify(REQUEST_BODIES[`${method} ${template}`] ?? {})
              : undefined
            : mutation.body;
        if (body !== undefined && body !== null && mutation.contentType !== null)
          headers.set('content-type', mutation.contentType ?? 'application/json');
        const res = await call(url, { method, headers, ...(body === undefined || body === null || method === 'GET' ? {} : { body }) });
        const label = `${mutation.name} → ${res.status}`;
        const text = await res.text();
        if (res.status >= 500) failures.push(`${label}: ${text.slice(0, 200)}`);
        if (res.status >= 400) {
          let error: { code?: unknown; message?: unknown } | undefined;
          try {
            error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
          } catch {
            failures.push(`${label}: not JSON: ${text.slice(0, 100)}`);
          }
          if (error && (!KNOWN_CODES.has(String(error.code)) || typeof error.message !== 'string' || error.message.length < 10)) {
            failures.push(`${label}: not the error shape: ${text.slice(0, 200)}`);
          }
          const after = await writes();
          if (after !== before) failures.push(`${label}: a ${res.status} wrote ${after - before} row(s)`);
          before = after;
        } else {
          // A mutation that happened to be valid: its change is the new starting point.
          before = await writes();
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
