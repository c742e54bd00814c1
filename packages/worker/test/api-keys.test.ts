import { env } from 'cloudflare:workers';
import type { ApiKeyInfo, Idea, NewApiKey, Viewer, VoteState } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json } from './helpers.ts';

async function createKey(scopes: string[], name = `Key ${scopes.join('+')}`): Promise<NewApiKey> {
  const res = await admin(`${DEMO}/api-keys`, 'POST', { name, scopes });
  expect(res.status).toBe(201);
  return json<NewApiKey>(res);
}

describe('API keys', () => {
  it('are shown once, stored hashed, and listed without the key', async () => {
    const created = await createKey(['read'], 'Portfolio sync');
    expect(created.key).toMatch(/^bk_[0-9a-z]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'Portfolio sync', scopes: ['read'], createdBy: 'platform', lastUsedAt: null, revokedAt: null });
    const { items } = await json<{ items: ApiKeyInfo[] }>(await admin(`${DEMO}/api-keys`));
    expect(items.find((k) => k.id === created.id)).not.toHaveProperty('key');
    expect(JSON.stringify(items)).not.toContain(created.key);
    const row = await env.DB.prepare('select secret_hash from api_keys where id = ?').bind(created.id).first<{ secret_hash: string }>();
    expect(row?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.secret_hash).not.toContain(created.key.slice('bk_'.length + 17));
  });

  it('with the read scope read, and may not write', async () => {
    const { key } = await createKey(['read']);
    expect((await call(`${DEMO}/boards/general/ideas`, { token: key })).status).toBe(200);
    const write = await call(`${DEMO}/ideas/demo-idea-sso/vote`, { method: 'PUT', token: key });
    expect(write.status).toBe(403);
    expect((await errorOf(write)).message).toMatch(/needs the "write" scope/);
  });

  it('with the write scope write, under the key’s name', async () => {
    const { key, id } = await createKey(['write'], 'Idea importer');
    const created = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: key,
      body: JSON.stringify({ title: 'Imported from the portfolio tool' }),
    });
    expect(created.status).toBe(201);
    expect((await json<Idea>(created)).author).toEqual({ name: 'Idea importer', businessUnit: null, unit: null });
    expect(await json<VoteState>(await call(`${DEMO}/ideas/demo-idea-sso/vote`, { method: 'PUT', token: key }))).toMatchObject({
      voted: true,
    });
    expect((await json<Viewer>(await call(`${DEMO}/me`, { token: key }))).user).toMatchObject({ id: `apikey:${id}`, role: 'member' });
  });

  it('with the admin scope administer the tenant', async () => {
    const { key } = await createKey(['admin']);
    expect((await call(`${DEMO}/settings`, { token: key })).status).toBe(200);
    const { key: writer } = await createKey(['write']);
    const refused = await call(`${DEMO}/settings`, { token: writer });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).message).toMatch(/needs the "admin" scope/);
  });

  it('record when they were last used', async () => {
    const { key, id } = await createKey(['read']);
    await call(`${DEMO}/boards`, { token: key });
    await new Promise((r) => setTimeout(r, 50)); // the update runs after the answer (waitUntil)
    const { items } = await json<{ items: ApiKeyInfo[] }>(await admin(`${DEMO}/api-keys`));
    expect(items.find((k) => k.id === id)?.lastUsedAt).not.toBeNull();
  });

  it('are refused once revoked, with the date', async () => {
    const { key, id } = await createKey(['read']);
    const revoked = await admin(`${DEMO}/api-keys/${id}`, 'DELETE');
    expect((await json<ApiKeyInfo>(revoked)).revokedAt).not.toBeNull();
    const res = await call(`${DEMO}/boards`, { token: key });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/was revoked on \d{4}-/);
  });

  it('are refused when made up, or belonging to another tenant', async () => {
    const fake = `bk_${'a'.repeat(16)}_${'b'.repeat(43)}`;
    expect((await call(`${DEMO}/boards`, { token: fake })).status).toBe(401);
    const { key } = await createKey(['read']);
    const tampered = `${key.slice(0, -1)}${key.endsWith('x') ? 'y' : 'x'}`;
    expect((await call(`${DEMO}/boards`, { token: tampered })).status).toBe(401);
    expect((await call(`${DEMO}/boards`, { token: 'bk_short' })).status).toBe(401);
  });

  it('need a scope', async () => {
    const res = await admin(`${DEMO}/api-keys`, 'POST', { name: 'Nothing', scopes: [] });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/at least one scope/);
  });
});
