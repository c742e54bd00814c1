/** The caller, as the API sees them. */
import type { Viewer } from '@bridgekit/sdk';
import { createRoute } from '@hono/zod-openapi';
import { roleOf } from '../auth/viewer.ts';
import { jsonContent, optionalBearer, readErrors, TenantParams } from '../schemas/common.ts';
import { ViewerSchema } from '../schemas/viewer.ts';
import { handleOf } from '../store/users.ts';
import { createRouter } from './router.ts';

export const meRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/tenants/{tenant}/me',
    operationId: 'getMe',
    security: optionalBearer,
    tags: ['Identity'],
    summary: 'Who am I',
    description:
      "The tenant and the caller with their role; `user` is null without a token. `user.id` is the subject roles are granted to. `pages`: where the tenant's intranet shows each kind of item (`{}` when unset), for links that open an item's view.",
    request: { params: TenantParams },
    responses: { 200: jsonContent(ViewerSchema, 'The caller.'), ...readErrors },
  }),
  async (c) => {
    const { db, tenant, viewer } = c.var;
    const [role, handle] = await Promise.all([
      roleOf(db, tenant.id, viewer).then((r) => r ?? 'member'),
      viewer.kind === 'user' ? handleOf(db, tenant.id, viewer.subject) : Promise.resolve(null),
    ]);
    let user: Viewer['user'] = null;
    if (viewer.kind === 'user') user = { id: viewer.subject, name: viewer.name, businessUnit: viewer.businessUnit, role, handle };
    else if (viewer.kind === 'apiKey') user = { id: `apikey:${viewer.keyId}`, name: viewer.name, businessUnit: null, role, handle: null };
    else if (viewer.kind === 'platform') user = { id: 'platform', name: 'Platform admin', businessUnit: null, role, handle: null };
    return c.json({ tenant: { slug: tenant.slug, name: tenant.name }, user, pages: tenant.itemPages }, 200);
  },
);
