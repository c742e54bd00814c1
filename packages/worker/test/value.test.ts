/**
 * Value-realisation plans through the API (docs/value.md): who makes an approved idea's plan, once;
 * benefits as numbers and who changes them; the actuals log, who records and removes; planned,
 * delivered and the totals per measure; refusals with nothing written; a plan kept to its unit's
 * team hides its benefits; `value.measured` tells the idea's followers; constant statements per read.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { PracticeCard, ValueBenefit, ValuePlan } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { demoCardId } from '../src/dev/demo-data.ts';
import { delivered, planned, totalsByMeasure } from '../src/domain/value.ts';
import { documented } from './contract.ts';
import { countingD1 } from './counting-d1.ts';
import { call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

const TENANT = 'demo-tenant';

/** The people of these tests; the finance team and the units go straight into D1, as in health.test.ts. */
const PEOPLE = [
  { key: 'rm', name: 'Vera Manager', bu: 'IT', unit: 'it' },
  { key: 'sponsor', name: 'Sina Sponsor', bu: 'Finance', unit: 'finance' },
  { key: 'owner', name: 'Olaf Owner', bu: 'Finance', unit: 'finance' },
  { key: 'member', name: 'Mo Member', bu: 'Finance', unit: 'finance' },
  { key: 'outsider', name: 'Otis Sales', bu: 'Sales', unit: 'sales' },
  { key: 'evaluator', name: 'Eva Luator', bu: 'IT', unit: 'it', roles: ['Bridgekit.Evaluator'] },
  { key: 'admin', name: 'Adele Admin', bu: 'IT', unit: 'it', roles: ['Bridgekit.Admin'] },
] as const;
type Who = (typeof PEOPLE)[number]['key'];
const handle = (key: Who) => `vx.${key}`;
const userId = (key: Who) => `vx-${key}`;
const tokens = {} as Record<Who, string>;

const OBJECTIVE = 'vx-objective-finance';
const SALES_OBJECTIVE = 'vx-objective-sales';
const ARCHIVED_OBJECTIVE = 'vx-objective-archived';

