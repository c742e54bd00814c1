/**
 * One set of rules for the text people read (src/schemas/text.ts), in every field that takes
 * such text: NUL, other controls, unpaired surrogates and bidirectional overrides are refused
 * everywhere; line breaks and other bidirectional controls in one-line fields; blank values where
 * one is needed.
 */

import { NOT_BLANK_PATTERN, textPattern } from '@bridgekit/sdk/text-rules';
import { describe, expect, it } from 'vitest';
import { cleanText, isCleanText, textProblem } from '../src/schemas/text.ts';
import { admin, call, DEMO, errorOf, token } from './helpers.ts';
import { openApiDocument, resolve, type Schema } from './openapi-doc.ts';

const NUL = 'Quarterly\u0000plan';
/** C1 controls: NEL and CSI, which idea titles once took while card fields refused them. */
const C1 = ['Quarterly\u0085plan', 'Quarterly\u009B31mplan'];
const RLO = 'Quarterly plan \u202Efdp.exe';

describe('the text rules', () => {
  it('refuse controls, broken Unicode and overrides everywhere, and more in one line', () => {
    for (const kind of ['line', 'text'] as const) {
      expect(textProblem('a\u0000b', kind)).toMatch(/control/);
      expect(textProblem('a\u0085b', kind)).toMatch(/control/);
      expect(textProblem('a\u009Bb', kind)).toMatch(/control/);
      expect(textProblem('a\uD800b', kind)).toMatch(/surrogate/);
      expect(textProblem(RLO, kind)).toMatch(/bidirectional override/);
      expect(textProblem('Ünïcödé — ok 👍🏽 עברית', kind)).toBeNull();
    }
    expect(textProblem('two\nlines', 'line')).toMatch(/single line/);
    expect(textProblem('two\u2028lines', 'line')).toMatch(/single line/);
    expect(textProblem('a\tb', 'line')).toMatch(/tab/);
    expect(textProblem('isolated \u2067x\u2069', 'line')).toMatch(/bidirectional control/);
    expect(textProblem('two\nlines\tand \u2067isolates\u2069', 'text')).toBeNull();
    expect(isCleanText('fine', 'line')).toBe(true);
  });

  it('clean Markdown sources rather than refuse them', () => {
    expect(cleanText('a\u0000b\u202Ec\uD800\n\td')).toBe('abc\uFFFD\n\td');
  });
});

