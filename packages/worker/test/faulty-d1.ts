/**
 * A D1 binding that fails chosen round trips the way real D1 does (faults.test.ts). A round trip
 * is what countingD1 counts: a statement's `first`/`all`/`run`/`raw`, a `batch`, an `exec`. The
 * failure is D1's own error — `D1_ERROR: <text>`, the text as its cause — with the texts of
 * Cloudflare's "List of D1_ERRORs" (developers.cloudflare.com/d1/observability/debug-d1/). A
 * failed batch applies none of its statements (D1 runs a batch as one transaction); with
 * `committed`, the round trip reaches the database and only its answer is lost, as when the
 * connection drops after D1 committed.
 */

import { observedD1 } from './d1-proxy.ts';

/** D1's transient failures by a short name, with the text D1 throws for each. */
export const D1_FAULTS = {
  network: 'Network connection lost.',
  codeUpdated: 'D1 DB reset because its code was updated.',
  startingUp: 'Internal error while starting up D1 DB storage caused object to be reset.',
  storageReset: 'Internal error in D1 DB storage caused object to be reset.',
  remoteNode: 'Cannot resolve D1 DB due to transient issue on remote node.',
  /** D1's timeout: a storage operation that ran too long, its object reset (its transaction rolled back). */
  timeout: 'D1 DB storage operation exceeded timeout which caused object to be reset.',
  overloaded: 'D1 DB is overloaded. Requests queued for too long.',
  queueFull: 'D1 DB is overloaded. Too many requests queued.',
} as const;

export type D1Fault = keyof typeof D1_FAULTS;

/** The error D1's binding throws for an upstream failure (workerd's d1-api.ts). */
export const d1Error = (text: string): Error => new Error(`D1_ERROR: ${text}`, { cause: new Error(text) });

export interface FaultPlan {
  /** The round trips that fail, counted from 1. */
  failAt: readonly number[];
  fault?: D1Fault;
  /** The failing round trip is carried out and its answer lost (default: it never reaches D1). */
  committed?: boolean;
}

/**
 * Wraps `d1`: `trips` counts round trips, `failed` lists those that failed.
 *
 * @example
 * const { db, log } = faultyD1(env.DB, { failAt: [2], fault: 'timeout' });
 * await app.fetch(request, { ...env, DB: db }, ctx); // the second round trip throws D1's timeout
 */
export function faultyD1(d1: D1Database, plan: FaultPlan) {
  const log = { trips: 0, failed: [] as number[] };
  const text = D1_FAULTS[plan.fault ?? 'network'];

  /** One round trip: the real call, or D1's error in its place (or after it). */
  const roundTrip = async <T>(send: () => Promise<T>): Promise<T> => {
    const trip = ++log.trips;
    if (!plan.failAt.includes(trip)) return send();
    log.failed.push(trip);
    if (plan.committed) await send();
    throw d1Error(text);
  };

  const db = observedD1(d1, { roundTrip });
  return { db, log };
}
