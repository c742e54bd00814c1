/**
 * Every answer the tests get is checked against `/v1/openapi.json`: the operation the request
 * names (method and path template), the response documented for its status (or `default`), its
 * required headers, its media type, and its JSON body against the schema — with
 * `@cfworker/json-schema` (draft 2020-12), which interprets schemas rather than compiling them,
 * so it runs in workerd, which forbids `eval`. A disagreement fails the request's test.
 *
 * `call()` (helpers.ts) and the SDK tests' `fetch` go through here; so does every test that
 * reaches the Worker another way (`checkedFetch`, `assertDocumented`).
 */
import { exports } from 'cloudflare:workers';
import { dereference, type Schema, validate } from '@cfworker/json-schema';

interface MediaType {
  schema?: Schema;
}
interface DocumentedResponse {
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  responses: Record<string, DocumentedResponse>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}
interface Route {
  method: string;
  pattern: RegExp;
  template: string;
  params: number;
  operation: Operation;
}

let loaded: Promise<{ routes: Route[]; lookup: ReturnType<typeof dereference> }> | undefined;

function load() {
  loaded ??= (async () => {
    const res = await exports.default.fetch(new Request('https://bridgekit.test/v1/openapi.json'));
    const doc = (await res.json()) as OpenApi;
    // One lookup for the whole document: every `#/components/schemas/…` resolves from its root.
    const lookup = dereference(doc as unknown as Schema);
    // Also by the bare `#/…` pointer: the walk skips what sits under a key named like a keyword
    // (`responses.default`), whose `$ref`s then stay relative.
    for (const [uri, schema] of Object.entries(lookup)) {
      const hash = uri.indexOf('#');
      if (hash >= 0) lookup[uri.slice(hash)] ??= schema;
    }
    const routes: Route[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      for (const [method, operation] of Object.entries(operations)) {
        routes.push({
          method: method.toUpperCase(),
          pattern: new RegExp(`^${source}$`),
          template,
          params: (template.match(/\{/g) ?? []).length,
          operation,
        });
      }
    }
    // The most literal template first: `/cards/review-queue` before `/cards/{id}`.
    routes.sort((a, b) => a.params - b.params);
    return { routes, lookup };
  })();
  return loaded;
}

/**
 * Fails (throws) unless `response` is what `/v1/openapi.json` documents for `request`. Requests
 * the document does not describe (the document itself, development routes, frames, preflights)
 * pass unchecked. Reads a clone: the caller still gets the whole body.
 */
export async function assertDocumented(request: Request, response: Response): Promise<void> {
  const { routes, lookup } = await load();
  const path = new URL(request.url).pathname;
  const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
  if (!route) return;
  const { operation } = route;
  const where = `${request.method} ${path} (${operation.operationId}) answered ${response.status}`;
  const documented = operation.responses[String(response.status)] ?? operation.responses.default;
  if (!documented) throw new Error(`${where}, which /v1/openapi.json does not document.`);
  const problems: string[] = [];
  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    if (header.required && !response.headers.has(name)) problems.push(`the required header ${name} is missing`);
  }
  const text = response.status === 101 ? '' : await response.clone().text();
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!documented.content) {
    if (text !== '') problems.push(`it has a ${mediaType || 'untyped'} body where none is documented`);
  } else if (!(mediaType in documented.content)) {
    problems.push(`its media type "${mediaType}" is not one of ${Object.keys(documented.content).join(', ')}`);
  } else {
    const schema = documented.content[mediaType]?.schema;
    if (mediaType === 'application/x-ndjson') {
      // One JSON value a line (a tenant's archive, docs/data.md).
      const isJson = (line: string) => {
        try {
          JSON.parse(line);
          return true;
        } catch {
          return false;
        }
      };
      const bad = text.split('\n').findIndex((line) => line !== '' && !isJson(line));
      if (bad >= 0) problems.push(`its line ${bad + 1} is not JSON`);
    } else if (schema && mediaType.endsWith('json')) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        problems.push('its body is not JSON');
      }
      if (body !== undefined) {
        const result = validate(body, schema, '2020-12', lookup, false);
        // The leaves: "A subschema had errors" lines only repeat them.
        for (const error of result.errors.filter((e) => !/subschema|did not match|items did not/i.test(e.error)).slice(0, 8)) {
          problems.push(`${error.instanceLocation}: ${error.error.slice(0, 200)} (${error.keywordLocation})`);
        }
        if (!result.valid && problems.length === 0) problems.push(result.errors.map((e) => e.error).join('; '));
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(`${where}, which disagrees with /v1/openapi.json: ${problems.join('; ')}.\nBody: ${text.slice(0, 500)}`);
  }
}

/** A `fetch` that checks each answer against the document (for the SDK's client, or the app with another `env`). */
export const checkedFetch =
  (fetcher: (request: Request) => Promise<Response> | Response) =>
  async (request: Request): Promise<Response> => {
    const response = await fetcher(request);
    await assertDocumented(request, response);
    return response;
  };

/** The answer to `request` (from the app with another `env`, say), once checked against the document. */
export async function documented(request: Request, answer: Promise<Response> | Response): Promise<Response> {
  const response = await answer;
  await assertDocumented(request, response);
  return response;
}
