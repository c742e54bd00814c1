/**
 * Prioritisation that favours growth: the value-for-effort order (value² ÷ effort, with a value
 * floor) on the domain review's own table, the floor as a board setting, and the stored rank
 * key that the sort index orders by.
 */
import { env } from 'cloudflare:workers';
import type { Board, Idea, Page } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIN_VALUE, effortRatio, fromRankKey, PRESETS, rankKey, TSHIRT_POINTS, valueRange } from '../src/domain/scorecard.ts';
import { admin, call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

/** The review's table (§2.1): value on 1–5, effort in T-shirt points. */
const TABLE = [
  { idea: 'dashboards', value: 3.6, size: 'S' },
  { idea: 'tweak 2/1', value: 1.6, size: 'XS' },
  { idea: 'invoice', value: 4.4, size: 'M' },
  { idea: 'tweak 1/1', value: 1.0, size: 'XS' },
  { idea: 'replenishment', value: 4.6, size: 'L' },
  { idea: 'transformation 5/5', value: 5.0, size: 'XL' },
] as const;

const order = (floor: number | null) =>
  [...TABLE]
    .map((r) => ({ ...r, key: rankKey(r.value, TSHIRT_POINTS[r.size], 'value-size-risk', floor) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.key - a.key)
    .map((r) => r.idea);

describe('the ranking on the review’s table', () => {
  it('was value ÷ effort: the lowest-value XS tweak ranked 1.00, above growth (0.92) and transformation (0.63)', () => {
    const plain = (v: number, e: number) => Math.round((v / e) * 100) / 100;
    expect(plain(1.0, TSHIRT_POINTS.XS)).toBe(1);
    expect(plain(4.6, TSHIRT_POINTS.L)).toBe(0.92);
    expect(plain(5.0, TSHIRT_POINTS.XL)).toBe(0.63);
  });

  it('value² ÷ effort puts the lowest-value tweak below the growth idea and the top-value transformation, even without a floor', () => {
    const ranked = order(null);
    expect(ranked.indexOf('tweak 1/1')).toBeGreaterThan(ranked.indexOf('replenishment'));
    expect(ranked.indexOf('tweak 1/1')).toBeGreaterThan(ranked.indexOf('transformation 5/5'));
    expect(ranked.indexOf('tweak 2/1')).toBeGreaterThan(ranked.indexOf('transformation 5/5'));
    expect(ranked).toEqual(['dashboards', 'invoice', 'replenishment', 'transformation 5/5', 'tweak 2/1', 'tweak 1/1']);
    expect(effortRatio(1.0, TSHIRT_POINTS.XS, 'value-size-risk')).toBe(1);
    expect(effortRatio(4.6, TSHIRT_POINTS.L, 'value-size-risk')).toBeCloseTo(4.232);
    expect(effortRatio(5.0, TSHIRT_POINTS.XL, 'value-size-risk')).toBeCloseTo(3.125);
  });

  it('the default floor (2.5) puts every idea below it after every idea at or above it, still by ratio', () => {
    expect(DEFAULT_MIN_VALUE['value-size-risk']).toBe(2.5);
    expect(order(2.5)).toEqual(['dashboards', 'invoice', 'replenishment', 'transformation 5/5', 'tweak 2/1', 'tweak 1/1']);
    // A high floor: an XS idea of value 4 that would rank first drops behind a 4.6 L idea.
    expect(rankKey(4, 1, 'value-size-risk', 4.5)).toBeLessThan(rankKey(4.6, 5, 'value-size-risk', 4.5) ?? 0);
    expect(rankKey(4, 1, 'value-size-risk', 4.5)).toBeLessThan(0);
    expect(rankKey(3, 1, 'value-size-risk', 4.5)).toBeLessThan(rankKey(4, 1, 'value-size-risk', 4.5) ?? 0);
    expect(fromRankKey(rankKey(1.6, 1, 'value-size-risk', 2.5))).toEqual({ valuePerEffort: expect.closeTo(2.56), belowFloor: true });
    expect(fromRankKey(rankKey(3.6, 2, 'value-size-risk', 2.5))).toEqual({ valuePerEffort: expect.closeTo(6.48), belowFloor: false });
    expect(rankKey(null, 2, 'value-size-risk', 2.5)).toBeNull();
  });

  it('WSJF keeps cost of delay ÷ job size', () => {
    expect(effortRatio(13, 13, 'wsjf')).toBe(1);
    expect(DEFAULT_MIN_VALUE.wsjf).toBeNull();
  });

  it('the preset scores value 40 % impact, 30 % return, 30 % fit with the unit’s objectives, on 1–5', () => {
    const value = PRESETS['value-size-risk'].filter((c) => c.group === 'value');
    expect(value.map((c) => [c.key, c.weight])).toEqual([
      ['impact', 0.4],
      ['financial', 0.3],
      ['strategic_alignment', 0.3],
    ]);
    expect(valueRange(PRESETS['value-size-risk'])).toEqual({ min: expect.closeTo(1), max: expect.closeTo(5) });
    expect(valueRange(PRESETS.wsjf)).toEqual({ min: 3, max: 60 });
  });
});

const BOARD = 'growth';
const evaluator = () => token({ sub: 'prio-eva', name: 'Eva Evaluator', extra: { roles: ['Bridgekit.Evaluator'] } });
const risks = { new_technology: false, third_party: false, ways_of_working: false };

/** Impact, return and alignment that give the review's values with the new weights (0.4 / 0.3 / 0.3). */
const SCORED = [
  { idea: 'dashboards', scores: { impact: 3, financial: 4, strategic_alignment: 4, size: 'S' }, value: 3.6 },
  { idea: 'tweak 2/1', scores: { impact: 1, financial: 2, strategic_alignment: 2, size: 'XS' }, value: 1.6 },
  { idea: 'invoice', scores: { impact: 5, financial: 4, strategic_alignment: 4, size: 'M' }, value: 4.4 },
  { idea: 'tweak 1/1', scores: { impact: 1, financial: 1, strategic_alignment: 1, size: 'XS' }, value: 1.0 },
  { idea: 'replenishment', scores: { impact: 4, financial: 5, strategic_alignment: 5, size: 'L' }, value: 4.6 },
  { idea: 'transformation 5/5', scores: { impact: 5, financial: 5, strategic_alignment: 5, size: 'XL' }, value: 5.0 },
];

async function sorted(): Promise<Idea[]> {
  const all: Idea[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Idea> = await json(
      await call(`${DEMO}/boards/${BOARD}/ideas?sort=value_per_effort&limit=2${cursor ? `&cursor=${cursor}` : ''}`),
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

const patchBoard = (body: unknown) => admin(`${DEMO}/boards/${BOARD}`, 'PATCH', body);

describe('a board’s value-for-effort order', () => {
  const ids = new Map<string, string>();

  beforeAll(async () => {
    await useTestRoleClaims();
    expect((await admin(`${DEMO}/boards`, 'POST', { slug: BOARD, name: 'Growth' })).status).toBe(201);
    const author = await token({ sub: 'prio-author' });
    const t = await evaluator();
    for (const row of SCORED) {
      const res = await call(`${DEMO}/boards/${BOARD}/ideas`, { method: 'POST', token: author, body: JSON.stringify({ title: row.idea }) });
      const idea = await json<Idea>(res);
      ids.set(row.idea, idea.id);
      const scored = await call(`${DEMO}/ideas/${idea.id}/score`, {
        method: 'PUT',
        token: t,
        body: JSON.stringify({ scores: { ...row.scores, ...risks } }),
      });
      expect(scored.status, await scored.clone().text()).toBe(200);
      expect((await json<Idea>(scored)).score.value).toBeCloseTo(row.value);
    }
  });

  it('ranks growth and transformation above tweaks, and every idea below the floor last, page by page', async () => {
    const ideas = await sorted();
    expect(ideas.map((i) => i.title)).toEqual(['dashboards', 'invoice', 'replenishment', 'transformation 5/5', 'tweak 2/1', 'tweak 1/1']);
    expect(ideas.map((i) => i.score.belowFloor)).toEqual([false, false, false, false, true, true]);
    const growth = ideas.find((i) => i.title === 'replenishment');
    expect(growth?.score.valuePerEffort).toBeCloseTo((4.6 * 4.6) / 5);
    // What the API says is what the domain computes, and the stored key is what it sorts by.
    const low = ideas.find((i) => i.title === 'tweak 2/1');
    expect(low?.score.valuePerEffort).toBeCloseTo(2.56);
    const row = await env.DB.prepare('select value_per_effort as key from ideas where id = ?').bind(low?.id).first<{ key: number }>();
    expect(row?.key).toBeCloseTo(rankKey(1.6, 1, 'value-size-risk', 2.5) ?? 0);
  });

  it('shows the floor in effect on the board, and re-ranks the board when an admin moves it', async () => {
    const board = await json<Board>(await call(`${DEMO}/boards/${BOARD}`));
    expect(board.settings.minValue).toBeNull();
    expect(board.valueFloor).toBe(2.5);

    const res = await patchBoard({ settings: { minValue: 4.5 } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json<Board>(res)).toMatchObject({ settings: { minValue: 4.5 }, valueFloor: 4.5 });
    // Only replenishment (4.6) and the transformation (5.0) are at or above 4.5 now.
    expect((await sorted()).map((i) => i.title)).toEqual([
      'replenishment',
      'transformation 5/5',
      'dashboards',
      'invoice',
      'tweak 2/1',
      'tweak 1/1',
    ]);

    expect((await patchBoard({ settings: { minValue: null } })).status).toBe(200);
    expect((await sorted()).map((i) => i.title)).toEqual([
      'dashboards',
      'invoice',
      'replenishment',
      'transformation 5/5',
      'tweak 2/1',
      'tweak 1/1',
    ]);
  });

  it('refuses a floor outside the scorecard’s value range, and a non-number, with 400 and nothing changed', async () => {
    for (const minValue of [0.5, 5.5]) {
      const res = await patchBoard({ settings: { minValue } });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({
        reason: 'validation_failed.min_value_range',
        params: { min: 1, max: 5 },
        details: [{ path: 'body.settings.minValue', reason: 'validation_failed.min_value_range' }],
      });
    }
    const text = await patchBoard({ settings: { minValue: 'high' } });
    expect(text.status).toBe(400);
    expect((await errorOf(text)).details?.[0]?.path).toBe('body.settings.minValue');
    expect((await json<Board>(await call(`${DEMO}/boards/${BOARD}`))).settings.minValue).toBeNull();
    // A new board is checked against its preset's range: WSJF's value runs from 3 to 60.
    expect(
      (await admin(`${DEMO}/boards`, 'POST', { slug: 'wsjf-floor', name: 'W', scorecardPreset: 'wsjf', settings: { minValue: 2 } })).status,
    ).toBe(400);
    const wsjf = await admin(`${DEMO}/boards`, 'POST', {
      slug: 'wsjf-floor',
      name: 'W',
      scorecardPreset: 'wsjf',
      settings: { minValue: 20 },
    });
    expect(wsjf.status).toBe(201);
    expect(await json<Board>(wsjf)).toMatchObject({ settings: { minValue: 20 }, valueFloor: 20 });
  });

  it('only admins set the floor', async () => {
    const res = await call(`${DEMO}/boards/${BOARD}`, {
      method: 'PATCH',
      token: await evaluator(),
      body: JSON.stringify({ settings: { minValue: 3 } }),
    });
    expect(res.status).toBe(403);
  });
});

describe('migration 0016, which re-ranks ideas scored before the new order', () => {
  it('stores exactly the rank key the domain computes, floors and presets included', async () => {
    // Scored ideas on boards with the default floor, a raised floor, and WSJF (no floor).
    await env.DB.batch([
      env.DB.prepare(`update boards set min_value = 4.5 where id = (select board_id from ideas where value_score is not null limit 1)`),
      env.DB.prepare(`update ideas set value_per_effort = 999 where value_score is not null`),
    ]);
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0016_value_for_effort_rerank'));
    const statements = migration?.queries ?? [];
    expect(statements.length).toBe(1);
    for (const statement of statements) await env.DB.prepare(statement).run();
    const { results } = await env.DB.prepare(
      `select i.value_score as value, i.effort_score as effort, i.value_per_effort as stored, b.scorecard_preset as preset, b.min_value as minValue
       from ideas i join boards b on b.id = i.board_id where i.value_score is not null`,
    ).all<{
      value: number;
      effort: number | null;
      stored: number | null;
      preset: 'value-size-risk' | 'wsjf' | 'custom';
      minValue: number | null;
    }>();
    expect(results.length).toBeGreaterThan(1);
    expect(results.some((r) => r.stored !== null && r.stored < 0)).toBe(true);
    for (const r of results) {
      const expected = rankKey(r.value, r.effort, r.preset, r.minValue ?? DEFAULT_MIN_VALUE[r.preset]);
      if (expected === null) expect(r.stored).toBe(999);
      else expect(r.stored).toBeCloseTo(expected, 9);
    }
  });
});
