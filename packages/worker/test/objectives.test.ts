/**
 * Units' objectives (docs/intake.md): kept in step with the unit's partner profile on every save,
 * added and archived by the unit's team and admins, as readable as the profile; ideas and cards
 * linking to them, with bad input refused (400, nothing written).
 */
import { env } from 'cloudflare:workers';
import type { CardObjectives, Idea, Objective, ObjectiveList, PracticeCard } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

const TENANT = 'demo-tenant';
const UNIT = 'obj-treasury';

const writer = () => token({ sub: 'obj|writer', name: 'Wanda Writer', bu: 'Finance' });
const teamMember = () => token({ sub: 'obj|rm', name: 'Rolf Manager', bu: 'IT' });
const member = () => token({ sub: 'obj|member', name: 'Mo Member', bu: 'Sales' });
const adminToken = () => token({ sub: 'obj|admin', name: 'Ada Objadmin', extra: { roles: ['Bridgekit.Admin'] } });

const send = async (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

const list = async (t: string | null, query = '') => {
  const res = await send('GET', `${DEMO}/units/${UNIT}/objectives${query}`, t);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await json<ObjectiveList>(res)).items;
};

const profileFields = (objectives: { objective: string; horizon?: string; kpi?: string }[]) => ({
  ...(EXAMPLE_CARDS['business-partner-profile']?.fields ?? {}),
  strategicObjectives: objectives,
});

async function saveProfile(card: PracticeCard | null, objectives: { objective: string; horizon?: string; kpi?: string }[], extra = {}) {
  const body = { title: 'Treasury: business partner profile', fields: profileFields(objectives), ...extra };
  const res = card
    ? await send('PUT', `${DEMO}/cards/${card.id}`, await writer(), { ...body, baseVersion: card.version })
    : await send('POST', `${DEMO}/cards`, await writer(), { templateId: 'business-partner-profile', unit: UNIT, ...body });
  expect(res.status, await res.clone().text()).toBe(card ? 200 : 201);
  return json<PracticeCard>(res);
}

const count = async (sql: string) => ((await env.DB.prepare(sql).first()) as { n: number }).n;

beforeAll(async () => {
  await useTestRoleClaims();
  const created = await send('POST', `${DEMO}/units`, await adminToken(), { key: UNIT, name: 'Treasury' });
  expect(created.status, await created.clone().text()).toBe(201);
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "insert into users (id, tenant_id, subject, name, handle, created_at, last_seen_at) values ('obj-rm', ?, 'obj|rm', 'Rolf Manager', 'obj.rm', ?, ?)",
    ).bind(TENANT, now, now),
    env.DB.prepare(
      "insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values ((select id from business_units where tenant_id = ? and key = ?), 'obj-rm', ?, 'relationship_manager', ?)",
    ).bind(TENANT, UNIT, TENANT, now),
  ]);
});

