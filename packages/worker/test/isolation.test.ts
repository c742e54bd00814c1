import { env } from 'cloudflare:workers';
import type { Idea, NewApiKey } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { DEMO_COMMENTS, DEMO_IDEAS, DEMO_THREAD, DEMO_USERS, demoCardId } from '../src/dev/demo-data.ts';
import { concretePath, REQUEST_BODIES, requiredQuery } from './api-routes.ts';
import { admin, call, configureEntra, DEMO, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const OTHER = `${ORIGIN}/v1/tenants/other`;
const OTHER_SECRET = 'other-tenant-secret-0123456789abcdef';

/** Things only tenant `demo` knows: none may ever appear in an answer to tenant `other`'s callers. */
const DEMO_MARKERS = [
  'Contoso (demo)',
  ...DEMO_IDEAS.map((i) => i.title),
  ...DEMO_USERS.map((u) => u.name),
  '@contoso.example',
  'demo-only.contoso.example',
  'Bridgekit.Moderator',
  'api://bridgekit-test',
  DEMO_THREAD.title,
  ...Object.values(EXAMPLE_CARDS).map((c) => c.title),
  ...DEMO_COMMENTS.map((c) => c.body.slice(0, 40)),
];

interface Route {
  method: string;
  template: string;
}

async function allRoutes(): Promise<Route[]> {
  const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await call(`${ORIGIN}/v1/openapi.json`));
  return Object.entries(doc.paths).flatMap(([template, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), template })));
}

/** A concrete URL for `tenant`, pointing at demo's own resources wherever the route takes an id. */
const urlFor = (route: Route, tenant: string, demoApiKeyId: string) =>
  `${ORIGIN}${concretePath(route.template, { tenant, apiKeyId: demoApiKeyId })}${requiredQuery(route.method, route.template)}`;

