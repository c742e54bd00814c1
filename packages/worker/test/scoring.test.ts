import type { Idea, Page, Scorecard } from '@bridgekit/sdk';
import { scoreGroups, scorePoints } from '@bridgekit/sdk/scoring';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json, seedOtherTenant, token } from './helpers.ts';

const BOARD = 'scored';
const evaluator = (sub = 'eva') => token({ sub, name: `Evaluator ${sub}`, extra: { roles: ['Bridgekit.Evaluator'] } });
const score = async (id: string, scores: Record<string, unknown>, t?: string) =>
  call(`${DEMO}/ideas/${id}/score`, { method: 'PUT', token: t ?? (await evaluator()), body: JSON.stringify({ scores }) });

async function newIdea(title: string): Promise<Idea> {
  const res = await call(`${DEMO}/boards/${BOARD}/ideas`, {
    method: 'POST',
    token: await token({ sub: 'author' }),
    body: JSON.stringify({ title }),
  });
  return json<Idea>(res);
}

beforeAll(async () => {
  await admin(`${DEMO}/settings`, 'PATCH', {
    roleMapping: {
      claim: 'roles',
      evaluator: ['Bridgekit.Evaluator'],
      moderator: ['Bridgekit.Moderator'],
      admin: [],
      applyToEmbedTokens: true,
    },
  });
  expect((await admin(`${DEMO}/boards`, 'POST', { slug: BOARD, name: 'Scored' })).status).toBe(201);
});

