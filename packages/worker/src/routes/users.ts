/** Members of the tenant, as others may find them: for @mention suggestions. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireWriter } from '../auth/viewer.ts';
import { bearer, jsonContent, limitedErrors, TenantParams } from '../schemas/common.ts';
import { MentionableUserSchema, UsersQuery } from '../schemas/threads.ts';
import { mentionableUsers } from '../store/users.ts';
import { createRouter } from './router.ts';

export const usersRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/tenants/{tenant}/users',
    operationId: 'findMentionableUsers',
    security: bearer,
    tags: ['Comments'],
    summary: 'Find members to @mention',
    description:
      'Signed-in members only. Matches the start of the handle or of any word of the name. Names and handles only — never email addresses.',
    request: { params: TenantParams, query: UsersQuery },
    responses: {
      200: jsonContent(z.object({ items: z.array(MentionableUserSchema) }), 'Up to `limit` members, by name.'),
      ...limitedErrors,
    },
  }),
  async (c) => {
    requireWriter(c.var.viewer, 'look up members to mention');
    const { q, limit } = c.req.valid('query');
    const rows = await mentionableUsers(c.var.db, c.var.tenant.id, q, limit);
    return c.json({ items: rows.map((r) => ({ handle: r.handle ?? '', name: r.name, businessUnit: r.businessUnit })) }, 200);
  },
);
