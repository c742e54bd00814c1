/**
 * The demo tenant tells issue 16's story (docs/development.md, "The demo"): units with their
 * partners and relationship managers, Finance's two-sided health rounds with a perception gap, an
 * approved idea followed to a value plan with actuals, a low-value tweak deflected to a practice
 * card, ideas backed by their own unit's people, and a sponsor who does not score. The demo is
 * seeded by test/setup.ts, through the same path as every other test; these read it back through
 * the API, and through SQL where no route shows it.
 */
import { env } from 'cloudflare:workers';
import type { HealthResults, HealthTrend, Idea, IntakeDecision, PracticeCard, UnitInsights, ValuePlan } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_IDEAS } from '../src/dev/demo-data.ts';
import { DEMO_HEALTH_ROUNDS } from '../src/dev/demo-health.ts';
import { DEMO_UNIT_TEAMS } from '../src/dev/demo-people.ts';
import { DEMO_UNITS } from '../src/dev/demo-units.ts';
import { DEMO_APPROVED_IDEA, DEMO_CASE_CARD, DEMO_DEFLECTED_IDEA, DEMO_FORUM, DEMO_PLAN_CARD } from '../src/dev/demo-value.ts';
import { call, DEMO, errorOf, json, token } from './helpers.ts';

const as = (key: string, name: string, bu: string) => token({ sub: `demo|${key}`, name, bu });
const cio = () => as('sofia', 'Sofia Brandt', 'IT');
const amara = () => as('amara', 'Amara Okafor', 'Finance');
const helena = () => as('helena', 'Helena Fischer', 'Finance');

const rows = async <T>(query: string, ...params: unknown[]) =>
  (
    await env.DB.prepare(query)
      .bind(...params)
      .all<T>()
  ).results;

