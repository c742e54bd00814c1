/**
 * Admins set a person's business unit (`PUT /people/{handle}/unit`): who may, what is refused
 * (writing nothing), support by unit recounted at once, and how the choice meets the person's
 * token at their next sign-in — a claim naming a unit wins, one naming none keeps the choice —
 * and a later change of the unit's aliases.
 */
import { env } from 'cloudflare:workers';
import type { Idea, PersonUnit, Viewer } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json, token } from './helpers.ts';

const send = (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function ok<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return json<T>(res);
}

const setUnit = (handle: string, unit: string | null) => admin(`${DEMO}/people/${handle}/unit`, 'PUT', { unit });
const unitOf = async (subject: string) =>
  (
    await env.DB.prepare('select b.key as unit from users u left join business_units b on b.id = u.unit_id where u.subject = ?')
      .bind(subject)
      .first<{ unit: string | null }>()
  )?.unit;
const handleOf = async (subject: string) =>
  (await env.DB.prepare('select handle from users where subject = ?').bind(subject).first<{ handle: string }>())?.handle ?? '';

let idea: Idea;
/** A person whose tokens carry no business-unit claim. */
let plain: string;
let plainHandle: string;

/** Any write refreshes the person's row from their token: backing the test's idea. */
const signIn = async (t: string) => ok(await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, t, { votes: 1 }));
const supportByUnits = async () => (await ok<Idea>(await send('GET', `${DEMO}/ideas/${idea.id}`, null))).businessUnits;

beforeAll(async () => {
  const author = await token({ sub: 'pu-author', name: 'Paula Author' });
  idea = await ok<Idea>(await send('POST', `${DEMO}/boards/general/ideas`, author, { title: 'A shared glossary of unit names' }), 201);
  plain = await token({ sub: 'pu-plain', name: 'Pia Plain' });
  await signIn(plain);
  plainHandle = await handleOf('pu-plain');
});

describe("an admin sets a person's unit", () => {
  it('puts the person in the unit and recounts the support by unit of the ideas they back', async () => {
    expect(await supportByUnits()).toBe(0);
    const set = await ok<PersonUnit>(await setUnit(plainHandle, 'finance'));
    expect(set).toEqual({
      handle: plainHandle,
      name: 'Pia Plain',
      businessUnit: 'Finance',
      unit: { key: 'finance', name: 'Finance', side: 'demand' },
    });
    expect(await supportByUnits()).toBe(1);
    expect((await ok<Viewer>(await send('GET', `${DEMO}/me`, plain))).user?.unit?.key).toBe('finance');
    // IT is supply: its people's support is not demand.
    expect((await ok<PersonUnit>(await setUnit(`@${plainHandle.toUpperCase()}`, 'it'))).unit?.key).toBe('it');
    expect(await supportByUnits()).toBe(0);
    expect((await ok<PersonUnit>(await setUnit(plainHandle, null))).unit).toBeNull();
    expect(await unitOf('pu-plain')).toBeNull();
  });

  it('refuses members, unknown or archived units and unknown handles, and writes nothing', async () => {
    await ok(await setUnit(plainHandle, 'sales'));
    const member = await send('PUT', `${DEMO}/people/${plainHandle}/unit`, plain, { unit: 'finance' });
    expect(member.status).toBe(403);
    const unknown = await setUnit(plainHandle, 'atlantis');
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toMatchObject({
      reason: 'validation_failed.unknown_unit',
      details: [{ path: 'body.unit', reason: 'field.unknown_unit' }],
    });
    await ok(await admin(`${DEMO}/units`, 'POST', { key: 'pu-closed', name: 'Closed unit' }), 201);
    await ok(await admin(`${DEMO}/units/pu-closed/archive`, 'POST'));
    expect((await errorOf(await setUnit(plainHandle, 'pu-closed'))).reason).toBe('validation_failed.unknown_unit');
    const nobody = await setUnit('no.such.person', 'finance');
    expect(nobody.status).toBe(404);
    expect((await errorOf(nobody)).reason).toBe('not_found.person');
    expect((await admin(`${DEMO}/people/${plainHandle}/unit`, 'PUT', { unit: 'finance', extra: 1 })).status).toBe(400);
    expect(await unitOf('pu-plain')).toBe('sales');
    expect(await supportByUnits()).toBe(1);
  });
});

describe("the admin's choice and the person's next sign-in", () => {
  it('keeps the choice while the claim names no unit, until the unit is archived', async () => {
    await ok(await setUnit(plainHandle, 'finance'));
    await signIn(plain);
    expect(await unitOf('pu-plain')).toBe('finance');
    // A claim that names no unit keeps it too.
    const odd = await token({ sub: 'pu-plain', name: 'Pia Plain', bu: 'Skunkworks' });
    await signIn(odd);
    expect(await unitOf('pu-plain')).toBe('finance');
    expect((await ok<Viewer>(await send('GET', `${DEMO}/me`, odd))).user).toMatchObject({
      businessUnit: 'Finance',
      unit: { key: 'finance' },
    });

    await ok(await admin(`${DEMO}/units`, 'POST', { key: 'pu-temp', name: 'Temporary unit' }), 201);
    await ok(await setUnit(plainHandle, 'pu-temp'));
    await ok(await admin(`${DEMO}/units/pu-temp/archive`, 'POST'));
    await signIn(plain);
    expect(await unitOf('pu-plain')).toBeNull();
  });

  it('lets a claim that names a unit win, and then follows the claim as before', async () => {
    const claimed = await token({ sub: 'pu-claimed', name: 'Carl Claimed', bu: 'Sales' });
    await signIn(claimed);
    const handle = await handleOf('pu-claimed');
    await ok(await setUnit(handle, 'finance'));
    expect(await unitOf('pu-claimed')).toBe('finance');
    await signIn(claimed);
    expect(await unitOf('pu-claimed')).toBe('sales');
    // Matched by his claim, not chosen: a claim that names no unit leaves him without one.
    await signIn(await token({ sub: 'pu-claimed', name: 'Carl Claimed', bu: 'Skunkworks' }));
    expect(await unitOf('pu-claimed')).toBeNull();
  });

  it("keeps the choice when the unit's aliases change, unless the person's claim was a dropped alias", async () => {
    const odd = await token({ sub: 'pu-plain', name: 'Pia Plain', bu: 'Skunkworks' });
    await signIn(odd);
    await ok(await setUnit(plainHandle, 'operations'));
    const matched = await token({ sub: 'pu-matched', name: 'Mo Matched', bu: 'Ops Crew' });
    await ok(await admin(`${DEMO}/units/operations`, 'PATCH', { aliases: ['Ops Crew'] }));
    await signIn(matched);
    expect(await unitOf('pu-matched')).toBe('operations');
    await ok(await admin(`${DEMO}/units/operations`, 'PATCH', { aliases: ['Operations Team'] }));
    expect(await unitOf('pu-plain')).toBe('operations');
    expect(await unitOf('pu-matched')).toBeNull();
  });
});
