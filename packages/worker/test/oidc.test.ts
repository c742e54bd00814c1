import { env } from 'cloudflare:workers';
import type { Idea, OidcProviderConfig, Viewer } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOWN_JWKS_URI, FAKE_DIRECTORY_ID, FAKE_ISSUER, FAKE_STATS_URI } from './fake-identity-provider.ts';
import { admin, call, configureEntra, DEMO, errorOf, json, oidcToken } from './helpers.ts';

const me = (t: string) => call(`${DEMO}/me`, { token: t });
const b64url = (bytes: Uint8Array | string) =>
  btoa(typeof bytes === 'string' ? bytes : String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

async function expectRefused(res: Response, message: RegExp, code = 'invalid_token') {
  expect(res.status).toBe(401);
  const error = await errorOf(res);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
}

beforeAll(async () => {
  const res = await configureEntra();
  expect(res.status).toBe(200);
});

describe('Entra ID access tokens (SharePoint)', () => {
  it('are configured per tenant, people keyed by tid + oid', async () => {
    const provider = await json<OidcProviderConfig>(await configureEntra());
    expect(provider).toMatchObject({ id: 'entra', issuer: FAKE_ISSUER, subjectClaims: ['tid', 'oid'], directoryId: FAKE_DIRECTORY_ID });
  });

  it('sign a person in, verified against the issuer’s JWKS', async () => {
    const viewer = await json<Viewer>(await me(await oidcToken()));
    expect(viewer.user).toEqual({
      id: `oidc:entra:${FAKE_DIRECTORY_ID}:00000000-0000-4000-8000-0000000000aa`,
      name: 'Grace Hopper',
      businessUnit: null,
      unit: null,
      role: 'member',
      handle: null,
      cio: false,
      teams: [],
    });
  });

  it("cache the issuer's keys instead of fetching them for every request", async () => {
    await me(await oidcToken());
    const before = ((await (await fetch(FAKE_STATS_URI)).json()) as { jwksRequests: number }).jwksRequests;
    for (let i = 0; i < 10; i++) expect((await me(await oidcToken({ claims: { oid: `cache-${i}` } }))).status).toBe(200);
    const after = ((await (await fetch(FAKE_STATS_URI)).json()) as { jwksRequests: number }).jwksRequests;
    expect(after).toBe(before);
  });

  it('fetch the keys again for an unknown kid at most every 30 s, so made-up kids cannot hammer the issuer', async () => {
    expect((await me(await oidcToken())).status).toBe(200);
    const before = ((await (await fetch(FAKE_STATS_URI)).json()) as { jwksRequests: number }).jwksRequests;
    for (let i = 0; i < 3; i++) expect((await me(await oidcToken({ key: 'unpublished', claims: { oid: `kid-${i}` } }))).status).toBe(401);
    const after = ((await (await fetch(FAKE_STATS_URI)).json()) as { jwksRequests: number }).jwksRequests;
    expect(after - before).toBeLessThanOrEqual(1);
  });

  it('let the person write, recorded under their Entra identity', async () => {
    const t = await oidcToken({ claims: { oid: '00000000-0000-4000-8000-0000000000bb', name: 'Katherine Johnson' } });
    const res = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: t,
      body: JSON.stringify({ title: 'Posted from SharePoint' }),
    });
    expect(res.status).toBe(201);
    expect((await json<Idea>(res)).author.name).toBe('Katherine Johnson');
    const user = await env.DB.prepare('select email from users where subject = ?')
      .bind(`oidc:entra:${FAKE_DIRECTORY_ID}:00000000-0000-4000-8000-0000000000bb`)
      .first<{ email: string }>();
    expect(user?.email).toBe('grace@contoso.example');
  });

  it('map app roles to Bridgekit roles', async () => {
    const moderator = await json<Viewer>(await me(await oidcToken({ claims: { roles: ['Bridgekit.Moderator'] } })));
    expect(moderator.user?.role).toBe('moderator');
    const adminViewer = await json<Viewer>(await me(await oidcToken({ claims: { roles: ['Other', 'Bridgekit.Admin'] } })));
    expect(adminViewer.user?.role).toBe('admin');
  });

  it('are refused with the wrong audience', async () => {
    await expectRefused(await me(await oidcToken({ audience: 'api://someone-else' })), /audience is not "api:\/\/bridgekit-test"/);
  });

  it('are refused from another Entra directory', async () => {
    await expectRefused(await me(await oidcToken({ claims: { tid: '11111111-1111-4111-8111-111111111111' } })), /accepts only "72f988bf/);
  });

  it('are refused without the required scope', async () => {
    await expectRefused(await me(await oidcToken({ claims: { scp: 'User.Read' } })), /lacks the "access_as_user" scope/);
  });

  it('are refused when expired, so the web part acquires a new one', async () => {
    await expectRefused(await me(await oidcToken({ expiresIn: -300 })), /expired/, 'token_expired');
  });

  it('are refused when issued in the future beyond the 60 s of clock skew that exp and nbf get too', async () => {
    await expectRefused(await me(await oidcToken({ issuedAt: 24 * 3600, expiresIn: 25 * 3600 })), /issued in the future/);
    await expectRefused(await me(await oidcToken({ issuedAt: 300 })), /issued in the future/);
    expect((await me(await oidcToken({ issuedAt: 30 }))).status).toBe(200);
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await me(await oidcToken({ claims: { nbf: now + 300 } })), /not valid yet/);
    expect((await me(await oidcToken({ claims: { nbf: now + 30 } }))).status).toBe(200);
  });

  it('are refused from an issuer the tenant did not configure (checked as embed tokens, which they are not)', async () => {
    await expectRefused(await me(await oidcToken({ issuer: 'https://login.microsoftonline.com/evil/v2.0' })), /HS256/);
  });

  it('are refused when signed with a key the issuer does not publish', async () => {
    await expectRefused(await me(await oidcToken({ key: 'unpublished' })), /No key of .* matches/);
  });

  it('are refused when the signature was tampered with', async () => {
    const [header, payload, signature] = (await oidcToken()).split('.');
    const claims = JSON.parse(atob((payload ?? '').replace(/-/g, '+').replace(/_/g, '/')));
    const forged = `${header}.${b64url(JSON.stringify({ ...claims, oid: 'someone-else' }))}.${signature}`;
    await expectRefused(await me(forged), /signature does not verify/);
  });

  it('refuse HS256 signed with the public key (algorithm confusion)', async () => {
    const publicJwk = JSON.parse(env.TEST_OIDC_PUBLIC_JWK);
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'HS256', kid: publicJwk.kid, typ: 'JWT' }));
    const body = b64url(
      JSON.stringify({
        iss: FAKE_ISSUER,
        aud: 'api://bridgekit-test',
        tid: FAKE_DIRECTORY_ID,
        oid: 'mallory',
        scp: 'access_as_user',
        iat: now,
        exp: now + 600,
      }),
    );
    // The attacker's "secret" is the issuer's public key, which everybody can download.
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(env.TEST_OIDC_PUBLIC_JWK),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${header}.${body}`)));
    await expectRefused(await me(`${header}.${body}.${b64url(mac)}`), /must be signed with RS256, PS256, ES256/);
  });

  it("answer 503, not 500, when the issuer's keys cannot be fetched", async () => {
    await configureEntra({ jwksUri: DOWN_JWKS_URI });
    const res = await me(await oidcToken());
    expect(res.status).toBe(503);
    expect((await errorOf(res)).code).toBe('unavailable');
    await configureEntra();
  });
});

describe('generic OIDC issuers', () => {
  it('work by configuration: subject claim, name claim, business unit claim', async () => {
    const issuer = 'https://login.microsoftonline.com/72f988bf-0000-4000-8000-00000000b1d6/v2.0';
    await admin(`${DEMO}/oidc-providers/entra`, 'DELETE');
    const res = await admin(`${DEMO}/oidc-providers/okta`, 'PUT', {
      issuer,
      jwksUri: 'https://login.microsoftonline.com/72f988bf-0000-4000-8000-00000000b1d6/discovery/v2.0/keys',
      audience: 'api://bridgekit-test',
      subjectClaims: ['sub'],
      nameClaim: 'given_name',
      businessUnitClaim: 'department',
    });
    expect(res.status).toBe(200);
    const viewer = await json<Viewer>(await me(await oidcToken({ claims: { given_name: 'Ada', department: 'Research' } })));
    expect(viewer.user).toMatchObject({ id: 'oidc:okta:pairwise-subject-not-used-by-entra-preset', name: 'Ada', businessUnit: 'Research' });
    await admin(`${DEMO}/oidc-providers/okta`, 'DELETE');
    await configureEntra();
  });

  it('refuse a second provider for the same issuer, and a plain-http issuer', async () => {
    const clash = await admin(`${DEMO}/oidc-providers/copy`, 'PUT', {
      issuer: FAKE_ISSUER,
      jwksUri: 'https://example.com/keys',
      audience: 'x',
    });
    expect(clash.status).toBe(409);
    const insecure = await admin(`${DEMO}/oidc-providers/plain`, 'PUT', {
      issuer: 'http://idp.example',
      jwksUri: 'http://idp.example/keys',
      audience: 'x',
    });
    expect(insecure.status).toBe(400);
    expect((await errorOf(insecure)).message).toMatch(/must use https/);
  });
});

describe('saving a provider', () => {
  const put = (input: Record<string, unknown>) =>
    admin(`${DEMO}/oidc-providers/checked`, 'PUT', {
      issuer: 'https://idp.example/tenant',
      jwksUri: 'https://idp.example/keys',
      audience: 'x',
      ...input,
    });
  const signIn = { clientId: 'client', scope: 'openid', label: 'Contoso' };

  async function expectInvalid(res: Response, path: string, message: RegExp) {
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]));
  }

  it('refuses issuers and JWKS URIs that are not https, or carry credentials, fragments or (issuers) queries', async () => {
    await expectInvalid(await put({ issuer: 'javascript:alert(1)' }), 'body.issuer', /must use https/);
    await expectInvalid(await put({ jwksUri: 'data:application/json,{}' }), 'body.jwksUri', /must use https/);
    await expectInvalid(await put({ issuer: 'ftp://idp.example/' }), 'body.issuer', /must use https, not ftp:/);
    await expectInvalid(await put({ issuer: 'https://admin:secret@idp.example/' }), 'body.issuer', /user name or password/);
    await expectInvalid(await put({ jwksUri: 'https://idp.example/keys#x' }), 'body.jwksUri', /fragment/);
    await expectInvalid(await put({ issuer: 'https://idp.example/?tenant=a' }), 'body.issuer', /query/);
    await expectInvalid(await put({ issuer: 'not a url' }), 'body.issuer', /absolute URL/);
    // A JWKS URI may have a query (Azure AD B2C's name the policy).
    expect((await put({ jwksUri: 'https://idp.example/keys?p=b2c_1_signin' })).status).toBe(200);
  });

  it('accepts plain http only for localhost, in development (production: test/production/oidc.test.ts)', async () => {
    expect((await put({ issuer: 'http://127.0.0.1:9000/idp', jwksUri: 'http://localhost:9000/idp/keys' })).status).toBe(200);
    await expectInvalid(await put({ issuer: 'http://idp.example/' }), 'body.issuer', /only for localhost and 127\.0\.0\.1/);
  });

  it('keeps the sign-in label one line of plain text of at most 100 characters', async () => {
    await expectInvalid(
      await put({ signIn: { ...signIn, label: 'Contoso\nSession expired: call 555-0100' } }),
      'body.signIn.label',
      /single line/,
    );
    await expectInvalid(
      await put({ signIn: { ...signIn, label: 'Contoso \u202Eexe.nigis' } }),
      'body.signIn.label',
      /bidirectional override/,
    );
    await expectInvalid(await put({ signIn: { ...signIn, label: 'x'.repeat(101) } }), 'body.signIn.label', /at most 100 characters/);
    await expectInvalid(await put({ signIn: { ...signIn, label: '   ' } }), 'body.signIn.label', /cannot be empty/);
    expect((await put({ signIn: { ...signIn, label: '  Contoso (Microsoft Entra ID)  ' } })).status).toBe(200);
  });

  it('takes other hosts for the endpoints as bare host names, stored lower-case', async () => {
    await expectInvalid(
      await put({ signIn: { ...signIn, endpointHosts: ['https://evil.example/'] } }),
      'body.signIn.endpointHosts.0',
      /host name/,
    );
    await expectInvalid(await put({ signIn: { ...signIn, endpointHosts: ['*.example'] } }), 'body.signIn.endpointHosts.0', /host name/);
    const saved = await json<OidcProviderConfig>(
      await put({ signIn: { ...signIn, endpointHosts: ['OAuth2.GoogleAPIs.com', 'idp.example:8443'] } }),
    );
    expect(saved.signIn?.endpointHosts).toEqual(['oauth2.googleapis.com', 'idp.example:8443']);
    expect((await admin(`${DEMO}/oidc-providers/checked`, 'DELETE')).status).toBe(204);
  });
});
