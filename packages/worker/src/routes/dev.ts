/**
 * Development-only routes: the demo users and a token minting endpoint for the demo page's
 * user switcher. Mounted by the development Worker only (src/dev/index.ts), so the production
 * bundle does not contain them, and behind `developmentOnly` there too.
 */
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { mintEmbedToken } from '../auth/embed-token.ts';
import { database } from '../db/client.ts';
import { DEMO_USERS } from '../dev/demo-data.ts';
import { type AppEnv, isDevelopment } from '../env.ts';
import { ApiError, notFound, routeNotFound, validationError } from '../errors.ts';
import { findTenantBySlug } from '../store/tenants.ts';

export const DEV_TOKEN_LIFETIME_SECONDS = 15 * 60;

export const developmentOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!isDevelopment(c.env)) throw routeNotFound(c.req.method, c.req.path);
  await next();
});

/** A seeded demo user by key, or any person (tests, benchmarks) by subject and name. */
const TokenRequest = z.union([
  z.strictObject({ tenant: z.string().min(1), user: z.string().min(1) }),
  z.strictObject({
    tenant: z.string().min(1),
    sub: z.string().min(1).max(255),
    name: z.string().min(1).max(200),
    bu: z.string().max(100).optional(),
  }),
]);

export const devRoutes = new Hono<AppEnv>()
  .get('/users', (c) => c.json({ items: DEMO_USERS.map(({ key, name, businessUnit, role }) => ({ key, name, businessUnit, role })) }))
  .post('/token', async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new ApiError(400, 'malformed_json.body', {});
    });
    const parsed = TokenRequest.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error, 'json');
    const request = parsed.data;
    const user =
      'user' in request
        ? DEMO_USERS.find((u) => u.key === request.user)
        : { subject: request.sub, name: request.name, email: undefined, businessUnit: request.bu };
    if (!user)
      throw notFound('not_found.demo_user', { id: 'user' in request ? request.user : '', users: DEMO_USERS.map((u) => u.key).join(', ') });
    const tenant = await findTenantBySlug(database(c.env.DB), parsed.data.tenant);
    if (!tenant) throw notFound('not_found.tenant', { id: parsed.data.tenant });
    const claims = { sub: user.subject, name: user.name, email: user.email, bu: user.businessUnit };
    return c.json(await mintEmbedToken(tenant, c.env.BRIDGEKIT_SECRET_KEY, claims, DEV_TOKEN_LIFETIME_SECONDS));
  });
