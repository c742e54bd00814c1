import { env } from 'cloudflare:workers';
import type { Idea, Page } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { voteWeight } from '../src/domain/trending.ts';
import { admin, call, DEMO, errorOf, json, token } from './helpers.ts';

const evaluator = () => token({ sub: 'eva', name: 'Eva', extra: { roles: ['Bridgekit.Evaluator'] } });

beforeAll(async () => {
  await admin(`${DEMO}/settings`, 'PATCH', {
    roleMapping: { claim: 'roles', evaluator: ['Bridgekit.Evaluator'], moderator: [], admin: [], applyToEmbedTokens: true },
  });
});

describe('trending', () => {
  it('ranks recent support above older, larger support', async () => {
    await admin(`${DEMO}/boards`, 'POST', { slug: 'trend', name: 'Trend' });
    const post = async (title: string) =>
      json<Idea>(
        await call(`${DEMO}/boards/trend/ideas`, {
          method: 'POST',
          token: await token({ sub: 'poster' }),
          body: JSON.stringify({ title }),
        }),
      );
    const old = await post('Old favourite');
    const fresh = await post('Fresh interest');
    for (let i = 0; i < 5; i++) await call(`${DEMO}/ideas/${old.id}/vote`, { method: 'PUT', token: await token({ sub: `old-${i}` }) });
    for (let i = 0; i < 3; i++) await call(`${DEMO}/ideas/${fresh.id}/vote`, { method: 'PUT', token: await token({ sub: `new-${i}` }) });
    // Age the old favourite's votes by four weeks (four half-lives), as if cast then.
    const monthAgo = Date.now() - 28 * 24 * 3600 * 1000;
    await env.DB.prepare('update votes set weight = ?, created_at = ? where idea_id = ?')
      .bind(voteWeight(1, monthAgo), monthAgo, old.id)
      .run();
    await env.DB.prepare('update ideas set trend_score = (select sum(weight) from votes where idea_id = ideas.id) where id = ?')
      .bind(old.id)
      .run();

    const top = await json<Page<Idea>>(await call(`${DEMO}/boards/trend/ideas?sort=top`));
    expect(top.items.map((i) => i.title)).toEqual(['Old favourite', 'Fresh interest']);
    const trending = await json<Page<Idea>>(await call(`${DEMO}/boards/trend/ideas?sort=trending`));
    expect(trending.items.map((i) => i.title)).toEqual(['Fresh interest', 'Old favourite']);
  });

  it('filters by status category', async () => {
    const page = await json<Page<Idea>>(await call(`${DEMO}/boards/general/ideas?category=planned,under_review`));
    expect(page.items.map((i) => i.status.category).every((c) => c === 'planned' || c === 'under_review')).toBe(true);
    expect(page.items.length).toBeGreaterThan(0);
    const bad = await call(`${DEMO}/boards/general/ideas?category=shipped`);
    expect(bad.status).toBe(400);
  });
});

