/**
 * English texts of the API's reasons (`reason.<reason>`: errors, field issues, moderation holds)
 * and of failures on the server's side. The list is the SDK's registry (`REASONS`), whose English
 * texts the API's messages are written from; a few are said here in words for the people using
 * a widget rather than for developers. Both English and German load only when an element first
 * has an error or a moderation reason to show (errors.ts), so no page pays for them up front.
 */
import type { Reason } from '@bridgekit/sdk';
// The registry on its own (not the SDK's main entry), so that it stays in this lazily loaded chunk.
import { REASON_LIST, REASONS } from '@bridgekit/sdk/reasons';
import type { Message } from './en.ts';

/** The catalog key of a reason. */
export type ReasonKey = `reason.${Reason}`;

const registry = Object.fromEntries(REASON_LIST.map((reason) => [`reason.${reason}`, REASONS[reason]])) as Record<ReasonKey, Message>;

/** Where a widget's reader needs other words than the developer reading the API's answer. */
const forReaders = {
  'reason.unauthorized.sign_in': 'Sign in to take part.',
  'reason.unauthorized.read': 'Sign in to read this community.',
  'reason.not_found.tenant': 'This community does not exist here.',
  'reason.forbidden.origin': 'This page may not show this community. Ask the site’s administrators to allow {origin}.',
  'reason.forbidden.role': 'You cannot do this: it takes the {role} role. A community admin can grant it.',
  'reason.validation_failed.fields': 'Some of what you entered cannot be saved.',
  'reason.invalid_token.embed_claims': 'Your sign-in could not be read. Reload the page to sign in again.',
  'reason.internal_error.unexpected': 'Something went wrong on our side. Try again in a moment.',
  'reason.invalid_token.embed_no_secret': 'Signing in is not set up for this community yet. Ask the site’s administrators.',
  'reason.invalid_token.oidc_audience': 'Your sign-in is not meant for this service. Ask the site’s administrators.',
  'reason.unavailable.sign_in_misconfigured': 'Signing in with {issuer} is not possible right now. Ask the site’s administrators.',
} as const satisfies Partial<Record<ReasonKey, Message>>;

export const enErrors = {
  ...registry,
  ...forReaders,
  'error.server':
    'Something went wrong on our side (reference {requestId}). Try again; if it keeps failing, tell the site’s administrators.',
  // A failed load (outage.ts): the page's one banner while the service cannot be reached.
  'outage.unreachable': 'Can’t reach the service.',
  'outage.retrying': 'Retrying…',
  'outage.retryingIn': 'Retrying in {seconds} s.',
  'outage.retryingInMinutes': 'Retrying in {minutes} min.',
  'outage.tryNow': 'Try now',
  'outage.waiting': 'This part will load once the connection is back.',
  // For a community's admins only, after a "not found" of what the page asked for.
  'hint.board': 'Check the board name in the page settings.',
  'hint.card': 'Check the card id in the page settings.',
  // A param's value in words (`value.<param>.<value>`), where the API sends an identifier.
  'value.role.admin': 'admin',
  'value.role.moderator': 'moderator',
  'value.role.evaluator': 'evaluator',
  'value.current.admin': 'admin',
  'value.current.moderator': 'moderator',
  'value.current.evaluator': 'evaluator',
} satisfies Record<ReasonKey | 'error.server' | `outage.${string}` | `hint.${string}` | `value.${string}`, Message>;

export type ErrorKey = keyof typeof enErrors;