describe('every free-text field of the API', () => {
  const fields: { name: string; send: (value: string) => Promise<Response> }[] = [
    {
      name: 'idea title',
      send: async (title) =>
        call(`${DEMO}/boards/general/ideas`, { method: 'POST', token: await token(), body: JSON.stringify({ title }) }),
    },
    {
      name: 'card title',
      send: async (title) =>
        call(`${DEMO}/cards`, {
          method: 'POST',
          token: await token(),
          body: JSON.stringify({ templateId: 'business-partner-profile', title, fields: {} }),
        }),
    },
    { name: 'board name', send: (name) => admin(`${DEMO}/boards`, 'POST', { slug: 'text-rules', name }) },
    {
      name: 'board status label',
      send: (label) =>
        admin(`${DEMO}/boards/general`, 'PATCH', {
          statuses: [{ key: 'new', label, category: 'open', requiresReason: false, deflection: false }],
        }),
    },
    { name: 'tenant name', send: (name) => admin(`${DEMO}/settings`, 'PATCH', { name }) },
    { name: 'API key name', send: (name) => admin(`${DEMO}/api-keys`, 'POST', { name, scopes: ['read'] }) },
    { name: 'token name', send: (name) => admin(`${DEMO}/tokens`, 'POST', { sub: 'text-rules', name }) },
    { name: 'token business unit', send: (bu) => admin(`${DEMO}/tokens`, 'POST', { sub: 'text-rules', name: 'Text Rules', bu }) },
    { name: 'new tenant name', send: (name) => admin('https://bridgekit.test/v1/admin/tenants', 'POST', { slug: 'text-rules', name }) },
    {
      name: 'thread title',
      send: async (title) =>
        call(`${DEMO}/threads/comments`, {
          method: 'POST',
          token: await token(),
          body: JSON.stringify({ key: 'text-rules', title, body: 'Hello' }),
        }),
    },
  ];

  for (const field of fields) {
    it(`refuse NUL and a right-to-left override in the ${field.name}, and write nothing`, async () => {
      for (const value of [NUL, RLO]) {
        const res = await field.send(value);
        expect(res.status, `${field.name}: ${JSON.stringify(value)}`).toBe(400);
        const error = await errorOf(res);
        expect(error.code).toBe('validation_failed');
        expect(JSON.stringify(error.details)).toMatch(/control characters|bidirectional override/);
      }
    });
  }

  it('refuse C1 controls (U+0085, U+009B) in idea titles exactly as in card titles and card fields', async () => {
    const sends: [string, (value: string) => Promise<Response>][] = [
      ...fields.slice(0, 2).map((f): [string, (value: string) => Promise<Response>] => [f.name, f.send]),
      [
        'card field',
        async (value) =>
          call(`${DEMO}/cards`, {
            method: 'POST',
            token: await token(),
            body: JSON.stringify({ templateId: 'business-partner-profile', title: 'Partner profile', fields: { partnerName: value } }),
          }),
      ],
    ];
    for (const [name, send] of sends) {
      for (const value of C1) {
        const res = await send(value);
        expect(res.status, `${name}: ${JSON.stringify(value)}`).toBe(400);
        expect(JSON.stringify((await errorOf(res)).details)).toMatch(/field\.control_characters/);
      }
    }
  });

  it('refuse what embed tokens claim when it breaks the rules', async () => {
    const res = await call(`${DEMO}/me`, { token: await token({ sub: 'text-rules-claims', name: RLO }) });
    expect(res.status).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  /** Every string a request can carry (each schema once), with its pattern, found by walking request bodies and parameters. */
  async function requestStrings(): Promise<{ at: string; pattern: string | undefined }[]> {
    const doc = await openApiDocument();
    const found: { at: string; pattern: string | undefined }[] = [];
    const seen = new Set<Schema>();
    const walk = (schema: Schema | undefined, at: string): void => {
      if (!schema || seen.has(schema)) return;
      if (schema.$ref) {
        walk(resolve(doc, schema), at);
        return;
      }
      seen.add(schema);
      const isString = schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
      if (isString && !schema.enum) found.push({ at, pattern: schema.pattern });
      for (const [name, property] of Object.entries(schema.properties ?? {})) walk(property, `${at}.${name}`);
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${at}.*`);
      walk(schema.items, `${at}[]`);
      for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) walk(part, at);
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of operation.parameters ?? []) walk(parameter.schema, `${method} ${path} ${parameter.name}`);
        for (const content of Object.values(operation.requestBody?.content ?? {})) walk(content.schema, `${method} ${path} body`);
      }
    }
    return found;
  }

  it('gives every free-text field of every request one of the patterns of the one text rule', async () => {
    const strings = await requestStrings();
    const rule = new Set([
      textPattern('line', true),
      textPattern('line', false),
      textPattern('text', true),
      textPattern('text', false),
      NOT_BLANK_PATTERN,
    ]);
    // A pattern that refuses characters by code (`[^…\u0085…]`, `\x9b`, `\p{Cc}`) or speaks of blankness (`\S`) is a
    // text rule; each must be the one. (Identifier patterns — `kind:id` references, OAuth scopes — are neither.)
    const REFUSES_BY_CODE = /\[\^(?:[^\]\\]|\\[^ux]|\\p\{)*\\(?:u|x|p\{)/;
    const textual = strings.filter((s) => s.pattern !== undefined && (REFUSES_BY_CODE.test(s.pattern) || /\\S/.test(s.pattern)));
    expect(textual.length).toBeGreaterThan(40);
    expect(textual.filter((s) => !rule.has(s.pattern ?? '')).map((s) => s.at)).toEqual([]);
    // And every field named like prose carries one — unless an identifier pattern says it is an id (a benefit's
    // `objective` names an objective by id, where an idea's `objective` is prose).
    const PROSE = /\.(title|name|description|label|summary|reason|note|body|help|problem|beneficiary|objective|bu|email)$/;
    const IDENTIFIER = '^[A-Za-z0-9_-]+$';
    expect(strings.filter((s) => PROSE.test(s.at) && s.pattern !== IDENTIFIER && !rule.has(s.pattern ?? '')).map((s) => s.at)).toEqual([]);
  });
});
