/**
 * Comment counts for many elements in few requests: references asked for in the same task are
 * sent together, up to 100 per request (the API's limit), each reference once.
 */
import type { BridgekitMemberClient, ThreadRef } from '@bridgekit/sdk';
import { countKeyOf } from '../../shared/thread-ref.ts';

const MAX_PER_REQUEST = 100;

interface Waiting {
  ref: ThreadRef;
  resolve(count: number): void;
  reject(err: unknown): void;
}

export class CountBatcher {
  readonly #client: BridgekitMemberClient;
  /** By the name the API answers under. */
  #waiting = new Map<string, Waiting[]>();
  #scheduled = false;

  constructor(client: BridgekitMemberClient) {
    this.#client = client;
  }

  /** The thread's published comments; rejects for a reference the API would refuse. */
  count(ref: ThreadRef): Promise<number> {
    const name = countKeyOf(ref);
    if (name === null) return Promise.reject(new TypeError(`Not a thread key or page URL: ${ref.key ?? ref.url}`));
    return new Promise((resolve, reject) => {
      const list = this.#waiting.get(name);
      if (list) list.push({ ref, resolve, reject });
      else this.#waiting.set(name, [{ ref, resolve, reject }]);
      if (!this.#scheduled) {
        this.#scheduled = true;
        // A macrotask: every element upgraded or updated in this task joins the batch.
        setTimeout(() => this.#flush(), 0);
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const entries = [...this.#waiting];
    this.#waiting.clear();
    for (let i = 0; i < entries.length; i += MAX_PER_REQUEST) void this.#send(entries.slice(i, i + MAX_PER_REQUEST));
  }

  async #send(batch: [string, Waiting[]][]): Promise<void> {
    const keys: string[] = [];
    const urls: string[] = [];
    for (const [name, [first]] of batch) {
      if (first?.ref.key !== undefined) keys.push(name);
      else urls.push(name);
    }
    try {
      const counts = await this.#client.threads.counts({ keys, urls });
      for (const [name, waiting] of batch) for (const w of waiting) w.resolve(counts[name] ?? 0);
    } catch (err) {
      for (const [, waiting] of batch) for (const w of waiting) w.reject(err);
    }
  }
}

const batchers = new WeakMap<BridgekitMemberClient, CountBatcher>();

/** The batcher of a client: elements that share a client share batches. */
export function countBatcher(client: BridgekitMemberClient): CountBatcher {
  let batcher = batchers.get(client);
  if (!batcher) {
    batcher = new CountBatcher(client);
    batchers.set(client, batcher);
  }
  return batcher;
}
