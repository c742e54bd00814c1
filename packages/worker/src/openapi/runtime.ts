/**
 * `@hono/zod-openapi` as the production Worker runs it: wrangler.jsonc aliases the package to
 * this module, so the bundle carries no OpenAPI generator (with what it kept of zod, ~32 KB
 * gzip). Routing and request validation are the package's own, step for step — the
 * same zod schemas checked as @hono/zod-validator checks them, in the same order, failures
 * through the router's hook — but a schema's `.openapi(…)` returns the schema as it is and no route is
 * recorded. `doc31()` serves the document the build generated with the package itself, a
 * static asset (openapi/document.ts). Every Worker wrangler bundles runs this, `pnpm dev`'s too;
 * the Worker tests (but the production project) and Node scripts (the build, the docs' API
 * reference) use the package.
 */
import { type Context, type Env, Hono, type MiddlewareHandler, type ValidationTargets } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { ZodType } from 'zod';
import { OPENAPI_DOCUMENT_ASSET } from './document.ts';

export * as z from './zod.ts';

// What the package's extendZodWithOpenApi installs, without the metadata: zod copies the
// prototype's own members onto every schema it builds, so this runs before any schema module.
(ZodType.prototype as unknown as Record<string, unknown>).openapi = function (this: ZodType) {
  return this;
};

type Hook = (result: { success: boolean; target: string } & Record<string, unknown>, c: Context) => unknown;
type RequestParts = Partial<Record<'query' | 'params' | 'headers' | 'cookies', ZodType>> & {
  body?: { required?: boolean; content?: Record<string, { schema?: unknown } | undefined> };
};
type Route = { method: string; path: string; request?: RequestParts; middleware?: MiddlewareHandler | MiddlewareHandler[]; hide?: boolean };

