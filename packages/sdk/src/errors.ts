import type { ErrorCode, FieldIssue } from './types.ts';

/**
 * Thrown for every failed call: an error answer from the API (with its `status`, `code` and
 * field-level `details`), an unreachable API (`status` 0, code `network_error`), or an answer
 * that is not the API's JSON (`invalid_response`).
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

  constructor(status: number, code: ErrorCode, message: string, details: FieldIssue[] = [], options?: ErrorOptions) {
    super(message, options);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Type guard that also works across bundles (two copies of the SDK on one page). */
export function isBridgekitError(value: unknown): value is BridgekitError {
  return value instanceof BridgekitError || (value instanceof Error && value.name === 'BridgekitError' && 'code' in value);
}
