/**
 * The first middleware of every `/v1/tenants/:tenant/...` request: finds the tenant, answers
 * CORS for the tenant's allowed origins and the admin console's (a browser request from any
 * other origin gets 403), identifies the caller and checks that they may read.
 */
import { createMiddleware } from 'hono/factory';
import { authenticate } from '../auth/authenticate.ts';
import { requireReader } from '../auth/viewer.ts';
import { database } from '../db/client.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { isConsoleOrigin } from '../lib/console-origins.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { SLUG_PATTERN } from '../schemas/common.ts';
import { findTenantBySlug, type Tenant } from '../store/tenants.ts';
import { answerPreflight, shareWith } from './cors-headers.ts';

function originAllowed(origin: string, requestUrl: string, tenant: Tenant, env: AppEnv['Bindings']): boolean {
  return origin === new URL(requestUrl).origin || isAllowedOrigin(origin, tenant.origins) || isConsoleOrigin(origin, env);
}

export const tenantContext = createMiddleware<AppEnv>(async (c, next) => {
  const slug = c.req.param('tenant') ?? '';
  const db = database(c.env.DB);
  const tenant = SLUG_PATTERN.test(slug) ? await findTenantBySlug(db, slug) : null;
  if (!tenant) throw notFound('not_found.tenant', { id: slug });

  const origin = c.req.header('origin');
  if (origin && !originAllowed(origin, c.req.url, tenant, c.env)) {
    throw new ApiError(403, 'forbidden.origin', { origin, tenant: tenant.slug });
  }
  if (origin) shareWith(c, origin);
  if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) return answerPreflight(c);

  c.set('tenant', tenant);
  c.set('db', db);
  const viewer = await authenticate(c.req.header('authorization'), tenant, c.env, db, (work) => c.executionCtx.waitUntil(work));
  c.set('viewer', viewer);
  requireReader(viewer, tenant.anonymousRead, tenant.slug);
  await next();
});
