import { env } from 'cloudflare:workers';
import type { Webhook, WebhookDelivery, WebhookWithSecret } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../src/db/client.ts';
import { DISABLE_AFTER } from '../src/delivery/webhook-delivery.ts';
import { eventStatements } from '../src/notify/record.ts';
import { consume, receiver, recorder, runCron } from './delivery-queue.ts';
import { RECEIVER } from './fake-webhook-receiver.ts';
import { admin, call, DEMO, errorOf, json, token } from './helpers.ts';

const TENANT = 'demo-tenant';

async function createHook(url: string, events: string[] = ['idea.created'], format = 'raw'): Promise<WebhookWithSecret> {
  const res = await admin(`${DEMO}/webhooks`, 'POST', { url, events, format });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<WebhookWithSecret>(res);
}

/** An idea.created event recorded as a write would, but never dispatched (the write's dispatch failed). */
async function recordUndispatchedEvent(createdAt = Date.now() - 120_000): Promise<string> {
  const db = database(env.DB);
  await db.batch(
    eventStatements(db, {
      tenantId: TENANT,
      type: 'idea.created',
      actorId: 'demo-user-amara',
      item: { kind: 'idea', id: 'demo-idea-sso' },
      now: createdAt,
    }) as [never],
  );
  const row = await env.DB.prepare('select id from events where tenant_id = ? and created_at = ? order by id desc')
    .bind(TENANT, createdAt)
    .first<{ id: string }>();
  if (!row) throw new Error('no event recorded');
  return row.id;
}

const dispatchedAt = async (id: string) =>
  (await env.DB.prepare('select dispatched_at as at from events where id = ?').bind(id).first<{ at: number | null }>())?.at ?? null;

const deliveries = async (id: string) => (await json<{ items: WebhookDelivery[] }>(await admin(`${DEMO}/webhooks/${id}/deliveries`))).items;
const hook = async (id: string) => (await json<{ items: Webhook[] }>(await admin(`${DEMO}/webhooks`))).items.find((h) => h.id === id);

/** Stops the other tests' webhooks from taking this test's events (each test's own hook listens alone). */
async function disableOthers(except: string) {
  await env.DB.prepare('update webhooks set enabled = 0 where tenant_id = ? and id <> ?').bind(TENANT, except).run();
  await env.DB.prepare('update events set dispatched_at = 1 where dispatched_at is null').run();
}

describe('webhooks: administration', () => {
  it('creates a webhook with its secret shown once; lists, changes and removes it', async () => {
    const created = await createHook('https://hooks.contoso.example/a', ['idea.created', 'idea.created', 'comment.created'], 'teams');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ events: ['idea.created', 'comment.created'], format: 'teams', enabled: true, consecutiveFailures: 0 });
    const listed = await hook(created.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('secret');

    const changed = await json<Webhook>(
      await admin(`${DEMO}/webhooks/${created.id}`, 'PATCH', { events: ['card.review_due'], description: 'Reviews' }),
    );
    expect(changed).toMatchObject({ events: ['card.review_due'], description: 'Reviews' });
    expect((await admin(`${DEMO}/webhooks/${created.id}`, 'DELETE')).status).toBe(200);
    expect((await admin(`${DEMO}/webhooks/${created.id}/deliveries`)).status).toBe(404);
    expect((await errorOf(await admin(`${DEMO}/webhooks/${created.id}`, 'DELETE'))).reason).toBe('not_found.webhook');
  });

  it('refuses plain http (but for localhost in development), credentials, unknown event types and an empty list', async () => {
    for (const [body, path] of [
      [{ url: 'http://hooks.contoso.example/x', events: ['idea.created'] }, 'body.url'],
      [{ url: 'https://user:pw@hooks.contoso.example/x', events: ['idea.created'] }, 'body.url'],
      [{ url: 'https://hooks.contoso.example/x', events: ['idea.exploded'] }, 'body.events.0'],
      [{ url: 'https://hooks.contoso.example/x', events: [] }, 'body.events'],
      [{ url: 'https://hooks.contoso.example/x', events: ['idea.created'], format: 'discord' }, 'body.format'],
    ] as const) {
      const res = await admin(`${DEMO}/webhooks`, 'POST', body);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).details?.map((d) => d.path)).toContain(path);
    }
    // The tests run the development Worker: localhost over http is allowed there.
    expect((await admin(`${DEMO}/webhooks`, 'POST', { url: 'http://localhost:9000/hook', events: ['idea.created'] })).status).toBe(201);
  });

  it('is for admins only', async () => {
    const member = await token({ sub: 'webhook-member' });
    expect((await call(`${DEMO}/webhooks`, { token: member })).status).toBe(403);
    const res = await call(`${DEMO}/webhooks`, {
      method: 'POST',
      token: member,
      body: JSON.stringify({ url: 'https://h.example/x', events: ['idea.created'] }),
    });
    expect(res.status).toBe(403);
  });

  it('sends a signed ping on demand and says what the receiver answered', async () => {
    const r = await receiver('ping', []);
    const created = await createHook(r.url);
    expect(await json(await admin(`${DEMO}/webhooks/${created.id}/test`, 'POST'))).toEqual({
      delivered: false,
      statusCode: 401,
      error: 'HTTP 401',
    });
    await r.setUp([created.secret]);
    expect(await json(await admin(`${DEMO}/webhooks/${created.id}/test`, 'POST'))).toEqual({
      delivered: true,
      statusCode: 200,
      error: null,
    });
    const [, ping] = await r.received();
    expect(ping).toMatchObject({
      verified: true,
      headers: { 'bridgekit-event': 'ping' },
      body: { type: 'ping', tenant: 'demo', webhook: created.id },
    });
    // A ping is not a delivery: no log entry, no failure counted.
    expect(await deliveries(created.id)).toEqual([]);
    expect((await hook(created.id))?.consecutiveFailures).toBe(0);
  });
});

