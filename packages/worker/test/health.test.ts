/**
 * Health rounds through the API (docs/health.md): who opens, invites, answers and closes; blind
 * until closed on every route for every reader; invisible to other units' teams and plain members;
 * results, the maturity rule and the trend; a constant number of D1 statements per read.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { HealthResults, HealthRound, HealthTrend } from '@bridgekit/sdk';
import { HEALTH_ITEMS } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { documented } from './contract.ts';
import { countingD1 } from './counting-d1.ts';
import { call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

const TENANT = 'demo-tenant';

interface Person {
  key: string;
  name: string;
  /** The unit's name, as the token's `bu` claim gives it. */
  bu?: string;
  unit?: string;
}

/** The people of these tests. Finance is a demand-side unit of the demo seed, IT its supply side. */
const PEOPLE: Person[] = [
  { key: 'rm', name: 'Rita Manager', bu: 'IT', unit: 'it' },
  { key: 'bp', name: 'Bruno Partner', bu: 'Finance', unit: 'finance' },
  { key: 'biz1', name: 'Bea Finance', bu: 'Finance', unit: 'finance' },
  { key: 'biz2', name: 'Bo Finance', bu: 'Finance', unit: 'finance' },
  { key: 'it1', name: 'Ida Tech', bu: 'IT', unit: 'it' },
  { key: 'it2', name: 'Ivo Tech', bu: 'IT', unit: 'it' },
  { key: 'free', name: 'Nora Nounit' },
  { key: 'outsider', name: 'Otto Sales', bu: 'Sales', unit: 'sales' },
  { key: 'salesrm', name: 'Sam Salesrm', bu: 'IT', unit: 'it' },
  { key: 'cio', name: 'Cleo Cio', bu: 'IT', unit: 'it' },
  { key: 'admin', name: 'Ada Admin', bu: 'IT', unit: 'it' },
];
const handle = (key: string) => `hx.${key}`;
const subject = (key: string) => `health|${key}`;

const tokens: Record<string, string> = {};
const as = (key: string) => tokens[key] as string;

/**
 * The people and teams go straight into D1: the units API is another helper's work in progress,
 * and these tests are about rounds. The tokens carry the same unit in their `bu` claim.
 */
async function seedPeople() {
  const now = Date.now();
  await env.DB.batch([
    ...PEOPLE.map((p) =>
      env.DB.prepare(
        `insert into users (id, tenant_id, subject, name, business_unit, handle, unit_id, created_at, last_seen_at)
         values (?, ?, ?, ?, ?, ?, (select id from business_units where tenant_id = ? and key = ?), ?, ?)`,
      ).bind(`hx-${p.key}`, TENANT, subject(p.key), p.name, p.bu ?? null, handle(p.key), TENANT, p.unit ?? '', now, now),
    ),
    ...[
      ['rm', 'finance', 'relationship_manager'],
      ['bp', 'finance', 'business_partner'],
      ['salesrm', 'sales', 'relationship_manager'],
    ].map(([person, unit, role]) =>
      env.DB.prepare(
        `insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at)
         values ((select id from business_units where tenant_id = ? and key = ?), ?, ?, ?, ?)`,
      ).bind(TENANT, unit, `hx-${person}`, TENANT, role, now),
    ),
    env.DB.prepare("insert into user_roles (tenant_id, subject, role, granted_by, created_at) values (?, ?, 'cio', 'test', ?)").bind(
      TENANT,
      subject('cio'),
      now,
    ),
  ]);
  for (const p of PEOPLE) {
    tokens[p.key] = await token({
      sub: subject(p.key),
      name: p.name,
      ...(p.bu ? { bu: p.bu } : {}),
      ...(p.key === 'admin' ? { extra: { roles: ['Bridgekit.Admin'] } } : {}),
    });
  }
}

const ROUNDS = `${DEMO}/health-rounds`;