describe("a unit's objectives follow its partner profile", () => {
  let card: PracticeCard;
  let first: Objective[];

  it('each objective of the profile becomes an item with an id, in the profile’s order', async () => {
    card = await saveProfile(null, [
      { objective: 'Forecast cash weekly', horizon: 'this-year', kpi: 'Forecast accuracy' },
      { objective: 'Cut bank fees', horizon: 'one-to-three-years' },
    ]);
    first = await list(null);
    expect(first.map((o) => [o.title, o.kpi, o.horizon])).toEqual([
      ['Forecast cash weekly', 'Forecast accuracy', 'this-year'],
      ['Cut bank fees', null, 'one-to-three-years'],
    ]);
    expect(first[0]).toMatchObject({ unit: { key: UNIT, name: 'Treasury' }, card: { id: card.id }, archivedAt: null });
  });

  it('a save keeps the ids of the titles it keeps (case and spaces aside), archives the titles removed and adds new ones', async () => {
    card = await saveProfile(card, [
      { objective: 'Pool cash across entities', horizon: 'beyond-three-years' },
      { objective: '  forecast CASH weekly ', kpi: 'Weekly forecast error' },
    ]);
    const now = await list(null);
    expect(now.map((o) => o.title)).toEqual(['Pool cash across entities', 'forecast CASH weekly']);
    expect(now[1]?.id).toBe(first[0]?.id);
    expect(now[1]?.kpi).toBe('Weekly forecast error');
    expect(now[0]?.id).not.toBe(first[1]?.id);
    const all = await list(null, '?archived=true');
    expect(all.find((o) => o.id === first[1]?.id)?.archivedAt).not.toBeNull();
    // Written back: the removed title comes back under its old id.
    card = await saveProfile(card, [{ objective: 'Cut bank fees' }, { objective: 'Forecast cash weekly' }]);
    const back = await list(null);
    expect(back.map((o) => o.id)).toEqual([first[1]?.id, first[0]?.id]);
  });

  it('a profile kept private lists its objectives to its owner only', async () => {
    const secret = await send('POST', `${DEMO}/cards`, await writer(), {
      templateId: 'business-partner-profile',
      unit: UNIT,
      visibility: 'private',
      title: 'Treasury: private notes',
      fields: profileFields([{ objective: 'Replace the treasurer quietly' }]),
    });
    expect(secret.status, await secret.clone().text()).toBe(201);
    expect((await list(await member())).map((o) => o.title)).not.toContain('Replace the treasurer quietly');
    expect((await list(await writer())).map((o) => o.title)).toContain('Replace the treasurer quietly');
  });

  it('cannot be changed or archived through the API (409): they change with the card', async () => {
    const id = first[0]?.id as string;
    const res = await send('PATCH', `${DEMO}/objectives/${id}`, await adminToken(), { title: 'Something else' });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).reason).toBe('conflict.objective_in_profile');
    expect((await send('DELETE', `${DEMO}/objectives/${id}`, await adminToken())).status).toBe(409);
  });
});

describe('objectives added through the API', () => {
  it('by the unit’s relationship team and admins; anyone else is 403, an unknown unit 404, bad input 400 — nothing written', async () => {
    const before = await count(`select count(*) as n from unit_objectives where tenant_id = '${TENANT}'`);
    const refused = await send('POST', `${DEMO}/units/${UNIT}/objectives`, await member(), { title: 'Pay suppliers on time' });
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({ reason: 'forbidden.unit_objectives', params: { unit: 'Treasury' } });
    expect((await send('POST', `${DEMO}/units/${UNIT}/objectives`, null, { title: 'Pay suppliers on time' })).status).toBe(401);
    const missing = await send('POST', `${DEMO}/units/no-such-unit/objectives`, await adminToken(), { title: 'Pay suppliers on time' });
    expect(missing.status).toBe(404);
    for (const body of [{ title: '' }, { title: 'x'.repeat(201) }, { title: 'Ok', horizon: 'someday' }, { title: 'Ok', extra: 1 }]) {
      const bad = await send('POST', `${DEMO}/units/${UNIT}/objectives`, await teamMember(), body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(bad)).code).toBe('validation_failed');
    }
    expect(await count(`select count(*) as n from unit_objectives where tenant_id = '${TENANT}'`)).toBe(before);

    const byTeam = await send('POST', `${DEMO}/units/${UNIT}/objectives`, await teamMember(), {
      title: 'Pay suppliers on time',
      kpi: 'On-time payments',
      horizon: 'this-year',
    });
    expect(byTeam.status, await byTeam.clone().text()).toBe(201);
    const added = await json<Objective>(byTeam);
    expect(added).toMatchObject({ title: 'Pay suppliers on time', card: null, unit: { key: UNIT } });
    expect((await send('POST', `${DEMO}/units/${UNIT}/objectives`, await adminToken(), { title: 'Hedge currency risk' })).status).toBe(201);
    expect((await list(await member())).map((o) => o.title)).toEqual(
      expect.arrayContaining(['Pay suppliers on time', 'Hedge currency risk']),
    );

    const changed = await send('PATCH', `${DEMO}/objectives/${added.id}`, await teamMember(), {
      kpi: null,
      title: 'Pay every supplier on time',
    });
    expect(await json<Objective>(changed)).toMatchObject({ title: 'Pay every supplier on time', kpi: null, horizon: 'this-year' });
    expect((await send('PATCH', `${DEMO}/objectives/${added.id}`, await member(), { title: 'Mine now' })).status).toBe(403);
    expect((await send('DELETE', `${DEMO}/objectives/no-such-objective`, await adminToken())).status).toBe(404);
    const archived = await json<Objective>(await send('DELETE', `${DEMO}/objectives/${added.id}`, await teamMember()));
    expect(archived.archivedAt).not.toBeNull();
    expect((await list(null)).map((o) => o.id)).not.toContain(added.id);
    expect((await list(null, '?archived=true')).map((o) => o.id)).toContain(added.id);
  });
});

