/**
 * Refuses a request whose path is not valid percent-encoded UTF-8 (`%E0%A4%A`, `%zz`, a lone
 * `%`, an encoded surrogate). The router would otherwise keep such a path parameter literally —
 * a role granted to the subject `%E0%A4%A` — so the request is answered 400 before any route
 * sees it. (Query parameters are each route's schema's to check: a bad `cursor` is a field error.)
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

/** The first segment of the raw path that does not decode, or null. */
function undecodableSegment(rawPath: string): string | null {
  for (const segment of rawPath.split('/')) {
    if (!segment.includes('%')) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

export const validPercentEncoding = createMiddleware<AppEnv>(async (c, next) => {
  // Most URLs have no `%` anywhere: nothing to parse.
  const url = c.req.url;
  const segment = url.includes('%') ? undecodableSegment(new URL(url).pathname) : null;
  if (segment !== null) {
    throw new ApiError(400, 'bad_request.path_encoding', { segment: segment.slice(0, 100) });
  }
  await next();
});
