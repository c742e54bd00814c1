/** Tells a thread's connected widgets about a change, after the response (never failing the write). */
import type { LiveEvent } from '@bridgekit/sdk';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

export function liveObjectName(tenantId: string, threadId: string): string {
  return `${tenantId}:${threadId}`;
}

export function notifyThread(c: Context<AppEnv>, threadId: string, ...events: LiveEvent[]): void {
  const namespace = c.env.THREAD_LIVE;
  if (!namespace || events.length === 0) return;
  const stub = namespace.get(namespace.idFromName(liveObjectName(c.var.tenant.id, threadId)));
  c.executionCtx.waitUntil(
    (async () => {
      for (const event of events) await stub.broadcast(event);
    })().catch((err: unknown) => console.warn('Live update not delivered', err)),
  );
}
