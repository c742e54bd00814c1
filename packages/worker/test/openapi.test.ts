/**
 * `/v1/openapi.json` as the tools that read it see it: every operation named, secured and with
 * its errors, headers and media types; no circular `$ref`; every `null` the wire types allow
 * documented, and none they do not; the error codes the server sends and no others; and
 * examples that the schemas accept and that are safe to replay. (That every answer of every test
 * agrees with the document is contract.ts; Redocly's linter and generated clients are
 * e2e/openapi-client.e2e.test.ts.)
 */
import { CLIENT_ERROR_CODES, ERROR_CODES } from '@bridgekit/sdk';
import type { z } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { examples } from '../src/schemas/examples.ts';
import { concretePath, requiredQuery } from './api-routes.ts';
import { admin, call, configureEntra, DEMO, json, ORIGIN, token } from './helpers.ts';
import { openApiDocument, resolve as resolveIn, type Schema } from './openapi-doc.ts';

const doc = await openApiDocument();
const operations = Object.entries(doc.paths).flatMap(([template, ops]) =>
  Object.entries(ops).map(([method, operation]) => ({ method: method.toUpperCase(), template, operation })),
);
const REQUIRED = [{ bearerAuth: [] }];
const OPTIONAL = [{}, { bearerAuth: [] }];

const resolve = (schema: Schema | undefined) => resolveIn(doc, schema);

