/**
 * Who reads the page, read once per client for every element on it: its own small module, so
 * that an element that only needs the viewer does not load the deep-link code of item-links.ts.
 */
import type { BridgekitMemberClient, Viewer } from '@bridgekit/sdk';

const viewers = new WeakMap<BridgekitMemberClient, Promise<Viewer>>();

/**
 * Who reads the page (`client.me()`: the person and their role, the tenant, its item pages), read
 * once per client and shared by every element; a failed read is tried again on the next call.
 * `signal` stops this caller's wait (it rejects with the signal's reason), not the shared read. A
 * client belongs to one sign-in: `configure()` (signing in or out) and an expired session give
 * elements new clients (`BridgekitElement.client`), which read it again.
 *
 * @example
 * const me = await viewer(client, signal).catch(() => null);
 * const moderator = me?.user?.role === 'moderator';
 */
export function viewer(client: BridgekitMemberClient, signal?: AbortSignal): Promise<Viewer> {
  let shared = viewers.get(client);
  if (!shared) {
    const reading = client.me();
    shared = reading;
    viewers.set(client, reading);
    reading.catch(() => {
      if (viewers.get(client) === reading) viewers.delete(client);
    });
  }
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(signal.reason);
  return Promise.race([
    shared,
    new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
  ]);
}
