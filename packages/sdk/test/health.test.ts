import { HEALTH_ITEMS } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { useTestRoleClaims } from '../../worker/test/helpers.ts';
import { clientAs, failure } from './clients.ts';

const as = (sub: string, name: string, bu: string, roles: string[] = []) => clientAs(sub, { name, bu, roles });

describe('health rounds through the SDK', () => {
  it("opens a round for the demo's Finance unit, takes both sides' answers blind, closes it and reads the results and trend", async () => {
    await useTestRoleClaims();
    const admin = await as('sdk-health-admin', 'Hana Admin', 'IT', ['Bridgekit.Admin']);
    // Amara, the demo's relationship manager of Finance, runs it; a Finance person answers for the business, Mei (IT) for the provider.
    const amara = await as('demo|amara', 'Amara Okafor', 'Finance');
    const finance = await as('sdk-health-finance', 'Fiona Finance', 'Finance');
    await finance.subscriptions.follow('board', 'general'); // known to the community, so she can be invited
    const mei = await as('demo|mei', 'Mei Chen', 'IT');

    const round = await amara.health.create({ unit: 'finance', title: 'Finance, SDK round', closesOn: '2099-12-31' });
    expect(round).toMatchObject({ unit: { key: 'finance' }, state: 'open', closesOn: '2099-12-31', canManage: true });
    const invited = await amara.health.invite(round.id, [
      { handle: 'fiona.finance', side: 'business' },
      { handle: 'mei.chen', side: 'provider' },
    ]);
    expect(invited.counts).toEqual({ business: { invited: 1, responded: 0 }, provider: { invited: 1, responded: 0 } });

    const mine = await finance.health.answer(
      round.id,
      HEALTH_ITEMS.map((item) => ({ item: item.key, score: 2, comment: item.key === 'owns-benefits' ? 'We rarely track benefits' : null })),
    );
    expect(mine.mine?.answers).toHaveLength(HEALTH_ITEMS.length);
    await mei.health.answer(
      round.id,
      HEALTH_ITEMS.map((item) => ({ item: item.key, score: 4 })),
    );
    expect((await finance.health.list({ unit: 'finance', state: 'open' })).map((r) => r.id)).toContain(round.id);
    expect(await failure(admin.health.results(round.id))).toMatchObject({ status: 409, reason: 'conflict.health_round_open' });
    expect(await failure(finance.health.results(round.id))).toMatchObject({ status: 404, reason: 'not_found.health_round' });

    expect((await amara.health.close(round.id)).state).toBe('closed');
    const results = await admin.health.results(round.id);
    expect(results.sides).toEqual({
      business: { invited: 1, respondents: 1, mean: 2, level: 2 },
      provider: { invited: 1, respondents: 1, mean: 4, level: 4 },
    });
    expect(results.maturity).toMatchObject({ level: 2, label: 'Order taker', weakerSide: 'business' });
    expect(results.comments.business).toEqual([{ item: 'owns-benefits', comment: 'We rarely track benefits' }]);
    const trend = await admin.health.trend('finance');
    expect(trend.rounds.at(-1)).toMatchObject({ roundId: round.id, maturity: { level: 2 } });
    expect((await admin.health.get(round.id)).closedAt).not.toBeNull();
    expect(await failure(mei.health.trend('finance'))).toMatchObject({ status: 404, reason: 'not_found.health_unit' });
  });
});
