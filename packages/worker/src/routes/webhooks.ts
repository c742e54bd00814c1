/** A tenant's webhooks (admins): created and rotated with the secret shown once, changed, tested, removed; their delivery log. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { pingPayload } from '../delivery/payloads.ts';
import { signedPost } from '../delivery/post.ts';
import { assertReceiverUrl } from '../delivery/receiver-url.ts';
import { signingSecrets } from '../delivery/webhook-delivery.ts';
import { isDevelopment } from '../env.ts';
import { notFound } from '../errors.ts';
import { bearer, bodyErrors, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import {
  WebhookDeliverySchema,
  WebhookInputSchema,
  WebhookParams,
  WebhookSchema,
  WebhookTestResultSchema,
  WebhookUpdateSchema,
  WebhookWithSecretSchema,
} from '../schemas/webhooks.ts';
import {
  createWebhook,
  listWebhookDeliveries,
  listWebhooks,
  removeWebhook,
  rotateWebhookSecret,
  updateWebhook,
  webhookForDelivery,
} from '../store/webhooks.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

const tags = ['Webhooks'];

export const webhooksRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/webhooks',
      operationId: 'listWebhooks',
      security: bearer,
      tags,
      summary: 'List webhooks (admins)',
      request: { params: TenantParams },
      responses: {
        200: jsonContent(z.object({ items: z.array(WebhookSchema) }), 'Webhooks, oldest first; never their secrets.'),
        ...readErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'list webhooks');
      return c.json({ items: await listWebhooks(db, tenant.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/webhooks',
      operationId: 'createWebhook',
      security: bearer,
      tags,
      summary: 'Create a webhook (admins)',
      description:
        'Events of the chosen types are POSTed to `url`, signed with the secret in this answer (shown only here): `Bridgekit-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. `format`: `raw` (the event), `teams` (an Adaptive Card for a Teams workflow) or `slack` (Block Kit). The URL must be https (http only for localhost in development).',
      request: { params: TenantParams, body: jsonBody(WebhookInputSchema, examples.webhook) },
      responses: { 201: jsonContent(WebhookWithSecretSchema, 'The new webhook, with its secret.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'create webhooks');
      const input = c.req.valid('json');
      assertReceiverUrl('body.url', 'The webhook URL', input.url, isDevelopment(c.env));
      return c.json(await createWebhook(db, tenant.id, input, changeAuthorOf(c)), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/webhooks/{id}',
      operationId: 'updateWebhook',
      security: bearer,
      tags,
      summary: 'Change or re-enable a webhook (admins)',
      description: '`enabled: true` re-enables a webhook disabled after repeated failures and resets its count of failures.',
      request: { params: WebhookParams, body: jsonBody(WebhookUpdateSchema, examples.webhookUpdate) },
      responses: { 200: jsonContent(WebhookSchema, 'The webhook after the change.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'change webhooks');
      const update = c.req.valid('json');
      if (update.url !== undefined) assertReceiverUrl('body.url', 'The webhook URL', update.url, isDevelopment(c.env));
      return c.json(await updateWebhook(db, tenant.id, c.req.valid('param').id, update, changeAuthorOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/webhooks/{id}',
      operationId: 'removeWebhook',
      security: bearer,
      tags,
      summary: 'Remove a webhook and its delivery log (admins)',
      request: { params: WebhookParams },
      responses: { 200: jsonContent(WebhookSchema, 'The removed webhook.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'remove webhooks');
      return c.json(await removeWebhook(db, tenant.id, c.req.valid('param').id, changeAuthorOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/webhooks/{id}/rotate-secret',
      operationId: 'rotateWebhookSecret',
      security: bearer,
      tags,
      summary: "Rotate a webhook's secret (admins)",
      description:
        'A new secret, shown only in this answer. For 24 hours deliveries carry two `v1` signatures, one per secret, so the receiver can switch over.',
      request: { params: WebhookParams },
      responses: { 200: jsonContent(WebhookWithSecretSchema, 'The webhook, with its new secret.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'rotate webhook secrets');
      return c.json(await rotateWebhookSecret(db, tenant.id, c.req.valid('param').id, changeAuthorOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/webhooks/{id}/deliveries',
      operationId: 'listWebhookDeliveries',
      security: bearer,
      tags,
      summary: "A webhook's delivery log (admins)",
      description: 'The latest 100 attempts, newest first: each with its attempt number, status code or error.',
      request: { params: WebhookParams },
      responses: { 200: jsonContent(z.object({ items: z.array(WebhookDeliverySchema) }), 'Attempts, newest first.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', "read webhooks' deliveries");
      return c.json({ items: await listWebhookDeliveries(db, tenant.id, c.req.valid('param').id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/webhooks/{id}/test',
      operationId: 'testWebhook',
      security: bearer,
      tags,
      summary: 'Send a test delivery (admins)',
      description:
        "POSTs a signed `ping` (header `Bridgekit-Event: ping`) in the webhook's format now, even to a disabled webhook, and answers what the receiver said. It is not logged as a delivery and does not count as a failure.",
      request: { params: WebhookParams },
      responses: { 200: jsonContent(WebhookTestResultSchema, "The receiver's answer."), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'test webhooks');
      const { id } = c.req.valid('param');
      const hook = await webhookForDelivery(db, tenant.id, id);
      if (!hook) throw notFound('not_found.webhook', { id });
      const now = Date.now();
      const outcome = await signedPost({
        url: hook.url,
        body: pingPayload(hook.format, tenant, hook.id, now),
        secrets: signingSecrets(hook, now),
        event: 'ping',
        now,
      });
      return c.json({ delivered: outcome.ok, statusCode: outcome.statusCode, error: outcome.error }, 200);
    },
  );
