/** Server-to-server API keys: created (shown once), listed with last use, revoked. */
import { createRoute, z } from '@hono/zod-openapi';
import { auditName, requireRole } from '../auth/viewer.ts';
import { ApiKeyInfoSchema, ApiKeyInputSchema, ApiKeyParams, NewApiKeySchema } from '../schemas/admin.ts';
import { bearer, commonErrors, jsonContent, TenantParams } from '../schemas/common.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../store/api-keys.ts';
import { createRouter } from './router.ts';

export const apiKeysRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/api-keys',
      tags: ['Administration'],
      summary: 'List API keys (admins)',
      security: bearer,
      request: { params: TenantParams },
      responses: {
        200: jsonContent(z.object({ items: z.array(ApiKeyInfoSchema) }), 'Keys, newest first; never the keys themselves.'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'list API keys');
      return c.json({ items: await listApiKeys(db, tenant.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/api-keys',
      tags: ['Administration'],
      summary: 'Create an API key (admins)',
      description: 'Scopes: `read`; `write` (includes read); `admin` (everything). The key is shown only in this answer.',
      security: bearer,
      request: { params: TenantParams, body: { required: true, content: { 'application/json': { schema: ApiKeyInputSchema } } } },
      responses: { 201: jsonContent(NewApiKeySchema, 'The new key.'), ...commonErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'create API keys');
      return c.json(await createApiKey(db, tenant.id, { ...c.req.valid('json'), createdBy: auditName(viewer) }), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/api-keys/{id}',
      tags: ['Administration'],
      summary: 'Revoke an API key (admins)',
      description: 'Idempotent. The key is refused from the next request on.',
      security: bearer,
      request: { params: ApiKeyParams },
      responses: { 200: jsonContent(ApiKeyInfoSchema, 'The revoked key.'), ...commonErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'revoke API keys');
      return c.json(await revokeApiKey(db, tenant.id, c.req.valid('param').id), 200);
    },
  );
