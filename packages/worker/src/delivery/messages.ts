/**
 * What travels on the delivery queue (wrangler.jsonc `EVENTS`). One message is one thing that can
 * fail and be retried on its own: a sweep of a tenant's undispatched events, one event to one
 * webhook, one immediate e-mail, one person's digest. Ids only: the consumer reads the rows, so a
 * retry sends what is current (a rotated secret, a changed URL).
 */
export type DeliveryMessage =
  /** Fan out the tenant's events that have not been dispatched yet (after a write). */
  | { kind: 'sweep'; tenant: string }
  /** One event to one webhook. */
  | { kind: 'webhook'; tenant: string; event: string; webhook: string }
  /** One notification, by e-mail at once. */
  | { kind: 'mail'; tenant: string; notification: string }
  /** One person's daily or weekly digest, if their last one went out before `due` (epoch ms). */
  | { kind: 'digest'; tenant: string; user: string; cadence: DigestCadence; due: number };

export type DigestCadence = 'daily' | 'weekly';

/** The queue as the Worker uses it (`Queue<DeliveryMessage>`; a test may pass a recorder with the same two methods). */
export interface DeliveryQueue {
  send(body: DeliveryMessage, options?: QueueSendOptions): Promise<unknown>;
  sendBatch(messages: Iterable<MessageSendRequest<DeliveryMessage>>): Promise<unknown>;
}

/** At most this many messages per `sendBatch` (the Queues limit). */
const SEND_BATCH_MAX = 100;

export async function sendAll(queue: DeliveryQueue, messages: DeliveryMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += SEND_BATCH_MAX) {
    await queue.sendBatch(messages.slice(i, i + SEND_BATCH_MAX).map((body) => ({ body, contentType: 'json' as const })));
  }
}

/**
 * Seconds before the next try after `attempts` failed ones: 30 s, 1 min, 2 min… doubling, at most
 * 6 hours (Queues accepts up to 12). With the consumer's `max_retries` of 10 a delivery is tried
 * for about 8.5 hours before it is given up.
 *
 * @example
 * retryDelay(1); // 30
 * retryDelay(3); // 120
 */
export function retryDelay(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60);
}
