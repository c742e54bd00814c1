import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { clearTenantCache } from '../../src/store/tenants.ts';
import { FAKE_JWKS_URI } from '../fake-identity-provider.ts';
import { admin, call, configureEntra, DEMO, ENTRA_AUDIENCE, errorOf, ORIGIN, oidcToken } from '../helpers.ts';

const LOCAL_ISSUER = 'http://localhost:9000/idp';

// Plain-http issuers and key sets serve development's local identity providers; a production
// Worker neither accepts them from an admin nor uses one saved before (or copied from development).
describe('OIDC providers in production', () => {
  it('must use https: an admin cannot save http://localhost', async () => {
    const res = await admin(`${DEMO}/oidc-providers/local`, 'PUT', {
      issuer: LOCAL_ISSUER,
      jwksUri: `${LOCAL_ISSUER}/keys`,
      audience: 'x',
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.details?.map((d) => d.path)).toEqual(['body.issuer', 'body.jwksUri']);
    expect(error.message).toMatch(/must use https; plain http is accepted only in development/);
  });

  it('are not used when one was stored with a plain-http issuer, and offer no sign-in endpoints', async () => {
    await env.DB.prepare(
      `insert into oidc_providers (tenant_id, id, issuer, jwks_uri, audience, subject_claims, name_claim, sign_in, created_at)
       values ('demo-tenant', 'legacy', ?, ?, ?, '["sub"]', 'name', ?, ?)`,
    )
      .bind(LOCAL_ISSUER, FAKE_JWKS_URI, ENTRA_AUDIENCE, JSON.stringify({ clientId: 'c', scope: 's', label: 'Legacy' }), Date.now())
      .run();
    clearTenantCache();
    const res = await call(`${DEMO}/me`, { token: await oidcToken({ issuer: LOCAL_ISSUER }) });
    expect(res.status).toBe(503);
    expect((await errorOf(res)).message).toMatch(/provider "legacy" cannot be used here: The issuer must use https/);

    const endpoints = await call(`${ORIGIN}/embed/sign-in/endpoints?tenant=demo&provider=legacy`);
    expect(endpoints.status).toBe(502);
    expect((await errorOf(endpoints)).message).toMatch(/plain http is accepted only in development/);
  });

  it('work over https', async () => {
    expect((await configureEntra()).status).toBe(200);
    expect((await call(`${DEMO}/me`, { token: await oidcToken() })).status).toBe(200);
  });
});
