/**
 * The cockpit through the API (docs/insights.md): every figure equals a count made here, in
 * TypeScript, from the raw tables' rows; small groups are hidden; only the unit's team, CIOs and
 * admins read a unit; bad periods are 400; the rollup job is idempotent; a read is the same
 * number of D1 statements for one month as for three years.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { InsightsOverview, StatusDefinition, UnitInsights } from '@bridgekit/sdk';
import { HEALTH_ITEMS } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { DEFAULT_STATUSES } from '../src/domain/statuses.ts';
import { addMonths, monthOfMs, monthRange } from '../src/insights/months.ts';
import { clearReadCache } from '../src/routes/read-cache.ts';
import { documented } from './contract.ts';
import { countingD1 } from './counting-d1.ts';
import { recorder, runCron } from './delivery-queue.ts';
import { admin, call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

const TENANT = 'demo-tenant';
const MIN = 5;

interface Person {
  key: string;
  name: string;
  bu?: string;
  unit?: string;
}

/** `lab` is a demand-side unit of these tests; IT is the demo's supply side. */
const PEOPLE: Person[] = [
  ...Array.from({ length: 7 }, (_, i) => ({ key: `lab${i + 1}`, name: `Lab Person ${i + 1}`, bu: 'Lab', unit: 'lab' })),
  ...Array.from({ length: 3 }, (_, i) => ({ key: `it${i + 1}`, name: `Tech Person ${i + 1}`, bu: 'IT', unit: 'it' })),
  { key: 'rm', name: 'Rhea Labrm', bu: 'IT', unit: 'it' },
  { key: 'member', name: 'Mo Member', bu: 'Lab', unit: 'lab' },
  { key: 'salesrm', name: 'Sid Salesrm', bu: 'IT', unit: 'it' },
  { key: 'cio', name: 'Cyd Cio', bu: 'IT', unit: 'it' },
  { key: 'admin', name: 'Adi Admin', bu: 'IT', unit: 'it' },
];
const uid = (key: string) => `ins-${key}`;
const subject = (key: string) => `insights|${key}`;
const tokens: Record<string, string> = {};

/** Epoch ms of a day of a month, at noon UTC. */
const at = (month: string, day = 10) => Date.parse(`${month}-${String(day).padStart(2, '0')}T12:00:00Z`);

