import type { ErrorReason, ReasonParams } from './reasons.ts';
import type { ErrorCode, FieldIssue } from './types.ts';

/** What a `BridgekitError` carries besides its status, code, message and field issues. */
export interface BridgekitErrorOptions extends ErrorOptions {
  reason?: ErrorReason | null;
  params?: ReasonParams;
  requestId?: string | null;
}

/**
 * Thrown for every failed call: an error answer from the API (with its `status`, `code`, the
 * exact `reason` with its `params`, field-level `details` and the `requestId` of the Worker's
 * log), an unreachable API (`status` 0, code `network_error`), or an answer that is not the
 * API's JSON (`invalid_response`). Show `reason` in the reader's language; `message` is English.
 * `params.retryAfter` is the API's `Retry-After` in seconds; an `invalid_response` has the `Response` as `cause`.
 *
 * @example
 * try {
 *   await bk.ideas.create({ board: 'general', title: 'x' });
 * } catch (err) {
 *   if (isBridgekitError(err) && err.code === 'validation_failed') showFieldErrors(err.details);
 * }
 */
export class BridgekitError extends Error {
  override readonly name = 'BridgekitError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: FieldIssue[];
  // Declared, not emitted as fields: assigned in the constructor (fewer bytes in every widget page).
  /** The API's reason (`rate_limited.writes`…); `null` for the SDK's own errors. */
  declare readonly reason: ErrorReason | null;
  declare readonly params: ReasonParams;
  /** The id of the request in the Worker's log (`error.requestId`, also the `x-request-id` header). */
  declare readonly requestId: string | null;

  constructor(status: number, code: ErrorCode, message: string, details: FieldIssue[] = [], options: BridgekitErrorOptions = {}) {
    super(message, options);
    this.status = status;
    this.code = code;
    this.details = details;
    Object.assign(this, { reason: options.reason ?? null, params: options.params ?? {}, requestId: options.requestId ?? null });
  }
}

/** Type guard that also works across bundles (two copies of the SDK on one page). */
export function isBridgekitError(value: unknown): value is BridgekitError {
  return value instanceof BridgekitError || (value instanceof Error && value.name === 'BridgekitError' && 'code' in value);
}
