/**
 * hono with the one router the Worker's routes take. `Hono` routes through a `SmartRouter` that
 * tries `RegExpRouter` first and falls back to `TrieRouter` for routes the former cannot
 * compile; some of the Worker's cannot (`/tenants/:tenant/units/:key` beside routes naming the
 * same segment otherwise), so the smart router settles on `TrieRouter` at the first request,
 * and the bundle carries the other two (~1.7 KB gzip) for nothing. The production bundle
 * (scripts/bundle.ts) and the Worker's tests (test/worker-config.ts) read hono's `Hono`
 * through `withTrieRouterOnly`.
 */

/** hono's `Hono` module, as the bundle and Vite resolve it. */
export const HONO_MODULE = /[\\/]hono[\\/]dist[\\/]hono\.js$/;

const SMART_ROUTER = 'this.router = options.router ?? new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] });';

/** hono's `Hono` module routing with `TrieRouter` alone; throws if hono's source changed. */
export function withTrieRouterOnly(source: string): string {
  if (source.split(SMART_ROUTER).length !== 2) throw new Error("hono's Hono has no smart router as expected: update scripts/hono-trim.ts.");
  return source
    .replace(SMART_ROUTER, 'this.router = options.router ?? new TrieRouter();')
    .replace(/^import \{ (?:SmartRouter|RegExpRouter) \} from .*\n/gm, '');
}
