/** Webhooks and the tenant's mail webhook, as admins set them up (routes/webhooks.ts, routes/settings.ts). */
import {
  EVENT_TYPES,
  type MailSettings,
  type MailSettingsInput,
  type Webhook,
  type WebhookDelivery,
  type WebhookInput,
  type WebhookTestResult,
  type WebhookUpdate,
  type WebhookWithSecret,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { orNull, TenantParams } from './common.ts';
import { type Exact, expectType, requestType } from './contract.ts';
import { EventTypeSchema } from './notifications.ts';
import { text } from './text.ts';

/** Longest URL a webhook or the mail webhook may have. */
export const WEBHOOK_URL_MAX = 2000;

const URL_DESCRIPTION = 'https only (http only for localhost and 127.0.0.1 in development); no user name, password or fragment.';
const WebhookUrlSchema = z
  .string()
  .min(1)
  .max(WEBHOOK_URL_MAX)
  .openapi({ description: URL_DESCRIPTION, example: 'https://contoso.webhook.office.com/workflows/…' });

const EventTypesSchema = z
  .array(EventTypeSchema)
  .min(1)
  .max(EVENT_TYPES.length * 2);
const FormatSchema = z.enum(['raw', 'teams', 'slack']).openapi('WebhookFormat', {
  description: '`raw`: the event as JSON; `teams`: an Adaptive Card for a Teams workflow; `slack`: Block Kit.',
});
const DescriptionSchema = text('The description', { max: 500 });

export const WebhookParams = TenantParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'k3v9q0m2x7h1c8td' }),
});

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(EventTypeSchema),
    format: FormatSchema,
    description: z.string(),
    enabled: z.boolean(),
    disabledReason: orNull(z.string()).openapi({ description: 'Why it was disabled after repeated failures (the last status or error).' }),
    consecutiveFailures: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhook');
expectType<Exact<z.infer<typeof WebhookSchema>, Webhook>>(true);

export const WebhookWithSecretSchema = WebhookSchema.extend({
  secret: z.string().openapi({ description: 'Signs every delivery (HMAC-SHA256). Shown only in this answer.' }),
}).openapi('WebhookWithSecret');
expectType<Exact<z.infer<typeof WebhookWithSecretSchema>, WebhookWithSecret>>(true);

export const WebhookInputSchema = z
  .strictObject({
    url: WebhookUrlSchema,
    events: EventTypesSchema,
    format: FormatSchema.optional(),
    description: DescriptionSchema.optional(),
  })
  .openapi('WebhookInput');
requestType<WebhookInput>()(WebhookInputSchema, true);

export const WebhookUpdateSchema = z
  .strictObject({
    url: WebhookUrlSchema.optional(),
    events: EventTypesSchema.optional(),
    format: FormatSchema.optional(),
    description: DescriptionSchema.optional(),
    enabled: z.boolean().optional().openapi({ description: '`true` re-enables a webhook disabled after repeated failures.' }),
  })
  .openapi('WebhookUpdate');
requestType<WebhookUpdate>()(WebhookUpdateSchema, true);

export const WebhookDeliverySchema = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    eventId: z.string(),
    eventType: EventTypeSchema,
    attempt: z.number().int(),
    status: z.enum(['delivered', 'failed']),
    statusCode: orNull(z.number().int()),
    error: orNull(z.string()),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');
expectType<Exact<z.infer<typeof WebhookDeliverySchema>, WebhookDelivery>>(true);

export const WebhookTestResultSchema = z
  .object({ delivered: z.boolean(), statusCode: orNull(z.number().int()), error: orNull(z.string()) })
  .openapi('WebhookTestResult');
expectType<Exact<z.infer<typeof WebhookTestResultSchema>, WebhookTestResult>>(true);

export const MailSettingsSchema = z.object({ webhook: z.string() }).openapi('MailSettings', {
  description: "The tenant's mail webhook: each e-mail is POSTed to it as signed JSON `{ to, subject, text, html }`.",
});
expectType<Exact<z.infer<typeof MailSettingsSchema>, MailSettings>>(true);

/** At least 32 characters: the receiver checks signatures with it. */
export const MAIL_SECRET_MIN = 32;

export const MailSettingsInputSchema = z
  .strictObject({
    webhook: WebhookUrlSchema,
    secret: z
      .string()
      .min(MAIL_SECRET_MIN)
      .max(200)
      .regex(/^[\x21-\x7e]+$/, 'Printable ASCII without spaces.')
      .openapi({ description: 'Signs each call (`Bridgekit-Signature`). Write-only: never answered.' }),
  })
  .openapi('MailSettingsInput');
requestType<MailSettingsInput>()(MailSettingsInputSchema, true);
