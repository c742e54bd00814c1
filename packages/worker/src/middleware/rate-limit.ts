/**
 * Write rate limits, per person (or API key) and per client IP, with the Workers rate-limiting
 * binding: 429 with Retry-After when exceeded. Reads are not limited here.
 */
import { createMiddleware } from 'hono/factory';
import type { Viewer } from '../auth/viewer.ts';
import { type AppEnv, isDevelopment } from '../env.ts';
import { ApiError } from '../errors.ts';

/** The bindings' window (wrangler.jsonc `ratelimits[].simple.period`). */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function actorKey(viewer: Viewer): string {
  switch (viewer.kind) {
    case 'user':
      return `user:${viewer.subject}`;
    case 'apiKey':
      return `key:${viewer.keyId}`;
    default:
      return viewer.kind;
  }
}

export const rateLimitWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (READ_METHODS.has(c.req.method)) return next();
  if (isDevelopment(c.env) && c.env.BRIDGEKIT_RATE_LIMITS === 'off') return next();
  const { tenant, viewer } = c.var;
  const ip = c.req.header('cf-connecting-ip') ?? 'unknown';
  const [byActor, byIp] = await Promise.all([
    c.env.USER_WRITE_LIMIT?.limit({ key: `${tenant.id}:${actorKey(viewer)}` }),
    c.env.IP_WRITE_LIMIT?.limit({ key: `ip:${ip}` }),
  ]);
  if (byActor?.success === false || byIp?.success === false) {
    const who = byActor?.success === false ? 'You have' : 'Your network has';
    throw new ApiError(429, 'rate_limited', `${who} made too many changes in a short time. Try again in a minute.`, {
      headers: { 'retry-after': String(RATE_LIMIT_PERIOD_SECONDS) },
    });
  }
  await next();
});