describe('tenant isolation', () => {
  let demoKey: NewApiKey;
  let otherCredentials: { name: string; token: string }[];

  beforeAll(async () => {
    await seedOtherTenant();
    await configureEntra();
    demoKey = await json<NewApiKey>(await admin(`${DEMO}/api-keys`, 'POST', { name: 'Demo automation', scopes: ['admin'] }));
    await admin(`${DEMO}/origins`, 'POST', { origin: 'https://demo-only.contoso.example' });
    const otherKey = await json<NewApiKey>(await admin(`${OTHER}/api-keys`, 'POST', { name: 'Other automation', scopes: ['admin'] }));
    await admin(`${OTHER}/settings`, 'PATCH', {
      roleMapping: { claim: 'roles', moderator: [], admin: ['Admin'], applyToEmbedTokens: true },
    });
    otherCredentials = [
      {
        name: "other's admin (embed token)",
        token: await token({ secret: OTHER_SECRET, kid: 'k1', sub: 'fab|admin', extra: { roles: ['Admin'] } }),
      },
      {
        name: "other's admin (embed token, no kid)",
        token: await token({ secret: OTHER_SECRET, kid: null, sub: 'fab|admin', extra: { roles: ['Admin'] } }),
      },
      { name: "other's admin API key", token: otherKey.key },
    ];
  });

  it("lists only the other tenant's own board under its slug", async () => {
    const otherToken = await token({ secret: OTHER_SECRET, kid: 'k1' });
    const page = await json<{ items: Idea[] }>(await call(`${OTHER}/boards/general/ideas`, { token: otherToken }));
    expect(page.items.map((i) => i.title)).toEqual(['Fabrikam confidential plan']);
  });

  it("walks every route of the API with another tenant's credentials: 401/403, and nothing of this tenant comes back", async () => {
    const routes = await allRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const credential of otherCredentials) {
      for (const route of routes) {
        const body = REQUEST_BODIES[`${route.method} ${route.template}`];
        const res = await call(urlFor(route, 'demo', demoKey.id), {
          method: route.method,
          token: credential.token,
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        const label = `${credential.name}: ${route.method} ${route.template}`;
        expect([401, 403], label).toContain(res.status);
        for (const marker of DEMO_MARKERS) expect(text, label).not.toContain(marker);
      }
    }
  }, 60_000);

  it("walks every route of the other tenant with its own credentials, aimed at this tenant's ids: nothing of this tenant comes back or changes", async () => {
    const routes = (await allRoutes()).filter((r) => r.template.startsWith('/v1/tenants/'));
    for (const credential of otherCredentials) {
      for (const route of routes) {
        const body = REQUEST_BODIES[`${route.method} ${route.template}`];
        const res = await call(urlFor(route, 'other', demoKey.id), {
          method: route.method,
          token: credential.token,
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        expect(res.status, `${route.method} ${route.template}`).toBeLessThan(500);
        for (const marker of DEMO_MARKERS) expect(text, `${credential.name}: ${route.method} ${route.template}`).not.toContain(marker);
      }
    }
    // Demo is as it was: its idea, its key, its secret, its grant, its provider.
    expect((await call(`${DEMO}/ideas/demo-idea-invoice`)).status).toBe(200);
    expect((await call(`${DEMO}/me`, { token: demoKey.key })).status).toBe(200);
    expect((await call(`${DEMO}/me`, { token: await token() })).status).toBe(200);
    const grants = await env.DB.prepare(
      "select count(*) as n from user_roles where tenant_id = 'demo-tenant' and subject = 'demo|mei'",
    ).first<{ n: number }>();
    expect(grants?.n).toBe(1);
    const providers = await env.DB.prepare("select count(*) as n from oidc_providers where tenant_id = 'demo-tenant'").first<{
      n: number;
    }>();
    expect(providers?.n).toBe(1);
    // Its discussion too: the comment, its reactions, its author's standing, its settings.
    const comment = await env.DB.prepare(
      "select state, body, like_count as likes, flag_count as flags from comments where id = 'demo-comment-1'",
    ).first<{ state: string; body: string; likes: number; flags: number }>();
    expect(comment).toEqual({ state: 'published', body: DEMO_COMMENTS[0]?.body, likes: 3, flags: 0 });
    const amara = await env.DB.prepare("select restricted_until as until from users where id = 'demo-user-amara'").first<{
      until: number | null;
    }>();
    expect(amara?.until).toBeNull();
    const threadPage = await json<{ items: { id: string }[] }>(
      await call(`${DEMO}/threads/comments?key=${DEMO_THREAD.key}`, { token: await token() }),
    );
    expect(threadPage.items.length).toBeGreaterThan(0);
    const card = await env.DB.prepare('select version, title, obsolete_at as obsolete, state from cards where id = ?')
      .bind(demoCardId('business-case'))
      .first();
    expect(card).toEqual({ version: 1, title: EXAMPLE_CARDS['business-case']?.title, obsolete: null, state: 'published' });
    expect(await env.DB.prepare("select state from ideas where id = 'demo-idea-invoice'").first()).toEqual({ state: 'published' });
    const log = await env.DB.prepare("select count(*) as n from moderation_log where tenant_id = 'demo-tenant'").first<{ n: number }>();
    expect(log?.n).toBe(0);
  }, 60_000);

  it("never shows the other tenant's ideas to this tenant", async () => {
    const t = await token();
    for (const res of [
      await call(`${DEMO}/ideas/other-idea`, { token: t }),
      await call(`${DEMO}/ideas/other-idea/vote`, { method: 'PUT', token: t }),
      await call(`${DEMO}/ideas/other-idea/vote`, { method: 'DELETE', token: t }),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Fabrikam');
    }
    const ideas = await json<{ items: Idea[] }>(await call(`${DEMO}/boards/general/ideas?limit=100`));
    expect(ideas.items.map((i) => i.id)).not.toContain('other-idea');
  });
});
