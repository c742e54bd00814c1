/**
 * The demo intranet page (`/demo/`), served from static assets in development only, under
 * the strict Content-Security-Policy SharePoint Online enforces, so the demo proves the
 * widgets need no inline script or style.
 */
import { Hono } from 'hono';
import { type AppEnv, isDevelopment } from '../env.ts';
import { routeNotFound } from '../errors.ts';

export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `/`: the demo in development; elsewhere a pointer to the API description. */
export const rootRoute = new Hono<AppEnv>().get('/', (c) =>
  isDevelopment(c.env) ? c.redirect('/demo/', 302) : c.json({ name: 'Bridgekit', api: '/v1/openapi.json' }),
);

export const demoRoutes = new Hono<AppEnv>().get('/*', async (c) => {
  if (!isDevelopment(c.env)) throw routeNotFound(c.req.method, c.req.path);
  const asset = await c.env.ASSETS.fetch(c.req.raw);
  const res = new Response(asset.body, asset);
  res.headers.set('content-security-policy', DEMO_CSP);
  return res;
});
