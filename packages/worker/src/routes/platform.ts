/** The deployment operator's routes: tenants. */
import { createRoute, z } from '@hono/zod-openapi';
import { CreatedTenantSchema, NewTenantSchema, TenantSummarySchema } from '../schemas/admin.ts';
import { bearer, conflictError, jsonContent, payloadErrors, readErrors } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { createTenant, listTenants } from '../store/settings.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const platformRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/tenants',
      operationId: 'listTenants',
      security: bearer,
      tags: ['Platform'],
      summary: 'List tenants (platform admin token)',
      responses: { 200: jsonContent(z.object({ items: z.array(TenantSummarySchema) }), 'Tenants by slug.'), ...readErrors },
    }),
    async (c) => c.json({ items: await listTenants(c.var.db) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/tenants',
      operationId: 'createTenant',
      security: bearer,
      tags: ['Platform'],
      summary: 'Create a tenant (platform admin token)',
      description: 'Creates the tenant with its first embed secret (shown only in this answer) and its allowed origins.',
      request: { body: jsonBody(NewTenantSchema, examples.newTenant) },
      responses: {
        201: jsonContent(CreatedTenantSchema, 'The tenant and its first embed secret.'),
        ...readErrors,
        ...payloadErrors,
        ...conflictError,
      },
    }),
    async (c) => c.json(await createTenant(c.var.db, c.env.BRIDGEKIT_SECRET_KEY, c.req.valid('json'), changeAuthorOf(c)), 201),
  );
