/**
 * The configuration log: every change of a tenant's configuration is recorded with who, what,
 * when, the fields set (secrets redacted) and the request — written with the change, never for
 * a refused one — and only the tenant's admins read it.
 */
import { env } from 'cloudflare:workers';
import type { ConfigChange, NewApiKey, Page, WebhookWithSecret } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token, useTestRoleClaims } from './helpers.ts';

const ADMIN = { sub: 'demo|config-admin', name: 'Cora Admin', extra: { roles: ['Bridgekit.Admin'] } };
const asAdmin = async (url: string, method = 'GET', body?: unknown) =>
  call(url, { method, token: await token(ADMIN), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function log(query = ''): Promise<Page<ConfigChange>> {
  const res = await asAdmin(`${DEMO}/config-log${query}`);
  expect(res.status).toBe(200);
  return json<Page<ConfigChange>>(res);
}
/** The log's newest entries for one target. */
const logOf = async (target: string) => (await log(`?target=${encodeURIComponent(target)}`)).items;
const rowCount = async () => (await env.DB.prepare('select count(*) as n from config_log').first<{ n: number }>())?.n ?? 0;

beforeAll(async () => {
  await useTestRoleClaims();
});

describe('the configuration log', () => {
  it('records who changed an origin, when, and in which request; an add that adds nothing and a refused remove record nothing', async () => {
    const origin = 'https://log.contoso.example';
    const added = await asAdmin(`${DEMO}/origins`, 'POST', { origin });
    expect(added.status).toBe(200);
    const [entry, ...rest] = await logOf(origin);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'origin.added',
      target: origin,
      actor: { name: ADMIN.name, subject: ADMIN.sub },
      changes: {},
      requestId: added.headers.get('x-request-id'),
    });
    expect(Math.abs(Date.parse(entry?.at ?? '') - Date.now())).toBeLessThan(60_000);

    const before = await rowCount();
    expect((await asAdmin(`${DEMO}/origins`, 'POST', { origin })).status).toBe(200);
    const missing = await asAdmin(`${DEMO}/origins?origin=${encodeURIComponent('https://never.contoso.example')}`, 'DELETE');
    expect(missing.status).toBe(404);
    expect(await rowCount()).toBe(before);

    expect((await asAdmin(`${DEMO}/origins?origin=${encodeURIComponent(origin)}`, 'DELETE')).status).toBe(200);
    expect((await logOf(origin)).map((e) => e.action)).toEqual(['origin.removed', 'origin.added']);
  });

  it('never keeps a secret: API keys, webhook secrets and the mail webhook’s secret are not in the log', async () => {
    const key = await json<NewApiKey>(await asAdmin(`${DEMO}/api-keys`, 'POST', { name: 'Log reader', scopes: ['read'] }));
    const hook = await json<WebhookWithSecret>(
      await asAdmin(`${DEMO}/webhooks`, 'POST', { url: 'https://hooks.contoso.example/in', events: ['idea.created'] }),
    );
    const rotated = await json<WebhookWithSecret>(await asAdmin(`${DEMO}/webhooks/${hook.id}/rotate-secret`, 'POST'));
    const mailSecret = 'm'.repeat(40);
    const mail = await asAdmin(`${DEMO}/settings`, 'PATCH', { mail: { webhook: 'https://mail.contoso.example/send', secret: mailSecret } });
    expect(mail.status).toBe(200);

    const stored = JSON.stringify((await env.DB.prepare('select * from config_log').all()).results);
    for (const secret of [key.key, hook.secret, rotated.secret, mailSecret]) expect(stored).not.toContain(secret);

    expect((await logOf(key.id))[0]).toMatchObject({
      action: 'api_key.created',
      changes: { name: { to: 'Log reader' }, scopes: { to: ['read'] } },
    });
    expect((await logOf(hook.id)).map((e) => e.action)).toEqual(['webhook.secret_rotated', 'webhook.created']);
    const settings = (await log('?action=settings.updated')).items[0];
    expect(settings?.changes.mail).toEqual({ to: { webhook: 'https://mail.contoso.example/send', secret: '[redacted]' } });

    // Revoking twice records once.
    expect((await asAdmin(`${DEMO}/api-keys/${key.id}`, 'DELETE')).status).toBe(200);
    expect((await asAdmin(`${DEMO}/api-keys/${key.id}`, 'DELETE')).status).toBe(200);
    expect((await logOf(key.id)).map((e) => e.action)).toEqual(['api_key.revoked', 'api_key.created']);
  });

  it('shows what a board, a unit and the moderation settings were before and after', async () => {
    const created = await asAdmin(`${DEMO}/boards`, 'POST', { slug: 'log-board', name: 'Log board' });
    expect(created.status).toBe(201);
    expect((await asAdmin(`${DEMO}/boards/log-board`, 'PATCH', { name: 'Renamed board' })).status).toBe(200);
    const [updated, made] = await logOf('log-board');
    expect(made).toMatchObject({ action: 'board.created', changes: { slug: { to: 'log-board' }, name: { to: 'Log board' } } });
    expect(updated).toMatchObject({ action: 'board.updated', changes: { name: { from: 'Log board', to: 'Renamed board' } } });

    expect((await asAdmin(`${DEMO}/units`, 'POST', { key: 'log-unit', name: 'Log unit' })).status).toBe(201);
    expect((await asAdmin(`${DEMO}/units/log-unit`, 'PATCH', { side: 'supply' })).status).toBe(200);
    expect((await asAdmin(`${DEMO}/units/log-unit/archive`, 'POST')).status).toBe(200);
    expect((await asAdmin(`${DEMO}/units/log-unit/archive`, 'POST')).status).toBe(200);
    const unit = await logOf('log-unit');
    expect(unit.map((e) => e.action)).toEqual(['unit.archived', 'unit.updated', 'unit.created']);
    expect(unit[1]?.changes).toEqual({ side: { from: 'demand', to: 'supply' } });

    expect((await asAdmin(`${DEMO}/moderation/settings`, 'PATCH', { preModeration: 'all' })).status).toBe(200);
    const moderation = (await log('?action=moderation_settings.updated')).items[0];
    expect(moderation?.changes.preModeration).toMatchObject({ to: 'all' });
    expect(moderation?.changes.preModeration?.from).not.toBe('all');
  });

  it('keeps a long change short: long texts and lists are cut, a template keeps its fields’ keys and types', async () => {
    const description = 'x'.repeat(500);
    expect((await asAdmin(`${DEMO}/boards`, 'POST', { slug: 'log-long', name: 'Long', description })).status).toBe(201);
    const [entry] = await logOf('log-long');
    const kept = entry?.changes.description?.to;
    expect(typeof kept === 'string' && kept.length).toBe(301);

    const fields = Array.from({ length: 30 }, (_, i) => ({ key: `f${i}`, label: `Field ${i}`, type: 'text' }));
    const put = await asAdmin(`${DEMO}/templates/log-template`, 'PUT', { id: 'log-template', name: 'Log template', fields });
    expect(put.status).toBe(200);
    const [template] = await logOf('log-template');
    const listed = template?.changes.fields?.to as string[];
    expect(listed.slice(0, 2)).toEqual(['f0: text', 'f1: text']);
    expect(listed).toHaveLength(21);
    expect(listed.at(-1)).toBe('… 10 more');
  });

  it('records the platform operator creating a tenant, and role grants by subject', async () => {
    const res = await admin(`${ORIGIN}/v1/admin/tenants`, 'POST', { slug: 'logged', name: 'Logged' });
    expect(res.status).toBe(201);
    const page = await json<Page<ConfigChange>>(await admin(`${ORIGIN}/v1/tenants/logged/config-log`));
    expect(page.items).toMatchObject([
      { action: 'tenant.created', actor: { name: 'Platform operator', subject: 'platform' }, changes: { slug: { to: 'logged' } } },
    ]);

    expect((await asAdmin(`${DEMO}/roles/${encodeURIComponent('demo|granted')}`, 'PUT', { role: 'evaluator' })).status).toBe(200);
    expect((await asAdmin(`${DEMO}/roles/${encodeURIComponent('demo|granted')}`, 'DELETE')).status).toBe(204);
    expect((await logOf('demo|granted')).map((e) => [e.action, e.changes.role?.to])).toEqual([
      ['role.revoked', 'level'],
      ['role.granted', 'evaluator'],
    ]);
  });

  it('pages newest first and filters by action', async () => {
    for (const n of [1, 2, 3]) await asAdmin(`${DEMO}/origins`, 'POST', { origin: `https://page${n}.contoso.example` });
    const first = await log('?action=origin.added&limit=2');
    expect(first.items.map((e) => e.target)).toEqual(['https://page3.contoso.example', 'https://page2.contoso.example']);
    expect(first.nextCursor).not.toBeNull();
    const second = await log(`?action=origin.added&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(second.items[0]?.target).toBe('https://page1.contoso.example');
    expect(second.items.every((e) => e.action === 'origin.added')).toBe(true);
    const bad = await asAdmin(`${DEMO}/config-log?action=origin.stolen`);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details?.[0]?.path).toBe('query.action');
  });

  it('is for the tenant’s admins only, and shows no other tenant’s changes', async () => {
    const moderator = await call(`${DEMO}/config-log`, {
      token: await token({ sub: 'demo|mod', extra: { roles: ['Bridgekit.Moderator'] } }),
    });
    expect(moderator.status).toBe(403);
    expect((await call(`${DEMO}/config-log`)).status).toBe(401);

    await seedOtherTenant();
    expect((await asAdmin(`${DEMO}/origins`, 'POST', { origin: 'https://only-demo.contoso.example' })).status).toBe(200);
    const res = await admin(`${ORIGIN}/v1/tenants/other/config-log`);
    expect(res.status).toBe(200);
    expect((await json<Page<ConfigChange>>(res)).items).toEqual([]);
    // The demo admin's token does not open the other tenant's log.
    expect((await asAdmin(`${ORIGIN}/v1/tenants/other/config-log`)).status).toBe(401);
  });
});
