import { describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../../worker/src/cards/templates/examples.ts';
import { token, workerFetch } from '../../worker/test/helpers.ts';
import { createClient, isBridgekitError } from '../src/index.ts';

// The Worker's fetch handler; each answer is checked against /v1/openapi.json (worker/test/contract.ts).
const worker = workerFetch;
const as = async (sub: string, name = sub) =>
  createClient({ baseUrl: 'https://bridgekit.test', tenant: 'demo', token: await token({ sub, name }), fetch: worker });

describe('practice cards through the SDK', () => {
  it('creates, searches, saves with version checks, diffs, restores, exports and counts usefulness', async () => {
    const ana = await as('sdk-cards-ana', 'Ana Cardoso');
    const ben = await as('sdk-cards-ben', 'Ben Okoro');
    const templates = await ana.templates.list();
    expect(templates.length).toBeGreaterThanOrEqual(6);
    const example = EXAMPLE_CARDS['business-case'];
    if (!example) throw new Error('no example');

    const card = await ana.cards.create({ templateId: 'business-case', ...example, title: 'Business case for onboarding automation' });
    expect(card).toMatchObject({ version: 1, owner: { name: 'Ana Cardoso' } });

    const found = await ben.cards.list({ q: 'onboarding automations' });
    expect(found.items.map((c) => c.id)).toContain(card.id);

    const saved = await ben.cards.update(card.id, { title: 'Business case: onboarding automation', fields: card.fields, baseVersion: 1 });
    expect(saved.version).toBe(2);
    const stale = await ana.cards.update(card.id, { title: 'Mine', fields: card.fields, baseVersion: 1 }).catch((e: unknown) => e);
    expect(isBridgekitError(stale) && stale.status === 409 && stale.code === 'conflict').toBe(true);

    expect((await ana.cards.versions(card.id)).map((v) => v.version)).toEqual([2, 1]);
    expect((await ana.cards.version(card.id, 1)).title).toBe('Business case for onboarding automation');
    expect((await ana.cards.diff(card.id, 1, 2)).changes.map((c) => c.path)).toEqual(['title']);
    expect((await ana.cards.restore(card.id, 1, 2)).title).toBe('Business case for onboarding automation');

    const markdown = await ana.cards.export(card.id, 'markdown');
    expect(markdown.startsWith('# Business case for onboarding automation')).toBe(true);
    expect((await ana.cards.export(card.id, 'json')).template.id).toBe('business-case');

    expect((await ben.cards.helped(card.id)).helpedCount).toBe(1);
    await ben.cards.view(card.id);
    expect((await ben.cards.get(card.id)).viewCount).toBe(1);
    expect((await ana.cards.links(card.id)).threads).toEqual([]);
    expect((await ana.practiceAreas()).length).toBe(8);
    expect((await ana.cards.reviewQueue()).items).toEqual([]);
  });
});
