/**
 * The Worker's queue consumer and cron handler (exported by src/index.ts and src/dev/index.ts
 * beside `fetch`). Each message is acknowledged or retried on its own, with exponential back-off
 * (`retryDelay`); a message that throws is retried the same way, and after the consumer's
 * `max_retries` (wrangler.jsonc) it goes to the dead letter queue.
 */
import { database } from '../db/client.ts';
import type { Bindings } from '../env.ts';
import { rollUpAll } from '../insights/rollup.ts';
import { deleteExpiredKeys } from '../store/idempotency.ts';
import { pruneExpired } from '../store/retention.ts';
import { deliverDigest, dueDigests } from './digests.ts';
import { dispatchTenant, tenantsWithPendingEvents } from './dispatch.ts';
import { deliverImmediateMail } from './mail.ts';
import { type DeliveryMessage, type DeliveryQueue, retryDelay, sendAll } from './messages.ts';
import { recordReviewEvents } from './reviews.ts';
import { type DeliveryResult, deliverWebhook } from './webhook-delivery.ts';

/** The cron sweep leaves events this young to the sweep their write asked for. */
export const SWEEP_GRACE_MS = 60_000;
/** The hourly cron (wrangler.jsonc `triggers.crons`); every other one is the sweep. */
export const HOURLY_CRON = '0 * * * *';

function queueOf(env: Bindings): DeliveryQueue {
  if (!env.EVENTS) throw new Error('The EVENTS queue binding is missing (wrangler.jsonc "queues").');
  return env.EVENTS;
}

async function handle(env: Bindings, body: DeliveryMessage, attempts: number): Promise<DeliveryResult> {
  const db = database(env.DB);
  switch (body.kind) {
    case 'sweep': {
      const { more } = await dispatchTenant(db, queueOf(env), body.tenant);
      if (more) await queueOf(env).send(body);
      return 'done';
    }
    case 'webhook':
      return deliverWebhook(db, body, attempts);
    case 'mail':
      return deliverImmediateMail(db, body);
    case 'digest':
      return deliverDigest(db, body);
  }
}

export async function queue(batch: MessageBatch<DeliveryMessage>, env: Bindings, _ctx?: ExecutionContext): Promise<void> {
  // One at a time: deliveries to one receiver stay in order, and a batch is small (max_batch_size).
  for (const message of batch.messages) {
    let result: DeliveryResult;
    try {
      result = await handle(env, message.body, message.attempts);
    } catch (err) {
      console.error(`Delivery message ${message.id} (${message.body.kind}) failed`, err);
      result = 'retry';
    }
    if (result === 'retry') message.retry({ delaySeconds: retryDelay(message.attempts) });
    else message.ack();
  }
}

/**
 * Every few minutes: the outbox sweep. Hourly: review events, the digests that are due, the
 * cockpit's rollups, idempotency keys older than a day, and what is past its retention (store/retention.ts).
 */
export async function scheduled(controller: ScheduledController, env: Bindings, _ctx?: ExecutionContext): Promise<void> {
  const db = database(env.DB);
  const events = queueOf(env);
  const now = controller.scheduledTime;
  if (controller.cron === HOURLY_CRON) {
    await recordReviewEvents(db, now);
    await sendAll(events, await dueDigests(db, now));
    await rollUpAll(db, now);
    await deleteExpiredKeys(db, now);
    await pruneExpired(db, now);
    return;
  }
  for (const tenant of await tenantsWithPendingEvents(db, now - SWEEP_GRACE_MS)) {
    try {
      const { more } = await dispatchTenant(db, events, tenant, { now, createdUntil: now - SWEEP_GRACE_MS });
      if (more) await events.send({ kind: 'sweep', tenant });
    } catch (err) {
      console.error(`Outbox sweep of tenant ${tenant} failed`, err);
    }
  }
}