describe('evaluator scoring', () => {
  it("computes value (40 % impact + 30 % return + 30 % fit with the unit's objectives), size and risk, apart from crowd support", async () => {
    const idea = await newIdea('Scored idea');
    const res = await score(idea.id, {
      impact: 5,
      financial: 3,
      strategic_alignment: 4,
      size: 'L',
      new_technology: true,
      third_party: false,
      ways_of_working: true,
    });
    expect(res.status).toBe(200);
    const scored = await json<Idea>(res);
    expect(scored.score.value).toBeCloseTo(0.4 * 5 + 0.3 * 3 + 0.3 * 4);
    expect(scored.score.effort).toBe(5);
    expect(scored.score.risk).toBeCloseTo(2 / 3);
    // Ranked by value² ÷ effort (docs/ideas.md, "Prioritisation").
    expect(scored.score.valuePerEffort).toBeCloseTo((4.1 * 4.1) / 5);
    expect(scored.score.belowFloor).toBe(false);
    expect(scored.score.evaluations).toBe(1);
    // Only its author's own vote: scores stand apart from crowd support.
    expect(scored.votes).toBe(1);

    // A second evaluator: each criterion is averaged.
    const second = await json<Idea>(
      await score(
        idea.id,
        { impact: 3, financial: 3, strategic_alignment: 4, size: 'M', new_technology: false, third_party: false, ways_of_working: false },
        await evaluator('eve'),
      ),
    );
    expect(second.score.value).toBeCloseTo(0.4 * 4 + 0.3 * 3 + 0.3 * 4);
    expect(second.score.effort).toBe(4);
    expect(second.score.evaluations).toBe(2);

    // Re-scoring replaces the evaluator's earlier scores.
    const again = await json<Idea>(
      await score(
        idea.id,
        { impact: 1, financial: 1, strategic_alignment: 4, size: 'M', new_technology: false, third_party: false, ways_of_working: false },
        await evaluator('eve'),
      ),
    );
    expect(again.score.value).toBeCloseTo(0.4 * 3 + 0.3 * 2 + 0.3 * 4);
    expect(again.score.evaluations).toBe(2);
  });

  it("stores what the SDK's rule (`scoreGroups`), which triage previews with, gives", async () => {
    const idea = await newIdea('Scored by the one rule');
    const { criteria } = await json<Scorecard>(await call(`${DEMO}/boards/${BOARD}/scorecard`, { token: await evaluator() }));
    const evaluations = [
      { impact: 2, financial: 5, strategic_alignment: 3, size: 'XL', new_technology: true, third_party: true, ways_of_working: false },
      { impact: 5, financial: 4, strategic_alignment: 1, size: 'S', new_technology: false, third_party: true, ways_of_working: false },
    ];
    let stored: Idea | undefined;
    for (const [i, scores] of evaluations.entries()) stored = await json<Idea>(await score(idea.id, scores, await evaluator(`rule${i}`)));
    const points = evaluations.map((e) =>
      Object.fromEntries(criteria.map((c) => [c.key, scorePoints(c.kind, e[c.key as keyof typeof e]) ?? Number.NaN])),
    );
    const rule = scoreGroups(criteria, points);
    expect(stored?.score.value).toBeCloseTo(rule.value ?? Number.NaN);
    expect(stored?.score.effort).toBeCloseTo(rule.effort ?? Number.NaN);
    expect(stored?.score.risk).toBeCloseTo(rule.risk ?? Number.NaN);
    // Risk stands apart: (8 + 2) ÷ 2 points of effort, whatever the risk.
    expect(rule.effort).toBe(5);
  });

  it("reads back the caller's own scores, and 404 for an idea that does not exist", async () => {
    const idea = await newIdea('Scored and read back');
    const t = await evaluator('reader');
    await score(
      idea.id,
      { impact: 4, financial: 2, strategic_alignment: 3, size: 'L', new_technology: true, third_party: false, ways_of_working: false },
      t,
    );
    const mine = await call(`${DEMO}/ideas/${idea.id}/score`, { token: t });
    expect(mine.status).toBe(200);
    expect(await json(mine)).toEqual({
      scores: { impact: 4, financial: 2, strategic_alignment: 3, size: 5, new_technology: 1, third_party: 0, ways_of_working: 0 },
    });
    const unscored = await call(`${DEMO}/ideas/${(await newIdea('Not scored yet')).id}/score`, { token: t });
    expect(await json(unscored)).toEqual({ scores: {} });

    const missing = await call(`${DEMO}/ideas/no-such-idea/score`, { token: t });
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toMatchObject({ code: 'not_found' });
    // Another tenant's idea is as missing as one that never was.
    await seedOtherTenant();
    const otherTenants = await call(`${DEMO}/ideas/other-idea/score`, { token: t });
    expect(otherTenants.status).toBe(404);
  });

  it('is only for evaluators', async () => {
    const idea = await newIdea('Not for members');
    const res = await score(
      idea.id,
      { impact: 5, financial: 5, strategic_alignment: 5, size: 'XS', new_technology: false, third_party: false, ways_of_working: false },
      await token({ sub: 'member' }),
    );
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/takes the evaluator role/);
    expect((await json<Idea>(await call(`${DEMO}/ideas/${idea.id}`))).score.evaluations).toBe(0);
  });

  it('says which score is wrong, per criterion', async () => {
    const idea = await newIdea('Badly scored');
    const res = await score(idea.id, {
      impact: 7,
      financial: 3,
      strategic_alignment: 3,
      size: 'XXL',
      new_technology: 'maybe',
      third_party: false,
      ways_of_working: false,
      colour: 3,
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.details?.map((d) => d.path).sort()).toEqual([
      'body.scores.colour',
      'body.scores.impact',
      'body.scores.new_technology',
      'body.scores.size',
    ]);
    expect(error.details?.find((d) => d.path === 'body.scores.size')?.message).toBe('"Size" takes one of XS, S, M, L, XL.');
  });

  it('recomputes every idea when the weights change', async () => {
    const idea = await newIdea('Reweighted');
    await score(idea.id, {
      impact: 5,
      financial: 1,
      strategic_alignment: 3,
      size: 'S',
      new_technology: false,
      third_party: false,
      ways_of_working: false,
    });
    const current = await json<Scorecard>(await call(`${DEMO}/boards/${BOARD}/scorecard`));
    const criteria = current.criteria.map((c) =>
      c.key === 'impact' ? { ...c, weight: 0.2 } : c.key === 'financial' ? { ...c, weight: 0.8 } : c,
    );
    const res = await admin(`${DEMO}/boards/${BOARD}/scorecard`, 'PUT', { preset: 'custom', criteria });
    expect(res.status).toBe(200);
    const after = await json<Idea>(await call(`${DEMO}/ideas/${idea.id}`));
    expect(after.score.value).toBeCloseTo(0.2 * 5 + 0.8 * 1 + 0.3 * 3);
    expect(after.score.valuePerEffort).toBeCloseTo((2.7 * 2.7) / 2);
    const member = await call(`${DEMO}/boards/${BOARD}/scorecard`, {
      method: 'PUT',
      token: await evaluator(),
      body: JSON.stringify({ preset: 'custom', criteria }),
    });
    expect(member.status).toBe(403);
  });

  it('offers WSJF: cost of delay ÷ job size', async () => {
    expect((await admin(`${DEMO}/boards`, 'POST', { slug: 'wsjf', name: 'WSJF', scorecardPreset: 'wsjf' })).status).toBe(201);
    const res = await call(`${DEMO}/boards/wsjf/ideas`, {
      method: 'POST',
      token: await token(),
      body: JSON.stringify({ title: 'Flow idea' }),
    });
    const idea = await json<Idea>(res);
    const scored = await json<Idea>(await score(idea.id, { business_value: 8, time_criticality: 5, risk_reduction: 3, job_size: 8 }));
    // WSJF keeps its definition (cost of delay ÷ job size) and has no value floor.
    expect(scored.score).toMatchObject({ value: 16, effort: 8, valuePerEffort: 2, belowFloor: false });
    expect((await score(idea.id, { business_value: 4, time_criticality: 5, risk_reduction: 3, job_size: 8 })).status).toBe(400);
  });

  it('sorts by value and by value per effort, unscored last, page by page', async () => {
    const ideas = await Promise.all(['Low value', 'High value', 'Unscored', 'Quick win'].map((t) => newIdea(`Sort ${t}`)));
    const [low, high, , quick] = ideas as [Idea, Idea, Idea, Idea];
    const all = (s: Record<string, unknown>) => ({ new_technology: false, third_party: false, ways_of_working: false, ...s });
    await score(low.id, all({ impact: 1, financial: 1, strategic_alignment: 1, size: 'S' }));
    await score(high.id, all({ impact: 5, financial: 5, strategic_alignment: 5, size: 'XL' }));
    await score(quick.id, all({ impact: 4, financial: 4, strategic_alignment: 4, size: 'XS' }));
    const collect = async (sort: string) => {
      const titles: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Idea> = await json(
          await call(`${DEMO}/boards/${BOARD}/ideas?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`),
        );
        titles.push(...page.items.map((i) => i.title));
        cursor = page.nextCursor;
      } while (cursor);
      return titles.filter((t) => t.startsWith('Sort '));
    };
    expect(await collect('value')).toEqual(['Sort High value', 'Sort Quick win', 'Sort Low value', 'Sort Unscored']);
    expect(await collect('value_per_effort')).toEqual(['Sort Quick win', 'Sort High value', 'Sort Low value', 'Sort Unscored']);
  });
});
