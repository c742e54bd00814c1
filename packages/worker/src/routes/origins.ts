/** The browser origins allowed to use a tenant (CORS now; frame-ancestors for the iframe route). */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { OriginInputSchema, OriginListSchema, OriginQuerySchema } from '../schemas/admin.ts';
import { bearer, bodyErrors, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { addOrigin, listOrigins, removeOrigin } from '../store/origins.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const originsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/origins',
      operationId: 'listOrigins',
      security: bearer,
      tags: ['Administration'],
      summary: 'List allowed origins (admins)',
      request: { params: TenantParams },
      responses: { 200: jsonContent(OriginListSchema, 'Origin patterns.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'list allowed origins');
      return c.json({ items: await listOrigins(db, tenant.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/origins',
      operationId: 'addOrigin',
      security: bearer,
      tags: ['Administration'],
      summary: 'Allow an origin (admins)',
      description:
        'Idempotent. `https://host`, `https://*.host` (subdomains) or `http://localhost:*` (any port). A wildcard must stop at a domain one organisation owns: `https://*.contoso.com`, not `https://*.com`, `https://*.co.uk` or any other public suffix on the Public Suffix List, nor `https://*.sharepoint.com` (list `https://contoso.sharepoint.com`).',
      request: { params: TenantParams, body: jsonBody(OriginInputSchema, examples.origin) },
      responses: { 200: jsonContent(OriginListSchema, 'Origin patterns after the change.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'allow origins');
      return c.json({ items: await addOrigin(db, tenant.id, c.req.valid('json').origin, changeAuthorOf(c)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/origins',
      operationId: 'removeOrigin',
      security: bearer,
      tags: ['Administration'],
      summary: 'Remove an allowed origin (admins)',
      description:
        'Takes any pattern on the list, including a too-broad wildcard stored before such wildcards were refused (it has no effect, but is listed until removed).',
      request: { params: TenantParams, query: OriginQuerySchema },
      responses: { 200: jsonContent(OriginListSchema, 'Origin patterns after the change.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'remove allowed origins');
      return c.json({ items: await removeOrigin(db, tenant.id, c.req.valid('query').origin, changeAuthorOf(c)) }, 200);
    },
  );
