/**
 * The Bridgekit HTTP API: one Hono app, one route file per resource under `/v1`, request
 * validation from the shared zod schemas (which also generate `/v1/openapi.json`), and every
 * error mapped in one place to `{ "error": { "code", "reason", "params", "message", "details"?, "requestId" } }`.
 */
import { ARCHIVE_LIMITS } from '@bridgekit/sdk';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { dispatchAfterWrites } from './delivery/dispatch.ts';
import type { AppEnv } from './env.ts';
import { ApiError, routeNotFound, toErrorResponse } from './errors.ts';
import { loadHtmlEntities } from './markdown/entities.ts';
import { answerHeaders } from './middleware/answer-headers.ts';
import { consoleCors } from './middleware/console-cors.ts';
import { documentIdempotencyKey, idempotency } from './middleware/idempotency.ts';
import { validPercentEncoding } from './middleware/path-encoding.ts';
import { platformContext } from './middleware/platform-context.ts';
import { countRefusedWrites, rateLimit } from './middleware/rate-limit.ts';
import { tenantContext } from './middleware/tenant-context.ts';
import { apiKeysRoutes } from './routes/api-keys.ts';
import { archiveRoutes } from './routes/archive.ts';
import { boardsRoutes } from './routes/boards.ts';
import { businessUnitsRoutes } from './routes/business-units.ts';
import { cardsRoutes } from './routes/cards.ts';
import { commentPreviewsRoutes } from './routes/comment-previews.ts';
import { commentsRoutes } from './routes/comments.ts';
import { configLogRoutes } from './routes/config-log.ts';
import { embedRoutes } from './routes/embed.ts';
import { embedKeysRoutes } from './routes/embed-keys.ts';
import { healthRoutes } from './routes/health.ts';
import { ideaWorkflowRoutes } from './routes/idea-workflow.ts';
import { ideasRoutes } from './routes/ideas.ts';
import { insightsRoutes } from './routes/insights.ts';
import { intakeRoutes } from './routes/intake.ts';
import { liveRoutes } from './routes/live.ts';
import { meRoutes } from './routes/me.ts';
import { moderationRoutes } from './routes/moderation.ts';
import { notificationsRoutes } from './routes/notifications.ts';
import { oidcProvidersRoutes } from './routes/oidc-providers.ts';
import { originsRoutes } from './routes/origins.ts';
import { peopleRoutes } from './routes/people.ts';
import { personalDataRoutes } from './routes/personal-data.ts';
import { platformRoutes } from './routes/platform.ts';
import { rolesRoutes } from './routes/roles.ts';
import { scorecardRoutes } from './routes/scorecard.ts';
import { searchRoutes } from './routes/search.ts';
import { settingsRoutes } from './routes/settings.ts';
import { subscriptionsRoutes } from './routes/subscriptions.ts';
import { templatesRoutes } from './routes/templates.ts';
import { threadsRoutes } from './routes/threads.ts';
import { tokensRoutes } from './routes/tokens.ts';
import { usersRoutes } from './routes/users.ts';
import { valueRoutes } from './routes/value.ts';
import { votesRoutes } from './routes/votes.ts';
import { webhooksRoutes } from './routes/webhooks.ts';

/** Largest request body the API reads. Ideas are at most 5,000 characters; JSON escaping can triple that. */
export const MAX_BODY_BYTES = 64 * 1024;
/**
 * Largest body of a card save, which carries every field of the card: a template may give a
 * Markdown field 50,000 characters (MARKDOWN_MAX_LENGTH), which line breaks and non-ASCII text
 * can double in JSON. Everything a card save reads is linear in it.
 */
export const MAX_CARD_BODY_BYTES = 256 * 1024;
const CARD_SAVE = /^\/v1\/tenants\/[^/]+\/cards(?:\/[^/]+(?:\/restore)?)?$/;
/** A chunk of an archive to import: up to 1,000 lines (docs/data.md). */
export const MAX_IMPORT_BODY_BYTES = ARCHIVE_LIMITS.bodyBytes;
const IMPORT = /^\/v1\/tenants\/[^/]+\/import$/;

const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large.body', { maxKb: maxSize / 1024 });
    },
  });
const bodyLimits = { card: limitBody(MAX_CARD_BODY_BYTES), import: limitBody(MAX_IMPORT_BODY_BYTES), other: limitBody(MAX_BODY_BYTES) };

const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const length = c.req.header('content-length');
  const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
  const type = c.req.header('content-type') ?? '';
  if (hasBody && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type.json_only', { type: type || 'none' });
  }
  await next();
});

