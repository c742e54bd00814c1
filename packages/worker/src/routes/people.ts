/** A person's own view: where an @mention leads. */
import { createRoute } from '@hono/zod-openapi';
import { jsonContent, optionalBearer, readErrors } from '../schemas/common.ts';
import { PersonParams, PersonViewSchema } from '../schemas/people.ts';
import { personView } from '../store/people.ts';
import { createRouter } from './router.ts';

export const peopleRoutes = createRouter().openapi(
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
);
