import { env } from 'cloudflare:workers';
import { DEFAULT_DEMAND_CLASSES, type Viewer } from '@bridgekit/sdk';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const me = (t?: string, tenant = 'demo') => call(`${ORIGIN}/v1/tenants/${tenant}/me`, t ? { token: t } : {});
const vote = (t: string) => call(`${DEMO}/ideas/demo-idea-sso/vote`, { method: 'PUT', token: t });
const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function expectRefused(res: Response, code: string, message: RegExp) {
  expect(res.status).toBe(401);
  const error = await errorOf(res);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
}

beforeAll(async () => {
  await seedOtherTenant();
});

describe('embed tokens', () => {
  it('identifies the person from a valid token', async () => {
    const viewer = await json<Viewer>(await me(await token({ sub: 'u1', name: 'Ada Lovelace', bu: 'Research' })));
    expect(viewer).toEqual({
      tenant: { slug: 'demo', name: 'Contoso (demo)' },
      user: { id: 'u1', name: 'Ada Lovelace', businessUnit: 'Research', unit: null, role: 'member', handle: null, cio: false, teams: [] },
      pages: {},
      demandClasses: [...DEFAULT_DEMAND_CLASSES],
    });
  });

  it('reads without a token, as nobody', async () => {
    const viewer = await json<Viewer>(await me());
    expect(viewer.user).toBeNull();
  });

  it('accepts a token without kid, signed with the newest secret', async () => {
    expect((await me(await token({ kid: null }))).status).toBe(200);
  });

  it('refuses a token signed with the wrong secret', async () => {
    await expectRefused(
      await vote(await token({ secret: 'not-the-secret-0123456789abcdef' })),
      'invalid_token',
      /signature does not match tenant "demo"/,
    );
  });

  it('refuses alg "none"', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: 'evil', name: 'Evil', iat: now, exp: now + 60 }))}.`;
    await expectRefused(await vote(unsigned), 'invalid_token', /HS256/);
  });

  it('refuses an RS256 token (algorithm confusion)', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    expect((await exportJWK(publicKey)).kty).toBe('RSA');
    const now = Math.floor(Date.now() / 1000);
    const rs = await new SignJWT({ name: 'Mallory' })
      .setProtectedHeader({ alg: 'RS256', kid: 'dev-1' })
      .setSubject('m')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(privateKey);
    await expectRefused(await vote(rs), 'invalid_token', /HS256/);
  });

  it('refuses an HS512 token even with the right secret', async () => {
    await expectRefused(await vote(await token({ alg: 'HS512' })), 'invalid_token', /HS256/);
  });

  it('refuses an expired token with token_expired, so clients know to refresh', async () => {
    await expectRefused(await vote(await token({ issuedAt: -900, expiresIn: -120 })), 'token_expired', /expired/);
  });

  it('tolerates 60 seconds of clock skew', async () => {
    expect((await vote(await token({ issuedAt: -600, expiresIn: -30 }))).status).toBe(200);
    expect((await vote(await token({ issuedAt: 30, expiresIn: 600 }))).status).toBe(200);
  });

  it('refuses a token issued in the future', async () => {
    await expectRefused(await vote(await token({ issuedAt: 600, expiresIn: 900 })), 'invalid_token', /clock/);
  });

  it('refuses a token that lives longer than an hour', async () => {
    await expectRefused(await vote(await token({ expiresIn: 7200 })), 'invalid_token', /at most 3600 s/);
  });

  it('refuses a token that is not valid yet (nbf)', async () => {
    await expectRefused(await vote(await token({ extra: { nbf: Math.floor(Date.now() / 1000) + 300 } })), 'invalid_token', /not valid yet/);
  });

  it('refuses a token without sub, or without name', async () => {
    await expectRefused(await vote(await token({ sub: '' })), 'invalid_token', /"sub"/);
    await expectRefused(await vote(await token({ extra: { name: undefined } })), 'invalid_token', /name/);
  });

  it('refuses an unknown kid, naming it', async () => {
    await expectRefused(await vote(await token({ kid: 'retired-7' })), 'invalid_token', /kid\) "retired-7"/);
  });

  it('refuses a malformed Authorization header or a token that is not a JWT', async () => {
    await expectRefused(await call(`${DEMO}/me`, { headers: { authorization: 'Basic dXNlcjpwdw==' } }), 'invalid_token', /Bearer <token>/);
    await expectRefused(
      await call(`${DEMO}/me`, { headers: { authorization: 'Bearer not-a-jwt' } }),
      'invalid_token',
      /neither a JWT nor an API key/,
    );
  });

  it("refuses one tenant's token on another tenant, both ways", async () => {
    const otherToken = await token({ secret: 'other-tenant-secret-0123456789abcdef', kid: 'k1' });
    await expectRefused(await me(otherToken, 'demo'), 'invalid_token', /kid\) "k1"/);
    const otherNoKid = await token({ secret: 'other-tenant-secret-0123456789abcdef', kid: null });
    await expectRefused(await me(otherNoKid, 'demo'), 'invalid_token', /signature does not match tenant "demo"/);
    const demoToken = await token({ kid: null });
    await expectRefused(await me(demoToken, 'other'), 'invalid_token', /signature does not match tenant "other"/);
  });

  it('stores embed secrets encrypted, never in clear text', async () => {
    const rows = await env.DB.prepare('select secret_ciphertext from embed_keys').all<{ secret_ciphertext: string }>();
    expect(rows.results.length).toBeGreaterThan(0);
    for (const row of rows.results) {
      expect(row.secret_ciphertext).toMatch(/^v1\./);
      expect(row.secret_ciphertext).not.toContain(env.DEMO_EMBED_SECRET);
    }
  });
});
