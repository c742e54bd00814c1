import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { CreatedTenant, EmbedKeyInfo, MintedToken, NewEmbedKey, TenantSettings, TenantSummary, Viewer } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { documented } from './contract.ts';
import { admin, call, DEMO, errorOf, json, ORIGIN, token } from './helpers.ts';

const ADMIN = `${ORIGIN}/v1/admin`;

describe('platform admin API', () => {
  it('creates a tenant with its first embed secret (shown once) and origins; the secret signs working tokens', async () => {
    const res = await admin(`${ADMIN}/tenants`, 'POST', { slug: 'acme', name: 'Acme', origins: ['https://Intranet.Acme.example/'] });
    expect(res.status).toBe(201);
    const created = await json<CreatedTenant>(res);
    expect(created.tenant).toMatchObject({ slug: 'acme', name: 'Acme', anonymousRead: false, origins: ['https://intranet.acme.example'] });
    expect(created.tenant.embedKeys).toEqual([{ kid: created.embedKey.kid, createdAt: created.embedKey.createdAt, revokedAt: null }]);
    expect(created.embedKey.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const t = await token({ secret: created.embedKey.secret, kid: created.embedKey.kid, sub: 'acme|1', name: 'Acme person' });
    const me = await json<Viewer>(await call(`${ORIGIN}/v1/tenants/acme/me`, { token: t }));
    expect(me.user?.id).toBe('acme|1');

    const settings = await json<TenantSettings>(await admin(`${ORIGIN}/v1/tenants/acme/settings`));
    expect(JSON.stringify(settings)).not.toContain(created.embedKey.secret);
    const stored = await env.DB.prepare('select secret_ciphertext from embed_keys where kid = ?')
      .bind(created.embedKey.kid)
      .first<{ secret_ciphertext: string }>();
    expect(stored?.secret_ciphertext).not.toContain(created.embedKey.secret);
  });

  it('refuses a taken slug, and a malformed one, with the reason', async () => {
    const taken = await admin(`${ADMIN}/tenants`, 'POST', { slug: 'demo', name: 'Again' });
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).message).toMatch(/"demo" exists already/);
    const bad = await admin(`${ADMIN}/tenants`, 'POST', { slug: 'Not OK', name: 'x' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details?.[0]?.path).toBe('body.slug');
  });

  it('lists tenants', async () => {
    const { items } = await json<{ items: TenantSummary[] }>(await admin(`${ADMIN}/tenants`));
    expect(items.map((t) => t.slug)).toContain('demo');
  });

  it('is closed to everyone but the platform token', async () => {
    const anonymous = await call(`${ADMIN}/tenants`);
    expect(anonymous.status).toBe(401);
    const person = await call(`${ADMIN}/tenants`, { token: await token() });
    expect(person.status).toBe(401);
    expect((await errorOf(person)).message).toMatch(/platform admin token/);
  });

  it('is off, and says how to turn it on, when the Worker has no admin token', async () => {
    const request = new Request(`${ADMIN}/tenants`, { headers: { authorization: 'Bearer anything' } });
    const res = await documented(request, app.fetch(request, { ...env, BRIDGEKIT_ADMIN_TOKEN: undefined }, createExecutionContext()));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/wrangler secret put BRIDGEKIT_ADMIN_TOKEN/);
  });
});

describe('tenant settings', () => {
  it('turns anonymous reading off and on', async () => {
    expect((await call(`${DEMO}/boards`)).status).toBe(200);
    const off = await admin(`${DEMO}/settings`, 'PATCH', { anonymousRead: false });
    expect((await json<TenantSettings>(off)).anonymousRead).toBe(false);
    const refused = await call(`${DEMO}/boards`);
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).message).toMatch(/requires sign-in to read/);
    expect((await call(`${DEMO}/boards`, { token: await token() })).status).toBe(200);
    await admin(`${DEMO}/settings`, 'PATCH', { anonymousRead: true });
    expect((await call(`${DEMO}/boards`)).status).toBe(200);
  });

  it('never lets an anonymous reader write, even with anonymous reading on', async () => {
    const res = await call(`${DEMO}/ideas/demo-idea-sso/vote`, { method: 'PUT' });
    expect(res.status).toBe(401);
  });

  it('refuses unknown settings', async () => {
    const res = await admin(`${DEMO}/settings`, 'PATCH', { anonymousWrite: true });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/anonymousWrite/);
  });
});

