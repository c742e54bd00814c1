/**
 * The headers every answer carries: its request id, the security headers
 * (middleware/security-headers.ts) and, under `/v1`, `Cache-Control` (middleware/cache-control.ts).
 * They go into the context's headers before the route runs, so an answer made through the
 * context (`c.json`, `c.body`) is constructed with them, instead of having each set on the
 * finished answer (a share of every read's CPU in bench/profile.ts); one middleware, so that a
 * read pays one check afterwards. An answer a handler made itself gets them after.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { requestIdOf } from '../errors.ts';
import { cacheControlOf, isPublicPath, PERSONAL } from './cache-control.ts';
import { type HeaderList, SECURITY_MARK, securityHeadersOf } from './security-headers.ts';

/** Sets `headers` on the answer, made anew when its headers are immutable (one fetched from a Durable Object). */
function setOnAnswer(c: Context<AppEnv>, headers: HeaderList): void {
  try {
    for (const [name, value] of headers) c.res.headers.set(name, value);
  } catch {
    c.res = new Response(c.res.body, c.res);
    for (const [name, value] of headers) c.res.headers.set(name, value);
  }
}

export const answerHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const path = c.req.path;
  const security = securityHeadersOf(path);
  const api = path.startsWith('/v1/');
  // First, so that every answer names its request, errors and redirects included.
  c.header('x-request-id', requestIdOf(c));
  for (const [name, value] of security) c.header(name, value);
  // Known before the route runs on every path but a public one, whose value depends on the status.
  if (api) c.header('cache-control', PERSONAL);
  await next();
  const status = c.res.status;
  const madeHere = c.res.headers.has(SECURITY_MARK);
  const publicPath = api && isPublicPath(path);
  if (madeHere && !publicPath) return;
  const missing: (readonly [string, string])[] = madeHere ? [] : [...security];
  // A WebSocket handshake is cached by no one, and its headers are the runtime's.
  if (api && status !== 101) missing.push(['cache-control', cacheControlOf(path, status)]);
  setOnAnswer(c, missing);
});
