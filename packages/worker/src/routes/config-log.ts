/** The configuration log: who changed the tenant's configuration, what and when (docs/audit-log.md). */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { bearer, jsonContent, readErrors, TenantParams } from '../schemas/common.ts';
import { ConfigLogPageSchema, ConfigLogQuerySchema } from '../schemas/config-log.ts';
import { listConfigLog } from '../store/config-log.ts';
import { createRouter } from './router.ts';

export const configLogRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/tenants/{tenant}/config-log',
    operationId: 'listConfigLog',
    security: bearer,
    tags: ['Administration'],
    summary: 'Every change of the configuration (admins)',
    description:
      'Newest first: settings, origins, identity providers, embed and API keys, roles, business units, boards, scorecards, templates, webhooks and moderation settings — who changed what, when, the fields set (secrets as `"[redacted]"`) and the request. Each change and its record are written together. Filter by `action` or `target`.',
    request: { params: TenantParams, query: ConfigLogQuerySchema },
    responses: { 200: jsonContent(ConfigLogPageSchema, 'One page of the log.'), ...readErrors },
  }),
  async (c) => {
    const { db, tenant, viewer } = c.var;
    await requireRole(db, tenant.id, viewer, 'admin', 'read the configuration log');
    return c.json(await listConfigLog(db, tenant.id, c.req.valid('query')), 200);
  },
);
