/**
 * The sign-in window takes a provider's authorization and token endpoints from
 * `/embed/sign-in/endpoints`, which fetches the issuer's discovery document and checks them
 * (src/auth/oidc-endpoints.ts). The hostile documents are served by the fake identity provider.
 */
import { describe, expect, it } from 'vitest';
import { FAKE_AUTHORIZATION_ENDPOINT, FAKE_TOKEN_ENDPOINT, HOSTILE_ISSUER, PARTNER_HOST } from './fake-identity-provider.ts';
import { admin, call, configureEntra, DEMO, errorOf, ORIGIN } from './helpers.ts';

const signIn = { clientId: 'client-id', scope: 'api://bridgekit-test/access_as_user', label: 'Contoso' };
const endpoints = (provider: string, tenant = 'demo') =>
  call(`${ORIGIN}/embed/sign-in/endpoints?${new URLSearchParams({ tenant, provider })}`);

/** Configures provider `<name>` whose issuer serves the hostile discovery document `<name>`. */
async function hostile(name: string, endpointHosts?: string[]) {
  const issuer = `${HOSTILE_ISSUER}/${name}`;
  const res = await admin(`${DEMO}/oidc-providers/${name}`, 'PUT', {
    issuer,
    jwksUri: `${issuer}/keys`,
    audience: 'api://bridgekit-test',
    signIn: { ...signIn, ...(endpointHosts ? { endpointHosts } : {}) },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('the sign-in endpoints', () => {
  it("are the issuer's, from its discovery document, never cached by the browser", async () => {
    expect((await configureEntra({ signIn })).status).toBe(200);
    const res = await endpoints('entra');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ authorizationEndpoint: FAKE_AUTHORIZATION_ENDPOINT, tokenEndpoint: FAKE_TOKEN_ENDPOINT });
  });

  it('are refused, with a reason for the admin, when the document names an unsafe endpoint: the window never goes there', async () => {
    const cases: [string, RegExp][] = [
      ['javascript-endpoint', /authorization_endpoint \(javascript:alert\(document\.domain\)\/\/\) must use https, not javascript:/],
      ['data-endpoint', /authorization_endpoint \(data:text\/html,.*\) must use https, not data:/],
      ['http-endpoint', /must use https; in development, plain http is accepted only for localhost/],
      ['other-host', /authorization_endpoint \(https:\/\/phish\.example\/authorize\) is not on the issuer's host \(idp\.hostile\.test\)/],
      ['token-elsewhere', /token_endpoint \(https:\/\/phish\.example\/token\) is not on the issuer's host/],
      ['credentials', /must not contain a user name or password/],
      ['wrong-issuer', /names the issuer "https:\/\/phish\.example", not "https:\/\/idp\.hostile\.test\/wrong-issuer"/],
      ['no-endpoints', /names no authorization_endpoint/],
      ['not-json', /is not JSON/],
      ['redirect', /answered HTTP 302/],
    ];
    for (const [name, message] of cases) {
      await hostile(name);
      const res = await endpoints(name);
      expect(res.status, name).toBe(502);
      const error = await errorOf(res);
      expect(error.code, name).toBe('unavailable');
      expect(error.message, name).toMatch(message);
      expect(error.message, name).toMatch(/Tell the site’s administrators\./);
    }
  });

  it('accept another host only when an admin listed it in signIn.endpointHosts', async () => {
    await hostile('listed-host');
    const refused = await endpoints('listed-host');
    expect(refused.status).toBe(502);
    expect((await errorOf(refused)).message).toMatch(/can list it in the provider's signIn\.endpointHosts/);
    await hostile('listed-host', [PARTNER_HOST]);
    expect(await (await endpoints('listed-host')).json()).toEqual({
      authorizationEndpoint: `https://${PARTNER_HOST}/authorize`,
      tokenEndpoint: `https://${PARTNER_HOST}/token`,
    });
  });

  it('answer 503 when the document cannot be had, and 404/400 for what is not there', async () => {
    await hostile('unreachable'); // the fake answers no such document
    const down = await endpoints('unreachable');
    expect(down.status).toBe(503);
    expect((await errorOf(down)).message).toMatch(/Try again shortly/);

    await admin(`${DEMO}/oidc-providers/no-window`, 'PUT', {
      issuer: `${HOSTILE_ISSUER}/fine`,
      jwksUri: `${HOSTILE_ISSUER}/keys`,
      audience: 'x',
    });
    expect((await endpoints('no-window')).status).toBe(404);
    expect((await endpoints('nobody')).status).toBe(404);
    expect((await endpoints('entra', 'nowhere')).status).toBe(404);
    const bad = await call(`${ORIGIN}/embed/sign-in/endpoints?tenant=demo`);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/provider/);
  });
});
