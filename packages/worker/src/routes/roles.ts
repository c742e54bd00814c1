/** Roles granted by admins, on top of those that token claims give. */
import { createRoute, z } from '@hono/zod-openapi';
import { auditName, requireRole } from '../auth/viewer.ts';
import {
  RevokeRoleQuery,
  RoleCandidateQuerySchema,
  RoleCandidateSchema,
  RoleGrantSchema,
  RoleInputSchema,
  SubjectParams,
} from '../schemas/admin.ts';
import { bearer, bodyErrors, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { grantRole, listGrants, revokeRole, roleCandidates } from '../store/roles.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const rolesRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/roles',
      operationId: 'listRoleGrants',
      security: bearer,
      tags: ['Administration'],
      summary: 'List granted roles (admins)',
      description:
        "One entry per grant: a person may have a level (evaluator, moderator or admin) and `cio` besides it. Each names the tenant's member with that subject (`name`, `handle`), or `null` while nobody with it has used the tenant.",
      request: { params: TenantParams },
      responses: { 200: jsonContent(z.object({ items: z.array(RoleGrantSchema) }), 'Grants by subject.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'list roles');
      return c.json({ items: await listGrants(db, tenant.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/roles/candidates',
      operationId: 'findRoleCandidates',
      security: bearer,
      tags: ['Administration'],
      summary: 'Find members to grant a role (admins)',
      description:
        'Members whose handle, or any word of whose name, starts with `q` (people only: no API keys, proxies or erased people), by name, with the subject `PUT /roles/{subject}` takes. Never e-mail addresses.',
      request: { params: TenantParams, query: RoleCandidateQuerySchema },
      responses: {
        200: jsonContent(z.object({ items: z.array(RoleCandidateSchema) }), 'Up to `limit` members, by name.'),
        ...limitedErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'find people to grant roles');
      const { q, limit } = c.req.valid('query');
      return c.json({ items: await roleCandidates(db, tenant.id, q, limit) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/roles/{subject}',
      operationId: 'grantRole',
      security: bearer,
      tags: ['Administration'],
      summary: 'Grant a role (admins)',
      description:
        "The subject is the person's id as their token gives it (see `GET /me`), URL-encoded. It may be granted before their first visit.",
      request: { params: SubjectParams, body: jsonBody(RoleInputSchema, examples.role) },
      responses: { 200: jsonContent(RoleGrantSchema, 'The grant.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'grant roles');
      return c.json(
        await grantRole(db, tenant.id, c.req.valid('param').subject, c.req.valid('json').role, auditName(viewer), changeAuthorOf(c)),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/roles/{subject}',
      operationId: 'revokeRole',
      security: bearer,
      tags: ['Administration'],
      summary: 'Take back a granted role (admins)',
      description:
        'Takes back the granted level (evaluator, moderator or admin); with `?role=cio`, the CIO grant alone. 404 when there is none.',
      request: { params: SubjectParams, query: RevokeRoleQuery },
      responses: { 204: { description: 'Removed.' }, ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'take back roles');
      await revokeRole(db, tenant.id, c.req.valid('param').subject, c.req.valid('query').role, changeAuthorOf(c));
      return c.body(null, 204);
    },
  );
