import { env } from 'cloudflare:workers';
import type { RoleCandidate, RoleGrant, TenantSettings, Viewer } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_ROLE_MAPPING } from '../src/dev/demo-data.ts';
import { admin, call, configureEntra, DEMO, errorOf, json, oidcToken, seedOtherTenant, token } from './helpers.ts';

const removeIdea = (id: string, t: string) => call(`${DEMO}/ideas/${id}`, { method: 'DELETE', token: t });

async function newIdea(title: string, author?: string): Promise<string> {
  const res = await call(`${DEMO}/boards/general/ideas`, {
    method: 'POST',
    token: author ?? (await token({ sub: 'author' })),
    body: JSON.stringify({ title }),
  });
  return ((await res.json()) as { id: string }).id;
}

describe('roles', () => {
  it('refuse a member on a moderator route with 403, and change nothing', async () => {
    const id = await newIdea('Keep me');
    const res = await removeIdea(id, await token({ sub: 'plain-member' }));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/takes the moderator role/);
    expect((await call(`${DEMO}/ideas/${id}`)).status).toBe(200);
  });

  it('come from the token’s claims through the tenant’s mapping', async () => {
    const id = await newIdea('Spam from claims');
    const moderator = await token({ sub: 'claims-mod', extra: { roles: ['Bridgekit.Moderator'] } });
    expect((await removeIdea(id, moderator)).status).toBe(204);
    expect((await call(`${DEMO}/ideas/${id}`)).status).toBe(404);
  });

  it('can be granted by an admin, before the person ever signs in, and taken back', async () => {
    const granted = await admin(`${DEMO}/roles/${encodeURIComponent('later|kim')}`, 'PUT', { role: 'moderator' });
    expect(await json<RoleGrant>(granted)).toMatchObject({ subject: 'later|kim', role: 'moderator', grantedBy: 'platform' });
    const kim = await token({ sub: 'later|kim', name: 'Kim' });
    expect((await json<Viewer>(await call(`${DEMO}/me`, { token: kim }))).user?.role).toBe('moderator');
    const id = await newIdea('Spam for Kim');
    expect((await removeIdea(id, kim)).status).toBe(204);

    expect((await admin(`${DEMO}/roles/${encodeURIComponent('later|kim')}`, 'DELETE')).status).toBe(204);
    expect((await json<Viewer>(await call(`${DEMO}/me`, { token: kim }))).user?.role).toBe('member');
    expect((await removeIdea(await newIdea('Safe now'), kim)).status).toBe(403);
  });

  it('let a tenant admin (from claims) run the admin API, and not a moderator', async () => {
    const tenantAdmin = await token({ sub: 'claims-admin', extra: { roles: 'Bridgekit.Admin' } });
    expect((await call(`${DEMO}/settings`, { token: tenantAdmin })).status).toBe(200);
    const granted = await call(`${DEMO}/roles/${encodeURIComponent('demo|jonah')}`, {
      method: 'PUT',
      token: tenantAdmin,
      body: JSON.stringify({ role: 'moderator' }),
    });
    expect(await json<RoleGrant>(granted)).toMatchObject({ grantedBy: 'claims-admin' });
    const moderator = await token({ sub: 'claims-mod-2', extra: { roles: ['Bridgekit.Moderator'] } });
    const refused = await call(`${DEMO}/settings`, { token: moderator });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).message).toMatch(/takes the admin role/);
  });

  it('include the demo community lead as a moderator (seeded grant)', async () => {
    const mei = await token({ sub: 'demo|mei', name: 'Mei Chen' });
    expect((await json<Viewer>(await call(`${DEMO}/me`, { token: mei }))).user?.role).toBe('moderator');
  });

  it('refuse a role that does not exist', async () => {
    const res = await admin(`${DEMO}/roles/someone`, 'PUT', { role: 'owner' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.[0]?.path).toBe('body.role');
  });

  it('answer 404 for removing an idea that is not there', async () => {
    const mod = await token({ sub: 'claims-mod-3', extra: { roles: ['Bridgekit.Moderator'] } });
    expect((await removeIdea('missing', mod)).status).toBe(404);
  });
});

