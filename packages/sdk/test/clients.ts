/** Clients of the demo tenant on the real Worker, signed in as test people, for the SDK's tests. */
import { token, workerFetch } from '../../worker/test/helpers.ts';
import { type BridgekitClient, type BridgekitError, createClient, isBridgekitError } from '../src/index.ts';

export const BASE = 'https://bridgekit.test';

/** A client signed in as `sub` (named `name`, of business unit `bu`, with role claims `roles`). */
export async function clientAs(sub: string, options: { name?: string; bu?: string; roles?: string[] } = {}): Promise<BridgekitClient> {
  const { name = sub, bu, roles = [] } = options;
  return createClient({ baseUrl: BASE, tenant: 'demo', token: await token({ sub, name, bu, extra: { roles } }), fetch: workerFetch });
}

/** The BridgekitError a call fails with; the test fails when it succeeds or fails otherwise. */
export async function failure(promise: Promise<unknown>): Promise<BridgekitError> {
  const err = await promise.catch((e: unknown) => e);
  if (!isBridgekitError(err)) throw new Error(`Expected a BridgekitError, got ${String(err)}`);
  return err;
}