async function send(method: string, url: string, who: Who, body?: unknown) {
  return call(url, { method, token: tokens[who], ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function seed() {
  const now = Date.now();
  const unit = (key: string) => `(select id from business_units where tenant_id = '${TENANT}' and key = '${key}')`;
  await env.DB.batch([
    ...PEOPLE.map((p) =>
      env.DB.prepare(
        `insert into users (id, tenant_id, subject, name, business_unit, handle, unit_id, created_at, last_seen_at)
         values (?, ?, ?, ?, ?, ?, ${unit(p.unit)}, ?, ?)`,
      ).bind(userId(p.key), TENANT, `value|${p.key}`, p.name, p.bu, handle(p.key), now, now),
    ),
    env.DB.prepare(
      `insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values (${unit('finance')}, ?, ?, 'relationship_manager', ?)`,
    ).bind(userId('rm'), TENANT, now),
    ...[
      [OBJECTIVE, 'finance', 'Close the books in three days', null],
      [SALES_OBJECTIVE, 'sales', 'Grow repeat business', null],
      [ARCHIVED_OBJECTIVE, 'finance', 'An objective of last year', now],
    ].map(([id, key, title, archived]) =>
      env.DB.prepare(
        `insert into unit_objectives (id, tenant_id, unit_id, title, archived_at, created_at, updated_at) values (?, ?, ${unit(key as string)}, ?, ?, ?, ?)`,
      ).bind(id, TENANT, title, archived, now, now),
    ),
  ]);
  for (const p of PEOPLE) {
    tokens[p.key] = await token({
      sub: `value|${p.key}`,
      name: p.name,
      bu: p.bu,
      ...('roles' in p ? { extra: { roles: p.roles } } : {}),
    });
  }
}

/** A new idea of the Finance unit, sponsored by `sponsor`, at the intake step given. */
async function newIdea(title: string, step = 'approved', caseCard: string | null = null): Promise<string> {
  const res = await send('POST', `${DEMO}/boards/general/ideas`, 'member', { title, description: `Why ${title} matters to Finance.` });
  expect(res.status).toBe(201);
  const { id } = await json<{ id: string }>(res);
  await env.DB.prepare(
    `update ideas set intake_step = ?, sponsor_id = ?, case_card_id = ?,
       unit_id = (select id from business_units where tenant_id = ? and key = 'finance') where id = ?`,
  )
    .bind(step, userId('sponsor'), caseCard, TENANT, id)
    .run();
  return id;
}

const makePlan = (idea: string, who: Who) => send('POST', `${DEMO}/ideas/${idea}/value-plan`, who);
const count = async (sql: string, ...binds: unknown[]) =>
  ((
    await env.DB.prepare(sql)
      .bind(...binds)
      .first<{ n: number }>()
  )?.n ?? -1) as number;

const HOURS = { title: 'Fewer manual matches', measure: 'hours/month', baseline: 320, target: 80, benefitClass: 'hard' } as const;
const FEES = {
  title: 'Fewer late-payment fees',
  measure: 'EUR/quarter',
  baseline: 12000,
  target: 3000,
  benefitClass: 'cash_releasing',
} as const;

beforeAll(async () => {
  await useTestRoleClaims();
  await seed();
});

describe('the domain rule', () => {
  it('plans target − baseline, delivers the latest actual − baseline, adds only like measures', () => {
    expect(planned({ baseline: 320, target: 80 })).toBe(-240);
    expect(delivered({ baseline: 320, target: 80 }, [])).toBe(0);
    const actuals = [
      { measuredOn: '2027-03-31', value: 150, recordedAt: 1 },
      { measuredOn: '2027-01-31', value: 250, recordedAt: 2 },
      { measuredOn: '2027-03-31', value: 140, recordedAt: 3 },
    ];
    expect(delivered({ baseline: 320, target: 80 }, actuals)).toBe(-180);
    expect(
      totalsByMeasure([
        { measure: 'EUR/year', planned: 0.1, delivered: 0 },
        { measure: 'hours/month', planned: -240, delivered: -180 },
        { measure: ' EUR/year ', planned: 0.2, delivered: 0.1 },
      ]),
    ).toEqual([
      { measure: 'EUR/year', planned: 0.3, delivered: 0.1, benefits: 2 },
      { measure: 'hours/month', planned: -240, delivered: -180, benefits: 1 },
    ]);
  });
});

describe('making the plan of an approved idea', () => {
  it('refuses who is neither evaluator, sponsor nor on the unit’s team, and an idea not approved; writes nothing', async () => {
    const idea = await newIdea('Automate supplier statements');
    const refused = await makePlan(idea, 'member');
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).reason).toBe('forbidden.value_plan');
    const screening = await newIdea('Scan receipts in the expense tool', 'screening');
    const early = await makePlan(screening, 'rm');
    expect(early.status).toBe(409);
    expect(await errorOf(early)).toMatchObject({ reason: 'conflict.not_approved', params: { id: screening, step: 'screening' } });
    expect(
      await count('select count(*) as n from cards where promoted_from in (?, ?)', `value-plan:${idea}`, `value-plan:${screening}`),
    ).toBe(0);
    expect((await makePlan('no-such-idea', 'rm')).status).toBe(404);
  });

  it('makes one card pre-filled from the idea, about its unit; the sponsor and an evaluator get the same card', async () => {
    const idea = await newIdea('Match invoices automatically');
    const made = await makePlan(idea, 'rm');
    expect(made.status, await made.clone().text()).toBe(201);
    const card = await json<PracticeCard>(made);
    expect(card).toMatchObject({
      templateId: 'value-realization-plan',
      title: 'Value plan: Match invoices automatically',
      unit: { key: 'finance' },
      visibility: 'everyone',
      owner: { handle: handle('rm') },
    });
    expect(card.fields).toMatchObject({
      initiative: { kind: 'idea', id: idea },
      strategicAlignment: [{ kind: 'idea', id: idea }],
      benefitsOwner: { handle: handle('sponsor'), name: 'Sina Sponsor' },
      targetBenefits: 'Why Match invoices automatically matters to Finance.',
    });
    for (const who of ['sponsor', 'evaluator', 'rm'] as const) {
      const again = await makePlan(idea, who);
      expect(again.status, who).toBe(200);
      expect((await json<PracticeCard>(again)).id).toBe(card.id);
    }
    expect(await count('select count(*) as n from cards where promoted_from = ?', `value-plan:${idea}`)).toBe(1);
    // The card links the idea as every card links what it cites.
    expect(await count("select count(*) as n from card_links where card_id = ? and to_kind = 'idea' and to_id = ?", card.id, idea)).toBe(2);
  });

  it('links the business case as the initiative and takes its expected benefits as metrics', async () => {
    const caseCard = demoCardId('business-case');
    const idea = await newIdea('Retire the paper invoice archive', 'approved', caseCard);
    const card = await json<PracticeCard>(await makePlan(idea, 'sponsor'));
    expect(card.fields.initiative).toEqual({ kind: 'card', id: caseCard });
    const metrics = card.fields.metrics as { metric: string }[];
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.every((m) => typeof m.metric === 'string' && m.metric.length > 0)).toBe(true);
  });
});

