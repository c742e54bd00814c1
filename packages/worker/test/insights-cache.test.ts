/**
 * The cockpit from the read cache (routes/insights.ts): a new rollup (the hourly job, an admin's
 * rebuild) and a change to the minimum group size are seen by the next read; a person outside a
 * unit's team never gets the team's answer, whoever read it first, nor the overview's units they
 * do not read; private cards are counted for those who see them only; tenants never share.
 */
import { env } from 'cloudflare:workers';
import type { InsightsOverview, UnitInsights } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { database } from '../src/db/client.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { demoUnitId } from '../src/dev/demo-units.ts';
import { addMonths, monthOfMs } from '../src/insights/months.ts';
import { EVERY_UNIT, insightsOverviewQuery, unitInsightsQuery } from '../src/insights/read.ts';
import { INSIGHT_SCOPES, TENANT_SCOPES, versioned } from '../src/store/cache-versions.ts';
import { recorder, runCron } from './delivery-queue.ts';
import { admin, call, DEMO, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const T = DEMO_TENANT.id;
const FINANCE = demoUnitId('finance');
const MONTH = monthOfMs(Date.now());
const PERIOD = `?from=${addMonths(MONTH, -11)}&to=${MONTH}`;
/** A month of these tests' own, long ago: its rollup rows are theirs alone (until a full rebuild). */
const OLD = '2019-06';

type Who = 'rm' | 'owner' | 'cio' | 'admin' | 'member' | 'salesrm';
const PEOPLE: { who: Who; team?: string; grant?: 'cio' | 'admin' }[] = [
  { who: 'rm', team: 'finance' },
  { who: 'owner', team: 'finance' },
  { who: 'cio', grant: 'cio' },
  { who: 'admin', grant: 'admin' },
  { who: 'member' },
  { who: 'salesrm', team: 'sales' },
];
const tokens = {} as Record<Who, string>;
const handle = (who: Who) => `ic.${who}`;

const get = (url: string, who: Who) => call(url, { token: tokens[who] });
async function cockpit(who: Who, query = PERIOD): Promise<UnitInsights> {
  const res = await get(`${DEMO}/units/finance/insights${query}`, who);
  expect(res.status, who).toBe(200);
  return json<UnitInsights>(res);
}
async function overview(who: Who): Promise<string[]> {
  const res = await get(`${DEMO}/insights${PERIOD}`, who);
  expect(res.status, who).toBe(200);
  return (await json<InsightsOverview>(res)).units.map((u) => u.unit.key).sort();
}
async function setTeam(unit: string, who: Who[]): Promise<void> {
  const res = await admin(`${DEMO}/units/${unit}/team`, 'PUT', { businessPartners: who.map(handle), relationshipManagers: [] });
  expect(res.status, await res.clone().text()).toBe(200);
}
const submitted = (body: UnitInsights, month: string) => body.months.find((m) => m.month === month)?.ideas.submitted;

beforeAll(async () => {
  const now = Date.now();
  // Before any read: nothing is cached yet that these rows could leave stale.
  await env.DB.batch([
    ...PEOPLE.flatMap((p) => [
      env.DB.prepare(
        'insert into users (id, tenant_id, subject, name, handle, created_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?)',
      ).bind(`ic-${p.who}`, T, `ic|${p.who}`, `Cockpit ${p.who}`, handle(p.who), now, now),
      ...(p.team
        ? [
            env.DB.prepare(
              "insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values (?, ?, ?, 'business_partner', ?)",
            ).bind(demoUnitId(p.team), `ic-${p.who}`, T, now),
          ]
        : []),
      ...(p.grant
        ? [
            env.DB.prepare("insert into user_roles (tenant_id, subject, role, granted_by, created_at) values (?, ?, ?, 'test', ?)").bind(
              T,
              `ic|${p.who}`,
              p.grant,
              now,
            ),
          ]
        : []),
    ]),
  ]);
  for (const p of PEOPLE) tokens[p.who] = await token({ sub: `ic|${p.who}`, name: `Cockpit ${p.who}` });
});

// Many requests each, on a machine that may be busy.
describe('the cockpit from the read cache', { timeout: 60_000 }, () => {
  it('a new rollup, from the hourly job or an admin rebuild, is seen by the next read', async () => {
    const before = submitted(await cockpit('rm'), MONTH) ?? 0;
    // A new finance idea: its intake counts at once (a live part); its month's rollup waits for the job.
    const db = versioned(env.DB, T);
    await db
      .prepare(
        "insert into ideas (id, tenant_id, board_id, author_id, unit_id, title, description, created_at) values ('ic-idea', ?, 'demo-board-general', 'ic-member', ?, 'Cockpit cache idea', '', ?)",
      )
      .bind(T, FINANCE, Date.now())
      .run();
    for (const who of ['rm', 'cio'] as const) expect(submitted(await cockpit(who), MONTH), who).toBe(before);

    await runCron('0 * * * *', recorder());
    for (const who of ['rm', 'cio', 'admin'] as const) expect(submitted(await cockpit(who), MONTH), who).toBe(before + 1);

    await db.prepare("update ideas set state = 'rejected' where id = 'ic-idea'").run();
    expect(submitted(await cockpit('rm'), MONTH)).toBe(before + 1);
    expect((await admin(`${DEMO}/insights/rebuild`, 'POST')).status).toBe(200);
    for (const who of ['rm', 'cio'] as const) expect(submitted(await cockpit(who), MONTH), who).toBe(before);
  });

  it('a change to the minimum group size is seen by the next read, also made in another isolate', async () => {
    // Three business people active in finance in OLD: hidden under a minimum group size of 5.
    await versioned(env.DB, T)
      .prepare("insert into unit_rollups (tenant_id, unit_id, month, metric, dim, value) values (?, ?, ?, 'people.business', '', 3)")
      .bind(T, FINANCE, OLD)
      .run();
    const old = `?from=${OLD}&to=${OLD}`;
    const people = async (who: Who) => (await cockpit(who, old)).months[0]?.activePeople.business;
    expect(await people('rm')).toBeNull();
    expect(await people('cio')).toBeNull();

    expect((await admin(`${DEMO}/settings`, 'PATCH', { insights: { minGroupSize: 2 } })).status).toBe(200);
    expect(await people('rm')).toBe(3);
    expect(await people('cio')).toBe(3);

    // As another isolate writes it: the bump reaches D1, this isolate's tenant cache is not cleared.
    const elsewhere = versioned(env.DB, T);
    await elsewhere.prepare(`update tenants set insights = '{"minGroupSize":5}' where id = ?`).bind(T).run();
    expect(await people('rm')).toBeNull();
    expect(await people('cio')).toBeNull();
    expect((await admin(`${DEMO}/settings`, 'PATCH', { insights: { minGroupSize: 5, perPersonFigures: true } })).status).toBe(200);
  });

  it("a person outside the unit's team never gets the team's answer, whoever read it first", async () => {
    for (const order of [
      ['rm', 'member', 'salesrm', 'cio', 'admin'],
      ['member', 'salesrm', 'rm', 'admin', 'cio'],
    ] as Who[][]) {
      for (const who of order) {
        const res = await get(`${DEMO}/units/finance/insights${PERIOD}`, who);
        expect([who, res.status]).toEqual([who, ['rm', 'cio', 'admin'].includes(who) ? 200 : 404]);
      }
    }
    const all = (
      await env.DB.prepare('select key from business_units where tenant_id = ? and archived_at is null').bind(T).all<{ key: string }>()
    ).results
      .map((u) => u.key)
      .sort();
    for (const order of [
      ['cio', 'member', 'rm', 'salesrm', 'admin'],
      ['member', 'salesrm', 'rm', 'admin', 'cio'],
    ] as Who[][]) {
      for (const who of order) {
        const expected = who === 'cio' || who === 'admin' ? all : who === 'rm' ? ['finance'] : who === 'salesrm' ? ['sales'] : [];
        expect([who, await overview(who)]).toEqual([who, expected]);
      }
    }
  });

  it('a team changed between two reads is seen by the next one', async () => {
    expect((await get(`${DEMO}/units/finance/insights${PERIOD}`, 'rm')).status).toBe(200);
    expect((await get(`${DEMO}/units/finance/insights${PERIOD}`, 'member')).status).toBe(404);
    await setTeam('finance', ['rm', 'owner', 'member']);
    expect((await get(`${DEMO}/units/finance/insights${PERIOD}`, 'member')).status).toBe(200);
    expect(await overview('member')).toEqual(['finance']);
    await setTeam('finance', ['rm', 'owner']);
    expect((await get(`${DEMO}/units/finance/insights${PERIOD}`, 'member')).status).toBe(404);
    expect(await overview('member')).toEqual([]);
  });

  it('counts a private card of the unit for an admin and its owner only', async () => {
    const cards = async (who: Who) => (await cockpit(who)).contentHealth.cards;
    const [rm, owner, cio, adm] = [await cards('rm'), await cards('owner'), await cards('cio'), await cards('admin')];
    expect(owner).toBe(rm);
    expect(cio).toBe(rm);
    expect(adm).toBeGreaterThanOrEqual(rm);
    const e = EXAMPLE_CARDS.practice;
    if (!e) throw new Error('no practice example');
    const created = await call(`${DEMO}/cards`, {
      method: 'POST',
      token: tokens.owner,
      body: JSON.stringify({
        templateId: 'practice',
        title: 'Finance private notes',
        summary: e.summary,
        fields: e.fields,
        tags: e.tags,
        unit: 'finance',
        visibility: 'private',
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    // Read by the team first, so its answer is the one cached.
    for (const [who, expected] of [
      ['rm', rm],
      ['owner', owner + 1],
      ['cio', cio],
      ['admin', adm + 1],
      ['rm', rm],
    ] as const) {
      expect([who, await cards(who)]).toEqual([who, expected]);
    }
  });

  it("another tenant's readers get their own units only", async () => {
    const { secret } = await seedOtherTenant();
    await env.DB.prepare(
      "insert into business_units (id, tenant_id, key, name, side, created_at, updated_at) values ('ic-other-finance', 'other-tenant', 'finance', 'Fabrikam finance', 'demand', 0, 0)",
    ).run();
    await env.DB.prepare(
      "insert into user_roles (tenant_id, subject, role, granted_by, created_at) values ('other-tenant', 'fab|1', 'cio', 'test', 0)",
    ).run();
    const other = await token({ sub: 'fab|1', secret, kid: 'k1' });
    expect((await cockpit('cio')).unit.name).toBe('Finance');
    const res = await call(`${ORIGIN}/v1/tenants/other/units/finance/insights${PERIOD}`, { token: other });
    expect(res.status).toBe(200);
    expect((await json<UnitInsights>(res)).unit.name).toBe('Fabrikam finance');
    const theirs = await json<InsightsOverview>(await call(`${ORIGIN}/v1/tenants/other/insights${PERIOD}`, { token: other }));
    expect(theirs.units.map((u) => u.unit.name)).toEqual(['Fabrikam finance']);
    expect(await overview('cio')).not.toContain('Fabrikam finance');
  });

  it('every table the shared cockpit reads is one of its scopes', () => {
    const db = database(env.DB);
    const period = { from: addMonths(MONTH, -11), to: MONTH };
    const statements = [
      ...unitInsightsQuery(db, T, EVERY_UNIT, 'finance', period, Date.now()).statements,
      ...insightsOverviewQuery(db, T, EVERY_UNIT, period).statements,
    ];
    const read = new Set(
      statements.flatMap((s) =>
        [...(s as unknown as { toSQL(): { sql: string } }).toSQL().sql.matchAll(/\b(?:from|join)\s+"?(\w+)/gi)].map((m) => m[1] as string),
      ),
    );
    read.delete('json_each');
    expect(read.size).toBeGreaterThan(8);
    const scopes = new Set<string>([...TENANT_SCOPES, ...INSIGHT_SCOPES]);
    expect([...read].filter((table) => !scopes.has(table))).toEqual([]);
  });
});
