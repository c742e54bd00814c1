import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, DEMO, errorOf, ORIGIN } from '../helpers.ts';

// The Worker under wrangler.jsonc's top-level (production) configuration.
describe('a production build', () => {
  it('has no demo page', async () => {
    for (const path of ['/demo', '/demo/', '/demo/index.html', '/demo/demo.js']) {
      const res = await call(`${ORIGIN}${path}`);
      expect(res.status, path).toBe(404);
      expect((await errorOf(res)).code).toBe('not_found');
    }
  });

  it('mints no tokens and lists no demo users', async () => {
    const mint = await call(`${ORIGIN}/v1/dev/token`, { method: 'POST', body: JSON.stringify({ tenant: 'demo', user: 'amara' }) });
    expect(mint.status).toBe(404);
    expect((await errorOf(mint)).code).toBe('not_found');
    expect((await call(`${ORIGIN}/v1/dev/users`)).status).toBe(404);
  });

  it('serves the iframe route, but offers no demo people to sign in as', async () => {
    const frame = await call(`${ORIGIN}/embed/idea-board?tenant=demo&board=general`);
    expect(frame.status).toBe(200);
    // The demo tenant has no OIDC provider with a sign-in client here: nothing to sign in with.
    expect(await frame.text()).toContain('data-sign-in="none"');
    const signIn = await (await call(`${ORIGIN}/embed/sign-in?tenant=demo`)).text();
    expect(signIn).toContain('"demoUsers":[]');
    expect(signIn).not.toContain('Amara');
  });

  it('points / at the API description instead of the demo', async () => {
    const res = await call(`${ORIGIN}/`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'Bridgekit', api: '/v1/openapi.json' });
  });

  it('serves the admin API to the platform admin token', async () => {
    const res = await call(`${ORIGIN}/v1/admin/tenants`, { token: env.BRIDGEKIT_ADMIN_TOKEN ?? '' });
    expect(res.status).toBe(200);
  });

  it('still serves the API', async () => {
    expect((await call(`${DEMO}/boards`)).status).toBe(200);
  });
});
