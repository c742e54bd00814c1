import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, normalizeOriginPattern, originMatches } from '../src/lib/origins.ts';
import { admin, call, DEMO, errorOf, ORIGIN, token } from './helpers.ts';

const preflight = (origin: string, url = `${DEMO}/ideas/demo-idea-sso/vote`) =>
  call(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization' },
  });

describe('origin patterns', () => {
  it('normalises what admins type', () => {
    expect(normalizeOriginPattern('HTTPS://Contoso.SharePoint.com/')).toEqual({ pattern: 'https://contoso.sharepoint.com' });
    expect(normalizeOriginPattern('https://contoso.com:443')).toEqual({ pattern: 'https://contoso.com' });
    expect(normalizeOriginPattern('http://localhost:*')).toEqual({ pattern: 'http://localhost:*' });
    expect(normalizeOriginPattern('https://*.contoso.com')).toEqual({ pattern: 'https://*.contoso.com' });
    expect(normalizeOriginPattern('https://contoso.com/sites/x')).toHaveProperty('error');
    expect(normalizeOriginPattern('*')).toHaveProperty('error');
  });

  it('matches exact origins, subdomain wildcards and port wildcards, and nothing more', () => {
    expect(originMatches('https://contoso.sharepoint.com', 'https://contoso.sharepoint.com')).toBe(true);
    expect(originMatches('http://contoso.sharepoint.com', 'https://contoso.sharepoint.com')).toBe(false);
    expect(originMatches('https://contoso.sharepoint.com.evil.example', 'https://contoso.sharepoint.com')).toBe(false);
    expect(originMatches('https://hr.contoso.com', 'https://*.contoso.com')).toBe(true);
    expect(originMatches('https://a.b.contoso.com', 'https://*.contoso.com')).toBe(true);
    expect(originMatches('https://contoso.com', 'https://*.contoso.com')).toBe(false);
    expect(originMatches('https://evilcontoso.com', 'https://*.contoso.com')).toBe(false);
    expect(originMatches('http://localhost:5173', 'http://localhost:*')).toBe(true);
    expect(originMatches('http://localhost:5173', 'http://localhost')).toBe(false);
    expect(originMatches('https://contoso.com:8443', 'https://contoso.com')).toBe(false);
    expect(isAllowedOrigin('null', ['https://contoso.com'])).toBe(false);
  });
});

describe('CORS for a tenant', () => {
  it('answers a preflight from an allowed origin with that origin, and no cookies', async () => {
    const res = await preflight('http://localhost:3000');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('refuses a page from an origin not on the list, with a 403 that names the fix', async () => {
    const pre = await preflight('https://evil.example');
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await call(`${DEMO}/boards`, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('pnpm bridgekit origins add demo https://evil.example');
  });

  it('lets the Worker’s own pages in (the demo page, the iframe route)', async () => {
    const res = await call(`${DEMO}/boards`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
  });

  it('lets server-to-server calls (no Origin header) through: the token decides', async () => {
    expect((await call(`${DEMO}/boards`)).status).toBe(200);
  });

  it('puts CORS headers on error answers too, so the page can read them (and refresh a token)', async () => {
    const expired = await token({ issuedAt: -900, expiresIn: -300 });
    const res = await call(`${DEMO}/me`, { token: expired, headers: { origin: 'http://localhost:3000' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect((await errorOf(res)).code).toBe('token_expired');
  });

  it('follows changes to the list at once on this server', async () => {
    expect((await call(`${DEMO}/boards`, { headers: { origin: 'https://contoso.sharepoint.com' } })).status).toBe(403);
    await admin(`${DEMO}/origins`, 'POST', { origin: 'https://contoso.sharepoint.com' });
    expect((await call(`${DEMO}/boards`, { headers: { origin: 'https://contoso.sharepoint.com' } })).status).toBe(200);
    await admin(`${DEMO}/origins?origin=${encodeURIComponent('https://contoso.sharepoint.com')}`, 'DELETE');
    expect((await call(`${DEMO}/boards`, { headers: { origin: 'https://contoso.sharepoint.com' } })).status).toBe(403);
  });

  it('serves the API description to any page', async () => {
    const res = await call(`${ORIGIN}/v1/openapi.json`, { headers: { origin: 'https://anyone.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