describe('embed secret rotation', () => {
  it('keeps the old secret valid until it is retired, and never retires the last one', async () => {
    const old = await token({ sub: 'rotation' });
    const created = await admin(`${DEMO}/embed-keys`, 'POST');
    expect(created.status).toBe(201);
    const fresh = await json<NewEmbedKey>(created);

    const withNew = await token({ secret: fresh.secret, kid: fresh.kid, sub: 'rotation' });
    const withNewNoKid = await token({ secret: fresh.secret, kid: null, sub: 'rotation' });
    for (const t of [old, withNew, withNewNoKid]) expect((await call(`${DEMO}/me`, { token: t })).status).toBe(200);

    const retired = await admin(`${DEMO}/embed-keys/dev-1`, 'DELETE');
    expect(retired.status).toBe(200);
    expect((await json<EmbedKeyInfo>(retired)).revokedAt).not.toBeNull();
    const refused = await call(`${DEMO}/me`, { token: old });
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).message).toMatch(/kid\) "dev-1"/);
    expect((await call(`${DEMO}/me`, { token: withNew })).status).toBe(200);

    const last = await admin(`${DEMO}/embed-keys/${fresh.kid}`, 'DELETE');
    expect(last.status).toBe(409);
    expect((await errorOf(last)).message).toMatch(/only active embed secret/);
  });
});

describe('allowed origins', () => {
  it('adds (normalised, idempotent), lists and removes origins', async () => {
    const added = await admin(`${DEMO}/origins`, 'POST', { origin: 'HTTPS://Contoso.SharePoint.com:443/' });
    expect((await json<{ items: string[] }>(added)).items).toContain('https://contoso.sharepoint.com');
    await admin(`${DEMO}/origins`, 'POST', { origin: 'https://contoso.sharepoint.com' });
    const listed = await json<{ items: string[] }>(await admin(`${DEMO}/origins`));
    expect(listed.items.filter((o) => o === 'https://contoso.sharepoint.com')).toHaveLength(1);
    const removed = await admin(`${DEMO}/origins?origin=${encodeURIComponent('https://contoso.sharepoint.com')}`, 'DELETE');
    expect((await json<{ items: string[] }>(removed)).items).not.toContain('https://contoso.sharepoint.com');
    expect((await admin(`${DEMO}/origins?origin=${encodeURIComponent('https://never.example')}`, 'DELETE')).status).toBe(404);
  });

  it('refuses something that is not an origin, and says what one looks like', async () => {
    for (const origin of ['contoso.com', 'https://contoso.com/path', 'ftp://contoso.com', 'https://*.*.com', 'javascript:alert(1)']) {
      const res = await admin(`${DEMO}/origins`, 'POST', { origin });
      expect(res.status, origin).toBe(400);
      expect((await errorOf(res)).message).toMatch(/scheme:\/\/host\[:port\]/);
    }
  });
});

describe('minting tokens for testing', () => {
  it('signs a token with the newest secret, for at most an hour', async () => {
    const res = await admin(`${DEMO}/tokens`, 'POST', { sub: 'tester', name: 'Integration Tester', bu: 'IT', ttlSeconds: 600 });
    expect(res.status).toBe(201);
    const { token: minted, expiresAt } = await json<MintedToken>(res);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);
    const me = await json<Viewer>(await call(`${DEMO}/me`, { token: minted }));
    expect(me.user).toMatchObject({ id: 'tester', name: 'Integration Tester', businessUnit: 'IT' });
    expect((await admin(`${DEMO}/tokens`, 'POST', { sub: 'x', name: 'y', ttlSeconds: 7200 })).status).toBe(400);
  });
});
