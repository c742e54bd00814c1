import { describe, expect, it } from 'vitest';
import { demoCardId } from '../../worker/src/dev/demo-data.ts';
import { token, workerFetch } from '../../worker/test/helpers.ts';
import { createClient, isBridgekitError } from '../src/index.ts';

// The Worker's fetch handler; each answer is checked against /v1/openapi.json (worker/test/contract.ts).
const client = (t?: string) => createClient({ baseUrl: 'https://bridgekit.test', tenant: 'demo', token: t, fetch: workerFetch });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isBridgekitError(error)) throw new Error(`Expected a BridgekitError, got ${String(error)}`);
  return error;
}

describe('one search and related content through the SDK', () => {
  it('searches every kind or some, with filters, best first, with snippets and counts', async () => {
    const bk = client(await token({ sub: 'sdk-search', name: 'Sam Searcher' }));
    const all = await bk.search({ q: 'automated invoice matching' });
    expect(all.hits.map((h) => h.kind)).toEqual(expect.arrayContaining(['idea', 'card']));
    expect(all.hits.map((h) => h.id)).toEqual(expect.arrayContaining(['demo-idea-invoice', demoCardId('business-case')]));
    expect(all.counts.idea).toBeGreaterThanOrEqual(1);
    const idea = all.hits.find((h) => h.id === 'demo-idea-invoice');
    if (idea?.kind !== 'idea') throw new Error('no idea hit');
    expect(idea).toMatchObject({ board: 'general', status: { key: 'under_review', category: 'under_review' } });
    for (const [start, end] of idea.snippet.marks)
      expect(idea.snippet.text.slice(start, end).toLowerCase()).toMatch(/^(invoice|match|autom)/);

    // `kinds` travels comma-joined; `limit` and the filters as they are.
    const cards = await bk.search({
      q: 'invoice matching',
      kinds: ['card', 'comment'],
      area: 'value-realization',
      since: '2020-01-01',
      limit: 1,
    });
    expect(cards.hits).toHaveLength(1);
    expect(cards.hits[0]?.kind).toBe('card');
    expect(cards.counts.idea).toBe(0);
    expect((await bk.search({ q: 'invoice', kinds: ['idea'], board: 'people' })).hits).toEqual([]);

    const short = await failure(bk.search({ q: 'x' }));
    expect(short).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(short.details?.[0]).toMatchObject({ path: 'query.q', reason: 'field.too_short' });
  });

  it('lists related items as links, explicit ones first; a 404 for an unknown item', async () => {
    const bk = client();
    const items = await bk.related({ kind: 'idea', id: 'demo-idea-invoice', limit: 20 });
    expect(items.length).toBeGreaterThan(0);
    expect(items).toContainEqual({
      kind: 'card',
      id: demoCardId('business-case'),
      title: expect.any(String),
      relation: 'cited-by',
    });
    const firstSimilar = items.findIndex((i) => i.relation === 'similar');
    if (firstSimilar >= 0) expect(items.slice(firstSimilar).every((i) => i.relation === 'similar')).toBe(true);
    expect(items.map((i) => i.id)).not.toContain('demo-idea-invoice');
    expect(await bk.related({ kind: 'idea', id: 'demo-idea-invoice', limit: 1 })).toHaveLength(1);
    const missing = await failure(bk.related({ kind: 'card', id: 'no-such-card' }));
    expect(missing).toMatchObject({ status: 404, reason: 'not_found.card' });
  });
});
