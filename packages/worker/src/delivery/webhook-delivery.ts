/**
 * One event to one webhook: sign and POST its payload, log the attempt, count failures in a row
 * (a success resets them) and disable the webhook, with the reason, after `DISABLE_AFTER`.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { webhookDeliveries, webhooks } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';
import { eventsQuery, toBridgekitEvent } from './event-view.ts';
import { payloadFor } from './payloads.ts';
import { signedPost } from './post.ts';

/** Failed deliveries in a row after which a webhook is disabled. */
export const DISABLE_AFTER = 10;

/** `retry`: try again later; `done`: delivered, or nothing (more) to do. */
export type DeliveryResult = 'done' | 'retry';

/** The secrets a delivery is signed with now: the current one, and the previous one while the rotation overlaps. */
export function signingSecrets(hook: { secret: string; previousSecret: string | null; previousSecretUntil: number | null }, now: number) {
  return hook.previousSecret && hook.previousSecretUntil !== null && hook.previousSecretUntil > now
    ? [hook.secret, hook.previousSecret]
    : [hook.secret];
}

export async function deliverWebhook(
  db: Database,
  message: { tenant: string; event: string; webhook: string },
  attempt: number,
  now = Date.now(),
): Promise<DeliveryResult> {
  const { tenant, event: eventId, webhook: webhookId } = message;
  const [hooks, found, delivered] = await db.batch([
    db
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.tenantId, tenant), eq(webhooks.id, webhookId))),
    eventsQuery(db, tenant, [eventId]),
    db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(eq(webhookDeliveries.eventId, eventId), eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.status, 'delivered')),
      )
      .limit(1),
  ]);
  const hook = hooks[0];
  const row = found[0];
  // Removed, disabled or unsubscribed since, or delivered already (a message sent twice): done.
  if (!hook || !row || !hook.enabled || !hook.events.includes(row.type) || delivered.length > 0) return 'done';
  // A webhook's receivers are anyone in a channel: events of cards kept to a unit's team or
  // private (and of their discussions) are not sent, whoever may read them (docs/cards.md).
  if (row.restricted === 1) return 'done';

  const event = toBridgekitEvent(row);
  const deliveryId = newId();
  const outcome = await signedPost({
    url: hook.url,
    body: payloadFor(hook.format, event),
    secrets: signingSecrets(hook, now),
    event: event.type,
    delivery: deliveryId,
    now,
  });
  const log = db.insert(webhookDeliveries).values({
    id: deliveryId,
    tenantId: tenant,
    webhookId,
    eventId,
    attempt,
    status: outcome.ok ? 'delivered' : 'failed',
    statusCode: outcome.statusCode,
    error: outcome.error,
    createdAt: now,
  });
  const thisHook = and(eq(webhooks.tenantId, tenant), eq(webhooks.id, webhookId));
  if (outcome.ok) {
    await db.batch([log, db.update(webhooks).set({ consecutiveFailures: 0 }).where(thisHook)]);
    return 'done';
  }
  const failures = sql`${webhooks.consecutiveFailures} + 1`;
  const reason = `${DISABLE_AFTER} deliveries in a row failed; the last: ${outcome.error}`;
  const [, counted] = await db.batch([
    log,
    db
      .update(webhooks)
      .set({
        consecutiveFailures: failures,
        enabled: sql`case when ${failures} >= ${DISABLE_AFTER} then 0 else ${webhooks.enabled} end`,
        disabledReason: sql`case when ${failures} >= ${DISABLE_AFTER} and ${webhooks.enabled} then ${reason} else ${webhooks.disabledReason} end`,
      })
      .where(thisHook)
      .returning({ enabled: webhooks.enabled }),
  ]);
  // Once disabled, its pending deliveries stop here; re-enabling it does not bring them back.
  return counted[0]?.enabled ? 'retry' : 'done';
}
