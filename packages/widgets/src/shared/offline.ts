/**
 * Whether a write failed for want of a connection, and the offline queue (offline-queue.ts),
 * loaded only when one did: most pages never need it.
 */
import { isBridgekitError } from '@bridgekit/sdk/errors';

/** The browser says it is offline, or the API could not be reached. */
export const unreachable = (err?: unknown): boolean =>
  navigator.onLine === false || (isBridgekitError(err) && err.code === 'network_error');

/**
 * The offline queue, loaded on first use.
 *
 * @example
 * const { sendWhenOnline } = await offlineQueue();
 * const state = await sendWhenOnline(() => client.ideas.vote(id, { idempotencyKey: key }));
 */
export const offlineQueue = () => import('./offline-queue.ts');
