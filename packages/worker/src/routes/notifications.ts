/** The signed-in person's notifications and their e-mail cadence (docs/notifications.md). */
import { createRoute } from '@hono/zod-openapi';
import { requirePerson } from '../auth/viewer.ts';
import { bearer, bodyErrors, jsonContent, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import {
  InboxQuerySchema,
  InboxSchema,
  MarkReadSchema,
  NotificationSettingsSchema,
  NotificationSettingsUpdateSchema,
  UnreadSchema,
} from '../schemas/notifications.ts';
import { inbox, markRead, readNotificationSettings, updateNotificationSettings } from '../store/notifications.ts';
import { createRouter } from './router.ts';

const TAG = 'Notifications';

export const notificationsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/notifications',
      operationId: 'listNotifications',
      security: bearer,
      tags: [TAG],
      summary: 'My notifications',
      description:
        'Newest first, with the number of unread ones. Each says what happened (`event`), why it reached the caller (`reason`: mention, reply, author, owner, voter, following, moderator), who did it, and the item with its link. Signed-in people only.',
      request: { params: TenantParams, query: InboxQuerySchema },
      responses: { 200: jsonContent(InboxSchema, 'A page of notifications.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'read their notifications');
      return c.json(await inbox(db, tenant, me, c.req.valid('query')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/notifications/read',
      operationId: 'markNotificationsRead',
      security: bearer,
      tags: [TAG],
      summary: 'Mark notifications read',
      description:
        'The ones named in `ids` (ids that are not the caller’s change nothing), or all with `{"all": true}`. Answers the unread count left.',
      request: { params: TenantParams, body: jsonBody(MarkReadSchema, examples.markRead) },
      responses: { 200: jsonContent(UnreadSchema, 'The unread count left.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'mark their notifications read');
      const body = c.req.valid('json');
      return c.json(await markRead(db, tenant.id, me, 'all' in body ? 'all' : body.ids), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/notifications/settings',
      operationId: 'getNotificationSettings',
      security: bearer,
      tags: [TAG],
      summary: 'My e-mail cadence',
      description:
        'Per kind of notification: `immediate`, `daily`, `weekly` or `off`. Until changed: mentions and replies immediate, my ideas and my cards daily, following weekly, moderation daily.',
      request: { params: TenantParams },
      responses: { 200: jsonContent(NotificationSettingsSchema, 'The cadence per kind.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'read their notification settings');
      return c.json(await readNotificationSettings(db, tenant.id, me), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/notifications/settings',
      operationId: 'updateNotificationSettings',
      security: bearer,
      tags: [TAG],
      summary: 'Change my e-mail cadence',
      description: 'The kinds given change; the others keep their setting.',
      request: { params: TenantParams, body: jsonBody(NotificationSettingsUpdateSchema, examples.notificationSettings) },
      responses: { 200: jsonContent(NotificationSettingsSchema, 'The cadence per kind.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'change their notification settings');
      return c.json(await updateNotificationSettings(db, tenant.id, me, c.req.valid('json')), 200);
    },
  );
