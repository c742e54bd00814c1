/**
 * `Cache-Control` on every answer under `/v1`. Nearly all of them depend on the caller — their
 * token, their tenant's settings, their own votes and reactions, their errors — so no shared
 * cache (a proxy, a CDN) may keep one and no browser may store one: `private, no-store`. The API
 * description is the same for everyone and may be cached by anyone for a few minutes. This is
 * the one place that decides: it overrides whatever a route set.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

export const PERSONAL = 'private, no-store';
/** `/v1/openapi.json`: public, and stale for at most five minutes after a deployment. */
export const PUBLIC_DESCRIPTION = 'public, max-age=300';

const PUBLIC_PATHS = new Set(['/v1/openapi.json']);

export const cacheControl = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // A WebSocket handshake is cached by no one, and its headers are the runtime's.
  if (c.res.status === 101) return;
  const ok = c.res.status >= 200 && c.res.status < 300;
  const value = ok && PUBLIC_PATHS.has(c.req.path) ? PUBLIC_DESCRIPTION : PERSONAL;
  try {
    c.res.headers.set('cache-control', value);
  } catch {
    // Headers of a response fetched from elsewhere (a Durable Object) are immutable.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set('cache-control', value);
  }
});
