/**
 * Resolves the tenant of a `/v1/tenants/:tenant/...` request and who is calling it. Each kind
 * of credential has its own verifier; this is where the identity issue adds OIDC (Entra ID)
 * access tokens and API keys beside embed tokens.
 */
import { createMiddleware } from 'hono/factory';
import { database } from '../db/client.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { SLUG_PATTERN } from '../schemas/common.ts';
import { findTenantBySlug } from '../store/tenants.ts';
import { verifyEmbedToken } from './embed-token.ts';
import { ANONYMOUS } from './viewer.ts';

export const identify = createMiddleware<AppEnv>(async (c, next) => {
  const slug = c.req.param('tenant') ?? '';
  const tenant = SLUG_PATTERN.test(slug) ? await findTenantBySlug(database(c.env.DB), slug) : null;
  if (!tenant) throw notFound(`Tenant "${slug}"`);
  c.set('tenant', tenant);

  const authorization = c.req.header('authorization');
  if (!authorization) {
    c.set('viewer', ANONYMOUS);
  } else {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) {
      throw new ApiError(401, 'invalid_token', 'The Authorization header must be "Bearer <token>".');
    }
    c.set('viewer', await verifyEmbedToken(match[1], tenant, c.env.BRIDGEKIT_SECRET_KEY));
  }
  await next();
});