async function send(method: string, url: string, who: string, body?: unknown) {
  return call(url, { method, token: as(who), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function open(title = 'Finance, Q1', by = 'rm', extra: Record<string, unknown> = {}): Promise<HealthRound> {
  const res = await send('POST', ROUNDS, by, { unit: 'finance', title, ...extra });
  expect(res.status).toBe(201);
  return json<HealthRound>(res);
}

async function inviteAll(id: string) {
  const res = await send('POST', `${ROUNDS}/${id}/invitations`, 'rm', {
    people: [
      { handle: handle('biz1'), side: 'business' },
      { handle: handle('biz2'), side: 'business' },
      { handle: handle('it1'), side: 'provider' },
      { handle: handle('it2'), side: 'provider' },
      { handle: handle('free'), side: 'business' },
    ],
  });
  expect(res.status).toBe(200);
  return json<HealthRound>(res);
}

const every = (score: number, comment?: string) =>
  HEALTH_ITEMS.map((item, i) => ({ item: item.key, score, ...(comment && i === 0 ? { comment } : {}) }));

async function answerAs(who: string, id: string, answers: { item: string; score: number; comment?: string }[]) {
  const res = await send('PUT', `${ROUNDS}/${id}/answers`, who, { answers });
  expect(res.status, await res.clone().text()).toBe(200);
  return json<HealthRound>(res);
}

beforeAll(async () => {
  await useTestRoleClaims();
  await seedPeople();
});

describe('opening a round', () => {
  it("takes the unit's relationship manager or an admin, with the default items of both sides", async () => {
    const round = await open();
    expect(round).toMatchObject({
      unit: { key: 'finance', name: 'Finance', side: 'demand' },
      state: 'open',
      closedAt: null,
      canManage: true,
    });
    expect(round.items.map((i) => i.key)).toEqual(HEALTH_ITEMS.map((i) => i.key));
    expect(new Set(round.items.map((i) => i.rates))).toEqual(new Set(['business', 'provider']));
    expect(round.counts).toEqual({ business: { invited: 0, responded: 0 }, provider: { invited: 0, responded: 0 } });
    expect(round.mine).toBeNull();
    expect((await send('POST', ROUNDS, 'admin', { unit: 'finance', title: 'By an admin' })).status).toBe(201);
  });

  it('refuses the business partner, other units’ managers and members (403), unknown units (400) and one-sided items (400)', async () => {
    for (const who of ['bp', 'salesrm', 'outsider', 'biz1', 'cio']) {
      const res = await send('POST', ROUNDS, who, { unit: 'finance', title: 'Not mine' });
      expect(res.status, who).toBe(403);
      expect((await errorOf(res)).reason).toBe('forbidden.health_manage');
    }
    const unknown = await send('POST', ROUNDS, 'rm', { unit: 'nowhere', title: 'Nowhere' });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).reason).toBe('validation_failed.unknown_unit');
    const oneSided = await send('POST', ROUNDS, 'rm', { unit: 'finance', title: 'One-sided', items: ['responsiveness', 'communication'] });
    expect(oneSided.status).toBe(400);
    expect((await errorOf(oneSided)).reason).toBe('validation_failed.health_items');
    const chosen = await open('Two items', 'rm', { items: ['owns-benefits', 'responsiveness'] });
    expect(chosen.items.map((i) => i.key)).toEqual(['responsiveness', 'owns-benefits']);
    const rows = await env.DB.prepare("select count(*) as n from health_rounds where title in ('Not mine', 'Nowhere', 'One-sided')").first<{
      n: number;
    }>();
    expect(rows?.n).toBe(0);
  });
});

describe('invitations', () => {
  it('take people by handle for a side, people without a unit for either; again changes nothing', async () => {
    const round = await open('Invitations');
    const invited = await inviteAll(round.id);
    expect(invited.counts).toEqual({ business: { invited: 3, responded: 0 }, provider: { invited: 2, responded: 0 } });
    expect((await inviteAll(round.id)).counts).toEqual(invited.counts);
  });

  it('refuse a person whose unit is of the other side and unknown handles (400), and anyone but the managers', async () => {
    const round = await open('Invitation rules');
    for (const [who, side] of [
      ['biz1', 'provider'],
      ['it1', 'business'],
    ] as const) {
      const res = await send('POST', `${ROUNDS}/${round.id}/invitations`, 'rm', { people: [{ handle: handle(who), side }] });
      expect(res.status, who).toBe(400);
      const error = await errorOf(res);
      expect(error.reason).toBe('validation_failed.health_side');
      expect(error.details?.[0]?.path).toBe('body.people.0.side');
    }
    const unknown = await send('POST', `${ROUNDS}/${round.id}/invitations`, 'rm', {
      people: [{ handle: 'nobody.here', side: 'business' }],
    });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).reason).toBe('validation_failed.health_invitees');
    const partner = await send('POST', `${ROUNDS}/${round.id}/invitations`, 'bp', {
      people: [{ handle: handle('biz1'), side: 'business' }],
    });
    expect(partner.status).toBe(403);
    const outsider = await send('POST', `${ROUNDS}/${round.id}/invitations`, 'outsider', {
      people: [{ handle: handle('biz1'), side: 'business' }],
    });
    expect(outsider.status).toBe(404);
    const rows = await env.DB.prepare('select count(*) as n from health_invitations where round_id = ?')
      .bind(round.id)
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });
});

