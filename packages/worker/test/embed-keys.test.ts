/** The list of a tenant's embed secrets: key ids and dates only, the tenant's own, for admins. */
import type { CreatedTenant, EmbedKeyInfo, NewApiKey, NewEmbedKey } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json, ORIGIN, token } from './helpers.ts';

const list = async (tenant: string, auth?: string) => {
  const url = `${ORIGIN}/v1/tenants/${tenant}/embed-keys`;
  const res = auth === undefined ? await admin(url) : await call(url, { token: auth });
  expect(res.status).toBe(200);
  return (await json<{ items: EmbedKeyInfo[] }>(res)).items;
};

describe('listing embed secrets', () => {
  it('lists key ids, created and retired, newest first, and never a secret', async () => {
    const first = await json<NewEmbedKey>(await admin(`${DEMO}/embed-keys`, 'POST'));
    const second = await json<NewEmbedKey>(await admin(`${DEMO}/embed-keys`, 'POST'));
    const retired = await json<EmbedKeyInfo>(await admin(`${DEMO}/embed-keys/${first.kid}`, 'DELETE'));

    const items = await list('demo');
    const kids = items.map((k) => k.kid);
    expect(kids).toContain('dev-1');
    expect(kids).toEqual(expect.arrayContaining([first.kid, second.kid]));
    const created = items.map((k) => k.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(items.find((k) => k.kid === first.kid)).toEqual({ kid: first.kid, createdAt: first.createdAt, revokedAt: retired.revokedAt });
    expect(items.find((k) => k.kid === second.kid)).toEqual({ kid: second.kid, createdAt: second.createdAt, revokedAt: null });
    for (const key of items) expect(Object.keys(key).sort()).toEqual(['createdAt', 'kid', 'revokedAt']);
    expect(JSON.stringify(items)).not.toContain(first.secret);
    expect(JSON.stringify(items)).not.toContain(second.secret);
  });

  it("never lists another tenant's secrets, to the platform or to the other tenant's admin key", async () => {
    const other = await json<CreatedTenant>(await admin(`${ORIGIN}/v1/admin/tenants`, 'POST', { slug: 'keys-other', name: 'Other' }));
    const otherKids = (await list('keys-other')).map((k) => k.kid);
    expect(otherKids).toEqual([other.embedKey.kid]);
    expect((await list('demo')).map((k) => k.kid)).not.toContain(other.embedKey.kid);

    // An admin API key of the other tenant sees its own secret only, and is refused on the demo's.
    const otherKey = await json<NewApiKey>(
      await admin(`${ORIGIN}/v1/tenants/keys-other/api-keys`, 'POST', { name: 'Other admin', scopes: ['admin'] }),
    );
    expect((await list('keys-other', otherKey.key)).map((k) => k.kid)).toEqual([other.embedKey.kid]);
    const refused = await call(`${DEMO}/embed-keys`, { token: otherKey.key });
    expect(refused.status).toBe(401);
    await errorOf(refused);
  });

  it('is for admins only', async () => {
    const person = await call(`${DEMO}/embed-keys`, { token: await token({ sub: 'test|not-admin' }) });
    expect(person.status).toBe(403);
    expect((await errorOf(person)).reason).toMatch(/^forbidden\./);
    expect((await call(`${DEMO}/embed-keys`)).status).toBe(401);
  });
});
