/**
 * Business units as data: units, aliases and teams through the API (admins write, members read),
 * claims matched to units on sign-in, unmatched claims, the CIO role by claim and by grant, `/me`,
 * ideas' sponsoring and impacted units, and support counted by demand-side unit.
 */
import { env } from 'cloudflare:workers';
import type { BusinessUnit, Idea, IdeaView, Page, RoleGrant, UnmatchedClaim, Viewer } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseAlias } from '../src/domain/business-units.ts';
import { admin, call, DEMO, errorOf, json, token } from './helpers.ts';

const send = async (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function ok<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return json<T>(res);
}

const me = async (t: string) => ok<Viewer>(await send('GET', `${DEMO}/me`, t));
/** Any write refreshes the person's row from their token: a follow of a demo idea is the smallest. */
const touch = async (t: string) => ok(await send('PUT', `${DEMO}/ideas/demo-idea-sso/vote`, t, { votes: 1 }));

describe('units through the API', () => {
  it('lets admins create, change and archive units, and members read them', async () => {
    const created = await ok<BusinessUnit>(
      await admin(`${DEMO}/units`, 'POST', { key: 'legal', name: 'Legal', aliases: ['Legal & Compliance', '  LEGAL  dept '] }),
      201,
    );
    expect(created).toMatchObject({ key: 'legal', name: 'Legal', parent: null, side: 'demand', archivedAt: null, intendedMix: null });
    expect(created.aliases).toEqual(['legal', 'legal & compliance', 'legal dept']);

    const member = await token({ sub: 'bu-reader', name: 'Rita Reader' });
    const list = await ok<{ items: BusinessUnit[] }>(await send('GET', `${DEMO}/units`, member));
    expect(list.items.map((u) => u.key)).toEqual(expect.arrayContaining(['finance', 'it', 'legal']));
    expect(list.items.find((u) => u.key === 'it')?.side).toBe('supply');
    expect(list.items.find((u) => u.key === 'finance')?.team.relationshipManagers).toEqual([
      { handle: 'amara.okafor', name: 'Amara Okafor' },
    ]);
    expect(await ok<BusinessUnit>(await send('GET', `${DEMO}/units/legal`, null))).toEqual(created);

    const renamed = await ok<BusinessUnit>(await admin(`${DEMO}/units/legal`, 'PATCH', { name: 'Legal Affairs', parent: 'finance' }));
    expect(renamed).toMatchObject({ name: 'Legal Affairs', parent: 'finance' });
    // The new name is an alias too; the old ones stay.
    expect(renamed.aliases).toEqual(['legal', 'legal & compliance', 'legal affairs', 'legal dept']);
    const replaced = await ok<BusinessUnit>(await admin(`${DEMO}/units/legal`, 'PATCH', { aliases: ['Recht'] }));
    expect(replaced.aliases).toEqual(['legal affairs', 'recht']);

    const archived = await ok<BusinessUnit>(await admin(`${DEMO}/units/legal/archive`, 'POST'));
    expect(archived.archivedAt).not.toBeNull();
    const again = await ok<BusinessUnit>(await admin(`${DEMO}/units/legal/archive`, 'POST'));
    expect(again.archivedAt).toBe(archived.archivedAt);
    expect((await ok<{ items: BusinessUnit[] }>(await send('GET', `${DEMO}/units`, member))).items.map((u) => u.key)).toContain('legal');
  });

  it('refuses what a unit may not be, naming the unit an alias belongs to, and writes nothing', async () => {
    const cases: [unknown, number, string, Record<string, unknown>][] = [
      [{ key: 'finance', name: 'Finance again' }, 409, 'conflict.unit_key_taken', { key: 'finance' }],
      [{ key: 'fin-two', name: 'CONTOSO  finance' }, 409, 'conflict.unit_alias_taken', { alias: 'contoso finance', unit: 'finance' }],
      [{ key: 'Group IT', name: 'Group IT' }, 400, 'validation_failed.unit_key', { key: 'Group IT' }],
      [{ key: 'a--b', name: 'A B' }, 400, 'validation_failed.unit_key', { key: 'a--b' }],
      [{ key: 'x'.repeat(41), name: 'Long' }, 400, 'validation_failed.unit_key', {}],
      [{ key: 'orphan', name: 'Orphan', parent: 'nowhere' }, 400, 'validation_failed.unit_parent', { parent: 'nowhere' }],
    ];
    for (const [body, status, reason, params] of cases) {
      const res = await admin(`${DEMO}/units`, 'POST', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await errorOf(res)).toMatchObject({ reason, params });
    }
    expect((await admin(`${DEMO}/units/fin-two`)).status).toBe(404);
    expect((await admin(`${DEMO}/units/orphan`)).status).toBe(404);

    // A parent that would make a unit part of itself.
    await ok(await admin(`${DEMO}/units`, 'POST', { key: 'emea', name: 'EMEA' }), 201);
    await ok(await admin(`${DEMO}/units`, 'POST', { key: 'emea-sales', name: 'EMEA Sales', parent: 'emea' }), 201);
    for (const parent of ['emea-sales', 'emea']) {
      const cycle = await admin(`${DEMO}/units/emea`, 'PATCH', { parent });
      expect(cycle.status).toBe(400);
      expect(await errorOf(cycle)).toMatchObject({ reason: 'validation_failed.unit_cycle', params: { key: 'emea', parent } });
    }
    const clash = await admin(`${DEMO}/units/emea`, 'PATCH', { aliases: ['Sales'] });
    expect(clash.status).toBe(409);
    expect(await errorOf(clash)).toMatchObject({ reason: 'conflict.unit_alias_taken', params: { alias: 'sales', unit: 'sales' } });
    expect((await ok<BusinessUnit>(await admin(`${DEMO}/units/emea`))).aliases).toEqual(['emea']);
  });

  it('takes admins to change units and their teams', async () => {
    const member = await token({ sub: 'bu-member', name: 'Max Member' });
    expect((await send('POST', `${DEMO}/units`, member, { key: 'nope', name: 'Nope' })).status).toBe(403);
    expect((await send('PATCH', `${DEMO}/units/finance`, member, { name: 'Mine' })).status).toBe(403);
    expect((await send('POST', `${DEMO}/units/finance/archive`, member)).status).toBe(403);
    expect((await send('PUT', `${DEMO}/units/finance/team`, member, { businessPartners: [], relationshipManagers: [] })).status).toBe(403);
    expect((await send('GET', `${DEMO}/units/unmatched`, member)).status).toBe(403);
    expect((await send('POST', `${DEMO}/units`, null, { key: 'nope', name: 'Nope' })).status).toBe(401);
  });

  it("sets a unit's team by handles, and tells each place on /me", async () => {
    const lukas = await token({ sub: 'demo|lukas', name: 'Lukas Meyer', bu: 'Operations' });
    const team = await ok<BusinessUnit>(
      await admin(`${DEMO}/units/operations/team`, 'PUT', {
        businessPartners: ['@lukas.meyer'],
        relationshipManagers: ['mei.chen', 'amara.okafor'],
      }),
    );
    expect(team.team).toEqual({
      businessPartners: [{ handle: 'lukas.meyer', name: 'Lukas Meyer' }],
      relationshipManagers: [
        { handle: 'amara.okafor', name: 'Amara Okafor' },
        { handle: 'mei.chen', name: 'Mei Chen' },
      ],
    });
    expect((await me(lukas)).user?.teams).toEqual([
      { unit: { key: 'operations', name: 'Operations', side: 'demand' }, role: 'business_partner' },
    ]);
    const unknown = await admin(`${DEMO}/units/operations/team`, 'PUT', { businessPartners: ['nobody.here'], relationshipManagers: [] });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).details?.[0]).toMatchObject({ path: 'body.businessPartners[0]', reason: 'field.unknown_owner' });
    expect((await ok<BusinessUnit>(await admin(`${DEMO}/units/operations`))).team.businessPartners).toHaveLength(1);
  });
});

