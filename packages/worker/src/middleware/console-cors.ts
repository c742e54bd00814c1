/**
 * CORS for `/v1/admin/*`, the operator's routes: only the admin console's origins
 * (`BRIDGEKIT_CONSOLE_ORIGINS`) may call them from a browser; any other page gets 403. Calls
 * without an Origin (the CLI, scripts) pass: the token decides. Bearer tokens only, no cookies.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { isConsoleOrigin } from '../lib/console-origins.ts';
import { answerPreflight, shareWith } from './cors-headers.ts';

export const consoleCors = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin');
  if (!origin) return next();
  if (origin !== new URL(c.req.url).origin && !isConsoleOrigin(origin, c.env)) {
    throw new ApiError(403, 'forbidden.console_origin', { origin });
  }
  shareWith(c, origin);
  if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) return answerPreflight(c);
  await next();
});
