/** Card templates: the built-in ones and the tenant's own (admins define them). */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { ApiError, fieldIssue } from '../errors.ts';
import { TemplateInputSchema, TemplateParams, TemplateSchema } from '../schemas/cards.ts';
import {
  bearer,
  bodyErrors,
  conflictError,
  jsonContent,
  limitedErrors,
  optionalBearer,
  readErrors,
  TenantParams,
} from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { findTemplate, listTemplates, previewTemplate, putTemplate, removeTemplate } from '../store/templates.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const templatesRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/templates',
      operationId: 'listTemplates',
      security: optionalBearer,
      tags: ['Practice cards'],
      summary: 'List card templates',
      description: 'The built-in templates (business partner profile, business case, …), then the tenant’s own.',
      request: { params: TenantParams },
      responses: { 200: jsonContent(z.object({ items: z.array(TemplateSchema) }), 'Templates.'), ...readErrors },
    }),
    async (c) => c.json({ items: await listTemplates(c.var.db, c.var.tenant.id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/templates/validate',
      operationId: 'validateTemplate',
      security: bearer,
      tags: ['Practice cards'],
      summary: 'Check a tenant template without saving it (admins)',
      description:
        'Answers the template as `PUT /templates/{id}` would store it (with its next version), or the same `400` with every problem at its path. Nothing is written: the admin console previews the form of a definition being typed with it.',
      request: { params: TenantParams, body: jsonBody(TemplateInputSchema, examples.templateDraft) },
      responses: { 200: jsonContent(TemplateSchema, 'The template as it would be stored.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'define card templates');
      return c.json(await previewTemplate(db, tenant.id, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/templates/{id}',
      operationId: 'getTemplate',
      security: optionalBearer,
      tags: ['Practice cards'],
      summary: 'Get a card template with its field schema',
      request: { params: TemplateParams },
      responses: { 200: jsonContent(TemplateSchema, 'The template.'), ...readErrors },
    }),
    async (c) => c.json(await findTemplate(c.var.db, c.var.tenant.id, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/templates/{id}',
      operationId: 'putTemplate',
      security: bearer,
      tags: ['Practice cards'],
      summary: 'Create or replace a tenant template (admins)',
      description:
        'Field types: text, richtext, enum, person, date, number, money, link, list (of any type) and record (of sub-fields). Built-in templates cannot be replaced.',
      request: { params: TemplateParams, body: jsonBody(TemplateInputSchema, examples.template) },
      responses: { 200: jsonContent(TemplateSchema, 'The template as stored.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'define card templates');
      const input = c.req.valid('json');
      const { id } = c.req.valid('param');
      if (input.id !== id) {
        throw new ApiError(
          400,
          'validation_failed.id_mismatch',
          { given: input.id, id },
          { details: [fieldIssue('body.id', 'field.id_mismatch')] },
        );
      }
      return c.json(await putTemplate(db, tenant.id, input, changeAuthorOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/templates/{id}',
      operationId: 'deleteTemplate',
      security: bearer,
      tags: ['Practice cards'],
      summary: 'Remove a tenant template no card uses (admins)',
      request: { params: TemplateParams },
      responses: { 204: { description: 'Removed.' }, ...limitedErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'remove card templates');
      await removeTemplate(db, tenant.id, c.req.valid('param').id, changeAuthorOf(c));
      return c.body(null, 204);
    },
  );
