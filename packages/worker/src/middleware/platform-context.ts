/** `/v1/admin/*`: the deployment operator's routes, open only to BRIDGEKIT_ADMIN_TOKEN. */
import { createMiddleware } from 'hono/factory';
import { requirePlatformAdmin } from '../auth/platform.ts';
import { database } from '../db/client.ts';
import type { AppEnv } from '../env.ts';

export const platformContext = createMiddleware<AppEnv>(async (c, next) => {
  requirePlatformAdmin(c.req.header('authorization'), c.env);
  c.set('db', database(c.env.DB));
  c.set('viewer', { kind: 'platform' });
  await next();
});