describe('the demo tenant', () => {
  it('gives every demand unit a business partner, a relationship manager and an intended mix adding up to 100', async () => {
    const teams = await rows<{ key: string; role: string; side: string; mix: string | null }>(
      `select u.key, p.role, pu.side, u.intended_mix as mix from business_units u
        join business_unit_people p on p.unit_id = u.id join users pe on pe.id = p.user_id join business_units pu on pu.id = pe.unit_id
        where u.tenant_id = 'demo-tenant'`,
    );
    for (const unit of DEMO_UNITS.filter((u) => u.side === 'demand')) {
      const own = teams.filter((t) => t.key === unit.key);
      expect(own.map((t) => t.role).sort(), unit.key).toEqual(expect.arrayContaining(['business_partner', 'relationship_manager']));
      // The business partner is of the unit itself (the demand side).
      expect(own.find((t) => t.role === 'business_partner')?.side).toBe('demand');
      const mix = JSON.parse(own[0]?.mix ?? '{}') as Record<string, number>;
      expect(
        Object.values(mix).reduce((a, b) => a + b, 0),
        unit.key,
      ).toBe(100);
    }
    expect(DEMO_UNIT_TEAMS.map((t) => t.unit).sort()).toEqual(
      DEMO_UNITS.filter((u) => u.side === 'demand')
        .map((u) => u.key)
        .sort(),
    );
  });

  it("keeps at least five people in each main unit, so the cockpit's minimum group size leaves figures to show", async () => {
    const counts = await rows<{ key: string; n: number }>(
      `select u.key, count(*) as n from users p join business_units u on u.id = p.unit_id where p.tenant_id = 'demo-tenant' group by u.key`,
    );
    for (const unit of DEMO_UNITS) expect(counts.find((c) => c.key === unit.key)?.n ?? 0, unit.key).toBeGreaterThanOrEqual(5);
  });

  it("writes Finance's objectives from its partner profile, and links the approved idea to the first", async () => {
    const objectives = await rows<{ id: string; title: string; card_id: string }>(
      "select id, title, card_id from unit_objectives where unit_id = 'demo-unit-finance' order by position",
    );
    expect(objectives.map((o) => o.title)).toEqual([
      'Close the books in three working days',
      'Cut the cost of processing an invoice by half',
      'Move planning to rolling forecasts',
    ]);
    expect(new Set(objectives.map((o) => o.card_id))).toEqual(new Set(['demo-card-business-partner-profile']));
    const links = await rows<{ item_id: string }>(
      'select item_id from objective_links where objective_id = ? order by item_kind, item_id',
      objectives[0]?.id,
    );
    expect(links.map((l) => l.item_id)).toEqual([DEMO_CASE_CARD, DEMO_PLAN_CARD, DEMO_APPROVED_IDEA]);
  });

  it('shows Finance a closed two-sided round with a perception gap, and a trend of two rounds', async () => {
    const results = await json<HealthResults>(
      await call(`${DEMO}/health-rounds/${DEMO_HEALTH_ROUNDS.autumn}/results`, { token: await amara() }),
    );
    const item = (key: string) => results.perItem.find((i) => i.key === key);
    expect(item('responsiveness')).toMatchObject({ business: { mean: 2.6, n: 5 }, provider: { mean: 4.2, n: 5 }, gap: -1.6 });
    const large = results.perItem.filter((i) => Math.abs(i.gap ?? 0) >= 1.2);
    expect(large.length).toBeGreaterThanOrEqual(2);
    expect(results.sides.business.respondents).toBe(5);
    expect(results.sides.provider.respondents).toBe(5);
    expect(results.maturity?.level).toBe(3);

    const trend = await json<HealthTrend>(await call(`${DEMO}/units/finance/health-trend`, { token: await cio() }));
    expect(trend.rounds.map((r) => r.roundId)).toEqual([DEMO_HEALTH_ROUNDS.spring, DEMO_HEALTH_ROUNDS.autumn]);
    // The relationship moved: the business side rated it a level lower in spring.
    expect(trend.rounds.map((r) => r.maturity?.level)).toEqual([2, 3]);
    expect(trend.rounds[0]?.maturity?.weakerSide).toBe('business');

    // The winter round is open: Helena may still answer, and its scores are not shown.
    const open = await call(`${DEMO}/health-rounds/${DEMO_HEALTH_ROUNDS.open}`, { token: await helena() });
    expect(await json(open)).toMatchObject({ state: 'open', mine: { side: 'business', respondedAt: null } });
    const blind = await call(`${DEMO}/health-rounds/${DEMO_HEALTH_ROUNDS.open}/results`, { token: await amara() });
    expect(blind.status).toBe(409);
  });

  it('follows the approved idea from its sponsor, demand class and intake steps to its business case', async () => {
    const idea = await json<Idea>(await call(`${DEMO}/ideas/${DEMO_APPROVED_IDEA}`, { token: await cio() }));
    expect(idea.sponsor).toEqual({ handle: 'helena.fischer', name: 'Helena Fischer' });
    expect(idea.demandClass?.key).toBe('transform');
    expect(idea.unit?.key).toBe('finance');
    expect(idea.intake).toEqual({ step: 'approved', caseCard: expect.objectContaining({ id: DEMO_CASE_CARD }) });

    const history = await json<{ items: IntakeDecision[] }>(
      await call(`${DEMO}/ideas/${DEMO_APPROVED_IDEA}/intake`, { token: await cio() }),
    );
    expect(history.items.map((d) => d.step)).toEqual(['screening', 'qualified', 'approved']);
    const approved = history.items.at(-1);
    expect(approved).toMatchObject({ forum: DEMO_FORUM, decider: { name: 'Sofia Brandt' } });
    expect((approved?.decidedOn ?? '9999') < new Date().toISOString().slice(0, 10)).toBe(true);

    // The case card cites the idea, as cards link.
    const caseCard = await json<PracticeCard>(await call(`${DEMO}/cards/${DEMO_CASE_CARD}`, { token: await cio() }));
    expect(caseCard.templateId).toBe('business-case');
    const cites = await rows<{ to_id: string }>("select to_id from card_links where card_id = ? and to_kind = 'idea'", DEMO_CASE_CARD);
    expect(cites.map((l) => l.to_id)).toContain(DEMO_APPROVED_IDEA);
  });

  it('measures the value plan over several months: something delivered, less than planned', async () => {
    const plan = await json<ValuePlan>(await call(`${DEMO}/cards/${DEMO_PLAN_CARD}/benefits`, { token: await amara() }));
    expect(plan.idea?.id).toBe(DEMO_APPROVED_IDEA);
    expect(plan.items.map((b) => b.benefitClass).sort()).toEqual(['cash_releasing', 'hard', 'hard']);
    for (const benefit of plan.items) {
      expect(benefit.actuals.length, benefit.title).toBeGreaterThanOrEqual(3);
      // All three benefits are reductions: planned and delivered are negative, delivered part of the way.
      expect(Math.sign(benefit.delivered), benefit.title).toBe(Math.sign(benefit.planned));
      expect(Math.abs(benefit.delivered), benefit.title).toBeGreaterThan(0);
      expect(Math.abs(benefit.delivered), benefit.title).toBeLessThan(Math.abs(benefit.planned));
    }
    expect(plan.totals.find((t) => t.measure === 'EUR/year')).toMatchObject({ planned: -40000, delivered: -25000 });
  });

  it('credits the practice card with the deflected tweak, whose requester confirmed the need met', async () => {
    const idea = await json<Idea>(await call(`${DEMO}/ideas/${DEFLECTED}`));
    expect(idea).toMatchObject({
      status: { key: 'self_service', deflection: true, card: { id: 'demo-card-practice' }, needMet: true },
      intake: { step: 'deflected' },
    });
    const card = await json<PracticeCard>(await call(`${DEMO}/cards/demo-card-practice`));
    expect(card.deflections.requests).toBeGreaterThanOrEqual(1);
    expect(card.deflections.confirmed).toBeGreaterThanOrEqual(1);
    const steps = await rows<{ step: string }>('select step from intake_decisions where idea_id = ?', DEFLECTED);
    expect(steps.map((s) => s.step)).toEqual(['deflected']);
  });

  it('has most votes on each unit idea come from business people of its own unit', async () => {
    const votes = await rows<{ idea: string; own: number; n: number }>(
      `select i.id as idea, sum(u.unit_id = i.unit_id) as own, count(*) as n from votes v join ideas i on i.id = v.idea_id join users u on u.id = v.user_id
        where i.tenant_id = 'demo-tenant' and i.unit_id is not null and i.id in (${DEMO_IDEAS.map(() => '?').join(', ')}) group by i.id`,
      ...DEMO_IDEAS.map((i) => i.id),
    );
    const backed = votes.filter((v) => v.n >= 3);
    expect(backed.length).toBeGreaterThanOrEqual(5);
    for (const v of backed) expect(v.own * 2, v.idea).toBeGreaterThan(v.n);
  });

  it('gives every idea a demand class, with a well-scored transform idea', async () => {
    const unclassed = await rows("select id from ideas where tenant_id = 'demo-tenant' and demand_class is null");
    expect(unclassed).toEqual([]);
    const ranked = await rows<{ demand_class: string; evaluations: number }>(
      "select demand_class, evaluations from ideas where tenant_id = 'demo-tenant' and value_per_effort is not null order by value_per_effort desc",
    );
    expect(ranked[0]?.demand_class).toBe('transform');
    // Finance's demand board (Helena and Alex) scored its requests: both scores count.
    expect(ranked[0]?.evaluations).toBe(2);
  });

  it("gives the cockpit a year of Finance's activity with groups large enough to show", async () => {
    const res = await call(`${DEMO}/units/finance/insights`, { token: await cio() });
    expect(res.status).toBe(200);
    const insights = await json<UnitInsights>(res);
    expect(insights.asOf).not.toBeNull();
    const active = insights.months.filter((m) => m.ideas.submitted > 0);
    expect(active.length).toBeGreaterThanOrEqual(6);
    expect(insights.months.some((m) => typeof m.activePeople.business === 'number' && m.activePeople.business >= 5)).toBe(true);
    // IT's side too: five of IT discussed the approved idea in the month it was screened.
    expect(insights.months.some((m) => typeof m.activePeople.provider === 'number' && m.activePeople.provider >= 5)).toBe(true);
    expect(insights.demandMix.map((d) => d.class).sort()).toEqual(['grow', 'run', 'transform']);
    expect(insights.demandMix.find((d) => d.class === 'transform')?.intended).toBe(35);
    expect(insights.health.trend).toHaveLength(2);
    const euros = insights.value.find((v) => v.measure === 'EUR/year');
    expect(euros?.delivered).toBeLessThan(0);
  });

  it('lets others score the idea Helena sponsors, and refuses her own score', async () => {
    const scorers = await rows<{ evaluator: string }>(
      'select distinct evaluator from idea_scores where idea_id = ? order by evaluator',
      DEMO_APPROVED_IDEA,
    );
    expect(scorers.map((s) => s.evaluator)).toEqual(['demo|alex', 'demo|mei']);
    // She is an evaluator, and scored other ideas of her unit.
    expect(await rows("select 1 from user_roles where subject = 'demo|helena' and role = 'evaluator'")).toHaveLength(1);
    const elsewhere = await rows<{ n: number }>(
      "select count(distinct s.idea_id) as n from idea_scores s join ideas i on i.id = s.idea_id where s.evaluator = 'demo|helena' and i.sponsor_id is not 'demo-user-helena'",
    );
    expect(elsewhere[0]?.n).toBeGreaterThanOrEqual(2);
    const refused = await call(`${DEMO}/ideas/${DEMO_APPROVED_IDEA}/score`, {
      method: 'PUT',
      token: await helena(),
      body: JSON.stringify({ scores: { impact: 5 } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).reason).toBe('forbidden.sponsor_scores');
  });
});

const DEFLECTED = DEMO_DEFLECTED_IDEA;
