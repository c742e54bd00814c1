/**
 * Errors of the Worker's one JSON error shape, as a console form shows them: each field issue
 * (`details[].path`, e.g. `body.statuses.1.label`) at its field, keyed without the `body.`
 * prefix, and one sentence for the whole form.
 */
import { type ErrorReason, isBridgekitError } from '@bridgekit/sdk';
import { signOut } from '../session.ts';

export interface FormErrors {
  /** For the form as a whole: what went wrong, or what to do. */
  message: string;
  /** Messages by field path without `body.` (`name`, `settings.voting.budget`, `statuses.1.label`). */
  fields: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { message: '', fields: {} };

/**
 * What to show for a failed call. A 401 ends the session (the token expired or was revoked).
 * `byReason` places an answer without field issues at a field by its reason (a 409 for a taken
 * key names no field, but belongs at the key).
 *
 * @example
 * try { await adminClient().admin.units.create(input); }
 * catch (err) { errors.value = formErrors(err, { 'conflict.unit_key_taken': 'key' }); }
 */
export function formErrors(err: unknown, byReason: Partial<Record<ErrorReason, string>> = {}): FormErrors {
  if (!isBridgekitError(err)) return { message: err instanceof Error ? err.message : String(err), fields: {} };
  if (err.status === 401) {
    signOut();
    return { message: `${err.message} Sign in again.`, fields: {} };
  }
  if (err.code === 'network_error') {
    return {
      message: 'The Worker did not answer, or did not share its answer with this page (see “Before you start” on the sign-in page).',
      fields: {},
    };
  }
  const fields: Record<string, string> = {};
  for (const issue of err.details) {
    const key = issue.path.replace(/^body\./, '');
    fields[key] = fields[key] ? `${fields[key]} ${issue.message}` : issue.message;
  }
  const field = err.reason ? byReason[err.reason] : undefined;
  if (field && !fields[field]) fields[field] = err.message;
  const count = Object.keys(fields).length;
  const message = count > 0 ? `Not saved: ${count === 1 ? 'one field needs' : `${count} fields need`} a change.` : err.message;
  return { message, fields };
}