describe('answers', () => {
  it('are taken from invitees only, while the round is open, and replace their earlier ones', async () => {
    const round = await open('Answers');
    await inviteAll(round.id);
    const first = await answerAs('biz1', round.id, every(3, 'First thoughts'));
    expect(first.mine).toMatchObject({
      side: 'business',
      answers: expect.arrayContaining([{ item: HEALTH_ITEMS[0].key, score: 3, comment: 'First thoughts' }]),
    });
    expect(first.mine?.respondedAt).not.toBeNull();
    expect(first.counts).toBeNull();
    const second = await answerAs('biz1', round.id, [{ item: 'responsiveness', score: 4 }]);
    expect(second.mine?.answers).toEqual([{ item: 'responsiveness', score: 4, comment: null }]);

    const notInvited = await send('PUT', `${ROUNDS}/${round.id}/answers`, 'bp', { answers: [{ item: 'responsiveness', score: 4 }] });
    expect(notInvited.status).toBe(403);
    expect((await errorOf(notInvited)).reason).toBe('forbidden.health_not_invited');
    const outsider = await send('PUT', `${ROUNDS}/${round.id}/answers`, 'outsider', { answers: [{ item: 'responsiveness', score: 4 }] });
    expect(outsider.status).toBe(404);
    expect((await errorOf(outsider)).reason).toBe('not_found.health_round');

    const unknownItem = await send('PUT', `${ROUNDS}/${round.id}/answers`, 'biz1', { answers: [{ item: 'trust', score: 4 }] });
    expect(unknownItem.status).toBe(400);
    expect((await errorOf(unknownItem)).reason).toBe('validation_failed.health_answers');
    const twice = await send('PUT', `${ROUNDS}/${round.id}/answers`, 'biz1', {
      answers: [
        { item: 'responsiveness', score: 4 },
        { item: 'responsiveness', score: 2 },
      ],
    });
    expect(twice.status).toBe(400);
    for (const score of [0, 6, 2.5]) {
      const res = await send('PUT', `${ROUNDS}/${round.id}/answers`, 'biz1', { answers: [{ item: 'responsiveness', score }] });
      expect(res.status, String(score)).toBe(400);
      expect((await errorOf(res)).reason).toBe('validation_failed.fields');
    }
    // Nothing of the refused ones was kept.
    const kept = await env.DB.prepare('select item_key as item, score from health_answers where round_id = ?').bind(round.id).all();
    expect(kept.results).toEqual([{ item: 'responsiveness', score: 4 }]);

    expect((await send('POST', `${ROUNDS}/${round.id}/close`, 'rm')).status).toBe(200);
    const late = await send('PUT', `${ROUNDS}/${round.id}/answers`, 'biz2', { answers: [{ item: 'responsiveness', score: 1 }] });
    expect(late.status).toBe(409);
    expect((await errorOf(late)).reason).toBe('conflict.health_round_closed');
    const lateInvite = await send('POST', `${ROUNDS}/${round.id}/invitations`, 'rm', {
      people: [{ handle: handle('biz2'), side: 'business' }],
    });
    expect(lateInvite.status).toBe(409);
  });
});