describe('ideas and cards link to objectives', () => {
  const newIdea = async (body: Record<string, unknown>) => send('POST', `${DEMO}/boards/general/ideas`, await writer(), body);

  it('an idea names the objectives it serves; unknown, archived or more than five are 400 with nothing written', async () => {
    const [a, b] = await list(null);
    const res = await newIdea({ title: 'Daily cash positions from the banks', objectives: [a?.id, b?.id] });
    expect(res.status, await res.clone().text()).toBe(201);
    const idea = await json<Idea>(res);
    expect(idea.objectives.map((o) => o.id).sort()).toEqual([a?.id, b?.id].sort());
    expect(idea.objectives[0]).toMatchObject({ unit: { key: UNIT }, card: { title: 'Treasury: business partner profile' } });

    const ideas = () => count(`select count(*) as n from ideas where tenant_id = '${TENANT}'`);
    const before = await ideas();
    const archived = (await list(null, '?archived=true')).find((o) => o.archivedAt !== null);
    for (const objectives of [['no-such-objective'], [archived?.id], ['a', 'b', 'c', 'd', 'e', 'f']]) {
      const bad = await newIdea({ title: 'Cash pooling for subsidiaries', objectives });
      expect(bad.status, JSON.stringify(objectives)).toBe(400);
      const error = await errorOf(bad);
      if (objectives.length <= 5) {
        expect(error).toMatchObject({
          reason: 'validation_failed.unknown_objective',
          details: [{ path: 'body.objectives[0]', reason: 'field.not_an_objective' }],
        });
      }
    }
    expect(await ideas()).toBe(before);

    // An edit replaces the list; an unknown one leaves it as it was.
    const edited = await send('PATCH', `${DEMO}/ideas/${idea.id}`, await writer(), { objectives: [b?.id] });
    expect((await json<Idea>(edited)).objectives.map((o) => o.id)).toEqual([b?.id]);
    const refused = await send('PATCH', `${DEMO}/ideas/${idea.id}`, await writer(), { objectives: ['nope'] });
    expect(refused.status).toBe(400);
    expect((await json<Idea>(await send('GET', `${DEMO}/ideas/${idea.id}`, null))).objectives.map((o) => o.id)).toEqual([b?.id]);
  });

  it('business cases, value plans and account plans serve objectives; other cards are 400', async () => {
    const [a] = await list(null);
    const bc = EXAMPLE_CARDS['business-case'];
    const made = await send('POST', `${DEMO}/cards`, await writer(), {
      templateId: 'business-case',
      title: 'Treasury case',
      fields: bc?.fields,
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const caseCard = await json<PracticeCard>(made);
    const set = await send('PUT', `${DEMO}/cards/${caseCard.id}/objectives`, await member(), { objectives: [a?.id] });
    expect(set.status, await set.clone().text()).toBe(200);
    expect((await json<CardObjectives>(set)).objectives.map((o) => o.id)).toEqual([a?.id]);
    expect((await json<CardObjectives>(await send('GET', `${DEMO}/cards/${caseCard.id}/objectives`, null))).objectives).toHaveLength(1);
    const unknown = await send('PUT', `${DEMO}/cards/${caseCard.id}/objectives`, await member(), { objectives: ['nope'] });
    expect((await errorOf(unknown)).reason).toBe('validation_failed.unknown_objective');
    expect((await json<CardObjectives>(await send('GET', `${DEMO}/cards/${caseCard.id}/objectives`, null))).objectives).toHaveLength(1);
    const profile = (await list(null))[0]?.card?.id as string;
    const wrong = await send('PUT', `${DEMO}/cards/${profile}/objectives`, await member(), { objectives: [a?.id] });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).reason).toBe('validation_failed.card_objectives');
    expect((await send('PUT', `${DEMO}/cards/${caseCard.id}/objectives`, null, { objectives: [] })).status).toBe(401);
    const cleared = await send('PUT', `${DEMO}/cards/${caseCard.id}/objectives`, await member(), { objectives: [] });
    expect((await json<CardObjectives>(cleared)).objectives).toEqual([]);
  });
});
