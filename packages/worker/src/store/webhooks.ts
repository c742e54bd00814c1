/**
 * A tenant's webhooks as admins manage them: created and rotated with their secret shown once,
 * changed, re-enabled, removed; and their delivery log. Delivery itself is src/delivery/.
 */
import type { Webhook, WebhookDelivery, WebhookInput, WebhookUpdate, WebhookWithSecret } from '@bridgekit/sdk';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { events, webhookDeliveries, webhooks } from '../db/schema.ts';
import { newSigningSecret } from '../delivery/signing.ts';
import { notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { type ChangeAuthor, logChange, setFields } from './config-log.ts';

/** After a rotation, the previous secret signs too for this long, so receivers can switch over. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;
/** The delivery log shows the latest attempts. */
export const DELIVERY_LOG_LIMIT = 100;

type Row = typeof webhooks.$inferSelect;

function toWebhook(row: Row): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    format: row.format,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    createdAt: isoTime(row.createdAt),
    updatedAt: isoTime(row.updatedAt),
  };
}

const unique = <T>(values: readonly T[]) => [...new Set(values)];
const byId = (tenantId: string, id: string) => and(eq(webhooks.tenantId, tenantId), eq(webhooks.id, id));

export async function listWebhooks(db: Database, tenantId: string): Promise<Webhook[]> {
  const rows = await db.select().from(webhooks).where(eq(webhooks.tenantId, tenantId)).orderBy(webhooks.createdAt, webhooks.id);
  return rows.map(toWebhook);
}

export async function createWebhook(
  db: Database,
  tenantId: string,
  input: WebhookInput,
  by: ChangeAuthor,
  now = Date.now(),
): Promise<WebhookWithSecret> {
  const secret = newSigningSecret();
  const id = newId();
  const values = { url: input.url, events: unique(input.events), format: input.format ?? 'raw', description: input.description ?? '' };
  const [[row]] = await db.batch([
    db
      .insert(webhooks)
      .values({ id, tenantId, ...values, secret, createdAt: now, updatedAt: now })
      .returning(),
    logChange(db, tenantId, by, { action: 'webhook.created', target: id, changes: setFields(values) }, { now }),
  ]);
  if (!row) throw new Error('insert returned no row');
  return { ...toWebhook(row), secret };
}

/** `enabled: true` re-enables a disabled webhook and forgets its failures. */
export async function updateWebhook(
  db: Database,
  tenantId: string,
  id: string,
  update: WebhookUpdate,
  by: ChangeAuthor,
  now = Date.now(),
): Promise<Webhook> {
  const set: Partial<typeof webhooks.$inferInsert> = { updatedAt: now };
  if (update.url !== undefined) set.url = update.url;
  if (update.events !== undefined) set.events = unique(update.events);
  if (update.format !== undefined) set.format = update.format;
  if (update.description !== undefined) set.description = update.description;
  if (update.enabled === true) Object.assign(set, { enabled: true, disabledReason: null, consecutiveFailures: 0 });
  if (update.enabled === false) Object.assign(set, { enabled: false, disabledReason: null });
  const [[row]] = await db.batch([
    db.update(webhooks).set(set).where(byId(tenantId, id)).returning(),
    logChange(db, tenantId, by, { action: 'webhook.updated', target: id, changes: setFields({ ...update }) }, { ifChanged: true, now }),
  ]);
  if (!row) throw notFound('not_found.webhook', { id });
  return toWebhook(row);
}

export async function removeWebhook(db: Database, tenantId: string, id: string, by: ChangeAuthor): Promise<Webhook> {
  const [[row]] = await db.batch([
    db.delete(webhooks).where(byId(tenantId, id)).returning(),
    logChange(db, tenantId, by, { action: 'webhook.removed', target: id }, { ifChanged: true }),
  ]);
  if (!row) throw notFound('not_found.webhook', { id });
  return toWebhook(row);
}

/** A new secret, shown this once; the current one keeps signing too for `ROTATION_OVERLAP_MS`. */
export async function rotateWebhookSecret(
  db: Database,
  tenantId: string,
  id: string,
  by: ChangeAuthor,
  now = Date.now(),
): Promise<WebhookWithSecret> {
  const secret = newSigningSecret();
  const [[row]] = await db.batch([
    db
      .update(webhooks)
      .set({ secret, previousSecret: webhooks.secret, previousSecretUntil: now + ROTATION_OVERLAP_MS, updatedAt: now })
      .where(byId(tenantId, id))
      .returning(),
    logChange(db, tenantId, by, { action: 'webhook.secret_rotated', target: id }, { ifChanged: true, now }),
  ]);
  if (!row) throw notFound('not_found.webhook', { id });
  return { ...toWebhook(row), secret };
}

/** The webhook with its secrets, for signing a delivery or a test (never answered to a client). */
export async function webhookForDelivery(db: Database, tenantId: string, id: string) {
  return (await db.select().from(webhooks).where(byId(tenantId, id)).get()) ?? null;
}

/** The latest attempts, newest first; 404 for a webhook that is not the tenant's. One round trip. */
export async function listWebhookDeliveries(db: Database, tenantId: string, id: string): Promise<WebhookDelivery[]> {
  const [hooks, rows] = await db.batch([
    db.select({ id: webhooks.id }).from(webhooks).where(byId(tenantId, id)),
    db
      .select({ delivery: webhookDeliveries, eventType: events.type })
      .from(webhookDeliveries)
      .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.webhookId, id)))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(DELIVERY_LOG_LIMIT),
  ]);
  if (hooks.length === 0) throw notFound('not_found.webhook', { id });
  return rows.map(({ delivery, eventType }) => ({
    id: delivery.id,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    eventType,
    attempt: delivery.attempt,
    status: delivery.status,
    statusCode: delivery.statusCode,
    error: delivery.error,
    createdAt: isoTime(delivery.createdAt),
  }));
}
