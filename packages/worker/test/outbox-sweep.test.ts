/**
 * The outbox sweep a write asks for (delivery/dispatch.ts `dispatchAfterWrites`): queued with a
 * short delay, at most one waiting per tenant in an isolate — the writes meanwhile share it — and
 * that one sweep sends every event those writes recorded, once.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SWEEP_DELAY_SECONDS } from '../src/delivery/dispatch.ts';
import type { DeliveryMessage } from '../src/delivery/messages.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import worker from '../src/dev/index.ts';
import { consume, recorder } from './delivery-queue.ts';
import { DEMO, json, token } from './helpers.ts';

/** A queue that records what was sent with the options it was sent with. */
function delayedRecorder() {
  const via = recorder();
  const options: (QueueSendOptions | undefined)[] = [];
  const queue = {
    ...via.queue,
    async send(body: DeliveryMessage, sendOptions?: QueueSendOptions) {
      options.push(sendOptions);
      await via.queue.send(body);
    },
  };
  return { ...via, options, env: { ...via.env, EVENTS: queue as unknown as Queue<DeliveryMessage> } };
}

async function submit(via: ReturnType<typeof delayedRecorder>, sub: string, title: string): Promise<string> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token({ sub, name: `Sweep ${sub}` })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title, description: 'For the outbox sweep test.' }),
    }),
    via.env,
    ctx,
  );
  expect(res.status).toBe(201);
  await waitOnExecutionContext(ctx);
  return (await json<{ id: string }>(res)).id;
}

const undispatched = async (ids: string[]) =>
  (
    await env.DB.prepare(
      `select count(*) as n from events where tenant_id = ? and item_id in (${ids.map(() => '?').join(', ')}) and dispatched_at is null`,
    )
      .bind(DEMO_TENANT.id, ...ids)
      .first<{ n: number }>()
  )?.n;

describe('the outbox sweep after writes', () => {
  it('is queued once, delayed, for the writes of its delay; it dispatches all their events; a later write queues another', async () => {
    const via = delayedRecorder();
    const first = await submit(via, 'sweep-a', 'Sweep test: label printers');
    const second = await submit(via, 'sweep-b', 'Sweep test: shared calendars');
    expect(via.take()).toEqual([{ kind: 'sweep', tenant: DEMO_TENANT.id }]);
    expect(via.options).toEqual([{ delaySeconds: SWEEP_DELAY_SECONDS }]);
    expect(await undispatched([first, second])).toBe(2);

    await consume([{ kind: 'sweep', tenant: DEMO_TENANT.id }], { via });
    expect(await undispatched([first, second])).toBe(0);

    // Once the queued sweep may have started, the next write asks for its own.
    await new Promise((resolve) => setTimeout(resolve, SWEEP_DELAY_SECONDS * 1000));
    const third = await submit(via, 'sweep-c', 'Sweep test: meeting room sensors');
    expect(via.take().filter((m) => m.kind === 'sweep')).toEqual([{ kind: 'sweep', tenant: DEMO_TENANT.id }]);
    expect(await undispatched([third])).toBe(1);
  });
});
