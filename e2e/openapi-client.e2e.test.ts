/**
 * `/v1/openapi.json` through the tools its users point at it: Redocly's recommended ruleset
 * finds no error (and only the warnings docs/api.md lists as kept), openapi-typescript's output
 * compiles under `tsc --strict` without `skipLibCheck`, and a client built on it with
 * openapi-fetch (openapi-client/client.ts) works against the dev server.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { demoUserToken, mintDemoToken } from './host.ts';

const base = inject('baseUrl');
const CLIENT = new URL('./openapi-client/client.ts', import.meta.url);
// Git-ignored: written here on every run, so the client's import finds it.
const GENERATED = new URL('./openapi-client/generated/', import.meta.url);

let source = '';

/** What the test reads of `tour`'s result (the client is imported by URL: its types exist only once generated). */
interface Tour {
  idea: { id: string };
  first: { id: string };
  reply: { id: string };
  card: { id: string };
  [step: string]: unknown;
}

beforeAll(async () => {
  const res = await fetch(`${base}/v1/openapi.json`);
  expect(res.status).toBe(200);
  source = await res.text();
});

describe('the API description, as its users’ tools see it', () => {
  it('passes Redocly’s recommended ruleset: no error, and only the warnings docs/api.md keeps', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: `${base}/v1/openapi.json`, config });
    const describe = (p: (typeof problems)[number]) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`;
    expect(problems.filter((p) => p.severity === 'error').map(describe)).toEqual([]);
    // docs/api.md, "Kept lint warnings": one line per rule, `rule-id` first.
    const docs = readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('### Kept lint warnings'));
    const kept = new Set([...section.matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1]));
    expect(problems.filter((p) => p.severity === 'warn' && !kept.has(p.ruleId)).map(describe)).toEqual([]);
  });

  it('generates types with openapi-typescript that compile under tsc --strict, skipLibCheck off, with the client built on them', async () => {
    const types = astToString(await openapiTS(JSON.parse(source)));
    mkdirSync(GENERATED, { recursive: true });
    writeFileSync(new URL('bridgekit-api.d.ts', GENERATED), types);
    expect(types).toContain('operations');
    const program = ts.createProgram([CLIENT.pathname], {
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.split('/').slice(-2).join('/')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  });

  it('drives boards, ideas, votes, threads, comments, cards and search through openapi-fetch, against the real Worker', async () => {
    // Loaded after the test above wrote the types it imports; by URL, so that the repository's own
    // type check (which runs before they exist) does not follow it.
    const { tour } = (await import(CLIENT.href)) as { tour: (base: string, token: string, moderator: string) => Promise<Tour> };
    const result = await tour(base, await mintDemoToken(base, 'Generated Client'), await demoUserToken(base, 'mei'));
    expect(result.boards).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ slug: 'general' })]) });
    expect(result.idea).toMatchObject({ board: 'general', author: { name: 'Generated Client' }, moderation: { state: 'published' } });
    expect(result.vote).toMatchObject({ votes: 1, voted: true, myVotes: 1, budget: null });
    expect(result.page).toMatchObject({ items: [{ id: result.idea.id, voted: true }, ...Array(4).fill(expect.anything())] });
    expect(result.overLimit).toMatchObject({ error: { code: 'vote_budget_exceeded' } });
    expect(result.withinLimit).toMatchObject({ myVotes: 3, budget: { perIdea: 3, used: 3 } });

    expect(result.reply).toMatchObject({ parentId: result.first.id, html: '<p>We did, with <strong>Finance</strong>.</p>' });
    expect(result.removal).toBe(204);
    // The removed comment stays as the placeholder its reply hangs from, with `author: null`.
    expect(result.thread).toMatchObject({
      thread: { key: expect.stringMatching(/^generated-client-/) },
      items: [
        {
          id: result.first.id,
          state: 'removed',
          author: null,
          body: null,
          replies: [{ id: result.reply.id, author: { name: 'Generated Client' } }],
        },
      ],
    });
    expect(result.me).toEqual({
      tenant: { slug: 'demo', name: expect.any(String) },
      user: null,
      pages: {},
      demandClasses: expect.any(Array),
    });

    expect(result.card).toMatchObject({
      templateId: 'business-case',
      version: 1,
      fields: { costs: { project: { amount: 40000, currency: 'EUR' } } },
    });
    expect(result.saved).toMatchObject({ version: 2, fields: { decisionStatus: 'submitted' } });
    expect(result.diff).toMatchObject({
      from: 1,
      to: 2,
      changes: expect.arrayContaining([
        expect.objectContaining({ path: 'decisionStatus', change: 'added', before: null, after: 'submitted' }),
      ]),
    });
    expect(result.found).toMatchObject({ items: [{ id: result.card.id, snippet: expect.stringContaining('<mark>') }] });
  });
});
