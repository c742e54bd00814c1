/** Roles granted by admins, on top of those that token claims give. */
import { createRoute, z } from '@hono/zod-openapi';
import { auditName, requireRole } from '../auth/viewer.ts';
import { RoleGrantSchema, RoleInputSchema, SubjectParams } from '../schemas/admin.ts';
import { bearer, commonErrors, jsonContent, TenantParams } from '../schemas/common.ts';
import { grantRole, listGrants, revokeRole } from '../store/roles.ts';
import { createRouter } from './router.ts';

export const rolesRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/roles',
      tags: ['Administration'],
      summary: 'List granted roles (admins)',
      security: bearer,
      request: { params: TenantParams },
      responses: { 200: jsonContent(z.object({ items: z.array(RoleGrantSchema) }), 'Grants by subject.'), ...commonErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'list roles');
      return c.json({ items: await listGrants(db, tenant.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/roles/{subject}',
      tags: ['Administration'],
      summary: 'Grant a role (admins)',
      description:
        "The subject is the person's id as their token gives it (see `GET /me`), URL-encoded. It may be granted before their first visit.",
      security: bearer,
      request: { params: SubjectParams, body: { required: true, content: { 'application/json': { schema: RoleInputSchema } } } },
      responses: { 200: jsonContent(RoleGrantSchema, 'The grant.'), ...commonErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'grant roles');
      return c.json(await grantRole(db, tenant.id, c.req.valid('param').subject, c.req.valid('json').role, auditName(viewer)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/roles/{subject}',
      tags: ['Administration'],
      summary: 'Take back a granted role (admins)',
      security: bearer,
      request: { params: SubjectParams },
      responses: { 204: { description: 'Removed.' }, ...commonErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'take back roles');
      await revokeRole(db, tenant.id, c.req.valid('param').subject);
      return c.body(null, 204);
    },
  );
