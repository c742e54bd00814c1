/**
 * An idea's sponsor and demand class, the rule that a sponsor cannot score, and the intake's
 * decisions (docs/intake.md): the allowed moves, deflecting and deferring through the status
 * rules, approving into a business-case card; bad input refused with nothing written.
 */
import { env } from 'cloudflare:workers';
import type { CardLinks, Idea, IntakeDecision, IntakeResult, PracticeCard, TenantSettings } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

const TENANT = 'demo-tenant';
const author = () => token({ sub: 'in|author', name: 'Ines Author', bu: 'Finance' });
const evaluator = () => token({ sub: 'in|eva', name: 'Eva Intake', extra: { roles: ['Bridgekit.Evaluator'] } });
/** An evaluator who sponsors ideas of her unit: she may not score those. */
const sponsor = () => token({ sub: 'in|sponsor', name: 'Sina Sponsor', bu: 'Finance', extra: { roles: ['Bridgekit.Evaluator'] } });
const member = () => token({ sub: 'in|member', name: 'Mika Member' });
const adminToken = () => token({ sub: 'in|admin', name: 'Adi Admin', extra: { roles: ['Bridgekit.Admin'] } });

const send = async (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const REASON = 'Finance already has this in the planning tool.';
const count = async (sql: string) => ((await env.DB.prepare(sql).first()) as { n: number }).n;

async function newIdea(title: string, extra: Record<string, unknown> = {}): Promise<Idea> {
  const res = await send('POST', `${DEMO}/boards/general/ideas`, await author(), {
    title,
    description: 'Three people match invoices by hand every day.',
    businessCase: { problem: 'Matching invoices by hand is slow.', valueType: 'cost', effort: 'M' },
    unit: 'finance',
    ...extra,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Idea>(res);
}
const decide = async (id: string, body: Record<string, unknown>, t?: string) =>
  send('POST', `${DEMO}/ideas/${id}/intake`, t ?? (await evaluator()), { decidedOn: day(0), ...body });
const getIdea = async (id: string) => json<Idea>(await send('GET', `${DEMO}/ideas/${id}`, null));

beforeAll(async () => {
  await useTestRoleClaims();
  const now = Date.now();
  await env.DB.batch(
    [
      ['in-sponsor', 'in|sponsor', 'Sina Sponsor', 'in.sponsor'],
      ['in-eva', 'in|eva', 'Eva Intake', 'in.eva'],
      ['in-board', 'in|board', 'Bo Board', 'in.board'],
    ].map(([id, subject, name, handle]) =>
      env.DB.prepare(
        'insert into users (id, tenant_id, subject, name, handle, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?)',
      ).bind(id, TENANT, subject, name, handle, now, now),
    ),
  );
});

describe('sponsor and demand class', () => {
  it('an idea names its sponsor by handle and its demand class; unknown ones are 400 with nothing written', async () => {
    const idea = await newIdea('Match invoices automatically', { sponsor: '@In.Sponsor', demandClass: 'grow' });
    expect(idea.sponsor).toEqual({ handle: 'in.sponsor', name: 'Sina Sponsor' });
    expect(idea.demandClass).toEqual({ key: 'grow', label: 'Grow', translations: { de: { label: 'Wachstum' } } });
    expect(idea.intake).toEqual({ step: 'screening', caseCard: null });

    const ideas = () => count(`select count(*) as n from ideas where tenant_id = '${TENANT}'`);
    const before = await ideas();
    const unknownPerson = await send('POST', `${DEMO}/boards/general/ideas`, await author(), {
      title: 'Invoice bot',
      sponsor: 'nobody.here',
    });
    expect(unknownPerson.status).toBe(400);
    expect(await errorOf(unknownPerson)).toMatchObject({
      reason: 'validation_failed.unknown_person',
      params: { handle: 'nobody.here' },
      details: [{ path: 'body.sponsor' }],
    });
    const unknownClass = await send('POST', `${DEMO}/boards/general/ideas`, await author(), {
      title: 'Invoice bot',
      demandClass: 'innovate',
    });
    expect(unknownClass.status).toBe(400);
    expect(await errorOf(unknownClass)).toMatchObject({
      reason: 'validation_failed.unknown_demand_class',
      params: { class: 'innovate', classes: 'run, grow, transform' },
    });
    expect(await ideas()).toBe(before);

    // An edit changes and clears them.
    const edited = await json<Idea>(await send('PATCH', `${DEMO}/ideas/${idea.id}`, await author(), { demandClass: 'run', sponsor: null }));
    expect(edited).toMatchObject({ sponsor: null, demandClass: { key: 'run', label: 'Run' } });
  });

  it("admins set the tenant's own classes (1–12, unique keys); ideas then take those", async () => {
    for (const demandClasses of [
      [],
      Array.from({ length: 13 }, (_, i) => ({ key: `c${i}`, label: `C${i}` })),
      [
        { key: 'a', label: 'A' },
        { key: 'a', label: 'B' },
      ],
      [{ key: 'Bad Key', label: 'X' }],
    ]) {
      const bad = await send('PATCH', `${DEMO}/settings`, await adminToken(), { demandClasses });
      expect(bad.status, JSON.stringify(demandClasses)).toBe(400);
      expect((await errorOf(bad)).code).toBe('validation_failed');
    }
    expect((await send('PATCH', `${DEMO}/settings`, await member(), { demandClasses: [{ key: 'a', label: 'A' }] })).status).toBe(403);
    const set = await send('PATCH', `${DEMO}/settings`, await adminToken(), {
      demandClasses: [
        { key: 'regulatory', label: 'Regulatory', translations: { de: { label: 'Regulatorisch' } } },
        { key: 'grow', label: 'Grow the business' },
      ],
    });
    expect(set.status, await set.clone().text()).toBe(200);
    expect((await json<TenantSettings>(set)).demandClasses.map((c) => c.key)).toEqual(['regulatory', 'grow']);
    try {
      const idea = await newIdea('Report sanctions screening hits', { demandClass: 'regulatory' });
      expect(idea.demandClass).toEqual({ key: 'regulatory', label: 'Regulatory', translations: { de: { label: 'Regulatorisch' } } });
      const refused = await send('POST', `${DEMO}/boards/general/ideas`, await author(), {
        title: 'Transform HR',
        demandClass: 'transform',
      });
      expect((await errorOf(refused)).reason).toBe('validation_failed.unknown_demand_class');
    } finally {
      const reset = await send('PATCH', `${DEMO}/settings`, await adminToken(), { demandClasses: null });
      expect((await json<TenantSettings>(reset)).demandClasses.map((c) => c.key)).toEqual(['run', 'grow', 'transform']);
    }
  });
});

describe('a sponsor cannot score', () => {
  const scores = {
    impact: 4,
    financial: 3,
    strategic_alignment: 3,
    size: 'M',
    new_technology: false,
    third_party: false,
    ways_of_working: false,
  };

  it("the score route refuses the idea's sponsor (403), who may score other ideas", async () => {
    const idea = await newIdea('Supplier statements by e-mail', { sponsor: 'in.sponsor' });
    const refused = await send('PUT', `${DEMO}/ideas/${idea.id}/score`, await sponsor(), { scores });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).reason).toBe('forbidden.sponsor_scores');
    expect(await count(`select count(*) as n from idea_scores where idea_id = '${idea.id}'`)).toBe(0);
    const other = await newIdea('Supplier onboarding checklist');
    expect((await send('PUT', `${DEMO}/ideas/${other.id}/score`, await sponsor(), { scores })).status).toBe(200);
  });

  it('naming someone who scored the idea as its sponsor is 409, and the idea keeps its sponsor', async () => {
    const idea = await newIdea('Dunning letters in the customer’s language');
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/score`, await sponsor(), { scores })).status).toBe(200);
    const res = await send('PATCH', `${DEMO}/ideas/${idea.id}`, await author(), { sponsor: 'in.sponsor', demandClass: 'run' });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ reason: 'conflict.sponsor_scored', params: { handle: 'in.sponsor' } });
    const after = await getIdea(idea.id);
    expect(after.sponsor).toBeNull();
    expect(after.demandClass).toBeNull();
    // Someone who did not score it may sponsor it.
    const ok = await send('PATCH', `${DEMO}/ideas/${idea.id}`, await author(), { sponsor: 'in.board' });
    expect((await json<Idea>(ok)).sponsor?.handle).toBe('in.board');
  });
});

describe('intake decisions', () => {
  it('screening → qualified → approved: the idea is planned and gets its business case, pre-filled and linked', async () => {
    const idea = await newIdea('Three-way matching in accounts payable', { sponsor: 'in.sponsor', demandClass: 'transform' });
    const qualified = await decide(idea.id, { step: 'qualified', forum: 'Finance demand board', decidedOn: day(-2), decider: 'in.board' });
    expect(qualified.status, await qualified.clone().text()).toBe(201);
    const q = await json<IntakeResult>(qualified);
    expect(q.decision).toMatchObject({
      step: 'qualified',
      forum: 'Finance demand board',
      decidedOn: day(-2),
      decider: { handle: 'in.board', name: 'Bo Board' },
    });
    expect(q.idea.intake).toEqual({ step: 'qualified', caseCard: null });

    const approved = await json<IntakeResult>(
      await decide(idea.id, { step: 'approved', forum: 'Finance demand board', note: 'Funded from the Q1 budget.' }),
    );
    expect(approved.decision.decider).toEqual({ handle: 'in.eva', name: 'Eva Intake' });
    expect(approved.idea.status).toMatchObject({ key: 'planned', category: 'planned' });
    expect(approved.idea.intake.step).toBe('approved');
    const caseRef = approved.idea.intake.caseCard;
    expect(caseRef).toMatchObject({ title: idea.title });

    const card = await json<PracticeCard>(await send('GET', `${DEMO}/cards/${caseRef?.id}`, await member()));
    expect(card.templateId).toBe('business-case');
    expect(card.unit?.key).toBe('finance');
    expect(card.owner?.handle).toBe('in.sponsor');
    expect(card.fields.sponsor).toEqual({ name: 'Sina Sponsor', handle: 'in.sponsor' });
    expect(card.fields.decisionStatus).toBe('approved');
    expect(String(card.fields.executiveSummary)).toContain('Three people match invoices by hand');
    expect(card.fields.reasons).toBe('Matching invoices by hand is slow.');

    // The card links back to the idea it was made from.
    const links = await json<CardLinks>(await send('GET', `${DEMO}/cards/${caseRef?.id}/links`, await member()));
    expect(links.ideas).toContainEqual({ id: idea.id, title: idea.title, direction: 'case-for' });

    const history = await json<{ items: IntakeDecision[] }>(await send('GET', `${DEMO}/ideas/${idea.id}/intake`, null));
    expect(history.items.map((d) => d.step)).toEqual(['qualified', 'approved']);
    // Each decision raised an event for the idea's followers.
    expect(
      await count(
        `select count(*) as n from events where tenant_id = '${TENANT}' and type = 'idea.intake_decided' and item_id = '${idea.id}'`,
      ),
    ).toBe(2);
    expect(
      await count(
        `select count(*) as n from notifications n join events e on e.id = n.event_id where e.type = 'idea.intake_decided' and e.item_id = '${idea.id}' and n.user_id = (select id from users where subject = 'in|author')`,
      ),
    ).toBe(2);

    // Approved is final.
    const again = await decide(idea.id, { step: 'deferred', revisitOn: day(30), reason: REASON });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ reason: 'conflict.intake_step', params: { from: 'approved', to: 'deferred' } });
  });

  it('the business case serves the objectives of the idea', async () => {
    const objective = await json<{ id: string }>(
      await send('POST', `${DEMO}/units/finance/objectives`, await adminToken(), { title: 'Pay suppliers within terms' }),
    );
    const idea = await newIdea('Early-payment discounts', { objectives: [objective.id] });
    await decide(idea.id, { step: 'qualified' });
    const { idea: after } = await json<IntakeResult>(await decide(idea.id, { step: 'approved' }));
    const res = await send('GET', `${DEMO}/cards/${after.intake.caseCard?.id}/objectives`, null);
    expect((await json<{ objectives: { id: string }[] }>(res)).objectives.map((o) => o.id)).toEqual([objective.id]);
    // Without a sponsor, the evaluator who recorded it owns the case.
    const card = await json<PracticeCard>(await send('GET', `${DEMO}/cards/${after.intake.caseCard?.id}`, null));
    expect(card.owner?.handle).toBe('in.eva');
  });

  it('the forum sorts the idea with its decision: sponsor, class and objectives in the same write, and the case takes them', async () => {
    const objective = await json<{ id: string }>(
      await send('POST', `${DEMO}/units/finance/objectives`, await adminToken(), { title: 'Close the quarter on time' }),
    );
    const idea = await newIdea('Reconcile intercompany balances nightly');
    const screened = await json<IntakeResult>(
      await decide(idea.id, { step: 'needs_information', sponsor: '@in.board', demandClass: 'grow', objectives: [objective.id] }),
    );
    expect(screened.idea.sponsor).toEqual({ handle: 'in.board', name: 'Bo Board' });
    expect(screened.idea.demandClass?.key).toBe('grow');
    expect(screened.idea.objectives.map((o) => o.id)).toEqual([objective.id]);
    // Left out: kept; null: cleared.
    const qualified = await json<IntakeResult>(await decide(idea.id, { step: 'qualified', demandClass: null }));
    expect(qualified.idea.sponsor?.handle).toBe('in.board');
    expect(qualified.idea.demandClass).toBeNull();
    // Named at approval, the sponsor owns the case at once.
    const { idea: approved } = await json<IntakeResult>(
      await decide(idea.id, { step: 'approved', sponsor: 'in.sponsor', demandClass: 'transform' }),
    );
    expect(approved.sponsor?.handle).toBe('in.sponsor');
    const card = await json<PracticeCard>(await send('GET', `${DEMO}/cards/${approved.intake.caseCard?.id}`, null));
    expect(card.owner?.handle).toBe('in.sponsor');
    expect(card.fields.sponsor).toEqual({ name: 'Sina Sponsor', handle: 'in.sponsor' });
    const served = await json<{ objectives: { id: string }[] }>(await send('GET', `${DEMO}/cards/${card.id}/objectives`, null));
    expect(served.objectives.map((o) => o.id)).toEqual([objective.id]);
  });

  it('a decision whose sorting is refused writes nothing: an unknown class or person is 400, a sponsor who scored it 409', async () => {
    const idea = await newIdea('Automatic FX revaluation');
    const decisions = async () => count(`select count(*) as n from intake_decisions where idea_id = '${idea.id}'`);
    const unknownClass = await decide(idea.id, { step: 'qualified', demandClass: 'moonshot' });
    expect(unknownClass.status).toBe(400);
    const unknownPerson = await decide(idea.id, { step: 'qualified', sponsor: 'nobody.here' });
    expect(unknownPerson.status).toBe(400);
    expect((await errorOf(unknownPerson)).details?.[0]?.path).toBe('body.sponsor');
    const unknownObjective = await decide(idea.id, { step: 'qualified', objectives: ['no-such-objective'] });
    expect(unknownObjective.status).toBe(400);
    const scores = {
      impact: 4,
      financial: 3,
      strategic_alignment: 3,
      size: 'M',
      new_technology: false,
      third_party: false,
      ways_of_working: false,
    };
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/score`, await sponsor(), { scores })).status).toBe(200);
    const scored = await decide(idea.id, { step: 'qualified', sponsor: 'in.sponsor' });
    expect(scored.status).toBe(409);
    expect((await errorOf(scored)).reason).toBe('conflict.sponsor_scored');
    expect(await decisions()).toBe(0);
    const after = await getIdea(idea.id);
    expect(after.intake.step).toBe('screening');
    expect(after.sponsor).toBeNull();
  });

  it("evaluators sort anyone's idea between decisions (sponsor, class, objectives), not its text", async () => {
    const idea = await newIdea('Cash forecast from open orders');
    const sorted = await send('PATCH', `${DEMO}/ideas/${idea.id}`, await evaluator(), { sponsor: 'in.board', demandClass: 'grow' });
    expect(sorted.status, await sorted.clone().text()).toBe(200);
    expect(await json<Idea>(sorted)).toMatchObject({ sponsor: { handle: 'in.board' }, demandClass: { key: 'grow' } });
    const text = await send('PATCH', `${DEMO}/ideas/${idea.id}`, await evaluator(), { title: 'A title of my own', demandClass: 'run' });
    expect(text.status).toBe(403);
    expect((await getIdea(idea.id)).demandClass?.key).toBe('grow');
    const byMember = await send('PATCH', `${DEMO}/ideas/${idea.id}`, await member(), { demandClass: 'run' });
    expect(byMember.status).toBe(403);
  });

  it('moves the table does not allow are 409 with from and to; nothing is written', async () => {
    const idea = await newIdea('Expense receipts by photo');
    const skip = await decide(idea.id, { step: 'approved' });
    expect(skip.status).toBe(409);
    expect(await errorOf(skip)).toMatchObject({ reason: 'conflict.intake_step', params: { from: 'screening', to: 'approved' } });
    const same = await decide(idea.id, { step: 'screening' });
    expect(same.status).toBe(409);
    expect(await count(`select count(*) as n from intake_decisions where idea_id = '${idea.id}'`)).toBe(0);
    expect((await getIdea(idea.id)).intake.step).toBe('screening');
  });

  it('deflected sets a deflection status with its reason and card, and is final', async () => {
    const idea = await newIdea('A report of open invoices');
    const notDeflection = await decide(idea.id, { step: 'deflected', status: 'planned', reason: REASON });
    expect(notDeflection.status).toBe(400);
    expect(await errorOf(notDeflection)).toMatchObject({ reason: 'validation_failed.intake_status', details: [{ path: 'body.status' }] });
    const shortReason = await decide(idea.id, { step: 'deflected', status: 'already_available', reason: 'Exists.' });
    expect((await errorOf(shortReason)).reason).toBe('validation_failed.status_reason');
    const unknownCard = await decide(idea.id, { step: 'deflected', status: 'already_available', reason: REASON, card: 'no-such-card' });
    expect((await errorOf(unknownCard)).reason).toBe('validation_failed.unknown_card');
    const missing = await decide(idea.id, { step: 'deflected', reason: REASON });
    expect(missing.status).toBe(400);
    expect(await count(`select count(*) as n from intake_decisions where idea_id = '${idea.id}'`)).toBe(0);
    expect(await count(`select count(*) as n from idea_status_changes where idea_id = '${idea.id}'`)).toBe(0);

    const res = await decide(idea.id, { step: 'deflected', status: 'already_available', reason: REASON, card: 'demo-card-business-case' });
    expect(res.status, await res.clone().text()).toBe(201);
    const { idea: after } = await json<IntakeResult>(res);
    expect(after.intake.step).toBe('deflected');
    expect(after.status).toMatchObject({ key: 'already_available', reason: REASON, deflection: true });
    expect(after.closed).toBe(true);
    expect((await decide(idea.id, { step: 'screening' })).status).toBe(409);
  });

  it('deferred sets the revisit date and may come back to screening', async () => {
    const idea = await newIdea('Treasury dashboard on mobile');
    const past = await decide(idea.id, { step: 'deferred', revisitOn: day(-1), reason: REASON });
    expect((await errorOf(past)).reason).toBe('validation_failed.revisit_date_past');
    const res = await decide(idea.id, { step: 'deferred', revisitOn: day(60), reason: REASON, forum: 'Finance demand board' });
    expect(res.status, await res.clone().text()).toBe(201);
    const { idea: deferred } = await json<IntakeResult>(res);
    expect(deferred.status).toMatchObject({ key: 'deferred', revisitOn: day(60) });
    expect(deferred.intake.step).toBe('deferred');
    const back = await json<IntakeResult>(await decide(idea.id, { step: 'screening' }));
    expect(back.idea.intake.step).toBe('screening');
  });

  it('refuses a decision dated after today, an unknown decider, bad bodies and anyone but evaluators', async () => {
    const idea = await newIdea('Bank statement import');
    const future = await decide(idea.id, { step: 'qualified', decidedOn: day(1) });
    expect(future.status).toBe(400);
    expect(await errorOf(future)).toMatchObject({
      reason: 'validation_failed.decided_in_future',
      details: [{ path: 'body.decidedOn', reason: 'field.date_not_past' }],
    });
    const unknown = await decide(idea.id, { step: 'qualified', decider: 'nobody.here' });
    expect(await errorOf(unknown)).toMatchObject({ reason: 'validation_failed.unknown_person', details: [{ path: 'body.decider' }] });
    for (const body of [
      { step: 'approve' },
      { step: 'qualified', decidedOn: '2026-02-30' },
      { step: 'qualified', revisitOn: day(3) },
      { step: 'deferred', reason: REASON },
    ]) {
      const bad = await decide(idea.id, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(bad)).code).toBe('validation_failed');
    }
    expect((await decide(idea.id, { step: 'qualified' }, await member())).status).toBe(403);
    expect((await send('POST', `${DEMO}/ideas/${idea.id}/intake`, null, { step: 'qualified', decidedOn: day(0) })).status).toBe(401);
    expect((await decide('no-such-idea', { step: 'qualified' })).status).toBe(404);
    expect(await count(`select count(*) as n from intake_decisions where idea_id = '${idea.id}'`)).toBe(0);
  });
});