describe('granted roles name the person', () => {
  const grants = async () => (await json<{ items: RoleGrant[] }>(await admin(`${DEMO}/roles`))).items;
  const candidates = async (q: string) =>
    (await json<{ items: RoleCandidate[] }>(await admin(`${DEMO}/roles/candidates?q=${encodeURIComponent(q)}`))).items;

  it("by the tenant's member with that subject: name and handle in the list and in the grant's answer", async () => {
    const seeded = (await grants()).find((g) => g.subject === 'demo|mei');
    expect(seeded).toMatchObject({ name: 'Mei Chen', handle: expect.any(String), role: 'moderator' });
    const [mei] = await candidates('Mei');
    expect(mei).toEqual({ subject: 'demo|mei', name: 'Mei Chen', handle: seeded?.handle, businessUnit: 'IT' });
    const granted = await json<RoleGrant>(await admin(`${DEMO}/roles/${encodeURIComponent('demo|mei')}`, 'PUT', { role: 'cio' }));
    expect(granted).toMatchObject({ subject: 'demo|mei', name: 'Mei Chen', handle: seeded?.handle, role: 'cio' });
    expect((await admin(`${DEMO}/roles/${encodeURIComponent('demo|mei')}?role=cio`, 'DELETE')).status).toBe(204);
  });

  it('as nobody before their first visit, then by name once they wrote something', async () => {
    const subject = 'names|quentin';
    const before = await json<RoleGrant>(await admin(`${DEMO}/roles/${encodeURIComponent(subject)}`, 'PUT', { role: 'evaluator' }));
    expect(before).toMatchObject({ subject, name: null, handle: null });
    expect(await candidates('Quentin')).toEqual([]);
    await newIdea('Quentin writes', await token({ sub: subject, name: 'Quentin Zephyr' }));
    const listed = (await grants()).find((g) => g.subject === subject);
    expect(listed).toMatchObject({ name: 'Quentin Zephyr', handle: expect.stringMatching(/^quentin/), role: 'evaluator' });
    expect((await candidates('zeph')).map((c) => c.subject)).toEqual([subject]);
    expect((await candidates(listed?.handle ?? '')).map((c) => c.subject)).toEqual([subject]);
  });

  it("never by another tenant's person of the same subject, and never finds them", async () => {
    await seedOtherTenant();
    const now = Date.now();
    await env.DB.prepare(
      "insert into users (id, tenant_id, subject, name, handle, created_at, last_seen_at) values ('other-sam', 'other-tenant', 'shared|sam', 'Samira Fabrikam', 'samira.fabrikam', ?, ?)",
    )
      .bind(now, now)
      .run();
    const granted = await json<RoleGrant>(await admin(`${DEMO}/roles/${encodeURIComponent('shared|sam')}`, 'PUT', { role: 'moderator' }));
    expect(granted).toMatchObject({ subject: 'shared|sam', name: null, handle: null });
    expect((await grants()).find((g) => g.subject === 'shared|sam')).toMatchObject({ name: null, handle: null });
    expect(await candidates('Samira')).toEqual([]);
    expect(await candidates('samira.fab')).toEqual([]);
    expect(JSON.stringify(await grants())).not.toContain('Fabrikam');
  });

  it('are found by admins only, and not by e-mail address', async () => {
    const member = await token({ sub: 'names|plain', name: 'Plain Member' });
    const refused = await call(`${DEMO}/roles/candidates?q=mei`, { token: member });
    expect(refused.status).toBe(403);
    expect(await candidates('mei@contoso')).toEqual([]);
    expect(JSON.stringify(await candidates('Mei'))).not.toContain('@contoso');
    const empty = await admin(`${DEMO}/roles/candidates?q=`);
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).details?.[0]?.path).toBe('query.q');
  });
});

describe('the role mapping and embed tokens', () => {
  const roleOf = async (t: string) => (await json<Viewer>(await call(`${DEMO}/me`, { token: t }))).user?.role;
  const mapping = { claim: 'roles', moderator: ['Bridgekit.Moderator'], admin: ['Bridgekit.Admin'] };

  it("gives embed tokens' claims no role unless the tenant opts in; the host vouches for who, not for what", async () => {
    expect((await configureEntra()).status).toBe(200);
    try {
      const off = await admin(`${DEMO}/settings`, 'PATCH', { roleMapping: mapping });
      expect((await json<TenantSettings>(off)).roleMapping?.applyToEmbedTokens).toBeUndefined();
      const claimsAdmin = await token({ sub: 'host-says-admin', extra: { roles: ['Bridgekit.Admin'] } });
      expect(await roleOf(claimsAdmin)).toBe('member');
      expect((await call(`${DEMO}/settings`, { token: claimsAdmin })).status).toBe(403);
      const claimsMod = await token({ sub: 'host-says-mod', extra: { roles: ['Bridgekit.Moderator'] } });
      expect((await removeIdea(await newIdea('Not removable by claims'), claimsMod)).status).toBe(403);
      // The identity provider's claims still count, and so do an admin's grants to embed people.
      expect(await roleOf(await oidcToken({ claims: { roles: ['Bridgekit.Moderator'] } }))).toBe('moderator');
      expect((await admin(`${DEMO}/roles/host-says-mod`, 'PUT', { role: 'moderator' })).status).toBe(200);
      expect(await roleOf(claimsMod)).toBe('moderator');

      const on = await admin(`${DEMO}/settings`, 'PATCH', { roleMapping: { ...mapping, applyToEmbedTokens: true } });
      expect((await json<TenantSettings>(on)).roleMapping?.applyToEmbedTokens).toBe(true);
      expect(await roleOf(claimsAdmin)).toBe('admin');
      expect((await call(`${DEMO}/settings`, { token: claimsAdmin })).status).toBe(200);
    } finally {
      await admin(`${DEMO}/settings`, 'PATCH', { roleMapping: DEMO_ROLE_MAPPING });
    }
  });

  it('refuses an opt-in that is not a boolean', async () => {
    const res = await admin(`${DEMO}/settings`, 'PATCH', { roleMapping: { ...mapping, applyToEmbedTokens: 'yes' } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.[0]?.path).toBe('body.roleMapping.applyToEmbedTokens');
  });
});
