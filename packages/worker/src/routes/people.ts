/** A person's own view: where an @mention leads; admins set a person's business unit. */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { PersonUnitInputSchema, PersonUnitSchema } from '../schemas/business-units.ts';
import { bearer, bodyErrors, jsonContent, optionalBearer, readErrors } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { PersonParams, PersonViewSchema } from '../schemas/people.ts';
import { setPersonUnit } from '../store/business-units.ts';
import { personView } from '../store/people.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const peopleRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/people/{handle}',
      operationId: 'getPerson',
      security: optionalBearer,
      tags: ['People'],
      summary: "A person's own view",
      description:
        'The member people @mention by `handle` (compared in lower case): name, business unit, role and when they joined, how many ideas, comments and practice cards of theirs every reader may see, and the latest 10 of each — published ideas (not merged duplicates), published cards they own, published comments of discussions every reader is shown (not of a held idea’s or card’s), each comment with its thread and a plain-text snippet. The same answer for every caller: nothing held or rejected, never an e-mail address. One round trip. 404 `not_found.person` for a handle nobody in the tenant has (proxy people, who have none, have no view).',
      request: { params: PersonParams },
      responses: { 200: jsonContent(PersonViewSchema, 'The person and what they contributed.'), ...readErrors },
    }),
    async (c) => c.json(await personView(c.var.db, c.var.tenant.id, c.req.valid('param').handle), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/people/{handle}/unit',
      operationId: 'setPersonUnit',
      security: bearer,
      tags: ['Business units'],
      summary: "Set a person's business unit (admins)",
      description:
        "Puts the member with this handle in a current unit (`unit`: its key), or in none (`null`); the support by unit of the ideas they back is recounted at once. At their next sign-in, a token whose business-unit claim names a unit wins; one whose claim names none (or no claim) keeps the admin's choice, until that unit is archived. 400 `validation_failed.unknown_unit` for a key that names no current unit; 404 `not_found.person` for a handle no member has.",
      request: { params: PersonParams, body: jsonBody(PersonUnitInputSchema, examples.personUnit) },
      responses: { 200: jsonContent(PersonUnitSchema, 'The person with their unit.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', "set people's business units");
      return c.json(await setPersonUnit(db, tenant.id, c.req.valid('param').handle, c.req.valid('json').unit, changeAuthorOf(c)), 200);
    },
  );