describe('a round stays blind until it closes', () => {
  const SECRET = 'The provider never calls back';
  let round: HealthRound;

  beforeAll(async () => {
    round = await open('Blind');
    await inviteAll(round.id);
    await answerAs('biz1', round.id, every(2, SECRET));
    await answerAs('it1', round.id, every(5));
  });

  it('shows nobody any score on any route while open: not the team, not the CIO, not an admin, not the other side', async () => {
    for (const who of ['rm', 'bp', 'cio', 'admin', 'it1', 'it2', 'biz2', 'free']) {
      const got = await send('GET', `${ROUNDS}/${round.id}`, who);
      expect(got.status, who).toBe(200);
      const text = await got.text();
      expect(text, who).not.toContain(SECRET);
      const body = JSON.parse(text) as HealthRound;
      // Only one's own answers; and those of the other invitees never.
      if (who === 'it1') expect(body.mine?.answers.every((a) => a.score === 5)).toBe(true);
      else if (body.mine) expect(body.mine.answers, who).toEqual([]);

      const results = await send('GET', `${ROUNDS}/${round.id}/results`, who);
      const expected = ['rm', 'bp', 'cio', 'admin'].includes(who) ? 409 : 404;
      expect(results.status, who).toBe(expected);
      expect((await errorOf(results)).reason).toBe(expected === 409 ? 'conflict.health_round_open' : 'not_found.health_round');

      const list = await send('GET', `${ROUNDS}?unit=finance`, who);
      expect(await list.text(), who).not.toContain(SECRET);
    }
    for (const who of ['rm', 'bp', 'cio', 'admin']) {
      const trend = await json<HealthTrend>(await send('GET', `${DEMO}/units/finance/health-trend`, who));
      expect(trend.rounds.map((r) => r.roundId)).not.toContain(round.id);
    }
  });

  it('shows the team counts per side, and invitees no counts', async () => {
    const team = await json<HealthRound>(await send('GET', `${ROUNDS}/${round.id}`, 'bp'));
    expect(team.counts).toEqual({ business: { invited: 3, responded: 1 }, provider: { invited: 2, responded: 1 } });
    expect(team.canManage).toBe(false);
    const invitee = await json<HealthRound>(await send('GET', `${ROUNDS}/${round.id}`, 'biz2'));
    expect(invitee.counts).toBeNull();
    expect(invitee.mine).toMatchObject({ side: 'business', respondedAt: null, answers: [] });
  });

  it("is invisible to other units' teams and to plain members (404), open or closed", async () => {
    const closedRound = await open('Closed, still hidden');
    await inviteAll(closedRound.id);
    expect((await send('POST', `${ROUNDS}/${closedRound.id}/close`, 'rm')).status).toBe(200);
    for (const id of [round.id, closedRound.id]) {
      for (const who of ['outsider', 'salesrm']) {
        for (const path of ['', '/results']) {
          const res = await send('GET', `${ROUNDS}/${id}${path}`, who);
          expect(res.status, `${who} ${path}`).toBe(404);
          expect((await errorOf(res)).reason).toBe('not_found.health_round');
        }
        const close = await send('POST', `${ROUNDS}/${id}/close`, who);
        expect(close.status).toBe(404);
        const list = await json<{ items: HealthRound[] }>(await send('GET', ROUNDS, who));
        expect(list.items.map((r) => r.id)).not.toContain(id);
      }
    }
    for (const who of ['outsider', 'salesrm', 'biz1', 'it1']) {
      const trend = await send('GET', `${DEMO}/units/finance/health-trend`, who);
      expect(trend.status, who).toBe(404);
      expect((await errorOf(trend)).reason).toBe('not_found.health_unit');
    }
    // Invitees keep seeing the round they answer, but never its results.
    const invitee = await send('GET', `${ROUNDS}/${closedRound.id}/results`, 'biz1');
    expect(invitee.status).toBe(404);
    expect((await call(ROUNDS)).status).toBe(401);
  });
});

