/**
 * The first middleware of every `/v1/tenants/:tenant/...` request: finds the tenant, answers
 * CORS for the tenant's allowed origins and the admin console's (a browser request from any
 * other origin gets 403), identifies the caller and checks that they may read.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { authenticate } from '../auth/authenticate.ts';
import { requireReader } from '../auth/viewer.ts';
import { database } from '../db/client.ts';
import { tenantBinding } from '../db/tenant-binding.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { isConsoleOrigin } from '../lib/console-origins.ts';
import { effectiveOriginPatterns, isAllowedOrigin } from '../lib/origins.ts';
import { SLUG_PATTERN } from '../schemas/common.ts';
import { cachedTenant, findTenantBySlug, freshTenant, type Tenant } from '../store/tenants.ts';
import { answerPreflight, shareWith } from './cors-headers.ts';

async function originAllowed(origin: string, requestUrl: string, tenant: Tenant, env: AppEnv['Bindings']): Promise<boolean> {
  if (origin === new URL(requestUrl).origin || isConsoleOrigin(origin, env)) return true;
  return isAllowedOrigin(origin, await effectiveOriginPatterns(tenant.origins));
}

export const tenantContext = createMiddleware<AppEnv>(async (c, next) => {
  const slug = c.req.param('tenant') ?? '';
  // The isolate's copy first: a drizzle database over the raw binding only when D1 must be asked.
  const tenant = SLUG_PATTERN.test(slug) ? (cachedTenant(slug) ?? (await findTenantBySlug(database(c.env.DB), slug))) : null;
  if (!tenant) throw notFound('not_found.tenant', { id: slug });
  let preflight: Response | undefined;
  try {
    preflight = await enterTenant(c, tenant);
  } catch (err) {
    // A refusal by this isolate's copy of the settings: confirmed by fresh ones when they changed since.
    const fresh = err instanceof ApiError ? await freshTenant(database(c.env.DB), tenant) : null;
    if (!fresh) throw err;
    preflight = await enterTenant(c, fresh);
  }
  if (preflight) return preflight;
  await next();
});

/**
 * Checks the origin, identifies the caller and checks they may read, against `tenant`'s settings;
 * again with fresh settings when a cached read finds the isolate's were stale (routes/read-cache.ts).
 */
export async function enterTenant(c: Context<AppEnv>, tenant: Tenant): Promise<Response | undefined> {
  const origin = c.req.header('origin');
  if (origin && !(await originAllowed(origin, c.req.url, tenant, c.env))) {
    throw new ApiError(403, 'forbidden.origin', { origin, tenant: tenant.slug });
  }
  if (origin) shareWith(c, origin);
  if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) return answerPreflight(c);

  // Every write of this request bumps the versions of the tables it writes, in its own batch.
  const db = database(tenantBinding(c.env.DB, { tenantId: tenant.id }));
  c.set('tenant', tenant);
  c.set('db', db);
  const viewer = await authenticate(c.req.header('authorization'), tenant, c.env, db, (work) => c.executionCtx.waitUntil(work));
  c.set('viewer', viewer);
  requireReader(viewer, tenant.anonymousRead, tenant.slug);
  return undefined;
}
