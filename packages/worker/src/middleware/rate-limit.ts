/**
 * Rate limits, with the Workers rate-limiting bindings (wrangler.jsonc `ratelimits`): 429 with
 * Retry-After and the one error shape when one is exceeded.
 *
 * - Writes: per caller (`USER_WRITE_LIMIT`) and per client address (`IP_WRITE_LIMIT`).
 * - Expensive reads have their own budgets per caller: exports (`EXPORT_LIMIT`), searches
 *   (`SEARCH_LIMIT`), live-update tickets (`LIVE_TICKET_LIMIT`). Other reads are not limited.
 *
 * The caller is the person or API key; nobody in particular (anonymous, or a credential that
 * was refused) is their client address (`CF-Connecting-IP`), never one bucket that all anonymous
 * callers of a tenant share. Writes refused before the limiter ran (a forged or expired token, a
 * tenant that does not allow anonymous reading: 401/403 from tenant-context.ts) are counted
 * afterwards by `countRefusedWrites`: failing is not free.
 */
import type { ErrorReason } from '@bridgekit/sdk';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Viewer } from '../auth/viewer.ts';
import { type AppEnv, type Bindings, isDevelopment } from '../env.ts';
import { ApiError, toErrorResponse } from '../errors.ts';

/** The bindings' window (wrangler.jsonc `ratelimits[].simple.period`). */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a request costs, besides being a request. */
export type Budget = 'write' | 'export' | 'search' | 'live';

const TENANT = '^/v1/tenants/[^/]+';
const ROUTES: { method: string; path: RegExp; budget: Budget; when?: (c: Context<AppEnv>) => boolean }[] = [
  // A ticket changes nothing: it must not share a budget with writes, which a caller's refused
  // writes may have used up.
  { method: 'POST', path: new RegExp(`${TENANT}/threads/[^/]+/live$`), budget: 'live' },
  { method: 'GET', path: new RegExp(`${TENANT}/boards/[^/]+/export$`), budget: 'export' },
  { method: 'GET', path: new RegExp(`${TENANT}/cards/[^/]+/export$`), budget: 'export' },
  // A person's own data (store/personal-data.ts).
  { method: 'GET', path: new RegExp(`${TENANT}/(?:me|people/[^/]+)/export$`), budget: 'export' },
  { method: 'GET', path: new RegExp(`${TENANT}/export$`), budget: 'export' },
  { method: 'GET', path: new RegExp(`${TENANT}/cards$`), budget: 'search', when: (c) => (c.req.query('q') ?? '').trim() !== '' },
  { method: 'GET', path: new RegExp(`${TENANT}/boards/[^/]+/ideas/similar$`), budget: 'search' },
  { method: 'GET', path: new RegExp(`${TENANT}/search$`), budget: 'search' },
  // The @mention look-up.
  { method: 'GET', path: new RegExp(`${TENANT}/users$`), budget: 'search' },
];

/** Which budget the request draws on, if any. */
export function budgetOf(c: Context<AppEnv>): Budget | null {
  const method = c.req.method;
  for (const route of ROUTES) {
    if (route.method === method && route.path.test(c.req.path) && (route.when?.(c) ?? true)) return route.budget;
  }
  return READ_METHODS.has(method) ? null : 'write';
}

const BINDING: Record<Budget, keyof Bindings> = {
  write: 'USER_WRITE_LIMIT',
  export: 'EXPORT_LIMIT',
  search: 'SEARCH_LIMIT',
  live: 'LIVE_TICKET_LIMIT',
};

const TOO_MANY = {
  write: 'rate_limited.writes',
  export: 'rate_limited.exports',
  search: 'rate_limited.searches',
  live: 'rate_limited.live_tickets',
} as const satisfies Record<Budget, ErrorReason>;

function clientAddress(c: Context<AppEnv>): string {
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}

/** The key a caller's requests are counted under. */
export function callerKey(tenantId: string, viewer: Viewer | undefined, address: string): string {
  switch (viewer?.kind) {
    case 'user':
      return `${tenantId}:user:${viewer.subject}`;
    case 'apiKey':
      return `${tenantId}:key:${viewer.keyId}`;
    case 'platform':
      return `${tenantId}:platform`;
    default:
      // Nobody in particular: their address, whatever the tenant.
      return `address:${address}`;
  }
}

const limitsOff = (env: Bindings) => isDevelopment(env) && env.BRIDGEKIT_RATE_LIMITS === 'off';

function tooMany(budget: Budget, byCaller: boolean): ApiError {
  // Only writes are also counted by address: a whole office may be behind it.
  const reason = byCaller ? TOO_MANY[budget] : 'rate_limited.network_writes';
  return new ApiError(
    429,
    reason,
    { retryAfter: RATE_LIMIT_PERIOD_SECONDS },
    { headers: { 'retry-after': String(RATE_LIMIT_PERIOD_SECONDS) } },
  );
}

async function limited(binding: RateLimit | undefined, key: string): Promise<boolean> {
  return (await binding?.limit({ key }))?.success === false;
}

/** Requests the limiter has counted, so that `countRefusedWrites` does not count them again. */
const counted = new WeakSet<Request>();

/** Counts the request against its caller's budget, before the route runs (after tenant-context.ts). */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const budget = budgetOf(c);
  if (!budget || limitsOff(c.env)) return next();
  counted.add(c.req.raw);
  const address = clientAddress(c);
  const key = callerKey(c.var.tenant.id, c.var.viewer, address);
  const [byCaller, byAddress] = await Promise.all([
    limited(c.env[BINDING[budget]] as RateLimit | undefined, key),
    budget === 'write' ? limited(c.env.IP_WRITE_LIMIT, `ip:${address}`) : false,
  ]);
  if (byCaller || byAddress) throw tooMany(budget, byCaller);
  await next();
});

/**
 * Counts writes that tenant-context.ts refused (401/403) before `rateLimit` could; once one is
 * over its budget, the answer is 429 instead. A write without a credential counts against its
 * client address as a caller, like any anonymous write; one whose credential was refused (forged,
 * expired, another tenant's) counts against the address's budget only — an office's people whose
 * tokens just expired must not lock each other out, but failing is not free. Runs before
 * tenant-context.ts, so that the CORS headers it set stay on the answer.
 */
export const countRefusedWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (READ_METHODS.has(c.req.method) || counted.has(c.req.raw) || limitsOff(c.env)) return;
  if (c.res.status !== 401 && c.res.status !== 403) return;
  const address = clientAddress(c);
  // Set once the credential was accepted (refused later: an API key without the read scope).
  const viewer = c.var.viewer as Viewer | undefined;
  const credentialRefused = viewer === undefined && c.req.header('authorization') !== undefined;
  const [byCaller, byAddress] = await Promise.all([
    credentialRefused ? false : limited(c.env.USER_WRITE_LIMIT, callerKey(c.var.tenant?.id ?? '', viewer, address)),
    limited(c.env.IP_WRITE_LIMIT, `ip:${address}`),
  ]);
  if (byCaller || byAddress) c.res = toErrorResponse(tooMany('write', byCaller), c);
});