describe('results', () => {
  it('give each item both sides and the gap, and a maturity no higher than the weaker side supports', async () => {
    const round = await open('Perception gap');
    await inviteAll(round.id);
    // The worked example of docs/health.md: IT rates everything 5, the business 2.
    await answerAs('it1', round.id, every(5, 'We deliver everything asked'));
    await answerAs('it2', round.id, every(5));
    await answerAs('biz1', round.id, every(2, 'Slow and surprising'));
    await answerAs('biz2', round.id, every(2));
    const closeByPartner = await send('POST', `${ROUNDS}/${round.id}/close`, 'bp');
    expect(closeByPartner.status).toBe(403);
    const closed = await json<HealthRound>(await send('POST', `${ROUNDS}/${round.id}/close`, 'rm'));
    expect(closed.state).toBe('closed');
    const again = await send('POST', `${ROUNDS}/${round.id}/close`, 'rm');
    expect(again.status).toBe(409);

    for (const who of ['rm', 'bp', 'cio', 'admin']) {
      const res = await send('GET', `${ROUNDS}/${round.id}/results`, who);
      expect(res.status, who).toBe(200);
      const results = await json<HealthResults>(res);
      expect(results.perItem).toHaveLength(HEALTH_ITEMS.length);
      for (const item of results.perItem) {
        expect(item).toMatchObject({ business: { mean: 2, n: 2 }, provider: { mean: 5, n: 2 }, gap: -3 });
      }
      expect(results.sides).toEqual({
        business: { invited: 3, respondents: 2, mean: 2, level: 2 },
        provider: { invited: 2, respondents: 2, mean: 5, level: 5 },
      });
      expect(results.maturity).toMatchObject({ level: 2, label: 'Order taker', weakerSide: 'business' });
      expect(results.comments).toEqual({
        business: [{ item: HEALTH_ITEMS[0].key, comment: 'Slow and surprising' }],
        provider: [{ item: HEALTH_ITEMS[0].key, comment: 'We deliver everything asked' }],
      });
      // Unattributed: no names, handles or ids of respondents.
      const text = JSON.stringify(results);
      for (const p of ['biz1', 'biz2', 'it1', 'it2']) expect(text).not.toContain(handle(p));
    }
  });

  it('estimate no maturity when only one side answered', async () => {
    const round = await open('One side only');
    await inviteAll(round.id);
    await answerAs('it1', round.id, every(5));
    await send('POST', `${ROUNDS}/${round.id}/close`, 'admin');
    const results = await json<HealthResults>(await send('GET', `${ROUNDS}/${round.id}/results`, 'rm'));
    expect(results.sides.provider).toMatchObject({ respondents: 1, mean: 5, level: 5 });
    expect(results.sides.business).toMatchObject({ respondents: 0, mean: null, level: null });
    expect(results.maturity).toBeNull();
    expect(results.perItem[0]).toMatchObject({ business: null, provider: { mean: 5, n: 1 }, gap: null });
  });
});

