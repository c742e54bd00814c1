/** A tenant's settings: name, anonymous reading, role mapping, item pages; and, read-only, everything else. */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { assertReceiverUrl } from '../delivery/receiver-url.ts';
import { isDevelopment } from '../env.ts';
import { TenantSettingsSchema, TenantSettingsUpdateSchema } from '../schemas/admin.ts';
import { bearer, bodyErrors, jsonContent, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { readSettings, updateSettings } from '../store/settings.ts';
import { changeAuthorOf } from './change-author.ts';
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
      summary: 'Change the name, anonymous reading, role mapping, item pages or mail webhook (admins)',
      description:
        '`itemPages` replaces every pattern (`{}` clears them): each an absolute https URL (http only for localhost) of at most 500 characters holding `{id}` exactly once, under `idea`, `card`, `search` or `person`. `mail` sets the mail webhook notification e-mail goes through (https; its `secret`, at least 32 characters, signs each call and is never answered); `null` turns e-mail off.',
      request: { params: TenantParams, body: jsonBody(TenantSettingsUpdateSchema, examples.settings) },
      responses: { 200: jsonContent(TenantSettingsSchema, 'The settings after the change.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', "change the tenant's settings");
      const update = c.req.valid('json');
      if (update.mail) assertReceiverUrl('body.mail.webhook', 'The mail webhook', update.mail.webhook, isDevelopment(c.env));
      return c.json(await updateSettings(db, tenant.id, update, changeAuthorOf(c)), 200);
    },
  );