async function seed() {
  const now = Date.now();
  const board = (await env.DB.prepare('select id from boards where tenant_id = ? order by id limit 1').bind(TENANT).first<{ id: string }>())
    ?.id as string;
  const card = (
    await env.DB.prepare("select id from cards where tenant_id = ? and state = 'published' order by id limit 1").bind(TENANT).first<{
      id: string;
    }>()
  )?.id as string;
  const s = (sql: string, ...params: unknown[]) => env.DB.prepare(sql).bind(...params);
  const idea = (id: string, author: string, month: string, day: number, demandClass: string | null, extra = '') =>
    s(
      `insert into ideas (id, tenant_id, board_id, author_id, title, description, unit_id, demand_class, source_card_id, created_at)
       values (?, ?, ?, ?, ?, '', 'ins-unit-lab', ?, ?, ?)`,
      id,
      TENANT,
      board,
      uid(author),
      `Lab idea ${id} ${extra}`,
      demandClass,
      id === 'ins-i1' ? card : null,
      at(month, day),
    );
  const comment = (id: string, thread: string, author: string, time: number) =>
    s(
      `insert into comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
       values (?, ?, ?, ?, ?, 'Hi', '<p>Hi</p>', ?, 'published', ?, ?)`,
      id,
      TENANT,
      thread,
      id,
      uid(author),
      id,
      time,
      time,
    );
  await env.DB.batch([
    s(
      `insert into business_units (id, tenant_id, key, name, side, intended_mix, created_at, updated_at) values ('ins-unit-lab', ?, 'lab', 'Lab', 'demand', ?, ?, ?)`,
      TENANT,
      JSON.stringify({ run: 50, grow: 50 }),
      now,
      now,
    ),
    ...PEOPLE.map((p) =>
      s(
        `insert into users (id, tenant_id, subject, name, business_unit, handle, unit_id, created_at, last_seen_at)
         values (?, ?, ?, ?, ?, ?, (select id from business_units where tenant_id = ? and key = ?), ?, ?)`,
        uid(p.key),
        TENANT,
        subject(p.key),
        p.name,
        p.bu ?? null,
        `ins.${p.key}`,
        TENANT,
        p.unit ?? '',
        now,
        now,
      ),
    ),
    s(
      `insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values ('ins-unit-lab', ?, ?, 'relationship_manager', ?)`,
      uid('rm'),
      TENANT,
      now,
    ),
    s(
      `insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at)
       values ((select id from business_units where tenant_id = ? and key = 'sales'), ?, ?, 'relationship_manager', ?)`,
      TENANT,
      uid('salesrm'),
      TENANT,
      now,
    ),
    s(
      "insert into user_roles (tenant_id, subject, role, granted_by, created_at) values (?, ?, 'cio', 'test', ?)",
      TENANT,
      subject('cio'),
      now,
    ),
    // 2025-01: six of the lab's people post an idea each; an IT person comments on the first.
    ...[1, 2, 3, 4, 5, 6].map((n) => idea(`ins-i${n}`, `lab${n}`, '2025-01', n + 1, n <= 3 ? 'grow' : n === 6 ? null : 'run')),
    s(
      `insert into threads (id, tenant_id, key, title, started_by, comment_count, created_at) values ('ins-t1', ?, 'idea:ins-i1', 'Lab idea', ?, 2, ?)`,
      TENANT,
      uid('it1'),
      at('2025-01', 20),
    ),
    comment('ins-c1', 'ins-t1', 'it1', at('2025-01', 20)),
    comment('ins-c2', 'ins-t1', 'lab2', at('2025-02', 3)),
    // 2025-02: three of them back ideas; an IT person backs one too.
    ...[1, 2, 3].map((n) =>
      s(
        'insert into votes (idea_id, user_id, tenant_id, count, created_at) values (?, ?, ?, 1, ?)',
        `ins-i${n + 1}`,
        uid(`lab${n}`),
        TENANT,
        at('2025-02', n),
      ),
    ),
    s(
      'insert into votes (idea_id, user_id, tenant_id, count, created_at) values (?, ?, ?, 1, ?)',
      'ins-i2',
      uid('it2'),
      TENANT,
      at('2025-02', 9),
    ),
    s(
      'insert into card_helped (card_id, user_id, tenant_id, created_at) values (?, ?, ?, ?)',
      card,
      uid('lab7'),
      TENANT,
      at('2025-02', 12),
    ),
    // 2025-03: approved, delivered, deflected to a card; a held idea that counts nowhere.
    s(
      "insert into intake_decisions (id, tenant_id, idea_id, step, forum, decided_on, created_at) values ('ins-d1', ?, 'ins-i2', 'approved', 'Lab board', '2025-03-05', ?)",
      TENANT,
      at('2025-03', 5),
    ),
    s(
      "insert into idea_status_changes (id, idea_id, tenant_id, from_status, to_status, changed_by_subject, changed_by_name, created_at) values ('ins-s1', 'ins-i2', ?, 'open', 'done', 'x', 'X', ?)",
      TENANT,
      at('2025-03', 20),
    ),
    s(
      "insert into idea_status_changes (id, idea_id, tenant_id, from_status, to_status, reason, card_id, changed_by_subject, changed_by_name, created_at) values ('ins-s2', 'ins-i4', ?, 'open', 'self_service', 'See the card', ?, 'x', 'X', ?)",
      TENANT,
      card,
      at('2025-03', 21),
    ),
    s(
      "insert into idea_status_changes (id, idea_id, tenant_id, from_status, to_status, reason, changed_by_subject, changed_by_name, created_at) values ('ins-s3', 'ins-i5', ?, 'open', 'deferred', 'Next year', 'x', 'X', ?)",
      TENANT,
      at('2025-03', 22),
    ),
    s(
      `insert into ideas (id, tenant_id, board_id, author_id, title, description, unit_id, state, created_at) values ('ins-held', ?, ?, ?, 'Held', '', 'ins-unit-lab', 'pending', ?)`,
      TENANT,
      board,
      uid('lab7'),
      at('2025-03', 2),
    ),
    // A closed health round: six business respondents, two provider ones.
    s(
      "insert into health_rounds (id, tenant_id, unit_id, title, items, closed_at, created_at) values ('ins-r1', ?, 'ins-unit-lab', 'Lab 2025', ?, ?, ?)",
      TENANT,
      JSON.stringify(HEALTH_ITEMS),
      at('2025-03', 28),
      at('2025-03', 1),
    ),
    ...[...[1, 2, 3, 4, 5, 6].map((n) => [`lab${n}`, 'business']), ['it1', 'provider'], ['it2', 'provider']].flatMap(([who, side]) => [
      s(
        'insert into health_invitations (round_id, user_id, tenant_id, side, responded_at, created_at) values (?, ?, ?, ?, ?, ?)',
        'ins-r1',
        uid(who as string),
        TENANT,
        side,
        at('2025-03', 10),
        at('2025-03', 1),
      ),
      ...HEALTH_ITEMS.map((item) =>
        s(
          'insert into health_answers (round_id, user_id, tenant_id, item_key, score) values (?, ?, ?, ?, ?)',
          'ins-r1',
          uid(who as string),
          TENANT,
          item.key,
          side === 'business' ? 3 : 4,
        ),
      ),
    ]),
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

const get = (url: string, who: string) => call(url, { token: tokens[who] as string });
const unitUrl = (key: string, query = '') => `${DEMO}/units/${key}/insights${query}`;
async function rebuild() {
  const res = await call(`${DEMO}/insights/rebuild`, { method: 'POST', token: tokens.admin as string });
  expect(res.status, await res.clone().text()).toBe(200);
}

beforeAll(async () => {
  await useTestRoleClaims();
  await seed();
  await rebuild();
});

// ——— The count made here from raw rows: the rule of docs/insights.md, in TypeScript ———

type Row = Record<string, unknown>;
const rows = async (sql: string) => (await env.DB.prepare(sql).bind(TENANT).all<Row>()).results;
const monthOf = (ms: unknown) => new Date(Number(ms)).toISOString().slice(0, 7);

/** Expected figures per `unit|month|metric`, from the raw tables. */
async function expectedFigures() {
  const [units, users, ideas, votes, comments, scores, versions, cards, changes, boards, decisions, helped] = await Promise.all([
    rows('select id, side from business_units where tenant_id = ?'),
    rows('select id, subject, unit_id from users where tenant_id = ?'),
    rows('select id, unit_id, author_id, created_at, state, board_id, source_card_id from ideas where tenant_id = ?'),
    rows('select idea_id, user_id, created_at from votes where tenant_id = ?'),
    rows(
      'select c.id, c.author_id, c.created_at, c.state, t.key from comments c join threads t on t.id = c.thread_id where c.tenant_id = ?',
    ),
    rows('select idea_id, evaluator, updated_at from idea_scores where tenant_id = ?'),
    rows('select card_id, by_subject, created_at from card_versions where tenant_id = ?'),
    rows('select id, unit_id, state from cards where tenant_id = ?'),
    rows('select idea_id, to_status, card_id, created_at from idea_status_changes where tenant_id = ?'),
    rows('select id, statuses from boards where tenant_id = ?'),
    rows('select idea_id, step, decided_on from intake_decisions where tenant_id = ?'),
    rows('select card_id, user_id, created_at from card_helped where tenant_id = ?'),
  ]);
  const sideOf = new Map(units.map((u) => [u.id, u.side === 'supply' ? 'provider' : 'business']));
  const userById = new Map(users.map((u) => [u.id, u]));
  const userBySubject = new Map(users.map((u) => [u.subject, u]));
  const published = new Map(ideas.filter((i) => i.state === 'published').map((i) => [i.id, i]));
  const cardById = new Map(cards.map((c) => [c.id, c]));
  const statusesOf = new Map(
    boards.map((b) => [b.id, b.statuses ? (JSON.parse(String(b.statuses)) as StatusDefinition[]) : DEFAULT_STATUSES]),
  );
  const figures = new Map<string, Set<string> | number>();
  const addTo = (unit: unknown, month: string, metric: string, member: string) => {
    if (!unit) return;
    const key = `${unit}|${month}|${metric}`;
    const set = (figures.get(key) as Set<string> | undefined) ?? new Set<string>();
    set.add(member);
    figures.set(key, set);
  };
  const ideaOfThread = (key: unknown) => (String(key).startsWith('idea:') ? published.get(String(key).slice(5)) : undefined);
  const cardOfThread = (key: unknown) => (String(key).startsWith('card:') ? cardById.get(String(key).slice(5)) : undefined);

  // Actions: [user, time, unit of the item acted on]
  const actions: [unknown, unknown, unknown][] = [];
  for (const i of published.values()) actions.push([i.author_id, i.created_at, i.unit_id]);
  for (const c of comments)
    if (c.state === 'published') actions.push([c.author_id, c.created_at, ideaOfThread(c.key)?.unit_id ?? cardOfThread(c.key)?.unit_id]);
  for (const v of votes) if (published.has(v.idea_id)) actions.push([v.user_id, v.created_at, published.get(v.idea_id)?.unit_id]);
  const evaluations = new Map<string, Row>();
  for (const sc of scores) {
    const key = `${sc.idea_id}|${sc.evaluator}`;
    if (Number(sc.updated_at) > Number(evaluations.get(key)?.updated_at ?? -1)) evaluations.set(key, sc);
  }
  for (const sc of evaluations.values()) {
    const user = userBySubject.get(sc.evaluator);
    const idea = ideas.find((i) => i.id === sc.idea_id);
    if (user && idea) actions.push([user.id, sc.updated_at, idea.unit_id]);
  }
  for (const v of versions) {
    const user = userBySubject.get(v.by_subject);
    const card = cardById.get(v.card_id);
    if (user && card?.state === 'published') actions.push([user.id, v.created_at, card.unit_id]);
  }
  for (const [userId, time, itemUnit] of actions) {
    const user = userById.get(userId);
    const own = user?.unit_id;
    if (!own) continue;
    const month = monthOf(time);
    addTo(own, month, `people.${sideOf.get(own)}`, String(userId));
    figures.set(`${own}|${month}|contributions|${userId}`, Number(figures.get(`${own}|${month}|contributions|${userId}`) ?? 0) + 1);
    if (sideOf.get(own) === 'provider' && itemUnit && itemUnit !== own) {
      addTo(itemUnit, month, 'people.provider', String(userId));
      figures.set(
        `${itemUnit}|${month}|contributions|${userId}`,
        Number(figures.get(`${itemUnit}|${month}|contributions|${userId}`) ?? 0) + 1,
      );
    }
  }
  expect(actions.length).toBeGreaterThan(0);

  for (const c of comments) {
    if (c.state !== 'published') continue;
    addTo(userById.get(c.author_id)?.unit_id, monthOf(c.created_at), 'discussions', String(c.id));
    addTo(ideaOfThread(c.key)?.unit_id, monthOf(c.created_at), 'discussions', String(c.id));
  }
  for (const i of published.values()) {
    addTo(i.unit_id, monthOf(i.created_at), 'ideas.submitted', String(i.id));
    if (i.source_card_id) addTo(i.unit_id, monthOf(i.created_at), 'cards.used', String(i.source_card_id));
  }
  for (const v of votes) addTo(published.get(v.idea_id)?.unit_id, monthOf(v.created_at), 'ideas.backed', String(v.idea_id));
  for (const d of decisions)
    if (d.step === 'approved')
      addTo(published.get(d.idea_id)?.unit_id, String(d.decided_on).slice(0, 7), 'ideas.approved', String(d.idea_id));
  for (const sc of changes) {
    const idea = published.get(sc.idea_id);
    if (!idea) continue;
    const status = (statusesOf.get(idea.board_id) ?? DEFAULT_STATUSES).find((st) => st.key === sc.to_status);
    const month = monthOf(sc.created_at);
    if (status?.category === 'done') addTo(idea.unit_id, month, 'ideas.delivered', String(idea.id));
    if (status?.deflection) addTo(idea.unit_id, month, 'ideas.deflected', String(idea.id));
    if (sc.card_id) addTo(idea.unit_id, month, 'cards.used', String(sc.card_id));
  }
  for (const c of comments)
    if (c.state === 'published' && cardOfThread(c.key))
      addTo(userById.get(c.author_id)?.unit_id, monthOf(c.created_at), 'cards.used', String(c.key).slice(5));
  for (const h of helped) addTo(userById.get(h.user_id)?.unit_id, monthOf(h.created_at), 'cards.used', String(h.card_id));
  // Cards count only while published.
  for (const [key, value] of figures) {
    if (key.endsWith('|cards.used') && value instanceof Set)
      for (const c of value) if (cardById.get(c)?.state !== 'published') value.delete(c);
  }
  return (unit: string, month: string, metric: string) => {
    const value = figures.get(`${unit}|${month}|${metric}`);
    return value instanceof Set ? value.size : (value ?? 0);
  };
}

const hidden = (n: number) => (n > 0 && n < MIN ? null : n);

describe('the figures', () => {
  it('equal, for every unit and month of three years, counts made from the raw tables', async () => {
    const to = monthOfMs(Date.now());
    const from = addMonths(to, -35);
    const expected = await expectedFigures();
    const units = await rows('select id, key from business_units where tenant_id = ?');
    let compared = 0;
    for (const unit of units) {
      const res = await get(unitUrl(String(unit.key), `?from=${from}&to=${to}`), 'cio');
      expect(res.status).toBe(200);
      const body = await json<UnitInsights>(res);
      expect(body.months.map((m) => m.month)).toEqual(monthRange(from, to));
      for (const m of body.months) {
        const want = (metric: string) => expected(String(unit.id), m.month, metric);
        expect(m, `${unit.key} ${m.month}`).toEqual({
          month: m.month,
          activePeople: { business: hidden(want('people.business')), provider: hidden(want('people.provider')) },
          discussions: want('discussions'),
          cardsUsed: want('cards.used'),
          ideas: {
            submitted: want('ideas.submitted'),
            backed: want('ideas.backed'),
            approved: want('ideas.approved'),
            delivered: want('ideas.delivered'),
            deflected: want('ideas.deflected'),
          },
        });
        compared++;
      }
    }
    expect(compared).toBe(units.length * 36);
  });

  it("show the lab's months as seeded: small groups hidden, outcomes, demand mix, intake, health", async () => {
    const body = await json<UnitInsights>(await get(unitUrl('lab', '?from=2025-01&to=2025-03'), 'rm'));
    const [jan, feb, mar] = body.months;
    expect(jan).toMatchObject({ activePeople: { business: 6, provider: null }, discussions: 1, cardsUsed: 1, ideas: { submitted: 6 } });
    // Three business people and one IT person were active in February: both hidden.
    expect(feb).toMatchObject({ activePeople: { business: null, provider: null }, discussions: 1, cardsUsed: 1, ideas: { backed: 3 } });
    expect(mar?.ideas).toEqual({ submitted: 0, backed: 0, approved: 1, delivered: 1, deflected: 1 });
    expect(mar?.cardsUsed).toBe(1);
    expect(body.outcomes).toEqual([
      { status: 'deferred', count: 1 },
      { status: 'self_service', count: 1 },
    ]);
    expect(body.demandMix).toEqual([
      { class: '', ideas: 1, share: 0, intended: null },
      { class: 'grow', ideas: 3, share: 60, intended: 50 },
      { class: 'run', ideas: 2, share: 40, intended: 50 },
    ]);
    expect(body.intake.screening).toBe(6);
    expect(body.minGroupSize).toBe(MIN);
    expect(body.asOf).not.toBeNull();
    // Six business respondents show; two provider ones do not, nor a maturity, nor a gap.
    const [point] = body.health.trend;
    expect(point?.business).toMatchObject({ respondents: 6, mean: 3, level: 3 });
    expect(point?.provider).toMatchObject({ respondents: 2, mean: null, level: null });
    expect(point?.maturity).toBeNull();
    expect(body.health.latestGaps.every((g) => g.business?.mean === 3 && g.provider === null && g.gap === null)).toBe(true);
    expect(body.contributors?.map((c) => c.handle)).toContain('ins.lab1');
  });

  it('follow the tenant’s minimum group size and per-person switch', async () => {
    expect((await admin(`${DEMO}/settings`, 'PATCH', { insights: { minGroupSize: 2 } })).status).toBe(200);
    const settings = await json<{ insights: unknown }>(await admin(`${DEMO}/settings`, 'PATCH', { insights: { perPersonFigures: false } }));
    expect(settings.insights).toEqual({ minGroupSize: 2, perPersonFigures: false });
    const body = await json<UnitInsights>(await get(unitUrl('lab', '?from=2025-01&to=2025-03'), 'rm'));
    expect(body.months[1]?.activePeople).toEqual({ business: 3, provider: null });
    expect(body.health.trend[0]?.provider.mean).toBe(4);
    expect(body.health.trend[0]?.maturity?.level).toBe(3);
    expect(body.contributors).toBeNull();
    expect((await admin(`${DEMO}/settings`, 'PATCH', { insights: { minGroupSize: 1 } })).status).toBe(400);
    expect((await admin(`${DEMO}/settings`, 'PATCH', { insights: { minGroupSize: MIN, perPersonFigures: true } })).status).toBe(200);
  });
});

describe('who reads', () => {
  it("the unit's team, CIOs and admins; another unit's team and a plain member get 404", async () => {
    for (const who of ['rm', 'cio', 'admin']) expect((await get(unitUrl('lab'), who)).status, who).toBe(200);
    for (const who of ['salesrm', 'member', 'lab1']) {
      const res = await get(unitUrl('lab'), who);
      expect(res.status, who).toBe(404);
      expect((await errorOf(res)).reason).toBe('not_found.health_unit');
    }
    expect((await get(unitUrl('no-such-unit'), 'cio')).status).toBe(404);
    expect((await call(unitUrl('lab'))).status).toBe(401);
  });

  it('the overview lists what the caller reads: every unit for a CIO, their own for a team, none for a member', async () => {
    const names = async (who: string) =>
      (await json<InsightsOverview>(await get(`${DEMO}/insights?from=2025-01&to=2025-03`, who))).units.map((u) => u.unit.key);
    const all = (await rows('select key from business_units where tenant_id = ? and archived_at is null')).map((u) => u.key);
    expect((await names('cio')).sort()).toEqual(all.sort());
    expect(await names('rm')).toEqual(['lab']);
    expect(await names('salesrm')).toEqual(['sales']);
    expect(await names('member')).toEqual([]);
    const overview = await json<InsightsOverview>(await get(`${DEMO}/insights?from=2025-01&to=2025-03`, 'rm'));
    // Nobody acted in March (the period's last month): decisions and status changes are not a person's activity.
    expect(overview.units[0]).toMatchObject({
      activePeople: { business: 0, provider: 0 },
      ideas: { submitted: 6, approved: 1, delivered: 1, deflected: 1 },
      maturity: null,
    });
  });

  it("another tenant's credentials read nothing here", async () => {
    const res = await call(unitUrl('lab'), { token: await token({ sub: 'x|y', secret: 'not-the-demo-secret-0123456789abcdef' }) });
    expect(res.status).toBe(401);
  });
});

describe('periods', () => {
  it('refuses a period that ends before it starts, spans more than 36 months, or is not YYYY-MM', async () => {
    for (const query of ['?from=2025-03&to=2025-01', '?from=2022-01&to=2025-01']) {
      const res = await get(unitUrl('lab', query), 'cio');
      expect(res.status, query).toBe(400);
      expect((await errorOf(res)).reason).toBe('validation_failed.insight_period');
    }
    for (const query of ['?from=2025-13', '?to=25-01', '?from=2025-1']) {
      const res = await get(`${DEMO}/insights${query}`, 'cio');
      expect(res.status, query).toBe(400);
      expect((await errorOf(res)).reason).toBe('validation_failed.fields');
    }
    expect((await get(unitUrl('lab', '?from=2022-02&to=2025-01'), 'cio')).status).toBe(200);
  });
});

describe('the rollup job', () => {
  const snapshot = async () =>
    (await rows('select unit_id, month, metric, dim, value from unit_rollups where tenant_id = ? order by unit_id, month, metric, dim'))
      .map((r) => Object.values(r).join('|'))
      .join('\n');

  it('is idempotent, and the hourly run from last month leaves older months as they were', async () => {
    const first = await snapshot();
    expect(first.length).toBeGreaterThan(0);
    await rebuild();
    expect(await snapshot()).toBe(first);
    await runCron('0 * * * *', recorder());
    expect(await snapshot()).toBe(first);
    const run = await env.DB.prepare('select from_month from rollup_runs where tenant_id = ?').bind(TENANT).first<{ from_month: string }>();
    expect(run?.from_month).toBe(addMonths(monthOfMs(Date.now()), -1));
  });

  it("does not touch another tenant's rollups", async () => {
    const other = await rows('select count(*) as n from unit_rollups where tenant_id <> ?');
    expect(other[0]?.n).toBe(0);
  });
});

describe('query budget', () => {
  async function measure(url: string, who: string) {
    const { db, counts } = countingD1(env.DB);
    const ctx = createExecutionContext();
    const request = new Request(url, { headers: { authorization: `Bearer ${tokens[who]}` } });
    const res = await documented(request, app.fetch(request, { ...env, DB: db }, ctx));
    await waitOnExecutionContext(ctx);
    return { status: res.status, ...counts };
  }

  it('a unit read and the overview are one round trip of the same statements for one month as for three years', async () => {
    // Not cached yet, then cached (routes/read-cache.ts): the same for one month as for three years.
    clearReadCache();
    const threeYearsUrl = unitUrl('lab', `?from=${addMonths(monthOfMs(Date.now()), -35)}&to=${monthOfMs(Date.now())}`);
    for (const cached of [false, true]) {
      const oneMonth = await measure(unitUrl('lab', '?from=2025-01&to=2025-01'), 'rm');
      const threeYears = await measure(threeYearsUrl, 'rm');
      expect(oneMonth, `cached: ${cached}`).toEqual(threeYears);
      expect(oneMonth.status).toBe(200);
      expect(oneMonth.roundTrips).toBe(1);
      const overviewOne = await measure(`${DEMO}/insights?from=2025-01&to=2025-01`, 'cio');
      const overviewThree = await measure(`${DEMO}/insights?from=2024-01&to=2026-12`, 'cio');
      expect(overviewOne, `cached: ${cached}`).toEqual(overviewThree);
      expect(overviewOne.roundTrips).toBe(1);
    }
  });
});
