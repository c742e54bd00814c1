/** The caller, as the API sees them. */
import { createRoute } from '@hono/zod-openapi';
import { commonErrors, jsonContent, TenantParams } from '../schemas/common.ts';
import { ViewerSchema } from '../schemas/viewer.ts';
import { createRouter } from './router.ts';

export const meRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/tenants/{tenant}/me',
    tags: ['Identity'],
    summary: 'Who am I',
    description: 'The tenant and the signed-in person; `user` is null without a token.',
    request: { params: TenantParams },
    responses: { 200: jsonContent(ViewerSchema, 'The caller.'), ...commonErrors },
  }),
  (c) => {
    const { tenant, viewer } = c.var;
    const user = viewer.kind === 'user' ? { id: viewer.subject, name: viewer.name, businessUnit: viewer.businessUnit } : null;
    return c.json({ tenant: { slug: tenant.slug, name: tenant.name }, user }, 200);
  },
);