describe('claims and units', () => {
  it("matches a token's business unit to a unit through the aliases, as spelled any way", async () => {
    const fiona = await token({ sub: 'bu-fiona', name: 'Fiona Finance', bu: ' FINANCE ' });
    // Before her first write, /me already names the unit her claim names.
    expect((await me(fiona)).user).toMatchObject({ businessUnit: 'Finance', unit: { key: 'finance', name: 'Finance', side: 'demand' } });
    await touch(fiona);
    const row = await env.DB.prepare("select business_unit as bu, unit_id as unit from users where subject = 'bu-fiona'").first();
    // The claim as the token said it (trimmed by the token's reader), the unit it names.
    expect(row).toEqual({ bu: 'FINANCE', unit: 'demo-unit-finance' });
    const ivo = await token({ sub: 'bu-ivo', name: 'Ivo It', bu: 'it' });
    await touch(ivo);
    expect((await me(ivo)).user?.unit).toEqual({ key: 'it', name: 'IT', side: 'supply' });
  });

  it('lists the claims that name no unit, and moves their people once an alias names them', async () => {
    for (const [sub, bu] of [
      ['bu-un-1', 'Marketing Team'],
      ['bu-un-2', 'marketing  team'],
      ['bu-un-3', 'Procurement Office'],
    ] as const) {
      await touch(await token({ sub, name: `Person ${sub}`, bu }));
    }
    const unmatched = await ok<{ items: UnmatchedClaim[] }>(await admin(`${DEMO}/units/unmatched`));
    expect(unmatched.items).toEqual(
      expect.arrayContaining([
        { claim: expect.stringMatching(/^marketing {1,2}team$/i), people: 2 },
        { claim: 'Procurement Office', people: 1 },
      ]),
    );
    expect(unmatched.items[0]?.people).toBe(2);
    expect(unmatched.items.some((u) => /finance/i.test(u.claim))).toBe(false);

    await ok(await admin(`${DEMO}/units`, 'POST', { key: 'marketing', name: 'Marketing', aliases: ['Marketing Team'] }), 201);
    const after = await ok<{ items: UnmatchedClaim[] }>(await admin(`${DEMO}/units/unmatched`));
    expect(after.items.map((u) => u.claim)).toEqual(['Procurement Office']);
    const moved = await env.DB.prepare("select count(*) as n from users where subject like 'bu-un-%' and unit_id is not null").first();
    expect(moved).toEqual({ n: 2 });
  });

  it('shows a person with their unit wherever they appear', async () => {
    const fiona = await token({ sub: 'bu-fiona-2', name: 'Fiona Second', bu: 'contoso finance' });
    const idea = await ok<Idea>(await send('POST', `${DEMO}/boards/general/ideas`, fiona, { title: 'Units on people everywhere' }), 201);
    expect(idea.author).toEqual({
      name: 'Fiona Second',
      businessUnit: 'Finance',
      unit: { key: 'finance', name: 'Finance', side: 'demand' },
    });
    const raw = await token({ sub: 'bu-raw', name: 'Rae Raw', bu: 'Skunkworks' });
    const other = await ok<Idea>(await send('POST', `${DEMO}/boards/general/ideas`, raw, { title: 'A claim that names no unit' }), 201);
    expect(other.author).toEqual({ name: 'Rae Raw', businessUnit: 'Skunkworks', unit: null });
  });
});

