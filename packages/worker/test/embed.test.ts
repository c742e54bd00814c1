import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { FRAME_WIDGETS } from '../src/schemas/embed.ts';
import { admin, call, configureEntra, DEMO, errorOf, ORIGIN, seedOtherTenant } from './helpers.ts';

const frame = (query: string, headers: Record<string, string> = {}) => call(`${ORIGIN}/embed/${query}`, { headers });
const directive = (res: Response, name: string) =>
  res.headers
    .get('content-security-policy')
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

async function demoOrigins(): Promise<string[]> {
  return ((await (await admin(`${DEMO}/origins`)).json()) as { items: string[] }).items;
}

describe('the iframe route /embed/<widget>', () => {
  it('serves one widget in a minimal page the tenant’s allowed origins may frame, and no one else', async () => {
    const res = await frame('idea-board?tenant=demo&board=general');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<main><bk-idea-board board="general"></bk-idea-board></main>');
    expect(html).toContain('<script src="/embed.js" data-tenant="demo"');
    expect(directive(res, 'frame-ancestors')).toBe(`frame-ancestors ${(await demoOrigins()).join(' ')}`);
    // X-Frame-Options cannot list origins; with it, no one could frame the page at all.
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(directive(res, 'script-src')).toBe("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html).not.toMatch(/<script>|<style>| style=/);
  });

  it("follows the tenant's list as it changes, and says 'none' when it is empty", async () => {
    await seedOtherTenant();
    const none = await frame('idea-board?tenant=other&board=general');
    expect(directive(none, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect((await admin(`${ORIGIN}/v1/tenants/other/origins`, 'POST', { origin: 'https://*.fabrikam.example' })).status).toBe(200);
    const { clearTenantCache } = await import('../src/store/tenants.ts');
    clearTenantCache();
    const listed = await frame('idea-board?tenant=other&board=general');
    expect(directive(listed, 'frame-ancestors')).toBe('frame-ancestors https://*.fabrikam.example');
  });

  it('tells the frame its parent origin only when the tenant allows it (from the referrer or ?parent=)', async () => {
    const parentOf = async (query: string, referer?: string) => {
      const html = await (await frame(query, referer ? { referer } : {})).text();
      return /data-parent-origin="([^"]*)"/.exec(html)?.[1];
    };
    expect(await parentOf('thread?tenant=demo&key=k', 'http://localhost:3000/sites/finance/page.aspx')).toBe('http://localhost:3000');
    expect(await parentOf('thread?tenant=demo&key=k', 'https://evil.example/')).toBe('');
    expect(await parentOf('thread?tenant=demo&key=k')).toBe('');
    expect(await parentOf('thread?tenant=demo&key=k&parent=http%3A%2F%2F127.0.0.1%3A8788')).toBe('http://127.0.0.1:8788');
    expect(await parentOf('thread?tenant=demo&key=k&parent=https%3A%2F%2Fevil.example')).toBe('');
  });

  it('escapes every attribute value, so a crafted URL cannot inject markup or script', async () => {
    const res = await frame(
      `thread?tenant=demo&key=${encodeURIComponent('"><script>alert(1)</script>')}&url=${encodeURIComponent("x' onload='y")}`,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('key="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script>alert');
    const unknown = await (await frame('idea-board?tenant=demo&board=general&onclick=alert(1)&style=x')).text();
    expect(unknown).not.toMatch(/onclick|style=/);
  });

  it('sets flags, theme and locale, and only the attributes each widget has', async () => {
    const html = await (await frame('practice-card?tenant=demo&card=c1&expanded&thread=true&theme=dark&locale=de-CH')).text();
    expect(html).toContain('<bk-practice-card card="c1" expanded thread></bk-practice-card>');
    expect(html).toContain('<html lang="de-CH" data-theme="dark">');
    expect(html).toContain('data-locale="de-CH" data-theme="dark"');
    for (const [name, widget] of Object.entries(FRAME_WIDGETS)) {
      const needs = widget.required.map((r) => `&${typeof r === 'string' ? r : r[0]}=x`).join('');
      const res = await frame(`${name}?tenant=demo${needs}`);
      expect(res.status, name).toBe(200);
      expect(await res.text(), name).toContain(`<${widget.tag}`);
    }
  });

  it('answers bad requests with the one error shape and a message that says what to fix', async () => {
    const cases: [string, number, RegExp][] = [
      ['idea-board?board=general', 400, /tenant/],
      ['idea-board?tenant=Not%20A%20Slug&board=general', 400, /tenant slug/],
      ['idea-board?tenant=nobody&board=general', 404, /Tenant "nobody"/],
      ['idea-board?tenant=demo', 400, /needs "board"/],
      ['thread?tenant=demo', 400, /needs "key" or "url"/],
      ['idea-board?tenant=demo&board=general&theme=purple', 400, /theme/],
      ['idea-board?tenant=demo&board=general&locale=%3Cscript%3E', 400, /BCP 47/],
      [`idea-board?tenant=demo&board=${'x'.repeat(2001)}`, 400, /longer than 2000/],
      ['nonsense?tenant=demo', 404, /idea-board, idea-form/],
    ];
    for (const [query, status, message] of cases) {
      const res = await frame(query);
      expect(res.status, query).toBe(status);
      expect((await errorOf(res)).message, query).toMatch(message);
    }
  });

  // What a browser sends when it opens a page or an iframe.
  const NAVIGATE = {
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'sec-fetch-mode': 'navigate',
    'sec-fetch-dest': 'iframe',
  };
  const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

  it('answers a person’s browser with a readable page: the same status, what to do, the message and the reference', async () => {
    const cases: [string, number, RegExp][] = [
      ['idea-board?tenant=nobody&board=general', 404, /tenant=… part/],
      ['idea-board?tenant=demo', 400, /address of this page has a mistake/],
      ['idea-board?tenant=demo&board=general&theme=purple', 400, /address of this page has a mistake/],
      ['nonsense?tenant=demo', 404, /address of this page has a mistake/],
      ['idea-board/?tenant=demo&board=general', 404, /address of this page has a mistake/],
    ];
    for (const [query, status, advice] of cases) {
      const api = await frame(query);
      const { message } = await errorOf(api);
      const res = await frame(query, NAVIGATE);
      expect(res.status, query).toBe(status);
      expect(res.headers.get('content-type'), query).toMatch(/^text\/html/);
      const page = await res.text();
      expect(page, query).toContain('<html lang="en">');
      expect(page, query).toContain('<h1>This cannot be shown</h1>');
      expect(page, query).toMatch(advice);
      expect(page, query).toContain(`<p lang="en">${escaped(message)}</p>`);
      expect(page, query).toContain(`Reference: ${res.headers.get('x-request-id')}`);
      expect(page, query).not.toMatch(/<script|<style| style=|"error":/);
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy, query).toContain("default-src 'none'");
      expect(policy, query).not.toMatch(/unsafe-inline|unsafe-eval|script-src/);
    }
  });

  it('keeps the JSON error shape for API clients, whatever else they send', async () => {
    const clients: Record<string, string>[] = [
      {},
      { accept: '*/*' },
      { accept: 'application/json' },
      { ...NAVIGATE, accept: 'application/json, text/html;q=0.5' },
    ];
    for (const headers of clients) {
      const res = await frame('idea-board?tenant=nobody&board=general', headers);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await errorOf(res)).reason).toBe('not_found.tenant');
    }
    // An `Accept` that prefers HTML is a page even without the navigation header.
    const page = await frame('idea-board?tenant=nobody&board=general', { accept: 'text/html' });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('speaks the reader’s language when the address asks for it', async () => {
    const res = await frame('idea-board?tenant=nobody&board=general&locale=de-CH', NAVIGATE);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-language')).toBe('de');
    const page = await res.text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<h1>Das lässt sich nicht anzeigen</h1>');
    expect(page).toContain('Teil tenant=… korrigieren');
    expect(page).toContain('Details (auf Englisch)');
    expect(page).toContain('<p lang="en">Tenant &quot;nobody&quot; was not found.</p>');
  });

  it('escapes what the address says, so a crafted URL cannot put markup or script on the page', async () => {
    const markup = '<script>alert(1)</script>';
    const widget = await frame(`${encodeURIComponent(markup)}?tenant=demo`, NAVIGATE);
    expect(widget.status).toBe(404);
    const widgetPage = await widget.text();
    expect(widgetPage).toContain(escaped(`The widget "${markup}"`));
    expect(widgetPage).not.toContain('<script');

    const slug = await frame(`idea-board?tenant=${encodeURIComponent('<b onmouseover=x>a</b>')}&board=general`, NAVIGATE);
    expect(slug.status).toBe(400);
    expect(await slug.text()).not.toMatch(/<b |onmouseover/);

    // A locale with markup picks no language of its own and stays out of the page.
    const locale = await frame(`idea-board?tenant=nobody&board=general&locale=${encodeURIComponent('de"><img src=x>')}`, NAVIGATE);
    const localePage = await locale.text();
    expect(localePage).toContain('<html lang="en">');
    expect(localePage).not.toMatch(/<img|src=x/);
    expect(
      await (await frame(`idea-board?tenant=nobody&board=general&theme=${encodeURIComponent('"><x')}`, NAVIGATE)).text(),
    ).not.toContain('<x');
  });
});

describe('the sign-in window /embed/sign-in', () => {
  const options = async (res: Response) => {
    const html = await res.text();
    const block = /<script type="application\/json" id="bk-sign-in-options">(.*?)<\/script>/s.exec(html)?.[1];
    return JSON.parse(block ?? 'null') as { tenant: string; providers: { id: string; clientId: string }[]; demoUsers: unknown[] };
  };

  it('offers the providers that have a sign-in client, and may call only Bridgekit itself', async () => {
    await configureEntra();
    expect((await options(await frame('sign-in?tenant=demo'))).providers).toEqual([]);
    const signIn = { clientId: '11111111-2222-3333-4444-555555555555', scope: 'api://bridgekit-test/access_as_user', label: 'Contoso' };
    const put = await configureEntra({ signIn });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ id: 'entra', signIn });
    const res = await frame('sign-in?tenant=demo&locale=de');
    expect(res.status).toBe(200);
    const offered = await options(res);
    expect(offered.providers).toEqual([
      expect.objectContaining({ id: 'entra', clientId: signIn.clientId, scope: signIn.scope, label: 'Contoso' }),
    ]);
    // Development lists the demo people too.
    expect(offered.demoUsers.length).toBeGreaterThan(0);
    // The issuer's discovery document is fetched and checked by the Worker (/embed/sign-in/endpoints).
    expect(directive(res, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(res, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    // The window keeps its opener (the frame) to hand the token back.
    expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
    await configureEntra({ signIn: null });
  });

  it('shows a label saved before labels were checked as the provider id, not as text on Bridgekit’s page', async () => {
    await configureEntra({ signIn: { clientId: 'c', scope: 's', label: 'Contoso' } });
    const legacy = { clientId: 'c', scope: 's', label: 'Contoso\nYour session expired. Call +1 555 0100 to unlock \u202Eexe.nigis' };
    await env.DB.prepare("update oidc_providers set sign_in = ? where tenant_id = 'demo-tenant' and id = 'entra'")
      .bind(JSON.stringify(legacy))
      .run();
    const { clearTenantCache } = await import('../src/store/tenants.ts');
    clearTenantCache();
    expect((await options(await frame('sign-in?tenant=demo'))).providers).toEqual([
      expect.objectContaining({ id: 'entra', label: 'entra' }),
    ]);
    await configureEntra({ signIn: null });
  });

  it('refuses a sign-in client with a malformed scope, writing nothing', async () => {
    const res = await configureEntra({ signIn: { clientId: 'x', scope: 'api://a "b"', label: 'Contoso' } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.[0]?.path).toBe('body.signIn.scope');
    const providers = ((await (await admin(`${DEMO}/oidc-providers`)).json()) as { items: { signIn: unknown }[] }).items;
    expect(providers.every((p) => p.signIn === null)).toBe(true);
  });

  it('needs a tenant, and serves the callback page without one', async () => {
    expect((await frame('sign-in')).status).toBe(400);
    const callback = await frame('sign-in/callback?code=abc&state=xyz');
    expect(callback.status).toBe(200);
    expect(await callback.text()).toContain('<script src="/frame/sign-in.js" defer></script>');
  });
});
