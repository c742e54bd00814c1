/** A tenant's settings: name, anonymous reading, role mapping, item pages; and, read-only, everything else. */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { TenantSettingsSchema, TenantSettingsUpdateSchema } from '../schemas/admin.ts';
import { bearer, bodyErrors, jsonContent, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { readSettings, updateSettings } from '../store/settings.ts';
import { createRouter } from './router.ts';

export const settingsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/settings',
      operationId: 'getSettings',
      security: bearer,
      tags: ['Administration'],
      summary: "Read the tenant's settings (admins)",
      request: { params: TenantParams },
      responses: { 200: jsonContent(TenantSettingsSchema, 'The settings; never a secret.'), ...readErrors },
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
      operationId: 'updateSettings',
      security: bearer,
      tags: ['Administration'],
      summary: 'Change the name, anonymous reading, role mapping or item pages (admins)',
      description:
        '`itemPages` replaces every pattern (`{}` clears them): each an absolute https URL (http only for localhost) of at most 500 characters holding `{id}` exactly once, under `idea`, `card` or `search`.',
      request: { params: TenantParams, body: jsonBody(TenantSettingsUpdateSchema, examples.settings) },
      responses: { 200: jsonContent(TenantSettingsSchema, 'The settings after the change.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', "change the tenant's settings");
      return c.json(await updateSettings(db, tenant.id, c.req.valid('json')), 200);
    },
  );
