/**
 * The Bridgekit HTTP API: one Hono app, one route file per resource under `/v1`, request
 * validation from the shared zod schemas (which also generate `/v1/openapi.json`), and every
 * error mapped in one place to `{ "error": { "code", "message", "details"? } }`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { identify } from './auth/identify.ts';
import type { AppEnv } from './env.ts';
import { ApiError, routeNotFound, toErrorResponse } from './errors.ts';
import { boardsRoutes } from './routes/boards.ts';
import { demoRoutes, rootRoute } from './routes/demo.ts';
import { developmentOnly, devRoutes } from './routes/dev.ts';
import { ideasRoutes } from './routes/ideas.ts';
import { meRoutes } from './routes/me.ts';

/** Largest request body the API reads. Ideas are at most 5,000 characters; JSON escaping can triple that. */
export const MAX_BODY_BYTES = 64 * 1024;

const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const hasBody = c.req.method === 'POST' || c.req.method === 'PATCH' || c.req.header('content-length') !== undefined;
  const type = c.req.header('content-type') ?? '';
  if (hasBody && c.req.header('content-length') !== '0' && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the request body as JSON with "Content-Type: application/json" (got "${type || 'none'}").`,
    );
  }
  await next();
});

export const app = new OpenAPIHono<AppEnv>();

app.use(
  '*',
  secureHeaders({
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
  }),
);
app.use(
  '/v1/*',
  cors({
    // Bearer tokens, never cookies: any page may call, and only a valid token writes. The
    // identity issue narrows this to each tenant's allowed origins.
    origin: '*',
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['authorization', 'content-type'],
    exposeHeaders: ['retry-after'],
    maxAge: 600,
  }),
);
app.use(
  '/v1/*',
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
    },
  }),
);
app.use('/v1/*', requireJsonBody);
app.use('/v1/tenants/:tenant/*', identify);

app.route('/v1', boardsRoutes);
app.route('/v1', ideasRoutes);
app.route('/v1', meRoutes);

app.use('/v1/dev/*', developmentOnly);
app.route('/v1/dev', devRoutes);
app.route('/demo', demoRoutes);
app.route('/', rootRoute);

app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description: "An embed token signed by the host intranet with the tenant's embed secret (HS256).",
});
app.doc31('/v1/openapi.json', {
  openapi: '3.1.0',
  info: {
    title: 'Bridgekit API',
    version: '1.0.0',
    description: 'Discussion threads, practice cards and idea voting for IT business relationship management communities.',
  },
});

app.notFound((c) => toErrorResponse(routeNotFound(c.req.method, c.req.path), c));
app.onError(toErrorResponse);
