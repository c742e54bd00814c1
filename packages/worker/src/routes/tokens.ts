/** Embed tokens minted by the API, for admins testing an integration before the host signs its own. */
import { createRoute } from '@hono/zod-openapi';
import { mintEmbedToken } from '../auth/embed-token.ts';
import { requireRole } from '../auth/viewer.ts';
import { MintedTokenSchema, TokenRequestSchema } from '../schemas/admin.ts';
import { bearer, bodyErrors, conflictError, jsonContent, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { createRouter } from './router.ts';

export const tokensRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/tenants/{tenant}/tokens',
    operationId: 'mintToken',
    security: bearer,
    tags: ['Administration'],
    summary: 'Mint an embed token (admins)',
    description: "Signs a token for any person with the tenant's newest embed secret, as the host's server would.",
    request: { params: TenantParams, body: jsonBody(TokenRequestSchema, examples.token) },
    responses: { 201: jsonContent(MintedTokenSchema, 'The token.'), ...bodyErrors, ...conflictError },
  }),
  async (c) => {
    const { db, tenant, viewer } = c.var;
    await requireRole(db, tenant.id, viewer, 'admin', 'mint tokens');
    const { ttlSeconds, ...claims } = c.req.valid('json');
    return c.json(await mintEmbedToken(tenant, c.env.BRIDGEKIT_SECRET_KEY, claims, ttlSeconds), 201);
  },
);
