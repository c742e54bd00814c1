/**
 * The admin console on the docs site reaches the Worker from another origin: CORS on
 * `/v1/admin/*` for BRIDGEKIT_CONSOLE_ORIGINS, those origins on tenant routes, and the sign-in
 * window's `opener`, which must name exactly an origin the tenant or the operator allows.
 */
import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { TenantSummary } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { consoleOrigins } from '../src/lib/console-origins.ts';
import { documented } from './contract.ts';
import { admin, call, DEMO, errorOf, json, ORIGIN, platformToken } from './helpers.ts';

const CONSOLE = 'https://docs.bridgekit.test';
const consoleEnv = { ...env, BRIDGEKIT_CONSOLE_ORIGINS: ` ${CONSOLE} , https://*.wild.example, not an origin,` };

/** A request to a Worker whose console origins are set (the test Worker's are not). */
function withConsole(url: string, init: RequestInit = {}): Promise<Response> {
  const request = new Request(url, init);
  return documented(request, app.fetch(request, consoleEnv, createExecutionContext()));
}

const preflight = (origin: string, url: string, call = withConsole) =>
  call(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });

const optionsOf = async (res: Response) => {
  const block = /<script type="application\/json" id="bk-sign-in-options">(.*?)<\/script>/s.exec(await res.text())?.[1];
  return JSON.parse(block ?? 'null') as { tenant: string; opener: string | null };
};

describe('BRIDGEKIT_CONSOLE_ORIGINS', () => {
  it('keeps exact origins only', () => {
    expect(consoleOrigins(consoleEnv)).toEqual([CONSOLE]);
    expect(consoleOrigins({})).toEqual([]);
    expect(consoleOrigins({ BRIDGEKIT_CONSOLE_ORIGINS: '' })).toEqual([]);
  });
});

describe('CORS for the platform admin API', () => {
  it('answers a preflight from the console, then the request itself, with bearer tokens and no cookies', async () => {
    const pre = await preflight(CONSOLE, `${ORIGIN}/v1/admin/tenants`);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();

    const res = await withConsole(`${ORIGIN}/v1/admin/tenants`, {
      headers: { origin: CONSOLE, authorization: `Bearer ${platformToken()}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(res.headers.get('vary')).toContain('Origin');
    expect((await json<{ items: TenantSummary[] }>(res)).items.map((t) => t.slug)).toContain('demo');
  });

  it('lets the console read a refusal of its token', async () => {
    const res = await withConsole(`${ORIGIN}/v1/admin/tenants`, { headers: { origin: CONSOLE, authorization: 'Bearer wrong' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(CONSOLE);
  });

  it('refuses any other page — a tenant’s allowed origin, a wildcard’s match, or no console at all — with the one error shape', async () => {
    for (const origin of ['http://localhost:3000', 'https://a.wild.example', 'https://evil.example']) {
      const pre = await preflight(origin, `${ORIGIN}/v1/admin/tenants`);
      expect(pre.status).toBe(403);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    }
    const res = await withConsole(`${ORIGIN}/v1/admin/tenants`, {
      headers: { origin: 'https://evil.example', authorization: `Bearer ${platformToken()}` },
    });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).reason).toBe('forbidden.console_origin');
    // Without BRIDGEKIT_CONSOLE_ORIGINS, no page may call it.
    const closed = await preflight(CONSOLE, `${ORIGIN}/v1/admin/tenants`, call);
    expect(closed.status).toBe(403);
  });

  it('lets calls without an Origin through (the CLI): the token decides', async () => {
    expect((await admin(`${ORIGIN}/v1/admin/tenants`)).status).toBe(200);
  });
});

describe('the console on tenant routes', () => {
  it('may call any tenant’s routes, whose own allowed origins keep working', async () => {
    const pre = await preflight(CONSOLE, `${DEMO}/units`);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    const res = await withConsole(`${DEMO}/settings`, { headers: { origin: CONSOLE, authorization: `Bearer ${platformToken()}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect((await preflight('http://localhost:3000', `${DEMO}/units`)).status).toBe(204);
    // A Worker without console origins refuses the console's page.
    expect((await call(`${DEMO}/boards`, { headers: { origin: CONSOLE } })).status).toBe(403);
  });
});

describe('the sign-in window’s opener', () => {
  const signIn = (query: string, fetcher: (url: string) => Promise<Response> = (url) => call(url)) =>
    fetcher(`${ORIGIN}/embed/sign-in?tenant=demo&${query}`);

  it('posts to Bridgekit’s own origin when no opener is named', async () => {
    const res = await call(`${ORIGIN}/embed/sign-in?tenant=demo`);
    expect(res.status).toBe(200);
    expect((await optionsOf(res)).opener).toBeNull();
  });

  it('takes an origin the tenant lists exactly, and a console origin', async () => {
    await admin(`${DEMO}/origins`, 'POST', { origin: 'https://intranet.contoso.example' });
    const listed = await signIn(`opener=${encodeURIComponent('https://intranet.contoso.example')}`);
    expect(listed.status).toBe(200);
    expect((await optionsOf(listed)).opener).toBe('https://intranet.contoso.example');
    await admin(`${DEMO}/origins?origin=${encodeURIComponent('https://intranet.contoso.example')}`, 'DELETE');

    const consolePage = await signIn(`opener=${encodeURIComponent(CONSOLE)}`, withConsole);
    expect(consolePage.status).toBe(200);
    expect((await optionsOf(consolePage)).opener).toBe(CONSOLE);
  });

  it('refuses anything else with a 400 at the field — a foreign origin, a wildcard’s match, a URL, a script — and never redirects', async () => {
    for (const opener of [
      'https://evil.example',
      // The demo tenant allows http://localhost:* — a pattern, not this exact origin.
      'http://localhost:3000',
      'https://intranet.contoso.example',
      `${CONSOLE}/admin/`,
      `${CONSOLE}.evil.example`,
      'javascript:alert(1)',
      '*',
      'null',
    ]) {
      const res = await signIn(`opener=${encodeURIComponent(opener)}`, withConsole);
      expect(res.status, opener).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      const error = await errorOf(res);
      expect(error.reason).toBe('validation_failed.fields');
      expect(error.details?.[0]).toMatchObject({ path: 'query.opener', reason: 'field.opener_not_allowed' });
    }
    // The console origin is the operator's setting: a Worker without it refuses it too.
    expect((await signIn(`opener=${encodeURIComponent(CONSOLE)}`)).status).toBe(400);
  });
});
