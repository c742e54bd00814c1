/**
 * Writes made without a connection (a vote, a comment), kept on the page and sent when the
 * browser is back online. Each write is sent again with the Idempotency-Key of its first try, so
 * the server counts it once even if that try reached it after all (docs/widgets.md "Offline").
 */
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { unreachable } from './offline.ts';

/** The longest wait between tries while the browser thinks it is online but the API is out of reach. */
const MAX_WAIT_MS = 30_000;

/** Resolves when the browser is back online, or — if it thinks it is — after `ms` or an `online` event. */
function backOnline(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = navigator.onLine === false ? undefined : setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}

/**
 * Sends `send` once the connection is back, and again while the API stays out of reach or
 * still runs the first try (409 with Retry-After). `send` must reuse the Idempotency-Key of the
 * write's first try. Settles with its answer, or its failure for any other reason.
 *
 * @example
 * const key = crypto.randomUUID();
 * const comment = await sendWhenOnline(() => client.threads.post({ key: 'page', body, idempotencyKey: key }));
 */
export async function sendWhenOnline<T>(send: () => Promise<T>): Promise<T> {
  let wait = 1000;
  for (;;) {
    await backOnline(wait);
    try {
      return await send();
    } catch (err) {
      if (isBridgekitError(err) && err.reason === 'conflict.idempotency_key_in_flight') {
        wait = Number(err.params.retryAfter ?? 1) * 1000;
      } else if (unreachable(err)) {
        wait = Math.min(wait * 2, MAX_WAIT_MS);
      } else {
        throw err;
      }
    }
  }
}
