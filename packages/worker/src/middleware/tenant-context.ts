/**
 * The first middleware of every `/v1/tenants/:tenant/...` request: finds the tenant, answers
 * CORS for the tenant's allowed origins only (a browser request from any other origin gets
 * 403), identifies the caller and checks that they may read.
 */
import { createMiddleware } from 'hono/factory';
import { authenticate } from '../auth/authenticate.ts';
import { requireReader } from '../auth/viewer.ts';
import { database } from '../db/client.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { isAllowedOrigin } from '../lib/origins.ts';
import { SLUG_PATTERN } from '../schemas/common.ts';
import { findTenantBySlug, type Tenant } from '../store/tenants.ts';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'authorization, content-type';
const EXPOSE_HEADERS = 'retry-after, x-request-id';

function originAllowed(origin: string, requestUrl: string, tenant: Tenant): boolean {
  return origin === new URL(requestUrl).origin || isAllowedOrigin(origin, tenant.origins);
}

export const tenantContext = createMiddleware<AppEnv>(async (c, next) => {
  const slug = c.req.param('tenant') ?? '';
  const db = database(c.env.DB);
  const tenant = SLUG_PATTERN.test(slug) ? await findTenantBySlug(db, slug) : null;
  if (!tenant) throw notFound('not_found.tenant', { id: slug });

  const origin = c.req.header('origin');
  if (origin && !originAllowed(origin, c.req.url, tenant)) {
    throw new ApiError(403, 'forbidden.origin', { origin, tenant: tenant.slug });
  }
  if (origin) {
    c.header('access-control-allow-origin', origin);
    c.header('access-control-expose-headers', EXPOSE_HEADERS);
    c.header('vary', 'Origin', { append: true });
  }
  if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
    c.header('access-control-allow-methods', ALLOW_METHODS);
    c.header('access-control-allow-headers', ALLOW_HEADERS);
    c.header('access-control-max-age', '600');
    return c.body(null, 204);
  }

  c.set('tenant', tenant);
  c.set('db', db);
  const viewer = await authenticate(c.req.header('authorization'), tenant, c.env, db, (work) => c.executionCtx.waitUntil(work));
  c.set('viewer', viewer);
  requireReader(viewer, tenant.anonymousRead, tenant.slug);
  await next();
});
