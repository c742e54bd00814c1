/**
 * Security headers on every answer: the set hono's `secureHeaders` sends with our options
 * (test/security-headers.test.ts holds them to it), as constants of the isolate. They go into
 * the context's headers before the route runs, so an answer made through the context (`c.json`,
 * `c.body`) is constructed with them, instead of having each set on the finished answer (a
 * share of every read's CPU in bench/profile.ts); an answer a handler made itself gets them after.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

type HeaderList = readonly (readonly [string, string])[];

/** On the API's answers. */
const API_HEADERS: HeaderList = [
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * On the iframe pages (`/embed/*`): framed by the tenant's origins (their CSP says which,
 * X-Frame-Options cannot), and the sign-in window must keep its opener to hand the token back.
 */
const FRAME_HEADERS: HeaderList = API_HEADERS.filter(([name]) => name !== 'X-Frame-Options' && name !== 'Cross-Origin-Opener-Policy');

/** Present on every answer that has the set. */
const MARK = 'X-Content-Type-Options';

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const headers = c.req.path.startsWith('/embed/') ? FRAME_HEADERS : API_HEADERS;
  for (const [name, value] of headers) c.header(name, value);
  await next();
  const res = c.res;
  if (res.headers.has(MARK)) return;
  for (const [name, value] of headers) res.headers.set(name, value);
});
