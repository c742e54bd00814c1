import { describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json, ORIGIN, platformToken, token } from './helpers.ts';

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { name: string }[]; security?: unknown[] }>>;
  components: {
    schemas: Record<string, { properties?: Record<string, { maxLength?: number; minLength?: number }> }>;
    securitySchemes: Record<string, unknown>;
  };
}

describe('HTTP surface', () => {
  it('answers an unknown route with a 404 in the error shape', async () => {
    const res = await call(`${ORIGIN}/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: 'not_found', message: expect.stringContaining('/v1/openapi.json') });
  });

  it('sends security headers on every answer, errors included', async () => {
    for (const res of [await call(`${DEMO}/boards`), await call(`${ORIGIN}/v1/nothing`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('publishes an OpenAPI 3.1 document generated from the validation schemas', async () => {
    const res = await call(`${ORIGIN}/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await json<OpenApiDoc>(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/v1/admin/tenants',
      '/v1/live',
      '/v1/tenants/{tenant}/actuals/{actual}',
      '/v1/tenants/{tenant}/api-keys',
      '/v1/tenants/{tenant}/api-keys/{id}',
      '/v1/tenants/{tenant}/benefits/{benefit}',
      '/v1/tenants/{tenant}/benefits/{benefit}/actuals',
      '/v1/tenants/{tenant}/boards',
      '/v1/tenants/{tenant}/boards/{board}',
      '/v1/tenants/{tenant}/boards/{board}/export',
      '/v1/tenants/{tenant}/boards/{board}/ideas',
      '/v1/tenants/{tenant}/boards/{board}/ideas/similar',
      '/v1/tenants/{tenant}/boards/{board}/roadmap',
      '/v1/tenants/{tenant}/boards/{board}/scorecard',
      '/v1/tenants/{tenant}/cards',
      '/v1/tenants/{tenant}/cards/review-queue',
      '/v1/tenants/{tenant}/cards/{id}',
      '/v1/tenants/{tenant}/cards/{id}/benefits',
      '/v1/tenants/{tenant}/cards/{id}/diff',
      '/v1/tenants/{tenant}/cards/{id}/export',
      '/v1/tenants/{tenant}/cards/{id}/helped',
      '/v1/tenants/{tenant}/cards/{id}/links',
      '/v1/tenants/{tenant}/cards/{id}/moderation',
      '/v1/tenants/{tenant}/cards/{id}/objectives',
      '/v1/tenants/{tenant}/cards/{id}/obsolete',
      '/v1/tenants/{tenant}/cards/{id}/restore',
      '/v1/tenants/{tenant}/cards/{id}/verify',
      '/v1/tenants/{tenant}/cards/{id}/versions',
      '/v1/tenants/{tenant}/cards/{id}/versions/{version}',
      '/v1/tenants/{tenant}/cards/{id}/views',
      '/v1/tenants/{tenant}/comment-previews',
      '/v1/tenants/{tenant}/comments/{id}',
      '/v1/tenants/{tenant}/comments/{id}/accepted',
      '/v1/tenants/{tenant}/comments/{id}/flags',
      '/v1/tenants/{tenant}/comments/{id}/history',
      '/v1/tenants/{tenant}/comments/{id}/moderation',
      '/v1/tenants/{tenant}/comments/{id}/pin',
      '/v1/tenants/{tenant}/comments/{id}/reactions/{reaction}',
      '/v1/tenants/{tenant}/comments/{id}/replies',
      '/v1/tenants/{tenant}/config-log',
      '/v1/tenants/{tenant}/embed-keys',
      '/v1/tenants/{tenant}/embed-keys/{kid}',
      '/v1/tenants/{tenant}/export',
      '/v1/tenants/{tenant}/health-rounds',
      '/v1/tenants/{tenant}/health-rounds/{round}',
      '/v1/tenants/{tenant}/health-rounds/{round}/answers',
      '/v1/tenants/{tenant}/health-rounds/{round}/close',
      '/v1/tenants/{tenant}/health-rounds/{round}/invitations',
      '/v1/tenants/{tenant}/health-rounds/{round}/results',
      '/v1/tenants/{tenant}/ideas/{id}',
      '/v1/tenants/{tenant}/ideas/{id}/intake',
      '/v1/tenants/{tenant}/ideas/{id}/merge',
      '/v1/tenants/{tenant}/ideas/{id}/moderation',
      '/v1/tenants/{tenant}/ideas/{id}/need-met',
      '/v1/tenants/{tenant}/ideas/{id}/revisions',
      '/v1/tenants/{tenant}/ideas/{id}/score',
      '/v1/tenants/{tenant}/ideas/{id}/status',
      '/v1/tenants/{tenant}/ideas/{id}/status-history',
      '/v1/tenants/{tenant}/ideas/{id}/value-plan',
      '/v1/tenants/{tenant}/ideas/{id}/view',
      '/v1/tenants/{tenant}/ideas/{id}/vote',
      '/v1/tenants/{tenant}/ideas/{id}/withdraw',
      '/v1/tenants/{tenant}/import',
      '/v1/tenants/{tenant}/insights',
      '/v1/tenants/{tenant}/insights/rebuild',
      '/v1/tenants/{tenant}/me',
      '/v1/tenants/{tenant}/me/erase',
      '/v1/tenants/{tenant}/me/export',
      '/v1/tenants/{tenant}/moderation/audit-log',
      '/v1/tenants/{tenant}/moderation/queue',
      '/v1/tenants/{tenant}/moderation/restrictions',
      '/v1/tenants/{tenant}/moderation/settings',
      '/v1/tenants/{tenant}/notifications',
      '/v1/tenants/{tenant}/notifications/read',
      '/v1/tenants/{tenant}/notifications/settings',
      '/v1/tenants/{tenant}/objectives/{id}',
      '/v1/tenants/{tenant}/oidc-providers',
      '/v1/tenants/{tenant}/oidc-providers/{id}',
      '/v1/tenants/{tenant}/origins',
      '/v1/tenants/{tenant}/people/{handle}',
      '/v1/tenants/{tenant}/people/{handle}/unit',
      '/v1/tenants/{tenant}/people/{person}/erase',
      '/v1/tenants/{tenant}/people/{person}/export',
      '/v1/tenants/{tenant}/practice-areas',
      '/v1/tenants/{tenant}/related',
      '/v1/tenants/{tenant}/roles',
      '/v1/tenants/{tenant}/roles/candidates',
      '/v1/tenants/{tenant}/roles/{subject}',
      '/v1/tenants/{tenant}/search',
      '/v1/tenants/{tenant}/settings',
      '/v1/tenants/{tenant}/subscriptions',
      '/v1/tenants/{tenant}/subscriptions/{target}/{id}',
      '/v1/tenants/{tenant}/templates',
      '/v1/tenants/{tenant}/templates/validate',
      '/v1/tenants/{tenant}/templates/{id}',
      '/v1/tenants/{tenant}/threads',
      '/v1/tenants/{tenant}/threads/comments',
      '/v1/tenants/{tenant}/threads/counts',
      '/v1/tenants/{tenant}/threads/{id}/activity',
      '/v1/tenants/{tenant}/threads/{id}/live',
      '/v1/tenants/{tenant}/threads/{id}/promote',
      '/v1/tenants/{tenant}/tokens',
      '/v1/tenants/{tenant}/units',
      '/v1/tenants/{tenant}/units/unmatched',
      '/v1/tenants/{tenant}/units/{key}',
      '/v1/tenants/{tenant}/units/{key}/archive',
      '/v1/tenants/{tenant}/units/{key}/health-trend',
      '/v1/tenants/{tenant}/units/{key}/insights',
      '/v1/tenants/{tenant}/units/{key}/objectives',
      '/v1/tenants/{tenant}/units/{key}/team',
      '/v1/tenants/{tenant}/users',
      '/v1/tenants/{tenant}/users/{userId}/restriction',
      '/v1/tenants/{tenant}/webhooks',
      '/v1/tenants/{tenant}/webhooks/{id}',
      '/v1/tenants/{tenant}/webhooks/{id}/deliveries',
      '/v1/tenants/{tenant}/webhooks/{id}/rotate-secret',
      '/v1/tenants/{tenant}/webhooks/{id}/test',
    ]);
    const vote = doc.paths['/v1/tenants/{tenant}/ideas/{id}/vote'];
    expect(Object.keys(vote ?? {}).sort()).toEqual(['delete', 'put']);
    expect(vote?.put?.security).toEqual([{ bearerAuth: [] }]);
    expect(vote?.put?.parameters?.map((p) => p.name)).toEqual(['Idempotency-Key', 'tenant', 'id']);
    // The limits in the document are the limits the validator enforces.
    expect(doc.components.schemas.NewIdea?.properties?.title).toMatchObject({ minLength: 3, maxLength: 140 });
    expect(doc.components.schemas.NewIdea?.properties?.description).toMatchObject({ maxLength: 5000 });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Idea', 'IdeaPage', 'Board', 'VoteState', 'Viewer', 'Error']),
    );
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('answers bad input on every route with a 4xx in the error shape (or ignores what it does not read), never a 500', async () => {
    const doc = await json<OpenApiDoc>(await call(`${ORIGIN}/v1/openapi.json`));
    const bodies = ['', '{', 'null', '[]', '"text"', '{"title": null}', '{"__proto__": {"admin": true}}', `{"x": "${'y'.repeat(70_000)}"}`];
    for (const [template, ops] of Object.entries(doc.paths)) {
      // Unknown but validly encoded ids, so that each route reads its input (invalid encodings: below).
      const path = template.replace('{tenant}', 'demo').replace(/\{[a-z]+\}/g, 'n%C3%B6pe%E2%80%AE');
      for (const method of Object.keys(ops).map((m) => m.toUpperCase())) {
        const attempts = method === 'GET' || method === 'DELETE' ? [undefined] : bodies;
        for (const body of attempts) {
          const res = await call(`${ORIGIN}${path}?limit=-1&cursor=%ZZ&origin=%00`, {
            method,
            token: platformToken(),
            headers: { 'content-type': 'application/json' },
            ...(body === undefined ? {} : { body }),
          });
          const label = `${method} ${template} ${body?.slice(0, 20) ?? ''}`;
          expect(res.status, label).toBeLessThan(500);
          if (res.status >= 400) expect((await errorOf(res)).message.length, label).toBeGreaterThan(10);
          else await res.body?.cancel();
        }
      }
    }
  }, 60_000);
  it('refuses a path that is not valid percent-encoded UTF-8 with 400, on every route, changing nothing', async () => {
    const granted = await admin(`${DEMO}/roles/%E0%A4%A`, 'PUT', { role: 'moderator' });
    expect(granted.status).toBe(400);
    expect(await errorOf(granted)).toMatchObject({ code: 'bad_request', message: expect.stringContaining('"%E0%A4%A"') });
    const roles = await json<{ items: { subject: string }[] }>(await admin(`${DEMO}/roles`));
    expect(roles.items.map((r) => r.subject).filter((s) => s.includes('%') || s.includes('\uFFFD'))).toEqual([]);

    const person = await token({ sub: 'encoding-tester' });
    const refused: [string, string][] = [
      ['GET', `${DEMO}/comments/%ZZ`],
      ['GET', `${DEMO}/ideas/%C3`],
      ['PUT', `${DEMO}/ideas/%ED%A0%80/vote`], // an encoded UTF-16 surrogate is not UTF-8
      ['DELETE', `${DEMO}/comments/abc%/reactions/like`],
      ['GET', `${DEMO}/boards/%FF%FE/ideas`],
      ['POST', `${DEMO}/threads/%E0%A4%A/live`],
      ['PATCH', `${DEMO}/boards/%C0%AF`], // an overlong "/"
      ['GET', `${ORIGIN}/v1/admin/%ZZ`],
    ];
    for (const [method, url] of refused) {
      const res = await call(url, {
        method,
        token: url.includes('/admin/') ? platformToken() : person,
        // The operator's routes take no page's origin but the console's (console-cors.ts): the CLI sends none.
        headers: url.includes('/admin/') ? {} : { origin: 'http://localhost:5173' },
      });
      expect(res.status, `${method} ${url}`).toBe(400);
      expect((await errorOf(res)).message, url).toMatch(/not valid percent-encoded UTF-8/);
      if (url.startsWith(DEMO)) expect(res.headers.get('access-control-allow-origin'), url).toBe('http://localhost:5173');
    }
    // Valid encodings pass: "é", and "%" itself as %25.
    expect((await call(`${DEMO}/ideas/n%C3%A9%25`, { token: person })).status).toBe(404);
  });

  it('marks every API answer private, no-store — errors included — except the public API description', async () => {
    const person = await token({ sub: 'cache-tester' });
    const description = await call(`${ORIGIN}/v1/openapi.json`);
    expect(description.headers.get('cache-control')).toBe('public, max-age=300');
    await description.body?.cancel();
    const personal = [
      await call(`${DEMO}/boards`),
      await call(`${DEMO}/me`, { token: person }),
      await call(`${DEMO}/boards/general/ideas`, { token: person }),
      await call(`${DEMO}/ideas/demo-idea-sso/vote`, { method: 'PUT', token: person }),
      await call(`${DEMO}/ideas/demo-idea-sso/vote`, { method: 'PUT' }),
      await call(`${DEMO}/boards`, { token: 'not-a-token' }),
      await call(`${DEMO}/moderation/queue`, { token: person }),
      await call(`${DEMO}/ideas/nope`, { token: person }),
      await call(`${DEMO}/boards`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
      }),
      await call(`${ORIGIN}/v1/nothing-here`),
      await call(`${ORIGIN}/v1/admin/tenants`, { token: platformToken() }),
      await call(`${ORIGIN}/v1/openapi.json`, { method: 'POST' }),
    ];
    expect(personal.map((r) => r.status)).toEqual([200, 200, 200, 200, 401, 401, 403, 404, 204, 404, 200, 404]);
    for (const res of personal) {
      expect(res.headers.get('cache-control'), res.url).toBe('private, no-store');
      await res.body?.cancel();
    }
  });
});