describe('every operation', () => {
  it('has a unique camelCase operationId', () => {
    const ids = operations.map((o) => o.operation.operationId);
    expect(ids.filter((id) => !id || !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(88);
  });

  it('declares its security: a required or an optional bearer credential, over a global default; servers are declared', () => {
    expect(doc.security).toEqual(REQUIRED);
    expect(doc.components.securitySchemes.bearerAuth).toBeDefined();
    expect(doc.servers?.length).toBeGreaterThan(0);
    const undeclared = operations.filter(({ operation, template }) => {
      const { security } = operation;
      if (template === '/v1/live') return JSON.stringify(security) !== '[]'; // the ticket in the URL is the credential
      return JSON.stringify(security) !== JSON.stringify(REQUIRED) && JSON.stringify(security) !== JSON.stringify(OPTIONAL);
    });
    expect(undeclared.map((o) => `${o.method} ${o.template}`)).toEqual([]);
  });

  it('has a default error answer, 413 and 415 exactly where it reads a body, Retry-After on 429 and Location on redirects', () => {
    const problems: string[] = [];
    for (const { method, template, operation } of operations) {
      const name = `${method} ${template}`;
      const { responses } = operation;
      if (resolve(responses.default?.content?.['application/json']?.schema) !== doc.components.schemas.Error)
        problems.push(`${name}: no default error`);
      const body = operation.requestBody !== undefined;
      if (body !== '413' in responses || body !== '415' in responses)
        problems.push(`${name}: 413/415 ${body ? 'missing' : 'without a body'}`);
      if (responses['429'] && !responses['429'].headers?.['Retry-After']?.required) problems.push(`${name}: 429 without Retry-After`);
      for (const [status, response] of Object.entries(responses)) {
        if (/^3/.test(status) && !response.headers?.Location?.required) problems.push(`${name}: ${status} without Location`);
        if (/^[45]/.test(status) && resolve(response.content?.['application/json']?.schema) !== doc.components.schemas.Error)
          problems.push(`${name}: ${status} is not the error shape`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('tells the truth about security: without a credential, required ones answer 401 and optional ones do not', async () => {
    // Anonymous reading is on for the demo tenant.
    const wrong: string[] = [];
    for (const [index, { method, template, operation }] of operations.entries()) {
      if (template === '/v1/live') continue;
      const example = operation.requestBody?.content['application/json']?.example;
      let url = `${ORIGIN}${concretePath(template, { tenant: 'demo', apiKeyId: 'no-such-key' })}${requiredQuery(method, template)}`;
      // The review queue is the caller's own unless it names an owner; the member search needs a query.
      if (template.endsWith('/cards/review-queue')) url += '?owner=mei.chen';
      if (template.endsWith('/users')) url += '?q=mei';
      const res = await call(url, {
        method,
        // One address per operation: more write routes than one anonymous address may try in a
        // minute (USER_WRITE_LIMIT), and a 429 would hide whether the route asks for a credential.
        headers: { 'cf-connecting-ip': `192.0.2.${index % 250}` },
        ...(example === undefined ? {} : { body: JSON.stringify(example) }),
      });
      const required = JSON.stringify(operation.security) === JSON.stringify(REQUIRED);
      if (required !== (res.status === 401))
        wrong.push(`${method} ${template}: ${required ? 'required' : 'optional'}, answered ${res.status}`);
    }
    expect(wrong).toEqual([]);
  }, 30_000);
});

describe('the schemas', () => {
  it('have no circular $ref, which some generators and contract-testing tools refuse', () => {
    const refsOf = (value: unknown, into: Set<string>): Set<string> => {
      if (Array.isArray(value)) for (const v of value) refsOf(v, into);
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === '$ref' && typeof v === 'string') into.add(v.replace('#/components/schemas/', ''));
          else refsOf(v, into);
        }
      }
      return into;
    };
    const edges = new Map(Object.entries(doc.components.schemas).map(([name, schema]) => [name, refsOf(schema, new Set())]));
    const cycles: string[] = [];
    const visit = (name: string, path: string[]) => {
      if (path.includes(name)) {
        cycles.push([...path.slice(path.indexOf(name)), name].join(' → '));
        return;
      }
      for (const next of edges.get(name) ?? []) visit(next, [...path, name]);
    };
    for (const name of edges.keys()) visit(name, []);
    expect(cycles).toEqual([]);
  });

  it('hold only the error codes the server sends; the client’s own are the SDK’s', () => {
    const code = resolve(doc.components.schemas.Error)?.properties?.error?.properties?.code;
    expect(code?.enum).toEqual([...ERROR_CODES]);
    for (const clientCode of CLIENT_ERROR_CODES) expect(code?.enum).not.toContain(clientCode);
  });

  it('document every null the wire types allow, and no other', () => {
    const mismatches: string[] = [];
    for (const definition of app.openAPIRegistry.definitions) {
      if (definition.type !== 'route') continue;
      const { route } = definition;
      const operation = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method];
      if (!operation) throw new Error(`${route.method} ${route.path} is not in the document`);
      const bodies: [string, unknown, Schema | undefined][] = [];
      const requestBody = route.request?.body?.content['application/json'];
      if (requestBody && 'schema' in requestBody) {
        bodies.push(['request', requestBody.schema, operation.requestBody?.content['application/json']?.schema]);
      }
      for (const [status, response] of Object.entries(route.responses)) {
        const content = 'content' in response ? response.content?.['application/json'] : undefined;
        if (content && 'schema' in content)
          bodies.push([status, content.schema, operation.responses[status]?.content?.['application/json']?.schema]);
      }
      for (const [where, zodSchema, jsonSchema] of bodies) {
        compareNulls(zodSchema as ZodLike, jsonSchema, `${operation.operationId} ${where}`, mismatches, 0);
      }
    }
    expect([...new Set(mismatches)]).toEqual([]);
  });
});

// ——— Nullability: zod (the wire types' source, tied to the SDK's types) against the document ———

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
  safeParse(value: unknown): { success: boolean };
}

/** Whether `schema` lets `null` through. */
function docAllowsNull(schema: Schema | boolean | undefined): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  const s = resolve(schema);
  if (!s) return true;
  if (s.const !== undefined) return s.const === null;
  if (s.enum) return s.enum.includes(null);
  if (s.type !== undefined && !(s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null')))) return false;
  if (s.allOf && !s.allOf.every(docAllowsNull)) return false;
  if (s.anyOf && !s.anyOf.some(docAllowsNull)) return false;
  if (s.oneOf && !s.oneOf.some(docAllowsNull)) return false;
  return true;
}

const isNullType = (s: Schema) => s.type === 'null';
/** The branches of a documented union, `null` left out; a plain schema is one branch. */
function branches(schema: Schema | undefined): Schema[] {
  const s = resolve(schema);
  if (!s) return [];
  const options = s.anyOf ?? s.oneOf;
  return options && !s.properties ? options.filter((o) => !isNullType(o)) : [s];
}

function propertyOf(schema: Schema | undefined, key: string): Schema | undefined {
  for (const s of branches(schema)) {
    const own = resolve(s);
    if (own?.properties?.[key]) return own.properties[key];
    for (const part of own?.allOf ?? []) {
      const found = propertyOf(part, key);
      if (found) return found;
    }
  }
  return undefined;
}

/** The zod schema inside wrappers that change neither the shape nor, here, what is compared. */
function unwrap(schema: ZodLike): ZodLike {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = current._zod.def;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(def.type)) {
      current = def.innerType as ZodLike;
    } else if (def.type === 'lazy') current = (def.getter as () => ZodLike)();
    else if (def.type === 'pipe') {
      const input = def.in as ZodLike;
      current = input._zod.def.type === 'transform' ? (def.out as ZodLike) : input;
    } else return current;
  }
  return current;
}

function compareNulls(zod: ZodLike, json: Schema | undefined, where: string, out: string[], depth: number): void {
  if (depth > 12 || json === undefined) return;
  const zodNull = zod.safeParse(null).success;
  if (zodNull !== docAllowsNull(json))
    out.push(`${where}: the wire type ${zodNull ? 'allows' : 'refuses'} null, the document does not say so`);
  const inner = unwrap(zod);
  const def = inner._zod.def;
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, ZodLike>)) {
        const property = propertyOf(json, key);
        if (property) compareNulls(value, property, `${where}.${key}`, out, depth + 1);
        else out.push(`${where}.${key}: not in the document`);
      }
      return;
    case 'array': {
      const [array] = branches(json);
      compareNulls(def.element as ZodLike, resolve(array)?.items, `${where}[]`, out, depth + 1);
      return;
    }
    case 'record': {
      const [record] = branches(json);
      const values = resolve(record)?.additionalProperties;
      if (values && typeof values === 'object') compareNulls(def.valueType as ZodLike, values, `${where}{}`, out, depth + 1);
      return;
    }
    case 'union': {
      const options = (def.options as ZodLike[]).filter((o) => unwrap(o)._zod.def.type !== 'null');
      const documented = branches(json);
      if (options.length === 1) compareNulls(options[0] as ZodLike, documented.length === 1 ? documented[0] : json, where, out, depth + 1);
      else if (options.length === documented.length)
        options.forEach((o, i) => {
          compareNulls(o, documented[i], `${where}|${i}`, out, depth + 1);
        });
      return;
    }
  }
}

