import type { SimilarIdea } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchQuery } from '../src/store/search.ts';
import { admin, call, DEMO, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const similar = async (q: string, board = 'general', tenant = 'demo', t?: string) =>
  (
    await json<{ items: SimilarIdea[] }>(
      await call(`${ORIGIN}/v1/tenants/${tenant}/boards/${board}/ideas/similar?q=${encodeURIComponent(q)}`, t ? { token: t } : {}),
    )
  ).items;

beforeAll(async () => {
  await seedOtherTenant();
});

describe('duplicate suggestions', () => {
  it('find "Automating invoices…" from "automate invoice matching" (stemming)', async () => {
    const items = await similar('automate invoice matching');
    expect(items[0]).toMatchObject({
      id: 'demo-idea-invoice',
      title: 'Automate invoice matching in accounts payable',
      status: { label: 'Under review' },
    });
    const created = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: await token(),
      body: JSON.stringify({ title: 'Automating invoices for subsidiaries' }),
    });
    expect(created.status).toBe(201);
    expect((await similar('automate invoice matching')).map((i) => i.title)).toContain('Automating invoices for subsidiaries');
  });

  it('match a word still being typed', async () => {
    expect((await similar('replenish')).map((i) => i.id)).toContain('demo-idea-replenishment');
    expect((await similar('predic')).map((i) => i.id)).toContain('demo-idea-replenishment');
  });

  it('include closed ideas, with their status', async () => {
    const items = await similar('expense tool', 'finance-ops');
    expect(items[0]).toMatchObject({
      id: 'demo-idea-expenses',
      closed: true,
      status: { key: 'already_available', label: 'Already available' },
    });
  });

  it("never return another tenant's ideas", async () => {
    // The other tenant has an idea titled "Fabrikam confidential plan" on its own "general" board.
    expect(await similar('confidential plan')).toEqual([]);
    const otherToken = await token({ secret: 'other-tenant-secret-0123456789abcdef', kid: 'k1' });
    expect((await similar('confidential plan', 'general', 'other', otherToken)).map((i) => i.title)).toEqual([
      'Fabrikam confidential plan',
    ]);
    expect((await similar('invoice', 'general', 'other', otherToken)).map((i) => i.title)).toEqual([]);
  });

  it('stay on their board and leave merged duplicates out', async () => {
    expect((await similar('onboarding checklist')).map((i) => i.id)).not.toContain('demo-idea-onboarding');
    expect((await similar('onboarding checklist', 'people')).map((i) => i.id)).toEqual(['demo-idea-onboarding']);
  });

  it('are safe with any text: no query syntax gets through', async () => {
    for (const q of [
      '"',
      'NEAR(a b)',
      'title:secret',
      'a OR b AND NOT c',
      '*',
      '^invoice',
      "'; drop table ideas; --",
      '🙂 ünïcödé invoice',
    ]) {
      const res = await call(`${DEMO}/boards/general/ideas/similar?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    expect(matchQuery('NEAR(a b) "x" title:secret')).toBe('"near" OR "near"* OR "title" OR "title"* OR "secret" OR "secret"*');
    expect(matchQuery('a b')).toBeNull();
  });

  it('404 for an unknown board', async () => {
    expect((await call(`${DEMO}/boards/nope/ideas/similar?q=invoice`)).status).toBe(404);
  });

  it('cost one query whatever the board size', async () => {
    // Shown by the query-budget test for list; here: a large board answers the same way.
    await admin(`${DEMO}/boards`, 'POST', { slug: 'big', name: 'Big' });
    expect(await similar('anything', 'big')).toEqual([]);
  });
});
