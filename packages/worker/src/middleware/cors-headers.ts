/** The CORS headers Bridgekit's API answers an allowed page with (tenant routes and `/v1/admin/*`). */
import type { Context } from 'hono';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOW_HEADERS = 'authorization, content-type, idempotency-key';
const EXPOSE_HEADERS = 'idempotent-replayed, retry-after, x-request-id';

/** Lets the page on `origin` read the answer (errors included). No credentials: tokens are bearer headers. */
export function shareWith(c: Context, origin: string): void {
  c.header('access-control-allow-origin', origin);
  c.header('access-control-expose-headers', EXPOSE_HEADERS);
  c.header('vary', 'Origin', { append: true });
}

/** The answer to a preflight from an allowed origin. */
export function answerPreflight(c: Context): Response {
  c.header('access-control-allow-methods', ALLOW_METHODS);
  c.header('access-control-allow-headers', ALLOW_HEADERS);
  c.header('access-control-max-age', '600');
  return c.body(null, 204);
}