describe('the trend', () => {
  it("lists a unit's closed rounds oldest first, with each side and the maturity", async () => {
    // A unit of its own, so that other tests' rounds do not count.
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "insert into business_units (id, tenant_id, key, name, side, created_at, updated_at) values ('hx-unit-ops', ?, 'hx-ops', 'HX Ops', 'demand', ?, ?)",
      ).bind(TENANT, now, now),
      env.DB.prepare(
        "insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values ('hx-unit-ops', 'hx-rm', ?, 'relationship_manager', ?)",
      ).bind(TENANT, now),
    ]);
    const ids: string[] = [];
    for (const [title, business, provider] of [
      ['Ops 1', 2, 4],
      ['Ops 2', 3, 4],
      ['Ops 3', 4, 4],
    ] as const) {
      const round = await json<HealthRound>(await send('POST', ROUNDS, 'rm', { unit: 'hx-ops', title }));
      ids.push(round.id);
      await send('POST', `${ROUNDS}/${round.id}/invitations`, 'rm', {
        people: [
          { handle: handle('free'), side: 'business' },
          { handle: handle('it1'), side: 'provider' },
        ],
      });
      await answerAs('free', round.id, every(business));
      await answerAs('it1', round.id, every(provider));
      expect((await send('POST', `${ROUNDS}/${round.id}/close`, 'rm')).status).toBe(200);
    }
    const stillOpen = await json<HealthRound>(await send('POST', ROUNDS, 'rm', { unit: 'hx-ops', title: 'Ops 4 (open)' }));
    const trend = await json<HealthTrend>(await send('GET', `${DEMO}/units/hx-ops/health-trend`, 'cio'));
    expect(trend.unit).toEqual({ key: 'hx-ops', name: 'HX Ops', side: 'demand' });
    expect(trend.rounds.map((r) => r.roundId)).toEqual(ids);
    expect(trend.rounds.map((r) => r.roundId)).not.toContain(stillOpen.id);
    expect(trend.rounds.map((r) => [r.business.mean, r.provider.mean, r.maturity?.level])).toEqual([
      [2, 4, 2],
      [3, 4, 3],
      [4, 4, 4],
    ]);
    expect(trend.rounds[2]?.maturity?.weakerSide).toBeNull();
  });
});

describe('D1 statements per request', () => {
  async function measure(url: string, who: string) {
    const { db, counts } = countingD1(env.DB);
    const ctx = createExecutionContext();
    const request = new Request(url, { headers: { authorization: `Bearer ${as(who)}` } });
    const res = await documented(request, app.fetch(request, { ...env, DB: db }, ctx));
    await waitOnExecutionContext(ctx);
    return { status: res.status, ...counts };
  }

  it('a round, its results, the list and the trend are one round trip each, whatever the answers, for any caller', async () => {
    const small = await open('Budget small');
    await inviteAll(small.id);
    await answerAs('biz1', small.id, every(3));
    await send('POST', `${ROUNDS}/${small.id}/close`, 'rm');
    const large = await open('Budget large');
    await inviteAll(large.id);
    for (const who of ['biz1', 'biz2', 'free', 'it1', 'it2']) await answerAs(who, large.id, every(4, 'Some words'));
    await send('POST', `${ROUNDS}/${large.id}/close`, 'rm');
    await measure(`${ROUNDS}/${small.id}`, 'rm'); // the tenant, into this isolate's cache
    for (const who of ['rm', 'cio', 'outsider', 'biz1']) {
      const shapes = [];
      for (const round of [small, large]) {
        shapes.push(await measure(`${ROUNDS}/${round.id}`, who));
        shapes.push(await measure(`${ROUNDS}/${round.id}/results`, who));
      }
      for (const s of shapes) expect(s.roundTrips, who).toBe(1);
      expect(shapes[0]?.statements).toBe(1);
      expect(shapes[1]?.statements).toBe(3);
      expect(shapes[2]).toEqual(shapes[0]);
      expect(shapes[3]).toEqual(shapes[1]);
      expect(await measure(`${ROUNDS}?unit=finance`, who)).toMatchObject({ statements: 1, roundTrips: 1 });
      expect(await measure(`${DEMO}/units/finance/health-trend`, who)).toMatchObject({ statements: 3, roundTrips: 1 });
    }
  });
});