export const app = new OpenAPIHono<AppEnv>();

// First, so that every answer names its request and carries the security headers and (under
// `/v1`) Cache-Control, errors and redirects included.
app.use('*', answerHeaders);
// markdown-it's entity table, once per isolate, before anything renders Markdown
// (markdown/entities.ts). Should the read fail, only a text with a named entity fails, when rendered.
// Scripts that ask the app in Node (the docs' API reference) pass no bindings and render nothing.
app.use('/v1/*', async (c, next) => {
  if (c.env?.ASSETS) await loadHtmlEntities(c.env.ASSETS).catch((err: unknown) => console.error(err));
  await next();
});
// Tenant routes answer CORS themselves, for each tenant's allowed origins (tenant-context.ts);
// the API description is public.
app.use('/v1/openapi.json', cors({ origin: '*' }));
// Tenant first: its CORS headers must be on every answer a page may need to read, errors included.
app.use('/v1/tenants/:tenant/*', countRefusedWrites);
app.use('/v1/tenants/:tenant/*', tenantContext);
// The operator's routes answer CORS for the admin console's origins only (BRIDGEKIT_CONSOLE_ORIGINS).
app.use('/v1/admin/*', consoleCors);
app.use('/v1/admin/*', platformContext);
app.use('/v1/*', validPercentEncoding);
app.use('/v1/*', (c, next) => {
  const limit = c.req.method === 'GET' ? 'other' : CARD_SAVE.test(c.req.path) ? 'card' : IMPORT.test(c.req.path) ? 'import' : 'other';
  return bodyLimits[limit](c, next);
});
app.use('/v1/*', requireJsonBody);
app.use('/v1/tenants/:tenant/*', rateLimit);
// Before anything writes: a retried write with an Idempotency-Key gets its first answer again.
app.use('/v1/tenants/:tenant/*', idempotency);
// After a successful write, the tenant's new events go out (delivery/dispatch.ts).
app.use('/v1/tenants/:tenant/*', dispatchAfterWrites);

for (const routes of [boardsRoutes, scorecardRoutes, ideasRoutes, votesRoutes, ideaWorkflowRoutes, meRoutes]) app.route('/v1', routes);
for (const routes of [threadsRoutes, commentsRoutes, commentPreviewsRoutes, moderationRoutes, usersRoutes, liveRoutes])
  app.route('/v1', routes);
for (const routes of [templatesRoutes, cardsRoutes]) app.route('/v1', routes);
app.route('/v1', searchRoutes);
app.route('/v1', peopleRoutes);
app.route('/v1', businessUnitsRoutes);
app.route('/v1', healthRoutes);
app.route('/v1', intakeRoutes);
app.route('/v1', insightsRoutes);
app.route('/v1', valueRoutes);
app.route('/v1', personalDataRoutes);
for (const routes of [notificationsRoutes, subscriptionsRoutes]) app.route('/v1', routes);
for (const routes of [
  settingsRoutes,
  embedKeysRoutes,
  originsRoutes,
  oidcProvidersRoutes,
  apiKeysRoutes,
  webhooksRoutes,
  rolesRoutes,
  archiveRoutes,
  configLogRoutes,
  tokensRoutes,
  platformRoutes,
]) {
  app.route('/v1', routes);
}

app.route('/embed', embedRoutes);
// The demo page, demo people and token minting are not here: the development Worker
// (src/dev/index.ts) adds them, so the production bundle does not contain them.
app.get('/', (c) => c.json({ name: 'Bridgekit', api: '/v1/openapi.json' }));

documentIdempotencyKey(app.openAPIRegistry);
app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'JWT',
  description:
    "An embed token signed by the host intranet with the tenant's embed secret (HS256), an OIDC access token from an issuer the tenant configured (Entra ID…), an API key (`bk_…`), or — for `/v1/admin/*` — the platform admin token.",
});
// Every operation names its operationId and security itself (test/openapi.test.ts); the global
// `security` is the default for any that would not. `servers` is relative: the API is at the
// origin that serves this document (docs/api.md).
app.doc31('/v1/openapi.json', {
  openapi: '3.1.0',
  info: {
    title: 'Bridgekit API',
    version: '1.0.0',
    description: 'Discussion threads, practice cards and idea voting for IT business relationship management communities.',
  },
  servers: [{ url: '/', description: 'The Bridgekit deployment that serves this document; paths start with `/v1`.' }],
  security: [{ bearerAuth: [] }],
});

app.notFound((c) => toErrorResponse(routeNotFound(c.req.method, c.req.path), c));
app.onError(toErrorResponse);
