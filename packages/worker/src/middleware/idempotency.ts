/**
 * The `Idempotency-Key` request header on a tenant's writes (draft-ietf-httpapi-idempotency-key-header,
 * and Stripe's behaviour; docs/api.md "Retrying writes"): the first answer (2xx or 4xx) to a
 * caller's request with a key is kept a day and replayed, marked `Idempotent-Replayed: true`, to
 * a retry with the same key. The same key on another request answers 422; a retry while the
 * first still runs, 409 with `Retry-After`. A 5xx is not kept: the retry runs again (its write,
 * if the first one's committed, is refused by the claim; store/idempotency.ts). A claim left
 * without an answer for its lease (30 s) is taken over by a retried PUT or DELETE, and answers a
 * retried POST or PATCH `409 conflict.idempotency_key_applied`: done once, not again.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { apiKeySubject } from '../auth/subjects.ts';
import type { Viewer } from '../auth/viewer.ts';
import { database } from '../db/client.ts';
import { tenantBinding } from '../db/tenant-binding.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, toErrorResponse } from '../errors.ts';
import { sha256Hex } from '../lib/digest.ts';
import {
  type ClaimState,
  claimLapsed,
  findKey,
  type KeyClaim,
  RERUNNABLE,
  storeClaimedAnswer,
  storeUnclaimedAnswer,
} from '../store/idempotency.ts';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** Longest key (Stripe's limit). */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Visible ASCII but `"` and `\`: a key is an sf-string (RFC 8941), sent bare or quoted.
const KEY = new RegExp(`^[\\x21\\x23-\\x5b\\x5d-\\x7e]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`);

/** The key of an `Idempotency-Key` header (quotes taken off), or a 400 that says what is wrong. */
export function parseIdempotencyKey(header: string): string {
  const trimmed = header.trim();
  const key = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
  if (!KEY.test(key)) throw new ApiError(400, 'bad_request.idempotency_key', { maxLength: IDEMPOTENCY_KEY_MAX_LENGTH });
  return key;
}

/** Whose keys these are: a person's subject, or the API key's. Signed-out callers cannot write. */
function callerOf(viewer: Viewer): string | null {
  switch (viewer.kind) {
    case 'user':
      return viewer.subject;
    case 'apiKey':
      return apiKeySubject(viewer.keyId);
    case 'platform':
      return 'platform';
    default:
      return null;
  }
}

const NO_BODY = new Set([204, 205, 304]);

/** Runs after `tenantContext` (the caller) and the rate limit; before anything that writes. */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
  if (header === undefined || !WRITE_METHODS.has(c.req.method)) return next();
  const key = parseIdempotencyKey(header);
  const caller = callerOf(c.var.viewer);
  // Nothing to scope the key to: the route refuses the write (401) anyway.
  if (caller === null) return next();

  const url = new URL(c.req.url);
  const body = await c.req.arrayBuffer();
  const claim: KeyClaim = {
    tenantId: c.var.tenant.id,
    caller,
    key,
    request: `${c.req.method} ${url.pathname}${url.search} sha256:${await sha256Hex(body)}`,
  };
  const state: ClaimState = { claimed: false, taken: false };
  const db = c.var.db;
  // The request's writes carry the claim as well as the version bumps: one wrapper, from the raw binding.
  c.set('db', database(tenantBinding(c.env.DB, { tenantId: claim.tenantId, idempotency: { claim, state } })));
  await next();

  if (!state.taken) {
    const status = c.res.status;
    if (status >= 500) return;
    const text = await c.res.clone().text();
    if (state.claimed) {
      await storeClaimedAnswer(db, claim, status, text);
      return;
    }
    if (await storeUnclaimedAnswer(db, claim, status, text)) return;
  }
  // Another request holds the key: answer as it did, or say why not.
  const stored = await findKey(db, claim.tenantId, claim.caller, claim.key);
  const pending = stored !== null && stored.request === claim.request && stored.status === null;
  // (A PUT or DELETE got here only if another retry took the lapsed claim over just now.)
  const applied = pending && claimLapsed(stored.createdAt) && !RERUNNABLE.test(claim.request);
  const inFlight = pending && !applied;
  let answer: Response;
  if (applied) {
    answer = toErrorResponse(new ApiError(409, 'conflict.idempotency_key_applied', {}), c);
  } else if (stored === null || inFlight) {
    // (None stored: the holder's claim was just erased or expired; the retry may run again.)
    answer = toErrorResponse(
      new ApiError(409, 'conflict.idempotency_key_in_flight', { retryAfter: 1 }, { headers: { 'retry-after': '1' } }),
      c,
    );
  } else if (stored.request !== claim.request) {
    answer = toErrorResponse(new ApiError(422, 'conflict.idempotency_key_reused', {}), c);
  } else {
    const replayed = NO_BODY.has(stored.status ?? 0) ? null : (stored.body ?? '');
    const headers: Record<string, string> = { [REPLAYED_HEADER]: 'true' };
    if (replayed !== null) headers['content-type'] = 'application/json; charset=UTF-8';
    answer = new Response(replayed, { status: stored.status ?? 200, headers });
  }
  // The setter keeps the discarded answer's headers (CORS, request id) but its content type.
  c.res = answer;
  c.res.headers.delete('content-length');
  if (!inFlight && stored !== null) c.res.headers.delete('retry-after');
});

/**
 * Documents the header on every write of a tenant's, so clients generated from
 * `/v1/openapi.json` can send it. Call once every route is mounted.
 */
export function documentIdempotencyKey(registry: OpenAPIHono['openAPIRegistry']): void {
  // The same object on every write; made here, not at the top level, so that the production
  // bundle, which calls nothing of the document (scripts/openapi-text.ts), leaves it out.
  const parameter = {
    name: IDEMPOTENCY_KEY_HEADER,
    in: 'header',
    required: false,
    description:
      'Makes a retry of this write safe (docs/api.md "Retrying writes"): the first answer (2xx or 4xx) to a request with the key is kept a day and replayed, with `Idempotent-Replayed: true`, to a retry with the same key. The same key on another request answers 422; a retry while the first runs, 409 with `Retry-After`. A first request gone without an answer for 30 s: a retried PUT or DELETE runs again, a retried POST or PATCH answers 409 `conflict.idempotency_key_applied` (it was done once). 1 to 255 visible ASCII characters, e.g. a UUID; bare or quoted.',
    schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH + 2, example: '8e03978e-40d5-43e8-bc93-6894a57f9324' },
  } as const;
  for (const def of registry.definitions) {
    if (def.type !== 'route' || !def.route.path.startsWith('/v1/tenants/') || !WRITE_METHODS.has(def.route.method.toUpperCase())) continue;
    const route: { parameters?: unknown[] } = def.route;
    route.parameters = [...(route.parameters ?? []), parameter];
  }
}
