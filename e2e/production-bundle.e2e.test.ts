import { readFile } from 'node:fs/promises';
import { type BridgekitClient, createClient, isBridgekitError } from '@bridgekit/sdk';
import { formatReason } from '@bridgekit/sdk/reasons';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEmbedToken } from '../examples/plain-html/embed-token.ts';
import { type DevServer, startDevServer } from '../packages/worker/scripts/dev-server.ts';
import { DEMO_KID, DEMO_USERS } from '../packages/worker/src/dev/demo-data.ts';
import { TEST_DEV_SECRET } from './dev-secret.ts';

const built = (path: string) => new URL(`../packages/worker/dist/${path}`, import.meta.url);

/**
 * The Worker as it is deployed: the build's dist/bundle/index.js (OpenAPI-only text stripped,
 * zod's JSON Schema conversion stubbed, the reasons' texts read from a static asset) under
 * `wrangler dev --env "" --no-bundle`, with the demo data. Every other test runs the sources, so a
 * build transform that drops something the Worker needs would fail only here. Production has no
 * token minting: the demo people sign in as a host page signs them in, with the embed secret.
 */
describe('the production bundle, as deployed', () => {
  let server: DevServer;
  let baseUrl: string;
  const as = (key: string): BridgekitClient => {
    const person = DEMO_USERS.find((user) => user.key === key);
    if (!person) throw new Error(`no demo user ${key}`);
    const claims = { sub: person.subject, name: person.name, email: person.email, bu: person.businessUnit };
    const token = signEmbedToken(claims, TEST_DEV_SECRET, { kid: DEMO_KID });
    return createClient({ baseUrl, tenant: 'demo', token: async () => token });
  };

  beforeAll(async () => {
    server = await startDevServer({ production: true });
    baseUrl = server.url;
  }, 120_000);
  afterAll(() => server?.stop());

  it('is the production entry: no demo page, no token minting', async () => {
    expect((await fetch(`${baseUrl}/demo/`)).status).toBe(404);
    const res = await fetch(`${baseUrl}/v1/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'demo', user: 'mei' }),
    });
    expect(res.status).toBe(404);
  });

  it('serves the OpenAPI document the build wrote, byte for byte', async () => {
    const res = await fetch(`${baseUrl}/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(built('assets/openapi/v1.json')))).toBe(true);
  });

  it('answers a bad request with the one error shape and its English text', async () => {
    const res = await fetch(`${baseUrl}/v1/tenants/demo/boards/general/ideas?sort=loudest`);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; reason: string; message: string; details: { message: string }[] } };
    expect(error).toMatchObject({ code: 'validation_failed', reason: 'validation_failed.fields' });
    expect(error.message).toMatch(/^The request is not valid — /);
    expect(error.details.length).toBeGreaterThan(0);

    const err = await as('mei')
      .ideas.create({ board: 'general', title: '' })
      .catch((e: unknown) => e);
    if (!isBridgekitError(err) || !err.reason) throw new Error(`expected a validation error, got ${String(err)}`);
    expect(err.status).toBe(400);
    expect(err.message).toBe(formatReason(err.reason, err.params));
    expect(err.message).not.toContain(err.reason);
  });

  it('lists, opens and backs an idea', async () => {
    const tomas = as('tomas');
    const { items } = await tomas.ideas.list({ board: 'general', sort: 'top' });
    const idea = items.find((item) => !item.voted);
    if (!idea) throw new Error('Tomás has backed every idea on the general board');
    const view = await tomas.ideas.view(idea.id);
    expect(view.idea).toMatchObject({ id: idea.id, title: idea.title, votes: idea.votes });
    expect(await tomas.ideas.vote(idea.id)).toMatchObject({ votes: idea.votes + 1, voted: true });
    expect(await tomas.ideas.get(idea.id)).toMatchObject({ votes: idea.votes + 1, voted: true });
  });

  it('posts a comment and reads it back rendered', async () => {
    const key = `production-bundle-${Date.now()}`;
    const posted = await as('priya').threads.post({ key, title: 'The deployed bundle', body: 'Ship **it** &copy; Contoso' });
    expect(posted.html).toContain('<strong>it</strong> © Contoso');
    const page = await as('lukas').threads.page({ key });
    expect(page.thread?.title).toBe('The deployed bundle');
    expect(page.items.map((comment) => [comment.id, comment.author?.name])).toEqual([[posted.id, 'Priya Raman']]);
  });

  it('saves a practice card and reads the new version', async () => {
    const owner = as('mei');
    const { items } = await owner.cards.list({ owner: 'me' });
    const summary = items[0];
    if (!summary) throw new Error('Mei owns no practice card in the demo data');
    const card = await owner.cards.get(summary.id);
    const saved = await owner.cards.update(card.id, {
      title: card.title,
      summary: 'Saved by the production bundle test.',
      fields: card.fields,
      baseVersion: card.version,
    });
    expect(saved.version).toBe(card.version + 1);
    expect(await owner.cards.get(card.id)).toMatchObject({ version: card.version + 1, summary: 'Saved by the production bundle test.' });
  });

  it('searches ideas, cards and discussions', async () => {
    const { hits, counts } = await as('amara').search({ q: 'catalogue' });
    expect(hits.length).toBeGreaterThan(0);
    expect(counts.card).toBeGreaterThan(0);
  });

  it("shows the CIO every unit's insights", async () => {
    const { units } = await as('sofia').insights.overview();
    expect(units.length).toBeGreaterThan(0);
  });

  it('serves the embed loader', async () => {
    const res = await fetch(`${baseUrl}/embed.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toBe(await readFile(built('assets/embed.js'), 'utf8'));
  });
});
