/**
 * One set of rules for the text people read (src/schemas/text.ts), in every field that takes
 * such text: NUL, other controls, unpaired surrogates and bidirectional overrides are refused
 * everywhere; line breaks and other bidirectional controls in one-line fields; blank values where
 * one is needed.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, isCleanText, textProblem } from '../src/schemas/text.ts';
import { admin, call, DEMO, errorOf, token } from './helpers.ts';

const NUL = 'Quarterly\u0000plan';
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

  it('refuse what embed tokens claim when it breaks the rules', async () => {
    const res = await call(`${DEMO}/me`, { token: await token({ sub: 'text-rules-claims', name: RLO }) });
    expect(res.status).toBe(401);
  });
});
