/**
 * Entry point of the development Worker (wrangler.jsonc's `env.dev`: `pnpm dev` and the
 * tests): the production Worker (../app.ts) plus what only development has — `/` opening the
 * demo page, the demo page under `/demo/`, the demo people in the sign-in window, and token
 * minting under `/v1/dev/*`. The production entry (../index.ts) imports nothing from here, so
 * none of it is in the bundle that is deployed (scripts/production-bundle.test.ts reads the
 * built bundle to prove it). Each part still checks `BRIDGEKIT_ENV` as a second lock.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { app } from '../app.ts';
import { queue, scheduled } from '../delivery/handlers.ts';
import type { DeliveryMessage } from '../delivery/messages.ts';
import { type AppEnv, type Bindings, isDevelopment } from '../env.ts';
import { routeNotFound, toErrorResponse } from '../errors.ts';
import { demoRoutes } from '../routes/demo.ts';
import { developmentOnly, devRoutes } from '../routes/dev.ts';
import { DEMO_USERS } from './demo-data.ts';

export { ThreadLive } from '../live/thread-live.ts';

const demoPeople = DEMO_USERS.map(({ key, name, businessUnit }) => ({ key, name, businessUnit }));

const development = new Hono<AppEnv>();

// Before the production routes, which answer `/` with a pointer to the API description.
development.get('/', (c, next) => (isDevelopment(c.env) ? c.redirect('/demo/', 302) : next()));
// The frame pages offer to sign in, and the sign-in window lists the demo people.
development.use('/embed/*', async (c, next) => {
  if (isDevelopment(c.env)) c.set('demoPeople', demoPeople);
  await next();
});

development.route('/', app);

// After them, so the production middleware (security headers, body limit, JSON only) runs first.
development.use('/v1/dev/*', developmentOnly);
// Development pages and tests on other local ports (Vitest's browser page) mint demo tokens too.
development.use('/v1/dev/*', cors({ origin: (origin) => (/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin) ? origin : null) }));
development.route('/v1/dev', devRoutes);
development.route('/demo', demoRoutes);

development.notFound((c) => toErrorResponse(routeNotFound(c.req.method, c.req.path), c));
development.onError(toErrorResponse);

// The same queue consumer and cron handlers as production.
export default { fetch: development.fetch, queue, scheduled } satisfies ExportedHandler<Bindings, DeliveryMessage>;
