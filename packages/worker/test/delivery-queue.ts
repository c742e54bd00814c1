/**
 * Running the delivery queue in tests: the Worker's own `queue` and `scheduled` handlers, with
 * `createMessageBatch` / `getQueueResult` from cloudflare:test, and a recorder in place of the
 * queue binding, so a test sees what the Worker sent and hands it to the consumer itself.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, type QueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { DeliveryMessage, DeliveryQueue } from '../src/delivery/messages.ts';
import worker from '../src/dev/index.ts';
import { RECEIVER, type Received } from './fake-webhook-receiver.ts';

export function recorder() {
  const sent: DeliveryMessage[] = [];
  const queue: DeliveryQueue = {
    async send(body) {
      sent.push(body);
    },
    async sendBatch(messages) {
      for (const m of messages) sent.push(m.body);
    },
  };
  /** What was sent since the last `take()`. */
  const take = () => sent.splice(0);
  return { queue, sent, take, env: { ...env, EVENTS: queue as unknown as Queue<DeliveryMessage> } };
}

let messageCount = 0;

/** Hands `messages` to the consumer as one batch (each with `attempts`), and answers what it acked or retried. */
export async function consume(
  messages: DeliveryMessage[],
  { attempts = 1, via = recorder() }: { attempts?: number; via?: ReturnType<typeof recorder> } = {},
): Promise<QueueResult & { ids: string[] }> {
  const ids = messages.map(() => `msg-${++messageCount}`);
  const batch = createMessageBatch<DeliveryMessage>(
    'bridgekit-events-dev',
    messages.map((body, i) => ({ id: ids[i] as string, timestamp: new Date(), attempts, body })),
  );
  // getQueueResult() of @cloudflare/vitest-plugin 1.5 lists retried messages without the
  // `delaySeconds` they were retried with: record what each `retry()` was given.
  const delays = new Map<string, number | undefined>();
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    message.retry = (options?: QueueRetryOptions) => {
      delays.set(message.id, options?.delaySeconds);
      retry(options);
    };
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, via.env, ctx);
  const result = await getQueueResult(batch, ctx);
  return { ...result, retryMessages: result.retryMessages.map((m) => ({ ...m, delaySeconds: delays.get(m.msgId) })), ids };
}

export async function runCron(cron: '*/5 * * * *' | '0 * * * *', via: ReturnType<typeof recorder>, scheduledTime = Date.now()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime }), via.env, ctx);
}

/** A fresh receiver on the fake host (test/fake-webhook-receiver.ts), with its secrets. */
export async function receiver(name: string, secrets: string[], fail = 0) {
  const unique = `${name}-${crypto.randomUUID().slice(0, 8)}`;
  await fetch(`${RECEIVER}/control/${unique}`, { method: 'PUT', body: JSON.stringify({ secrets, fail }) });
  return {
    url: `${RECEIVER}/hooks/${unique}`,
    setUp: (s: string[], f = 0) => fetch(`${RECEIVER}/control/${unique}`, { method: 'PUT', body: JSON.stringify({ secrets: s, fail: f }) }),
    received: async () => (await (await fetch(`${RECEIVER}/control/${unique}`)).json()) as Received[],
  };
}
