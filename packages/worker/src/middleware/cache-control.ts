/**
 * `Cache-Control` on every answer under `/v1`. Nearly all of them depend on the caller — their
 * token, their tenant's settings, their own votes and reactions, their errors — so no shared
 * cache (a proxy, a CDN) may keep one and no browser may store one: `private, no-store`. The API
 * description is the same for everyone and may be cached by anyone for a few minutes. This is
 * the one rule; middleware/answer-headers.ts puts it on every answer, over whatever a route set.
 */

export const PERSONAL = 'private, no-store';
/** `/v1/openapi.json`: public, and stale for at most five minutes after a deployment. */
export const PUBLIC_DESCRIPTION = 'public, max-age=300';

const PUBLIC_PATHS = new Set(['/v1/openapi.json']);

/** Whether the answer's `Cache-Control` depends on its status; else every answer on the path is {@link PERSONAL}. */
export const isPublicPath = (path: string): boolean => PUBLIC_PATHS.has(path);

/** The `Cache-Control` of an answer on `path` (under `/v1`) with `status`. */
export function cacheControlOf(path: string, status: number): string {
  return status >= 200 && status < 300 && isPublicPath(path) ? PUBLIC_DESCRIPTION : PERSONAL;
}
