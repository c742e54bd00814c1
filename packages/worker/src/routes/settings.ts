/** A tenant's settings: name, anonymous reading, role mapping; and, read-only, everything else. */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { TenantSettingsSchema, TenantSettingsUpdateSchema } from '../schemas/admin.ts';
import { bearer, commonErrors, jsonContent, TenantParams } from '../schemas/common.ts';
import { readSettings, updateSettings } from '../store/settings.ts';
import { createRouter } from './router.ts';

export const settingsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/settings',
      tags: ['Administration'],
      summary: "Read the tenant's settings (admins)",
      security: bearer,
      request: { params: TenantParams },
      responses: { 200: jsonContent(TenantSettingsSchema, 'The settings; never a secret.'), ...commonErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', "read the tenant's settings");
      return c.json(await readSettings(db, tenant.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/settings',
      tags: ['Administration'],
      summary: 'Change the name, anonymous reading or role mapping (admins)',
      security: bearer,
      request: { params: TenantParams, body: { required: true, content: { 'application/json': { schema: TenantSettingsUpdateSchema } } } },
      responses: { 200: jsonContent(TenantSettingsSchema, 'The settings after the change.'), ...commonErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', "change the tenant's settings");
      return c.json(await updateSettings(db, tenant.id, c.req.valid('json')), 200);
    },
  );