describe('benefits and actuals', () => {
  let plan: string;
  let idea: string;
  const benefits = (card = plan) => `${DEMO}/cards/${card}/benefits`;

  beforeAll(async () => {
    idea = await newIdea('Cut the month-end close');
    plan = (await json<PracticeCard>(await makePlan(idea, 'rm'))).id;
  });

  it('adds a benefit for the plan’s editors, with its planned value; others are refused and nothing is written', async () => {
    const res = await send('POST', benefits(), 'rm', { ...HOURS, owner: handle('owner'), objective: OBJECTIVE, dueOn: '2027-12-31' });
    expect(res.status).toBe(201);
    expect(await json<ValueBenefit>(res)).toMatchObject({
      ...HOURS,
      owner: { handle: handle('owner'), name: 'Olaf Owner' },
      objective: { id: OBJECTIVE, title: 'Close the books in three days' },
      dueOn: '2027-12-31',
      planned: -240,
      delivered: 0,
      actuals: [],
    });
    for (const who of ['member', 'outsider', 'owner', 'evaluator'] as const) {
      const refused = await send('POST', benefits(), who, FEES);
      expect(refused.status, who).toBe(403);
      expect((await errorOf(refused)).reason).toBe('forbidden.value_edit');
    }
    expect((await send('POST', benefits(), 'admin', FEES)).status).toBe(201);
    expect(await count('select count(*) as n from value_benefits where card_id = ?', plan)).toBe(2);
  });

  it('refuses bad input with 400 in the one error shape, and writes nothing', async () => {
    const before = await count('select count(*) as n from value_benefits where card_id = ?', plan);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...HOURS, title: '' }, 'validation_failed.fields', 'body.title'],
      [{ ...HOURS, title: 'x'.repeat(201) }, 'validation_failed.fields', 'body.title'],
      [{ ...HOURS, measure: 'm'.repeat(41) }, 'validation_failed.fields', 'body.measure'],
      [{ ...HOURS, baseline: 1e13 }, 'validation_failed.fields', 'body.baseline'],
      [{ ...HOURS, target: '80' }, 'validation_failed.fields', 'body.target'],
      [{ ...HOURS, benefitClass: 'monetary' }, 'validation_failed.fields', 'body.benefitClass'],
      [{ ...HOURS, dueOn: '2027-02-30' }, 'validation_failed.fields', 'body.dueOn'],
      [{ ...HOURS, extra: 1 }, 'validation_failed.fields', 'body'],
      [{ ...HOURS, owner: 'nobody.here' }, 'validation_failed.benefit_references', 'body.owner'],
      [{ ...HOURS, objective: SALES_OBJECTIVE }, 'validation_failed.benefit_references', 'body.objective'],
      [{ ...HOURS, objective: ARCHIVED_OBJECTIVE }, 'validation_failed.benefit_references', 'body.objective'],
    ];
    for (const [body, reason, path] of cases) {
      const res = await send('POST', benefits(), 'rm', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(res);
      expect(error.reason, JSON.stringify(body)).toBe(reason);
      expect(
        error.details?.map((d) => d.path).some((p) => p.startsWith(path)),
        JSON.stringify(error.details),
      ).toBe(true);
    }
    expect(await count('select count(*) as n from value_benefits where card_id = ?', plan)).toBe(before);
  });

  it('is 404 for a card that is no value plan, and for a benefit or actual that does not exist', async () => {
    const other = await send('GET', `${DEMO}/cards/${demoCardId('business-case')}/benefits`, 'rm');
    expect(other.status).toBe(404);
    expect((await errorOf(other)).reason).toBe('not_found.value_plan');
    expect((await send('POST', benefits(demoCardId('business-case')), 'admin', HOURS)).status).toBe(404);
    expect((await send('PATCH', `${DEMO}/benefits/nope`, 'rm', { target: 1 })).status).toBe(404);
    expect((await send('POST', `${DEMO}/benefits/nope/actuals`, 'rm', { measuredOn: '2026-01-01', value: 1 })).status).toBe(404);
    expect((await send('DELETE', `${DEMO}/actuals/nope`, 'rm')).status).toBe(404);
  });

  it('logs actuals oldest first; delivered is the latest − baseline; totals add like measures only', async () => {
    const card = `${DEMO}/cards`;
    const fresh = (await json<PracticeCard>(await makePlan(await newIdea('Self-service supplier portal'), 'rm'))).id;
    const hours = await json<ValueBenefit>(await send('POST', `${card}/${fresh}/benefits`, 'rm', { ...HOURS, owner: handle('owner') }));
    const fees = await json<ValueBenefit>(await send('POST', `${card}/${fresh}/benefits`, 'rm', FEES));
    const more = await json<ValueBenefit>(
      await send('POST', `${card}/${fresh}/benefits`, 'rm', { ...FEES, title: 'No duplicate payments', baseline: 5000, target: 0 }),
    );
    const actual = (id: string, who: Who, measuredOn: string, value: number) =>
      send('POST', `${DEMO}/benefits/${id}/actuals`, who, { measuredOn, value, note: `as of ${measuredOn}` });
    // The owner of the benefit records, though not an editor of the plan; recorded out of order.
    expect((await actual(hours.id, 'owner', '2026-06-30', 190)).status).toBe(201);
    const second = await actual(hours.id, 'rm', '2026-03-31', 250);
    expect(second.status).toBe(201);
    const after = await json<ValueBenefit>(second);
    expect(after.actuals.map((a) => [a.measuredOn, a.value])).toEqual([
      ['2026-03-31', 250],
      ['2026-06-30', 190],
    ]);
    expect(after.actuals[1]?.recordedBy).toEqual({ handle: handle('owner'), name: 'Olaf Owner' });
    expect(after.delivered).toBe(-130);
    expect((await actual(fees.id, 'rm', '2026-06-30', 9000)).status).toBe(201);

    const read = await send('GET', `${card}/${fresh}/benefits`, 'member');
    expect(read.status).toBe(200);
    const plan = await json<ValuePlan>(read);
    expect(plan.items.map((b) => b.id)).toEqual([hours.id, fees.id, more.id]);
    expect(plan.canEdit).toBe(false);
    expect(plan.idea?.title).toBe('Self-service supplier portal');
    expect(plan.totals).toEqual([
      { measure: 'hours/month', planned: -240, delivered: -130, benefits: 1 },
      { measure: 'EUR/quarter', planned: -14000, delivered: -3000, benefits: 2 },
    ]);
    expect((await json<ValuePlan>(await send('GET', `${card}/${fresh}/benefits`, 'rm'))).canEdit).toBe(true);
  });

  it('lets only the owner and editors record, only up to today; removes an actual for who recorded it or an admin', async () => {
    const [benefit] = (await json<ValuePlan>(await send('GET', benefits(), 'rm'))).items;
    if (!benefit) throw new Error('no benefit');
    const url = `${DEMO}/benefits/${benefit.id}/actuals`;
    const before = await count('select count(*) as n from value_actuals where benefit_id = ?', benefit.id);
    const member = await send('POST', url, 'member', { measuredOn: '2026-01-31', value: 300 });
    expect(member.status).toBe(403);
    expect((await errorOf(member)).reason).toBe('forbidden.value_measure');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await send('POST', url, 'rm', { measuredOn: tomorrow, value: 300 });
    expect(future.status).toBe(400);
    expect(await errorOf(future)).toMatchObject({
      reason: 'validation_failed.measured_in_future',
      details: [{ path: 'body.measuredOn', reason: 'field.date_not_past' }],
    });
    for (const bad of [{ measuredOn: '2026-13-01', value: 1 }, { measuredOn: '2026-01-31', value: -2e12 }, { measuredOn: '2026-01-31' }]) {
      expect((await send('POST', url, 'rm', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(await count('select count(*) as n from value_actuals where benefit_id = ?', benefit.id)).toBe(before);

    const recorded = await json<ValueBenefit>(await send('POST', url, 'owner', { measuredOn: '2026-01-31', value: 300 }));
    const actualId = recorded.actuals.find((a) => a.measuredOn === '2026-01-31')?.id as string;
    for (const who of ['rm', 'member'] as const) {
      const refused = await send('DELETE', `${DEMO}/actuals/${actualId}`, who);
      expect(refused.status, who).toBe(403);
      expect((await errorOf(refused)).reason).toBe('forbidden.value_actual');
    }
    const removed = await send('DELETE', `${DEMO}/actuals/${actualId}`, 'owner');
    expect(removed.status).toBe(200);
    expect((await json<ValueBenefit>(removed)).actuals.some((a) => a.id === actualId)).toBe(false);
    const again = await json<ValueBenefit>(await send('POST', url, 'owner', { measuredOn: '2026-01-30', value: 310 }));
    const adminRemoves = await send('DELETE', `${DEMO}/actuals/${again.actuals.find((a) => a.measuredOn === '2026-01-30')?.id}`, 'admin');
    expect(adminRemoves.status).toBe(200);
  });

  it('changes and removes benefits for the editors only', async () => {
    const created = await json<ValueBenefit>(await send('POST', benefits(), 'rm', { ...FEES, title: 'Fewer supplier calls' }));
    const url = `${DEMO}/benefits/${created.id}`;
    expect((await send('PATCH', url, 'member', { target: 1 })).status).toBe(403);
    const changed = await send('PATCH', url, 'rm', { target: 2000, owner: handle('owner'), dueOn: null });
    expect(changed.status).toBe(200);
    expect(await json<ValueBenefit>(changed)).toMatchObject({
      target: 2000,
      planned: -10000,
      owner: { handle: handle('owner') },
      dueOn: null,
    });
    expect((await send('PATCH', url, 'rm', { objective: SALES_OBJECTIVE })).status).toBe(400);
    expect((await send('DELETE', url, 'outsider')).status).toBe(403);
    expect((await send('DELETE', url, 'rm')).status).toBe(204);
    expect(await count('select count(*) as n from value_benefits where id = ?', created.id)).toBe(0);
  });

  it('holds a plan to 50 benefits, in the insert itself', async () => {
    const card = (await json<PracticeCard>(await makePlan(await newIdea('Fifty benefits'), 'rm'))).id;
    const now = Date.now();
    await env.DB.batch(
      Array.from({ length: 49 }, (_, i) =>
        env.DB.prepare(
          "insert into value_benefits (id, tenant_id, card_id, title, measure, baseline, target, benefit_class, position, updated_at) values (?, ?, ?, ?, 'days', 0, 1, 'soft', ?, ?)",
        ).bind(`vx-fifty-${i}`, TENANT, card, `Benefit ${i}`, i, now),
      ),
    );
    expect((await send('POST', benefits(card), 'rm', HOURS)).status).toBe(201);
    const over = await send('POST', benefits(card), 'rm', HOURS);
    expect(over.status).toBe(409);
    expect(await errorOf(over)).toMatchObject({ reason: 'conflict.benefit_limit', params: { max: 50 } });
    expect(await count('select count(*) as n from value_benefits where card_id = ?', card)).toBe(50);
  });

  it('tells the followers of the plan’s idea when an actual is recorded (value.measured)', async () => {
    await env.DB.prepare(
      "insert into subscriptions (user_id, tenant_id, target, target_id, source, active, created_at) values (?, ?, 'idea', ?, 'manual', 1, ?)",
    )
      .bind(userId('outsider'), TENANT, idea, Date.now())
      .run();
    const [benefit] = (await json<ValuePlan>(await send('GET', benefits(), 'rm'))).items;
    await send('POST', `${DEMO}/benefits/${benefit?.id}/actuals`, 'owner', { measuredOn: '2026-02-28', value: 280 });
    const event = await env.DB.prepare(
      "select id, item_kind as kind, item_id as item from events where tenant_id = ? and type = 'value.measured' and item_id = ? order by id desc limit 1",
    )
      .bind(TENANT, plan)
      .first<{ id: string; kind: string; item: string }>();
    expect(event).toMatchObject({ kind: 'card', item: plan });
    const told = await env.DB.prepare('select user_id as user from notifications where event_id = ? order by user_id')
      .bind(event?.id)
      .all<{ user: string }>();
    // The plan card's owner (rm, its author) and the idea's followers (its author, who follows what
    // they write, and the one who followed it); never the actor.
    expect(told.results.map((r) => r.user)).toEqual([userId('member'), userId('outsider'), userId('rm')].sort());
  });

  it('hides the benefits of a plan kept to its unit’s team from everyone else (404)', async () => {
    const kept = (await json<PracticeCard>(await makePlan(await newIdea('Confidential savings'), 'rm'))).id;
    const benefit = await json<ValueBenefit>(await send('POST', benefits(kept), 'rm', { ...HOURS, owner: handle('owner') }));
    await env.DB.prepare("update cards set visibility = 'unit' where id = ?").bind(kept).run();
    for (const who of ['member', 'outsider', 'evaluator'] as const) {
      const read = await send('GET', benefits(kept), who);
      expect(read.status, who).toBe(404);
      expect(await read.text()).not.toContain('Fewer manual matches');
      expect((await send('PATCH', `${DEMO}/benefits/${benefit.id}`, who, { target: 1 })).status, who).toBe(404);
      expect((await send('DELETE', `${DEMO}/benefits/${benefit.id}`, who)).status, who).toBe(404);
    }
    // Owning a benefit is no right to read a card kept from you.
    expect((await send('POST', `${DEMO}/benefits/${benefit.id}/actuals`, 'owner', { measuredOn: '2026-01-31', value: 1 })).status).toBe(
      404,
    );
    expect((await send('GET', benefits(kept), 'rm')).status).toBe(200);
    expect((await send('GET', benefits(kept), 'admin')).status).toBe(200);
    expect(await count('select count(*) as n from value_actuals where benefit_id = ?', benefit.id)).toBe(0);
  });

  it('reads a plan in one round trip of three statements, whatever the number of benefits and actuals', async () => {
    const measure = async (card: string) => {
      const { db, counts } = countingD1(env.DB);
      const ctx = createExecutionContext();
      const request = new Request(benefits(card), { headers: { authorization: `Bearer ${tokens.member}` } });
      const res = await documented(request, app.fetch(request, { ...env, DB: db }, ctx));
      await waitOnExecutionContext(ctx);
      return { status: res.status, ...counts };
    };
    const empty = (await json<PracticeCard>(await makePlan(await newIdea('An empty plan'), 'rm'))).id;
    const small = await measure(empty);
    const full = (await json<PracticeCard>(await makePlan(await newIdea('A full plan'), 'rm'))).id;
    for (let i = 0; i < 3; i++) {
      const b = await json<ValueBenefit>(await send('POST', benefits(full), 'rm', { ...HOURS, title: `Benefit ${i}` }));
      for (let m = 1; m <= 4; m++)
        await send('POST', `${DEMO}/benefits/${b.id}/actuals`, 'rm', { measuredOn: `2026-0${m}-15`, value: 300 - m });
    }
    const large = await measure(full);
    expect(small).toMatchObject({ status: 200, statements: 3, roundTrips: 1 });
    expect(large).toEqual(small);
  });
});
