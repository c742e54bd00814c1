/** Server-to-server API keys: created (shown once), listed with last use, revoked. */
import { createRoute, z } from '@hono/zod-openapi';
import { auditName, requireRole } from '../auth/viewer.ts';
import { ApiKeyInfoSchema, ApiKeyInputSchema, ApiKeyParams, NewApiKeySchema } from '../schemas/admin.ts';
import { bearer, bodyErrors, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../store/api-keys.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const apiKeysRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/api-keys',
      operationId: 'listApiKeys',
      security: bearer,
      tags: ['Administration'],
      summary: 'List API keys (admins)',
      request: { params: TenantParams },
      responses: {
        200: jsonContent(z.object({ items: z.array(ApiKeyInfoSchema) }), 'Keys, newest first; never the keys themselves.'),
        ...readErrors,
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
      operationId: 'createApiKey',
      security: bearer,
      tags: ['Administration'],
      summary: 'Create an API key (admins)',
      description: 'Scopes: `read`; `write` (includes read); `admin` (everything). The key is shown only in this answer.',
      request: { params: TenantParams, body: jsonBody(ApiKeyInputSchema, examples.apiKey) },
      responses: { 201: jsonContent(NewApiKeySchema, 'The new key.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'create API keys');
      return c.json(await createApiKey(db, tenant.id, { ...c.req.valid('json'), createdBy: auditName(viewer) }, changeAuthorOf(c)), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/api-keys/{id}',
      operationId: 'revokeApiKey',
      security: bearer,
      tags: ['Administration'],
      summary: 'Revoke an API key (admins)',
      description: 'Idempotent. The key is refused from the next request on.',
      request: { params: ApiKeyParams },
      responses: { 200: jsonContent(ApiKeyInfoSchema, 'The revoked key.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'revoke API keys');
      return c.json(await revokeApiKey(db, tenant.id, c.req.valid('param').id, changeAuthorOf(c)), 200);
    },
  );
