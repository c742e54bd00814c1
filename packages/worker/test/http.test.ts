import { describe, expect, it } from 'vitest';
import { call, DEMO, errorOf, json, ORIGIN, platformToken } from './helpers.ts';

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
      '/v1/tenants/{tenant}/api-keys',
      '/v1/tenants/{tenant}/api-keys/{id}',
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
      '/v1/tenants/{tenant}/cards/{id}/diff',
      '/v1/tenants/{tenant}/cards/{id}/export',
      '/v1/tenants/{tenant}/cards/{id}/helped',
      '/v1/tenants/{tenant}/cards/{id}/links',
      '/v1/tenants/{tenant}/cards/{id}/obsolete',
      '/v1/tenants/{tenant}/cards/{id}/restore',
      '/v1/tenants/{tenant}/cards/{id}/verify',
      '/v1/tenants/{tenant}/cards/{id}/versions',
      '/v1/tenants/{tenant}/cards/{id}/versions/{version}',
      '/v1/tenants/{tenant}/cards/{id}/views',
      '/v1/tenants/{tenant}/comments/{id}',
      '/v1/tenants/{tenant}/comments/{id}/accepted',
      '/v1/tenants/{tenant}/comments/{id}/flags',
      '/v1/tenants/{tenant}/comments/{id}/history',
      '/v1/tenants/{tenant}/comments/{id}/moderation',
      '/v1/tenants/{tenant}/comments/{id}/pin',
      '/v1/tenants/{tenant}/comments/{id}/reactions/{reaction}',
      '/v1/tenants/{tenant}/comments/{id}/replies',
      '/v1/tenants/{tenant}/embed-keys',
      '/v1/tenants/{tenant}/embed-keys/{kid}',
      '/v1/tenants/{tenant}/ideas/{id}',
      '/v1/tenants/{tenant}/ideas/{id}/merge',
      '/v1/tenants/{tenant}/ideas/{id}/score',
      '/v1/tenants/{tenant}/ideas/{id}/status',
      '/v1/tenants/{tenant}/ideas/{id}/status-history',
      '/v1/tenants/{tenant}/ideas/{id}/vote',
      '/v1/tenants/{tenant}/me',
      '/v1/tenants/{tenant}/moderation/audit-log',
      '/v1/tenants/{tenant}/moderation/queue',
      '/v1/tenants/{tenant}/moderation/settings',
      '/v1/tenants/{tenant}/oidc-providers',
      '/v1/tenants/{tenant}/oidc-providers/{id}',
      '/v1/tenants/{tenant}/origins',
      '/v1/tenants/{tenant}/practice-areas',
      '/v1/tenants/{tenant}/roles',
      '/v1/tenants/{tenant}/roles/{subject}',
      '/v1/tenants/{tenant}/settings',
      '/v1/tenants/{tenant}/templates',
      '/v1/tenants/{tenant}/templates/{id}',
      '/v1/tenants/{tenant}/threads/comments',
      '/v1/tenants/{tenant}/threads/counts',
      '/v1/tenants/{tenant}/threads/{id}/activity',
      '/v1/tenants/{tenant}/threads/{id}/live',
      '/v1/tenants/{tenant}/tokens',
      '/v1/tenants/{tenant}/users',
      '/v1/tenants/{tenant}/users/{userId}/restriction',
    ]);
    const vote = doc.paths['/v1/tenants/{tenant}/ideas/{id}/vote'];
    expect(Object.keys(vote ?? {}).sort()).toEqual(['delete', 'put']);
    expect(vote?.put?.security).toEqual([{ bearerAuth: [] }]);
    expect(vote?.put?.parameters?.map((p) => p.name)).toEqual(['tenant', 'id']);
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
      const path = template.replace('{tenant}', 'demo').replace(/\{[a-z]+\}/g, '%E0%A4%A');
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
});
