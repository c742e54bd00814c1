/** The deployment operator's routes: tenants. */
import { createRoute, z } from '@hono/zod-openapi';
import { CreatedTenantSchema, NewTenantSchema, TenantSummarySchema } from '../schemas/admin.ts';
import { bearer, conflictErrors, jsonContent } from '../schemas/common.ts';
import { createTenant, listTenants } from '../store/settings.ts';
import { createRouter } from './router.ts';

export const platformRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/tenants',
      tags: ['Platform'],
      summary: 'List tenants (platform admin token)',
      security: bearer,
      responses: { 200: jsonContent(z.object({ items: z.array(TenantSummarySchema) }), 'Tenants by slug.'), ...conflictErrors },
    }),
    async (c) => c.json({ items: await listTenants(c.var.db) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/tenants',
      tags: ['Platform'],
      summary: 'Create a tenant (platform admin token)',
      description: 'Creates the tenant with its first embed secret (shown only in this answer) and its allowed origins.',
      security: bearer,
      request: { body: { required: true, content: { 'application/json': { schema: NewTenantSchema } } } },
      responses: { 201: jsonContent(CreatedTenantSchema, 'The tenant and its first embed secret.'), ...conflictErrors },
    }),
    async (c) => c.json(await createTenant(c.var.db, c.env.BRIDGEKIT_SECRET_KEY, c.req.valid('json')), 201),
  );