// ——— Examples ———

describe('the examples', () => {
  const withExamples = app.openAPIRegistry.definitions.flatMap((definition) => {
    if (definition.type !== 'route') return [];
    const content = definition.route.request?.body?.content['application/json'];
    return content && 'schema' in content
      ? [{ route: definition.route, schema: content.schema as z.ZodType, example: content.example }]
      : [];
  });

  it('are given for every request body, and the schemas accept them', async () => {
    const problems: string[] = [];
    for (const { route, schema, example } of withExamples) {
      // As the routes validate: some checks (an origin's public suffix) are asynchronous.
      const parsed = example === undefined ? undefined : await schema.safeParseAsync(example);
      if (parsed === undefined) problems.push(`${route.operationId}: no example`);
      else if (!parsed.success) problems.push(`${route.operationId}: ${JSON.stringify(parsed.error.issues)}`);
    }
    expect(withExamples.length).toBeGreaterThanOrEqual(29);
    expect(problems).toEqual([]);
  });

  describe('are safe to replay', () => {
    const ROLE_MAPPING = { claim: 'roles', moderator: ['Mod'], admin: ['Admin'], applyToEmbedTokens: true };
    const asAdmin = async () => token({ sub: 'replay|admin', name: 'Replay Admin', extra: { roles: ['Admin'] } });
    const snapshot = async () => {
      const t = await asAdmin();
      const read = async (path: string) => {
        const res = await call(`${DEMO}${path}`, { token: t });
        expect(res.status, `GET ${path} as an admin by claims`).toBe(200);
        return json(res);
      };
      return {
        settings: await read('/settings'),
        scorecard: await read('/boards/general/scorecard'),
        moderation: await read('/moderation/settings'),
        apiKeys: await read('/api-keys'),
        roles: await read('/roles'),
        board: await read('/boards/general').then((board) => ({ ...(board as object), ideaCount: 'left out: examples add ideas' })),
      };
    };

    beforeAll(async () => {
      await admin(`${DEMO}/settings`, 'PATCH', { roleMapping: ROLE_MAPPING });
      await configureEntra();
      await admin(`${DEMO}/api-keys`, 'POST', { name: 'Existing key', scopes: ['read'] });
      await admin(`${DEMO}/roles/${encodeURIComponent('demo|mei')}`, 'PUT', { role: 'moderator' });
    });

    it('as a contract-testing tool replays them, with the examples of the parameters, as the platform admin', async () => {
      const before = await snapshot();
      for (const { method, template, operation } of operations) {
        const example = operation.requestBody?.content['application/json']?.example;
        if (example === undefined) continue;
        const path = (operation.parameters ?? [])
          .filter((p) => p.in === 'path')
          .reduce((t, p) => t.replace(`{${p.name}}`, encodeURIComponent(String(p.schema?.example ?? 'example'))), template);
        const res = await admin(`${ORIGIN}${path}`, method, example);
        expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(500);
      }
      const after = await snapshot();
      // Only the display name changed; nothing about access, nor the scorecard, moderation, keys or grants.
      expect(after).toEqual({
        ...before,
        settings: {
          ...(before.settings as object),
          name: examples.settings.name,
          origins: expect.arrayContaining((before.settings as { origins: unknown[] }).origins),
          oidcProviders: expect.arrayContaining((before.settings as { oidcProviders: unknown[] }).oidcProviders),
        },
        apiKeys: { items: expect.arrayContaining((before.apiKeys as { items: unknown[] }).items) },
        roles: { items: expect.arrayContaining((before.roles as { items: unknown[] }).items) },
      });
    }, 30_000);
  });
});
