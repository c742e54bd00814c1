/**
 * Health-round invitations reach people (docs/health.md): inviting someone records `health.invited`
 * for those invited by that request only — in their inbox with the reason `invited`, e-mailed on
 * the mentions cadence, linked to the round's page (`itemPages.health`) — never to the inviter, not
 * again on a second invitation, and never to a webhook (a round is the unit's relationship
 * intelligence).
 */
import { env } from 'cloudflare:workers';
import type { BridgekitEvent, HealthRound, Inbox } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../src/db/client.ts';
import { describeEvent } from '../src/delivery/describe.ts';
import { loadEvents } from '../src/delivery/event-view.ts';
import { deliverWebhook } from '../src/delivery/webhook-delivery.ts';
import { admin, call, DEMO, json, token } from './helpers.ts';

const T = 'demo-tenant';
const PEOPLE = [
  { key: 'rm', name: 'Rhea Manager', unit: 'it' },
  { key: 'ann', name: 'Ann Finance', unit: 'finance' },
  { key: 'ben', name: 'Ben Finance', unit: 'finance' },
  { key: 'ivy', name: 'Ivy Tech', unit: 'it' },
] as const;
type Key = (typeof PEOPLE)[number]['key'];
const tokens = {} as Record<Key, string>;
const send = (method: string, url: string, who: Key, body?: unknown) =>
  call(url, { method, token: tokens[who], ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const inbox = async (who: Key) => json<Inbox>(await send('GET', `${DEMO}/notifications?limit=50`, who));
const invitations = async (who: Key, round: string) =>
  (await inbox(who)).items.filter((n) => n.event === 'health.invited' && n.item.id === round);

let round: HealthRound;

beforeAll(async () => {
  const now = Date.now();
  await env.DB.batch([
    ...PEOPLE.map((p) =>
      env.DB.prepare(
        `insert into users (id, tenant_id, subject, name, handle, unit_id, created_at, last_seen_at)
         values (?, ?, ?, ?, ?, (select id from business_units where tenant_id = ? and key = ?), ?, ?)`,
      ).bind(`hin-${p.key}`, T, `hin|${p.key}`, p.name, `hin.${p.key}`, T, p.unit, now, now),
    ),
    env.DB.prepare(
      `insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at)
       values ((select id from business_units where tenant_id = ? and key = 'finance'), 'hin-rm', ?, 'relationship_manager', ?)`,
    ).bind(T, T, now),
  ]);
  for (const p of PEOPLE) tokens[p.key] = await token({ sub: `hin|${p.key}`, name: p.name, bu: p.unit === 'it' ? 'IT' : 'Finance' });
  const created = await send('POST', `${DEMO}/health-rounds`, 'rm', {
    unit: 'finance',
    title: 'Finance, invitations',
    closesOn: '2027-03-31',
  });
  expect(created.status, await created.clone().text()).toBe(201);
  round = await json<HealthRound>(created);
});

describe('a health-round invitation', () => {
  it('tells those invited, for the reason "invited", with the round as the item, and not the inviter', async () => {
    const invited = await send('POST', `${DEMO}/health-rounds/${round.id}/invitations`, 'rm', {
      people: [
        { handle: 'hin.ann', side: 'business' },
        { handle: 'hin.ivy', side: 'provider' },
      ],
    });
    expect(invited.status, await invited.clone().text()).toBe(200);
    for (const who of ['ann', 'ivy'] as const) {
      const told = await invitations(who, round.id);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({
        reason: 'invited',
        actor: { name: 'Rhea Manager', handle: 'hin.rm' },
        item: { kind: 'health', id: round.id, title: 'Finance, invitations', url: null },
        readAt: null,
      });
    }
    expect(await invitations('rm', round.id)).toEqual([]);
    expect(await invitations('ben', round.id)).toEqual([]);
    const kinds = await env.DB.prepare(
      "select n.kind from notifications n join events e on e.id = n.event_id where e.type = 'health.invited' and e.item_id = ?",
    )
      .bind(round.id)
      .all<{ kind: string }>();
    expect(kinds.results.map((r) => r.kind)).toEqual(['mentions', 'mentions']);
  });

  it('tells only the newly invited when more are invited, and nobody when no one is new', async () => {
    const again = await send('POST', `${DEMO}/health-rounds/${round.id}/invitations`, 'rm', {
      people: [
        { handle: 'hin.ann', side: 'business' },
        { handle: 'hin.ben', side: 'business' },
      ],
    });
    expect(again.status).toBe(200);
    expect(await invitations('ann', round.id)).toHaveLength(1);
    expect(await invitations('ben', round.id)).toHaveLength(1);
    const count = async () =>
      (
        await env.DB.prepare("select count(*) as n from events where type = 'health.invited' and item_id = ?")
          .bind(round.id)
          .first<{ n: number }>()
      )?.n;
    const before = await count();
    expect(
      (await send('POST', `${DEMO}/health-rounds/${round.id}/invitations`, 'rm', { people: [{ handle: 'hin.ben', side: 'business' }] }))
        .status,
    ).toBe(200);
    expect(await count()).toBe(before);
  });

  it("links to the tenant's health page, says so in a sentence, and goes to no webhook", async () => {
    const pages = await admin(`${DEMO}/settings`, 'PATCH', {
      itemPages: { health: 'https://intranet.contoso.example/health#bk-health={id}' },
    });
    expect(pages.status, await pages.clone().text()).toBe(200);
    const [told] = await invitations('ann', round.id);
    expect(told?.item.url).toBe(`https://intranet.contoso.example/health#bk-health=${round.id}`);

    const db = database(env.DB);
    const row = await env.DB.prepare("select id from events where type = 'health.invited' and item_id = ? order by id limit 1")
      .bind(round.id)
      .first<{ id: string }>();
    const [event] = (await loadEvents(db, T, [row?.id ?? ''])) as BridgekitEvent[];
    expect(event?.item).toMatchObject({
      kind: 'health',
      title: 'Finance, invitations',
      url: `https://intranet.contoso.example/health#bk-health=${round.id}`,
    });
    expect(describeEvent(event as BridgekitEvent)).toBe(
      'Rhea Manager invited you to answer the relationship health round “Finance, invitations”.',
    );

    const hook = await json<{ id: string }>(
      await admin(`${DEMO}/webhooks`, 'POST', { url: 'https://hooks.contoso.example/health', events: ['health.invited'] }),
    );
    expect(await deliverWebhook(db, { tenant: T, event: row?.id ?? '', webhook: hook.id }, 1)).toBe('done');
    expect(await env.DB.prepare('select count(*) as n from webhook_deliveries where webhook_id = ?').bind(hook.id).first()).toEqual({
      n: 0,
    });
  });
});
