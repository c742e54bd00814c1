/** What the signed-in person follows (docs/notifications.md). */
import { createRoute } from '@hono/zod-openapi';
import { requirePerson } from '../auth/viewer.ts';
import { bearer, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import { FollowParams, FollowStateSchema, SubscriptionListSchema } from '../schemas/notifications.ts';
import { followState, listSubscriptions, setFollowing } from '../store/subscriptions.ts';
import { createRouter } from './router.ts';

const TAG = 'Notifications';
const TARGETS =
  '`target` is `idea`, `board` (by its slug), `thread` (by its id), `card`, `area` (a practice area) or `tag` (any card tag of at most 40 characters); 404 `not_found.follow_target` when it is not there for the caller.';

export const subscriptionsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/subscriptions',
      operationId: 'listSubscriptions',
      security: bearer,
      tags: [TAG],
      summary: 'What I follow',
      description:
        'Newest first: followed on purpose (`manual`) or by taking part (author, voter, commenter, owner). Signed-in people only.',
      request: { params: TenantParams },
      responses: { 200: jsonContent(SubscriptionListSchema, 'What the caller follows.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'list what they follow');
      return c.json({ items: await listSubscriptions(db, tenant.id, me) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/subscriptions/{target}/{id}',
      operationId: 'getFollowState',
      security: bearer,
      tags: [TAG],
      summary: 'Do I follow it',
      description: TARGETS,
      request: { params: FollowParams },
      responses: { 200: jsonContent(FollowStateSchema, 'Whether the caller follows it.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'see what they follow');
      const { target, id } = c.req.valid('param');
      return c.json(await followState(db, tenant.id, me, target, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/subscriptions/{target}/{id}',
      operationId: 'follow',
      security: bearer,
      tags: [TAG],
      summary: 'Follow it',
      description: `Idempotent. ${TARGETS}`,
      request: { params: FollowParams },
      responses: { 200: jsonContent(FollowStateSchema, 'Following.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'follow');
      const { target, id } = c.req.valid('param');
      return c.json(await setFollowing(db, tenant.id, me, target, id, true), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/subscriptions/{target}/{id}',
      operationId: 'unfollow',
      security: bearer,
      tags: [TAG],
      summary: 'Unfollow it',
      description: `Stays unfollowed: taking part again (a vote, a comment) does not follow it again; @mentions still reach the caller. Idempotent. ${TARGETS}`,
      request: { params: FollowParams },
      responses: { 200: jsonContent(FollowStateSchema, 'Not following.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'unfollow');
      const { target, id } = c.req.valid('param');
      return c.json(await setFollowing(db, tenant.id, me, target, id, false), 200);
    },
  );