describe('webhooks: delivery', () => {
  beforeAll(async () => {
    // Nothing the seed or other files recorded is waiting.
    await env.DB.prepare('update events set dispatched_at = 1 where dispatched_at is null').run();
  });

  it('a write asks for a sweep after its answer; the sweep sends the event to each subscribed webhook, signed', async () => {
    const r = await receiver('write', []);
    const created = await createHook(r.url, ['idea.created']);
    const other = await createHook(`${RECEIVER}/hooks/never`, ['comment.created']);
    await disableOthers(created.id);
    await env.DB.prepare('update webhooks set enabled = 1 where id = ?').bind(other.id).run();
    await r.setUp([created.secret]);

    const via = recorder();
    const { default: worker } = await import('../src/dev/index.ts');
    const { createExecutionContext, waitOnExecutionContext } = await import('cloudflare:test');
    const ctx = createExecutionContext();
    const author = await token({ sub: 'webhook-author', name: 'Wanda Hook' });
    const res = await worker.fetch(
      new Request(`${DEMO}/boards/general/ideas`, {
        method: 'POST',
        headers: { authorization: `Bearer ${author}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Webhooks for the portfolio tool', description: 'Tell the portfolio tool about new ideas.' }),
      }),
      via.env,
      ctx,
    );
    expect(res.status).toBe(201);
    const idea = await json<{ id: string }>(res);
    await waitOnExecutionContext(ctx);
    expect(via.take()).toEqual([{ kind: 'sweep', tenant: TENANT }]);

    const swept = await consume([{ kind: 'sweep', tenant: TENANT }], { via });
    expect(swept.explicitAcks).toEqual(swept.ids);
    const sent = via.take();
    // Only the webhook subscribed to idea.created.
    expect(sent).toEqual([{ kind: 'webhook', tenant: TENANT, event: expect.any(String), webhook: created.id }]);

    const result = await consume(sent, { via });
    expect(result.explicitAcks).toEqual(result.ids);
    const [delivery] = await r.received();
    expect(delivery).toMatchObject({
      status: 200,
      verified: true,
      headers: { 'bridgekit-event': 'idea.created', 'content-type': 'application/json' },
      body: {
        type: 'idea.created',
        tenant: 'demo',
        actor: { name: 'Wanda Hook' },
        item: { kind: 'idea', id: idea.id, title: 'Webhooks for the portfolio tool' },
      },
    });
    expect(delivery?.headers['bridgekit-delivery']).toMatch(/^[0-9a-z]{16}$/);
    expect(await deliveries(created.id)).toEqual([
      expect.objectContaining({ attempt: 1, status: 'delivered', statusCode: 200, eventType: 'idea.created' }),
    ]);

    // The same message again (a queue delivers at least once): not sent twice.
    await consume(sent, { via });
    expect(await r.received()).toHaveLength(1);
  });

  it('an event whose dispatch never happened is delivered by the cron sweep', async () => {
    const r = await receiver('sweep', []);
    const created = await createHook(r.url);
    await disableOthers(created.id);
    await r.setUp([created.secret]);
    const eventId = await recordUndispatchedEvent();
    const young = await recordUndispatchedEvent(Date.now());

    const via = recorder();
    await runCron('*/5 * * * *', via);
    expect(await dispatchedAt(eventId)).not.toBeNull();
    // A minute's grace: the sweep its own write asked for takes a fresh event.
    expect(await dispatchedAt(young)).toBeNull();
    const sent = via.take();
    expect(sent).toEqual([{ kind: 'webhook', tenant: TENANT, event: eventId, webhook: created.id }]);

    await consume(sent, { via });
    expect((await r.received()).map((d) => [d.verified, (d.body as { id: string }).id])).toEqual([[true, eventId]]);
  });

  it('retries a failing receiver with growing delays, and a success resets the count', async () => {
    const r = await receiver('retry', []);
    const created = await createHook(r.url);
    await r.setUp([created.secret], 3);
    const eventId = await recordUndispatchedEvent();
    const message = { kind: 'webhook' as const, tenant: TENANT, event: eventId, webhook: created.id };

    const delays: (number | undefined)[] = [];
    for (const attempts of [1, 2, 3]) {
      const result = await consume([message], { attempts });
      expect(result.explicitAcks).toEqual([]);
      delays.push(result.retryMessages[0]?.delaySeconds);
    }
    expect(delays).toEqual([30, 60, 120]);
    expect((await hook(created.id))?.consecutiveFailures).toBe(3);

    const last = await consume([message], { attempts: 4 });
    expect(last.explicitAcks).toEqual(last.ids);
    expect((await r.received()).map((d) => d.status)).toEqual([500, 500, 500, 200]);
    expect((await deliveries(created.id)).map((d) => [d.attempt, d.status, d.statusCode])).toEqual([
      [4, 'delivered', 200],
      [3, 'failed', 500],
      [2, 'failed', 500],
      [1, 'failed', 500],
    ]);
    expect((await hook(created.id))?.consecutiveFailures).toBe(0);
  });

  it(`disables a webhook after ${DISABLE_AFTER} failures in a row, with the reason, until an admin re-enables it`, async () => {
    const r = await receiver('down', []);
    const created = await createHook(r.url);
    await r.setUp([created.secret], 1000);
    const eventId = await recordUndispatchedEvent();
    const message = { kind: 'webhook' as const, tenant: TENANT, event: eventId, webhook: created.id };

    for (let attempts = 1; attempts < DISABLE_AFTER; attempts++) {
      expect((await consume([message], { attempts })).retryMessages).toHaveLength(1);
    }
    const final = await consume([message], { attempts: DISABLE_AFTER });
    expect(final.retryMessages).toEqual([]);
    expect(final.explicitAcks).toEqual(final.ids);
    expect(await hook(created.id)).toMatchObject({
      enabled: false,
      consecutiveFailures: DISABLE_AFTER,
      disabledReason: `${DISABLE_AFTER} deliveries in a row failed; the last: HTTP 500`,
    });

    // Disabled: nothing more is sent, and the sweep no longer picks it.
    await consume([message], { attempts: 1 });
    expect(await r.received()).toHaveLength(DISABLE_AFTER);

    const enabled = await json<Webhook>(await admin(`${DEMO}/webhooks/${created.id}`, 'PATCH', { enabled: true }));
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
  });

  it('counts a receiver that does not answer in time, or cannot be reached, as a failure', async () => {
    const created = await createHook('https://unreachable.receiver.invalid/hook');
    const eventId = await recordUndispatchedEvent();
    const result = await consume([{ kind: 'webhook', tenant: TENANT, event: eventId, webhook: created.id }]);
    expect(result.retryMessages).toHaveLength(1);
    const [failed] = await deliveries(created.id);
    // The tests' outbound service answers 599 for any host it does not know.
    expect(failed).toMatchObject({ status: 'failed', statusCode: 599, error: 'HTTP 599' });
  });

  it('signs with both secrets while a rotation overlaps, then with the new one only', async () => {
    const oldOnly = await receiver('rotation-old', []);
    const created = await createHook(oldOnly.url);
    const rotated = await json<WebhookWithSecret>(await admin(`${DEMO}/webhooks/${created.id}/rotate-secret`, 'POST'));
    expect(rotated.secret).not.toBe(created.secret);
    await oldOnly.setUp([created.secret]);

    const send = async () => {
      const eventId = await recordUndispatchedEvent();
      return consume([{ kind: 'webhook', tenant: TENANT, event: eventId, webhook: created.id }]);
    };
    await send();
    // A receiver that knows only the new secret accepts the same deliveries.
    const [during] = await oldOnly.received();
    expect(during?.verified).toBe(true);
    expect(during?.headers['bridgekit-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    const newOnly = await receiver('rotation-new', [rotated.secret]);
    await env.DB.prepare('update webhooks set url = ? where id = ?').bind(newOnly.url, created.id).run();
    await send();
    expect((await newOnly.received())[0]?.verified).toBe(true);

    // The overlap ends: one signature, and the old secret no longer verifies.
    await env.DB.prepare('update webhooks set url = ?, previous_secret_until = ? where id = ?')
      .bind(oldOnly.url, Date.now() - 1, created.id)
      .run();
    expect((await send()).retryMessages).toHaveLength(1);
    const after = (await oldOnly.received())[1];
    expect(after).toMatchObject({ verified: false, status: 401, problem: 'no signature matches' });
    expect(after?.headers['bridgekit-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('the receiver refuses a replayed delivery', async () => {
    const r = await receiver('replay', []);
    const created = await createHook(r.url);
    await r.setUp([created.secret]);
    const eventId = await recordUndispatchedEvent();
    await consume([{ kind: 'webhook', tenant: TENANT, event: eventId, webhook: created.id }]);
    const [first] = await r.received();
    const replay = await fetch(r.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'bridgekit-signature': first?.headers['bridgekit-signature'] ?? '' },
      body: JSON.stringify(first?.body),
    });
    expect(replay.status).toBe(409);
  });
});
