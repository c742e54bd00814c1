import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { token, workerFetch } from '../../worker/test/helpers.ts';
import { createClient, createPlatformClient, isBridgekitError } from '../src/index.ts';

const BASE = 'https://bridgekit.test';
// The Worker's fetch handler; each answer is checked against /v1/openapi.json (worker/test/contract.ts).
const worker = workerFetch;

describe('administration through the SDK', () => {
  it('creates a tenant, configures it and uses it, end to end', async () => {
    const platform = createPlatformClient({ baseUrl: BASE, token: env.BRIDGEKIT_ADMIN_TOKEN ?? '', fetch: worker });
    const { tenant, embedKey } = await platform.tenants.create({
      slug: 'initech',
      name: 'Initech',
      origins: ['https://initech.sharepoint.com'],
    });
    expect(tenant.origins).toEqual(['https://initech.sharepoint.com']);
    expect((await platform.tenants.list()).map((t) => t.slug)).toContain('initech');

    const tenantAdmin = createClient({ baseUrl: BASE, tenant: 'initech', token: env.BRIDGEKIT_ADMIN_TOKEN, fetch: worker }).admin;
    expect(await tenantAdmin.origins.add('http://localhost:*')).toEqual(['http://localhost:*', 'https://initech.sharepoint.com']);
    expect(await tenantAdmin.origins.remove('http://localhost:*')).toEqual(['https://initech.sharepoint.com']);
    const settings = await tenantAdmin.settings.update({
      anonymousRead: true,
      roleMapping: { claim: 'groups', moderator: ['mods'], admin: [] },
    });
    expect(settings).toMatchObject({ anonymousRead: true, roleMapping: { claim: 'groups' } });

    const key = await tenantAdmin.apiKeys.create({ name: 'Automation', scopes: ['write'] });
    const automation = createClient({ baseUrl: BASE, tenant: 'initech', token: key.key, fetch: worker });
    expect((await automation.me()).user).toMatchObject({ name: 'Automation' });
    await tenantAdmin.apiKeys.revoke(key.id);
    const refused = await automation.me().catch((e: unknown) => e);
    expect(isBridgekitError(refused) && refused.status === 401).toBe(true);

    const grant = await tenantAdmin.roles.grant('initech|milton', 'moderator');
    expect(grant.role).toBe('moderator');
    expect((await tenantAdmin.roles.list()).map((g) => g.subject)).toEqual(['initech|milton']);
    await tenantAdmin.roles.revoke('initech|milton');

    const rotated = await tenantAdmin.embedKeys.create();
    expect((await tenantAdmin.embedKeys.retire(embedKey.kid)).revokedAt).not.toBeNull();
    const { token: minted } = await tenantAdmin.tokens.mint({ sub: 'initech|peter', name: 'Peter' });
    const peter = createClient({ baseUrl: BASE, tenant: 'initech', token: minted, fetch: worker });
    expect((await peter.me()).user?.name).toBe('Peter');
    expect(rotated.kid).not.toBe(embedKey.kid);
    expect(await tenantAdmin.embedKeys.list()).toEqual([
      { kid: rotated.kid, createdAt: rotated.createdAt, revokedAt: null },
      { kid: embedKey.kid, createdAt: embedKey.createdAt, revokedAt: expect.any(String) },
    ]);

    const provider = await tenantAdmin.oidcProviders.put('okta', {
      issuer: 'https://initech.okta.com',
      jwksUri: 'https://initech.okta.com/oauth2/v1/keys',
      audience: 'api://bridgekit',
    });
    expect(provider.subjectClaims).toEqual(['sub']);
    expect(await tenantAdmin.oidcProviders.list()).toHaveLength(1);
    await tenantAdmin.oidcProviders.remove('okta');
  });

  it('finds members to grant a role, and names them on their grants', async () => {
    const demoAdmin = createClient({ baseUrl: BASE, tenant: 'demo', token: env.BRIDGEKIT_ADMIN_TOKEN, fetch: worker }).admin;
    const [mei, ...others] = await demoAdmin.roles.candidates('Mei', { limit: 5 });
    expect(others).toEqual([]);
    expect(mei).toMatchObject({ subject: 'demo|mei', name: 'Mei Chen', handle: expect.any(String) });
    const grant = await demoAdmin.roles.grant(mei?.subject ?? '', 'cio');
    expect(grant).toMatchObject({ subject: 'demo|mei', name: 'Mei Chen', handle: mei?.handle, role: 'cio' });
    await demoAdmin.roles.revoke('demo|mei', { role: 'cio' });
  });

  it('lets a moderator remove an idea', async () => {
    const author = createClient({ baseUrl: BASE, tenant: 'demo', token: await token({ sub: 'sdk-author' }), fetch: worker });
    const idea = await author.ideas.create({ board: 'general', title: 'Remove me please' });
    const moderator = createClient({
      baseUrl: BASE,
      tenant: 'demo',
      token: await token({ sub: 'demo|mei', name: 'Mei Chen' }),
      fetch: worker,
    });
    await moderator.ideas.remove(idea.id);
    const gone = await author.ideas.get(idea.id).catch((e: unknown) => e);
    expect(isBridgekitError(gone) && gone.code === 'not_found').toBe(true);
  });
});
