/**
 * The one rule for whether a failed call may succeed if tried again: `transient` (the API could
 * not be reached, failed on its side, or asked to slow down) or `permanent` (the request itself
 * is wrong: an unknown board, card or tenant, a refused right, invalid input). Elements retry
 * transient failures by themselves (outage.ts) and offer no "Try again" for permanent ones.
 */
import { isBridgekitError } from '@bridgekit/sdk/errors';

export type FailureKind = 'transient' | 'permanent';

/**
 * How a failed call's error behaves on a retry. Anything that is not an answer of the API (a
 * part of the widget that did not load) counts as transient: the network is the likely cause.
 *
 * @example
 * failureKind(new BridgekitError(0, 'network_error', '…')); // 'transient'
 * failureKind(new BridgekitError(404, 'not_found', '…')); // 'permanent'
 */
export function failureKind(err: unknown): FailureKind {
  if (!isBridgekitError(err)) return 'transient';
  const { status } = err;
  return status === 0 || status === 408 || status === 429 || status >= 500 ? 'transient' : 'permanent';
}
