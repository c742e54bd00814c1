import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { token, workerFetch } from '../../worker/test/helpers.ts';
import { createClient, isBridgekitError } from '../src/index.ts';

const BASE = 'https://bridgekit.test';
// The Worker's fetch handler; each answer is checked against /v1/openapi.json (worker/test/contract.ts).
const worker = workerFetch;
const as = async (sub: string, roles: string[] = []) =>
  createClient({ baseUrl: BASE, tenant: 'demo', token: await token({ sub, name: sub, extra: { roles } }), fetch: worker });

describe('the idea workflow through the SDK', () => {
  beforeAll(async () => {
    const admin = createClient({ baseUrl: BASE, tenant: 'demo', token: env.BRIDGEKIT_ADMIN_TOKEN, fetch: worker });
    await admin.admin.settings.update({
      roleMapping: { claim: 'roles', evaluator: ['Evaluator'], moderator: ['Moderator'], admin: ['Admin'], applyToEmbedTokens: true },
    });
    const board = await admin.boards.create({
      slug: 'sdk-board',
      name: 'SDK board',
      settings: { voting: { mode: 'budget', budget: 5, perIdea: 2, refundOnClose: true }, requiredFields: ['valueType'] },
    });
    expect(board.settings.voting).toEqual({ mode: 'budget', budget: 5, perIdea: 2, refundOnClose: true });
  });

  it('submits with a business case, suggests duplicates, spends budget, triages, merges and exports', async () => {
    const member = await as('sdk-member');
    const original = await member.ideas.create({
      board: 'sdk-board',
      title: 'Automate supplier onboarding',
      businessCase: { valueType: 'cost', effort: 'M' },
    });
    expect(original.businessCase).toMatchObject({ valueType: 'cost', effort: 'M' });
    const missing = await member.ideas.create({ board: 'sdk-board', title: 'No value type' }).catch((e: unknown) => e);
    expect(isBridgekitError(missing) && missing.details[0]?.path === 'body.businessCase.valueType').toBe(true);

    expect((await member.ideas.similar({ board: 'sdk-board', q: 'automating onboarding' })).map((i) => i.id)).toEqual([original.id]);

    const state = await member.ideas.vote(original.id, { votes: 2 });
    expect(state).toMatchObject({ myVotes: 2, budget: { total: 5, used: 2, remaining: 3, perIdea: 2 } });
    expect((await member.boards.get('sdk-board')).budget?.remaining).toBe(3);

    const duplicate = await (await as('sdk-other')).ideas.create({
      board: 'sdk-board',
      title: 'Supplier onboarding automation',
      businessCase: { valueType: 'cost' },
    });
    const moderator = await as('sdk-mod', ['Moderator']);
    const merged = await moderator.ideas.merge(duplicate.id, original.id);
    expect(merged.id).toBe(original.id);
    // The duplicate redirects to the original, and the SDK follows.
    expect((await member.ideas.get(duplicate.id)).id).toBe(original.id);

    const evaluator = await as('sdk-eval', ['Evaluator']);
    const scored = await evaluator.ideas.score(original.id, {
      impact: 4,
      financial: 2,
      strategic_alignment: 3,
      size: 'S',
      new_technology: false,
      third_party: false,
      ways_of_working: true,
    });
    // Value: impact .4, financial return .3, fit with the unit's objectives .3.
    expect(scored.score.value).toBeCloseTo(0.4 * 4 + 0.3 * 2 + 0.3 * 3);
    expect(await evaluator.ideas.myScores(original.id)).toMatchObject({ impact: 4, size: 2 });
    const planned = await evaluator.ideas.setStatus(original.id, { status: 'planned' });
    expect(planned.status.label).toBe('Planned');
    expect((await member.ideas.statusHistory(original.id))[0]).toMatchObject({ from: 'open', to: 'planned', by: 'sdk-eval' });
    expect((await member.boards.roadmap('sdk-board')).find((c) => c.category === 'planned')?.ideas.map((i) => i.id)).toEqual([original.id]);

    expect((await evaluator.boards.export('sdk-board')).map((i) => i.id)).toEqual([original.id]);
    const csv = await evaluator.boards.exportCsv('sdk-board');
    expect(csv.split('\r\n')[1]).toMatch(new RegExp(`^${original.id},Automate supplier onboarding,opportunity,Planned,planned,`));

    const scorecard = await evaluator.boards.scorecard('sdk-board');
    expect(scorecard.preset).toBe('value-size-risk');
    const admin = await as('sdk-admin', ['Admin']);
    await admin.boards.setScorecard('sdk-board', {
      preset: 'custom',
      criteria: scorecard.criteria.map((c) => (c.key === 'impact' ? { ...c, weight: 1 } : c)),
    });
    expect((await member.ideas.get(original.id)).score.value).toBeCloseTo(4 + 0.3 * 2 + 0.3 * 3);
  });
});