describe('the CIO role', () => {
  beforeAll(async () => {
    const res = await admin(`${DEMO}/settings`, 'PATCH', {
      roleMapping: {
        claim: 'roles',
        moderator: ['Bridgekit.Moderator'],
        admin: ['Bridgekit.Admin'],
        cio: ['Bridgekit.CIO'],
        applyToEmbedTokens: true,
      },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it("comes from the role mapping's cio values, besides the role", async () => {
    const cio = await token({ sub: 'bu-cio-claim', name: 'Clara Cio', extra: { roles: ['Bridgekit.CIO', 'Bridgekit.Moderator'] } });
    expect((await me(cio)).user).toMatchObject({ cio: true, role: 'moderator' });
    expect((await me(await token({ sub: 'bu-not-cio', name: 'Nora Not' }))).user).toMatchObject({ cio: false, role: 'member' });
  });

  it('is granted beside a level and taken back alone', async () => {
    const subject = 'bu-cio-grant';
    const t = await token({ sub: subject, name: 'Gina Grant' });
    await ok<RoleGrant>(await admin(`${DEMO}/roles/${subject}`, 'PUT', { role: 'evaluator' }));
    expect(await ok<RoleGrant>(await admin(`${DEMO}/roles/${subject}`, 'PUT', { role: 'cio' }))).toMatchObject({ subject, role: 'cio' });
    expect((await me(t)).user).toMatchObject({ cio: true, role: 'evaluator' });
    const grants = (await ok<{ items: RoleGrant[] }>(await admin(`${DEMO}/roles`))).items.filter((g) => g.subject === subject);
    expect(grants.map((g) => g.role).sort()).toEqual(['cio', 'evaluator']);
    // A new level replaces the level only.
    await ok(await admin(`${DEMO}/roles/${subject}`, 'PUT', { role: 'moderator' }));
    expect((await me(t)).user).toMatchObject({ cio: true, role: 'moderator' });

    expect((await admin(`${DEMO}/roles/${subject}?role=cio`, 'DELETE')).status).toBe(204);
    expect((await me(t)).user).toMatchObject({ cio: false, role: 'moderator' });
    const gone = await admin(`${DEMO}/roles/${subject}?role=cio`, 'DELETE');
    expect(gone.status).toBe(404);
    expect((await admin(`${DEMO}/roles/${subject}`, 'DELETE')).status).toBe(204);
    expect((await me(t)).user).toMatchObject({ cio: false, role: 'member' });
    expect((await admin(`${DEMO}/roles/${subject}?role=admin`, 'DELETE')).status).toBe(400);
  });
});

describe("ideas' units", () => {
  const author = () => token({ sub: 'bu-author', name: 'Ada Author', bu: 'Finance' });
  const post = async (body: Record<string, unknown>) => send('POST', `${DEMO}/boards/general/ideas`, await author(), body);

  it('takes a sponsoring unit and impacted units by key, and answers them on the idea, in lists and filtered', async () => {
    const idea = await ok<Idea>(
      await post({ title: 'Shared close calendar', unit: 'finance', impactedUnits: ['sales', 'operations'] }),
      201,
    );
    expect(idea.unit).toEqual({ key: 'finance', name: 'Finance', side: 'demand' });
    expect(idea.impactedUnits.map((u) => u.key)).toEqual(['operations', 'sales']);
    // The old free text is matched through the aliases.
    const byText = await ok<Idea>(await post({ title: 'Faster pipeline reports', businessCase: { beneficiary: ' SALES ' } }), 201);
    expect(byText.unit?.key).toBe('sales');
    expect(byText.businessCase.beneficiary).toBe('SALES');

    const page = await ok<Page<Idea>>(await send('GET', `${DEMO}/boards/general/ideas?unit=finance&limit=100`, null));
    expect(page.items.map((i) => i.title)).toContain('Shared close calendar');
    expect(page.items.every((i) => i.unit?.key === 'finance')).toBe(true);
    expect(page.items.find((i) => i.id === idea.id)?.impactedUnits.map((u) => u.key)).toEqual(['operations', 'sales']);
    expect((await ok<Page<Idea>>(await send('GET', `${DEMO}/boards/general/ideas?unit=nowhere`, null))).items).toEqual([]);

    const edited = await ok<Idea>(
      await send('PATCH', `${DEMO}/ideas/${idea.id}`, await author(), { unit: 'operations', impactedUnits: ['finance'] }),
    );
    expect(edited.unit?.key).toBe('operations');
    expect(edited.impactedUnits.map((u) => u.key)).toEqual(['finance']);
    expect(edited.editedAt).toBeNull();
    const cleared = await ok<Idea>(await send('PATCH', `${DEMO}/ideas/${idea.id}`, await author(), { unit: null, impactedUnits: [] }));
    expect(cleared).toMatchObject({ unit: null, impactedUnits: [] });
  });

  it('refuses an unknown or archived unit, and the sponsor among the impacted, writing nothing', async () => {
    await ok(await admin(`${DEMO}/units`, 'POST', { key: 'old-unit', name: 'Old Unit' }), 201);
    await ok(await admin(`${DEMO}/units/old-unit/archive`, 'POST'));
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ unit: 'nowhere' }, 'validation_failed.unknown_unit', { unit: 'nowhere' }],
      [{ unit: 'old-unit' }, 'validation_failed.unknown_unit', { unit: 'old-unit' }],
      [{ impactedUnits: ['finance', 'nowhere'] }, 'validation_failed.unknown_unit', { unit: 'nowhere' }],
      [{ unit: 'finance', impactedUnits: ['finance'] }, 'validation_failed.impacted_sponsor', { unit: 'finance' }],
    ];
    for (const [body, reason, params] of cases) {
      const res = await post({ title: `Refused ${reason} ${JSON.stringify(body)}`.slice(0, 100), ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorOf(res)).toMatchObject({ reason, params });
    }
    expect((await post({ title: 'Too many', impactedUnits: Array.from({ length: 11 }, (_, i) => `u${i}`) })).status).toBe(400);
    const stored = await env.DB.prepare("select count(*) as n from ideas where title like 'Refused %'").first();
    expect(stored).toEqual({ n: 0 });
  });
});

describe('support by business unit', () => {
  it('counts demand-side units only, each unit once however its people spell it', async () => {
    const idea = await ok<Idea>(
      await send('POST', `${DEMO}/boards/general/ideas`, await token({ sub: 'bu-sup-author', name: 'Sam Support' }), {
        title: 'Count my units',
      }),
      201,
    );
    const vote = async (sub: string, bu: string) =>
      ok<{ businessUnits: number }>(
        await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, await token({ sub, name: `Voter ${sub}`, bu }), { votes: 1 }),
      );
    expect((await vote('bu-v-1', 'Finance')).businessUnits).toBe(1);
    expect((await vote('bu-v-2', ' finance ')).businessUnits).toBe(1);
    expect((await vote('bu-v-3', 'IT')).businessUnits).toBe(1);
    expect((await vote('bu-v-4', 'Sales')).businessUnits).toBe(2);
    expect((await vote('bu-v-5', 'Nowhere Land')).businessUnits).toBe(2);

    const view = await ok<IdeaView>(await send('GET', `${DEMO}/ideas/${idea.id}/view`, null));
    expect(view.idea.businessUnits).toBe(2);
    // The author, who names no unit, backs their own idea: one more of no unit.
    expect(view.supportByUnit).toEqual([
      { unit: { key: 'finance', name: 'Finance', side: 'demand' }, supporters: 2 },
      { unit: null, supporters: 2 },
      { unit: { key: 'sales', name: 'Sales', side: 'demand' }, supporters: 1 },
    ]);
    expect(view.providerSupporters).toBe(1);
  });
});

describe('the alias rule', () => {
  it('equals the SQL of migration 0015 that made the first aliases', async () => {
    const samples = [
      'Finance',
      '  Finance  ',
      'FINANCE',
      'Contoso   Finance',
      'People & HR',
      'Ärzte Ünit',
      'IT\tServices',
      'a        b',
      'É',
      '',
    ];
    for (const s of samples) {
      const row = await env.DB.prepare("select lower(replace(replace(replace(trim(?1), '  ', ' '), '  ', ' '), '  ', ' ')) as alias")
        .bind(s)
        .first<{ alias: string }>();
      expect(normaliseAlias(s), JSON.stringify(s)).toBe(row?.alias);
    }
  });
});