/** The rows of an RFC 4180 CSV text, each a list of its cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('export for the portfolio process', () => {
  it('gives every idea as CSV with its business case, status, support and scores; formulas neutralised', async () => {
    await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: await token({ sub: 'tricky' }),
      body: JSON.stringify({ title: '=HYPERLINK("http://evil.example","click")', description: 'Line one\nline "two", with comma' }),
    });
    // Recorded on a leader's behalf by an evaluator whose name a spreadsheet would run, then scored and edited after.
    const recorder = await token({ sub: 'export-recorder', name: '@Rita Recorder', extra: { roles: ['Bridgekit.Evaluator'] } });
    const recordedRes = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: recorder,
      body: JSON.stringify({ title: 'Board pack in one click', onBehalfOf: { name: 'Lee Leader', email: 'lee@contoso-export.example' } }),
    });
    expect(recordedRes.status).toBe(201);
    const recorded = await json<Idea>(recordedRes);
    const scores = {
      impact: 4,
      financial: 3,
      strategic_alignment: 3,
      size: 'M',
      new_technology: false,
      third_party: true,
      ways_of_working: false,
    };
    const scored = await call(`${DEMO}/ideas/${recorded.id}/score`, {
      method: 'PUT',
      token: await evaluator(),
      body: JSON.stringify({ scores }),
    });
    expect(scored.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edited = await call(`${DEMO}/ideas/${recorded.id}`, {
      method: 'PATCH',
      token: recorder,
      body: JSON.stringify({ title: 'Board pack in two clicks' }),
    });
    expect((await json<Idea>(edited)).scoreOutdated).toBe(true);

    const res = await call(`${DEMO}/boards/general/export`, { token: await evaluator() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="general-\d{4}-\d{2}-\d{2}\.csv"$/);
    const csv = await res.text();
    const [header, ...rows] = parseCsv(csv);
    expect(header?.join(',')).toBe(
      'id,title,lane,status,status_category,status_reason,status_link,deflection,outcome,revisit_on,need_met,votes,supporters,business_units,value,effort,risk,value_per_effort,evaluations,score_outdated,problem,beneficiary,unit,impacted_units,value_type,effort_size,objective,author,author_business_unit,recorded_by,created_at,description',
    );
    expect(rows.every((r) => r.length === header?.length)).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain('"Line one\nline ""two"", with comma"');
    const byId = (id: string) => {
      const row = rows.find((r) => r[0] === id) ?? [];
      return Object.fromEntries((header ?? []).map((name, i) => [name, row[i]]));
    };
    expect(byId('demo-idea-invoice')).toMatchObject({
      status: 'Under review',
      status_category: 'under_review',
      problem: 'Manual three-way matching takes three people most of each week.',
      beneficiary: 'Finance',
      unit: 'finance',
      impacted_units: '',
      value_type: 'cost',
      effort_size: 'M',
      objective: 'Operational excellence',
      recorded_by: '',
      score_outdated: 'false',
    });
    expect(byId(recorded.id)).toMatchObject({
      title: 'Board pack in two clicks',
      author: 'Lee Leader',
      recorded_by: "'@Rita Recorder",
      score_outdated: 'true',
      evaluations: '1',
    });
  });

  it('gives JSON too, and only to evaluators', async () => {
    const res = await call(`${DEMO}/boards/general/export?format=json`, { token: await evaluator() });
    const { items } = await json<{ items: Idea[] }>(res);
    expect(items.find((i) => i.id === 'demo-idea-invoice')?.score.evaluations).toBe(1);
    const member = await call(`${DEMO}/boards/general/export`, { token: await token() });
    expect(member.status).toBe(403);
    expect((await errorOf(member)).message).toMatch(/evaluator role/);
  });
});

describe('board settings', () => {
  it('are validated across fields', async () => {
    const perIdea = await admin(`${DEMO}/boards`, 'POST', {
      slug: 'bad-budget',
      name: 'x',
      settings: { voting: { mode: 'budget', budget: 3, perIdea: 5, refundOnClose: true } },
    });
    expect(perIdea.status).toBe(400);
    expect((await errorOf(perIdea)).message).toMatch(/cannot exceed the budget/);
    const window = await admin(`${DEMO}/boards`, 'POST', {
      slug: 'bad-window',
      name: 'x',
      settings: { opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-11-01T00:00:00Z' },
    });
    expect(window.status).toBe(400);
    const noOpen = await admin(`${DEMO}/boards`, 'POST', {
      slug: 'no-open',
      name: 'x',
      statuses: [{ key: 'done', label: 'Done', category: 'done', requiresReason: false, deflection: false }],
    });
    expect((await errorOf(noOpen)).message).toMatch(/category "open"/);
    expect((await admin(`${DEMO}/boards`, 'POST', { slug: 'general', name: 'Again' })).status).toBe(409);
    expect(
      (await call(`${DEMO}/boards`, { method: 'POST', token: await token(), body: JSON.stringify({ slug: 'mine', name: 'Mine' }) })).status,
    ).toBe(403);
  });
});
