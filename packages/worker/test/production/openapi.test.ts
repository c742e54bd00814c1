/**
 * The production Worker runs `@hono/zod-openapi` as src/openapi/runtime.ts (wrangler.jsonc's
 * alias; test/worker-config.ts applies it to this project): no OpenAPI metadata is kept, the
 * document is the built static asset, and requests are validated as the package validates them
 * (every answer here is also checked against the served document, test/contract.ts).
 * scripts/production-bundle.test.ts checks the asset against the document the package generates.
 */
import { env } from 'cloudflare:workers';
import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { OPENAPI_DOCUMENT_ASSET } from '../../src/openapi/document.ts';
import { call, DEMO, errorOf, json, ORIGIN, token } from '../helpers.ts';

describe('the production API description and validation', () => {
  it('keeps no OpenAPI metadata: the generator is not there', () => {
    expect(app.openAPIRegistry.definitions).toEqual([]);
    const schema = z.string().min(3);
    expect(schema.openapi({ description: 'A title', example: 'abc' })).toBe(schema);
  });

  it('serves the document the build wrote, as public JSON open to any origin', async () => {
    const asset = await (await env.ASSETS.fetch(`https://assets.invalid${OPENAPI_DOCUMENT_ASSET}`)).text();
    const res = await call(`${ORIGIN}/v1/openapi.json`, { headers: { origin: 'https://tools.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toBe(asset);
    expect(JSON.parse(asset)).toMatchObject({ openapi: '3.1.0', info: { title: 'Bridgekit API' } });
  });

  it('validates bodies and queries with the same schemas, failing in the one error shape', async () => {
    const idea = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: await token(),
      body: JSON.stringify({ title: 'ab', description: 'fine', businessCase: { problem: 'bell\u0007' } }),
    });
    expect(idea.status).toBe(400);
    const error = await errorOf(idea);
    expect(error).toMatchObject({ code: 'validation_failed', reason: 'validation_failed.fields' });
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.title', reason: 'field.too_short', params: { count: 3 } }),
        expect.objectContaining({ path: 'body.businessCase.problem', reason: 'field.control_characters', params: {} }),
      ]),
    );
    const sorted = await errorOf(await call(`${DEMO}/boards/general/ideas?sort=loudest`));
    expect(sorted.details).toEqual([
      expect.objectContaining({ path: 'query.sort', reason: 'field.invalid_value', params: { values: expect.stringContaining('top') } }),
    ]);
    const malformed = await call(`${DEMO}/boards/general/ideas`, { method: 'POST', token: await token(), body: '{"title":' });
    expect((await errorOf(malformed)).reason).toBe('malformed_json.body');
  });

  it('hands validated input to the handler, defaults and coercions applied', async () => {
    const created = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: await token({ sub: 'production|ada' }),
      body: JSON.stringify({ title: 'A shared calendar for the project office' }),
    });
    expect(created.status).toBe(201);
    const page = await json<{ items: { title: string }[] }>(await call(`${DEMO}/boards/general/ideas?sort=new&limit=1`));
    expect(page.items.map((i) => i.title)).toEqual(['A shared calendar for the project office']);
  });
});
