/** Card templates: the built-in ones and the tenant's own (admins define them). */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { ApiError } from '../errors.ts';
import { TemplateInputSchema, TemplateParams, TemplateSchema } from '../schemas/cards.ts';
import { bearer, commonErrors, conflictErrors, jsonContent, TenantParams } from '../schemas/common.ts';
import { findTemplate, listTemplates, putTemplate, removeTemplate } from '../store/templates.ts';
import { createRouter } from './router.ts';

export const templatesRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/templates',
      tags: ['Practice cards'],
      summary: 'List card templates',
      description: 'The built-in templates (business partner profile, business case, …), then the tenant’s own.',
      request: { params: TenantParams },
      responses: { 200: jsonContent(z.object({ items: z.array(TemplateSchema) }), 'Templates.'), ...commonErrors },
    }),
    async (c) => c.json({ items: await listTemplates(c.var.db, c.var.tenant.id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/templates/{id}',
      tags: ['Practice cards'],
      summary: 'Get a card template with its field schema',
      request: { params: TemplateParams },
      responses: { 200: jsonContent(TemplateSchema, 'The template.'), ...commonErrors },
    }),
    async (c) => c.json(await findTemplate(c.var.db, c.var.tenant.id, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/templates/{id}',
      tags: ['Practice cards'],
      summary: 'Create or replace a tenant template (admins)',
      description:
        'Field types: text, richtext, enum, person, date, number, money, link, list (of any type) and record (of sub-fields). Built-in templates cannot be replaced.',
      security: bearer,
      request: { params: TemplateParams, body: { required: true, content: { 'application/json': { schema: TemplateInputSchema } } } },
      responses: { 200: jsonContent(TemplateSchema, 'The template as stored.'), ...conflictErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'define card templates');
      const input = c.req.valid('json');
      const { id } = c.req.valid('param');
      if (input.id !== id) {
        throw new ApiError(400, 'validation_failed', `The body's id "${input.id}" differs from the URL's "${id}".`, {
          details: [{ path: 'body.id', message: 'Use the same id as in the URL.' }],
        });
      }
      return c.json(await putTemplate(db, tenant.id, input), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/templates/{id}',
      tags: ['Practice cards'],
      summary: 'Remove a tenant template no card uses (admins)',
      security: bearer,
      request: { params: TemplateParams },
      responses: { 204: { description: 'Removed.' }, ...conflictErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'remove card templates');
      await removeTemplate(db, tenant.id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
