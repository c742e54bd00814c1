/**
 * Where Bridgekit may POST: a webhook's or the mail webhook's URL — https only, plain http only
 * to localhost and 127.0.0.1 in development, no credentials or fragment (the same rule as the
 * URLs of an OIDC provider, auth/oidc-endpoints.ts).
 */
import { providerUrlProblem } from '../auth/oidc-endpoints.ts';
import { fieldIssue, invalidFields } from '../errors.ts';

/** Throws the 400 for a receiver URL that is not allowed here. */
export function assertReceiverUrl(path: string, what: string, url: string, development: boolean): void {
  const problem = providerUrlProblem(what, url, development);
  if (problem) throw invalidFields([fieldIssue(path, 'field.url', { detail: problem })]);
}
