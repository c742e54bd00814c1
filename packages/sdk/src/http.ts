import { BridgekitError, isBridgekitError } from './errors.ts';
import type { ErrorBody, ErrorCode, FieldIssue } from './types.ts';

/** What the SDK tells a token callback about why it is asking. */
export interface TokenRequest {
  /** `true` when the previous token was refused as expired: return a fresh one, not a cached one. */
  expired: boolean;
}

/**
 * Where the caller's token comes from: a fixed string, or a callback the SDK asks before each
 * request (and once more, with `expired: true`, when the API says the token expired).
 * `null`/`undefined`/`''` means "signed out": the client can still read what the tenant allows.
 */
export type TokenSource =
  | string
  | null
  | undefined
  | ((request: TokenRequest) => string | null | undefined | Promise<string | null | undefined>);

/** Hooks around every request, e.g. for logging, tracing headers or metrics. */
export interface Middleware {
  onRequest?(request: Request): Request | undefined | Promise<Request | undefined>;
  onResponse?(response: Response, request: Request): Response | undefined | Promise<Response | undefined>;
}

/** Per-call options accepted by every SDK method. */
export interface CallOptions {
  signal?: AbortSignal;
  /**
   * A write's `Idempotency-Key` (docs/api.md "Retrying writes"). By default each write call
   * sends a new random one, reused by the SDK's own retries of that call; pass your own to make
   * a retry of yours (after a lost answer, or from an offline queue) count once.
   */
  idempotencyKey?: string | undefined;
}

/**
 * The request options a call's options carry: its signal and, for a write, its Idempotency-Key.
 *
 * @example
 * http.request('PUT', `/ideas/${id}/vote`, { body, ...callOf(o) });
 */
export const callOf = (o?: CallOptions): Pick<RequestOptions, 'signal' | 'idempotencyKey'> => ({
  signal: o?.signal,
  idempotencyKey: o?.idempotencyKey,
});

export interface RequestOptions {
  /** Arrays repeat the parameter (`key=a&key=b`). */
  query?: Record<string, string | number | readonly string[] | undefined>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Answer the body as text (e.g. a CSV export) instead of parsing JSON. */
  text?: boolean;
  /** A write's `Idempotency-Key`; a new random one when not given. */
  idempotencyKey?: string | undefined;
}

export interface Transport {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface TransportOptions {
  baseUrl: string;
  /** Prefix of every path, e.g. `/v1/tenants/acme`. */
  pathPrefix: string;
  token?: TokenSource;
  fetch?: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
  middleware?: Middleware[];
}

export function createTransport(options: TransportOptions): Transport {
  const root = `${apiRoot(options.baseUrl)}${options.pathPrefix}`;
  // Bound lazily: calling an unbound `window.fetch` throws "Illegal invocation" in browsers.
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const middleware = options.middleware ?? [];

  async function send(request: Request): Promise<Response> {
    let req = request;
    for (const m of middleware) req = (await m.onRequest?.(req)) ?? req;
    let res: Response;
    try {
      res = await fetchImpl(req);
    } catch (cause) {
      if (req.signal.aborted) throw cause;
      throw new BridgekitError(0, 'network_error', `Could not reach the Bridgekit API at ${options.baseUrl}.`, [], { cause });
    }
    for (const m of middleware) res = (await m.onResponse?.(res, req)) ?? res;
    return res;
  }

  return {
    async request<T>(method: string, path: string, call: RequestOptions = {}): Promise<T> {
      let url = new URL(root + path);
      for (const [key, value] of Object.entries(call.query ?? {})) {
        if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, item);
        else if (value !== undefined) url.searchParams.set(key, String(value));
      }
      // One key per logical call: every retry below sends the same, so the write counts once.
      const idempotencyKey = WRITES.has(method) ? (call.idempotencyKey ?? crypto.randomUUID()) : undefined;
      const build = (token: string | null | undefined): Request => {
        const headers = new Headers(options.headers);
        headers.set('accept', call.text ? 'text/csv, text/markdown, text/plain' : 'application/json');
        if (token) headers.set('authorization', `Bearer ${token}`);
        if (idempotencyKey) headers.set('idempotency-key', idempotencyKey);
        const init: RequestInit = { method, headers };
        if (call.signal) init.signal = call.signal;
        if (call.body !== undefined) {
          headers.set('content-type', 'application/json');
          init.body = JSON.stringify(call.body);
        }
        return new Request(url, init);
      };

      let res: Response;
      try {
        res = await send(build(await resolveToken(options.token, false)));
      } catch (err) {
        // A write whose answer was lost may have been done: the same key makes one retry safe.
        if (!idempotencyKey || !isBridgekitError(err) || err.code !== 'network_error') throw err;
        res = await send(build(await resolveToken(options.token, false)));
      }
      if (res.status === 401 && typeof options.token === 'function') {
        const body = await readBody(res);
        if (errorCode(body) !== 'token_expired') throw toError(res, body);
        // One retry with a fresh token: intranet pages stay open for hours.
        res = await send(build(await resolveToken(options.token, true)));
      }
      // A browser's fetch follows redirects itself; an injected fetch (a Worker's handler, a
      // test server) may not. Follow one: a merged duplicate redirects to its original.
      const location = res.headers.get('location');
      if (REDIRECTS.has(res.status) && location) {
        url = new URL(location, url);
        res = await send(build(await resolveToken(options.token, false)));
      }
      if (call.text && res.ok) return (await res.text()) as T;
      const body = await readBody(res);
      if (!res.ok) throw toError(res, body);
      if (res.status === 204) return undefined as T;
      if (body === undefined) throw new BridgekitError(res.status, 'invalid_response', `Expected JSON from ${method} ${url.pathname}.`);
      return body as T;
    },
  };
}

/** Accepts `https://host`, `https://host/` or `https://host/v1` and returns `https://host`. */
function apiRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

async function resolveToken(source: TokenSource, expired: boolean): Promise<string | null | undefined> {
  return typeof source === 'function' ? source({ expired }) : source;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorCode(body: unknown): ErrorCode | undefined {
  return isErrorBody(body) ? body.error.code : undefined;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

function toError(res: Response, body: unknown): BridgekitError {
  if (isErrorBody(body)) {
    const details: FieldIssue[] = Array.isArray(body.error.details) ? body.error.details : [];
    // With the `reason`, `params` and `requestId` it sent (an older API sends none).
    return new BridgekitError(res.status, body.error.code, body.error.message, details, body.error);
  }
  // The answer as its `cause`: a proxy's headers (its `Retry-After`) stay readable.
  return new BridgekitError(
    res.status,
    'invalid_response',
    `The API answered ${res.status} ${res.statusText} without a Bridgekit error body.`,
    [],
    { cause: res },
  );
}