const isZod = (x: unknown): x is ZodType => x instanceof ZodType;
const isJson = (type: string) => /^application\/([a-z-.]+\+)?json/i.test(type);
const isForm = (type: string) => /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type);
const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
const MULTIPART_REQUEST = /^multipart\/form-data(;\s?boundary=[a-zA-Z0-9'"()+_,\-./:=?]+)?$/i;
const URLENCODED_REQUEST = /^application\/x-www-form-urlencoded(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

function matchesMediaType(contentType: string, mediaType: string): boolean {
  if (mediaType === '*/*') return true;
  if (isJson(mediaType)) return JSON_REQUEST.test(contentType);
  if (isForm(mediaType)) return MULTIPART_REQUEST.test(contentType) || URLENCODED_REQUEST.test(contentType);
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType.endsWith('/*')) return essence.startsWith(mediaType.slice(0, -1).toLowerCase());
  return essence === mediaType.toLowerCase();
}

async function hasRequestBody(c: Context): Promise<boolean> {
  const raw = c.req.raw;
  if (raw.body === null) return false;
  if (raw.bodyUsed) return (await c.req.arrayBuffer()).byteLength > 0;
  const body = raw.clone().body;
  if (body === null) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** @hono/zod-validator's `zValidator` (a dependency of the package's, not of ours). */
function zValidator(target: keyof ValidationTargets, schema: ZodType, hook: Hook): MiddlewareHandler {
  const shape = (schema as unknown as { in?: { shape: object }; shape?: object }).in?.shape ?? (schema as { shape?: object }).shape;
  const headerKeys =
    target === 'header' && shape ? Object.fromEntries(Object.keys(shape).map((key) => [key.toLowerCase(), key])) : undefined;
  return validator(target, async (value, c) => {
    const data = headerKeys ? Object.fromEntries(Object.entries(value).map(([key, v]) => [headerKeys[key] || key, v])) : value;
    const result = await schema.safeParseAsync(data);
    const hookResult = (await hook({ data, ...result, target }, c)) as Response | { response: Response } | undefined;
    if (hookResult) {
      if (hookResult instanceof Response) return hookResult;
      if ('response' in hookResult) return hookResult.response;
    }
    if (!result.success) return c.json(result, 400);
    return result.data;
  });
}

/** The request validators the package builds for `route`, in its order. */
function validatorsOf(route: Route, hook: Hook): MiddlewareHandler[] {
  const validators: MiddlewareHandler[] = [];
  const request = route.request;
  const targets = [
    ['query', request?.query],
    ['param', request?.params],
    ['header', request?.headers],
    ['cookie', request?.cookies],
  ] as const;
  for (const [target, schema] of targets) if (schema) validators.push(zValidator(target, schema, hook));
  const content = request?.body?.content;
  if (!content) return validators;
  const mediaTypes = Object.keys(content);
  if (mediaTypes.some((type) => isZod(content[type]?.schema) && (isJson(type) || isForm(type)))) {
    validators.push(async (c, next) => {
      const contentType = c.req.header('content-type');
      if (contentType) {
        if (!mediaTypes.some((type) => matchesMediaType(contentType, type)))
          throw new HTTPException(415, { message: 'Unsupported Media Type' });
      } else if (await hasRequestBody(c)) throw new HTTPException(415, { message: 'Unsupported Media Type' });
      await next();
    });
  }
  for (const type of mediaTypes) {
    const schema = content[type]?.schema;
    if (!isZod(schema)) continue;
    for (const [target, matches] of [
      ['json', isJson],
      ['form', isForm],
    ] as const) {
      if (!matches(type)) continue;
      const validator = zValidator(target, schema, hook);
      if (request?.body?.required) validators.push(validator);
      else
        validators.push(async (c, next) => {
          const contentType = c.req.header('content-type');
          if (contentType && matches(contentType)) return await validator(c, next);
          c.req.addValidatedData(target, {});
          await next();
        });
    }
  }
  return validators;
}

/**
 * The package's OpenAPIHono for the production Worker: `openapi()` routes and validates,
 * `doc31()` serves the built document, the registry records nothing.
 *
 * @example
 * const routes = new OpenAPIHono<AppEnv>({ defaultHook }).openapi(route, handler);
 */
export class OpenAPIHono<E extends Env = Env> extends Hono<E> {
  /** Read by app.ts and middleware/idempotency.ts while the document is generated; empty here. */
  openAPIRegistry = { definitions: [] as never[], registerComponent: () => {} };
  defaultHook?: Hook;
  #parent?: OpenAPIHono<Env>;

  constructor(init?: ConstructorParameters<typeof Hono<E>>[0] & { defaultHook?: Hook }) {
    super(init);
    this.defaultHook = init?.defaultHook;
    // A mounted router finds its parent's default hook, as in the package.
    const route = this.route.bind(this);
    this.route = ((path: string, app: Hono<Env>) => {
      route(path, app as never);
      if (app instanceof OpenAPIHono) app.#parent ??= this as unknown as OpenAPIHono<Env>;
      return this;
    }) as typeof this.route;
  }

  #resolveDefaultHook(): Hook | undefined {
    const seen = new Set<unknown>([this]);
    let app: OpenAPIHono<Env> | undefined = this as unknown as OpenAPIHono<Env>;
    while (app) {
      if (app.defaultHook) return app.defaultHook;
      seen.add(app);
      app = app.#parent && !seen.has(app.#parent) ? app.#parent : undefined;
    }
    return undefined;
  }

  openapi = ({ middleware, hide: _hide, ...route }: Route, handler: MiddlewareHandler, hook?: Hook) => {
    const effectiveHook: Hook = hook ?? ((result, c) => this.#resolveDefaultHook()?.(result, c));
    const before = middleware ? (Array.isArray(middleware) ? middleware : [middleware]) : [];
    this.on([route.method], [route.path.replaceAll(/\/{(.+?)}/g, '/:$1')], ...before, ...validatorsOf(route, effectiveHook), handler);
    return this;
  };

  /** Serves the document `pnpm build` generated with the full package (scripts/build.ts). */
  doc31 = (path: string, _document?: unknown) =>
    this.get(path, async (c) => {
      const assets = (c.env as { ASSETS?: Fetcher } | undefined)?.ASSETS;
      const res = await assets?.fetch(`https://assets.invalid${OPENAPI_DOCUMENT_ASSET}`);
      if (!res?.ok) throw new Error(`The OpenAPI document is not among the static assets (${res?.status}); build them with pnpm build.`);
      return c.body(res.body ?? '', 200, { 'content-type': 'application/json' });
    });
}

/**
 * The route definition as given, as the package returns it.
 *
 * @example
 * const route = createRoute({ method: 'get', path: '/health', responses: {} });
 */
export const createRoute = <R extends { path: string }>(config: R) =>
  Object.defineProperty({ ...config }, 'getRoutingPath', {
    value: () => config.path.replaceAll(/\/{(.+?)}/g, '/:$1'),
    enumerable: false,
  }) as R & { getRoutingPath(): string };
