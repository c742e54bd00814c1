/**
 * What a widget says about a failed call and about a moderation reason, in the reader's
 * language: the catalog's text for the API's reason (`reason.<reason>` with its params), else —
 * for a reason this copy does not know — the API's English message. A failure on our side says
 * so with its request id, which the Worker's log has too. This module and the texts of every
 * reason load on demand (bridgekit-element.ts `loadErrorTexts`), the first time an element has
 * one to show, so no page pays for them up front; so does how a failed load shows (outage.ts). It imports nothing of the elements' own code
 * (the translator comes as `t`): a module shared with it would split the chunk every page loads.
 */
import type { BridgekitError, BridgekitMemberClient, FieldIssue, Reason, ReasonParams } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import type { Params, Translate } from './i18n.ts';
import type { MessageKey } from './messages/en.ts';
import { notFoundText } from './outage.ts';

export { errorMessages } from './messages/errors.ts';
export { notFoundText, renderFailure } from './outage.ts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

/**
 * A reason's text by `t` (the reader's translator), with its params: identifiers the catalog
 * words (`value.role.admin`) and timestamps in the reader's format (`locale`). `null` when the
 * catalogs have no text for it (a translator gives back a key it has no text for).
 */
export function reasonText(t: Translate, locale: string, reason: Reason | null | undefined, params: ReasonParams = {}): string | null {
  const key = `reason.${reason}` as MessageKey;
  if (!reason || t(key) === key) return null;
  const values: Params = {};
  for (const [name, value] of Object.entries(params)) {
    const word = `value.${name}.${value}` as MessageKey;
    const said = t(word);
    values[name] =
      said !== word
        ? said
        : typeof value === 'string' && ISO_TIME.test(value)
          ? new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
          : value;
  }
  return t(key, values);
}

/** A field issue's text by `t`: its reason's, else the API's English message. */
export const issueText = (t: Translate, locale: string, issue: FieldIssue): string =>
  reasonText(t, locale, issue.reason, issue.params) ?? issue.message;

/** The field issues of a failed call (`details`), each with its text by `t`. */
export const issueTexts = (t: Translate, locale: string, err: BridgekitError): { path: string; text: string }[] =>
  err.details.map((issue) => ({ path: issue.path, text: issueText(t, locale, issue) }));

/**
 * What to tell the reader about an error answer of the API (the caller handles what it knows
 * better, such as an expired sign-in): a failure on our side with its reference, else the
 * reason's text, else the API's message.
 */
export function apiErrorText(t: Translate, locale: string, err: BridgekitError): string {
  const known = reasonText(t, locale, err.reason, err.params ?? {});
  if (err.status >= 500 || err.code === 'invalid_response') {
    // `unavailable.*` says what is down; anything else is ours to look up in the log.
    if (known && err.code !== 'internal_error') return known;
    return err.requestId ? t('error.server', { requestId: err.requestId }) : t('error.generic');
  }
  return known ?? err.message;
}

/**
 * What to tell the reader about a failed call (`BridgekitElement.describeError`, which has
 * marked an expired sign-in already): the connection, the sign-in, else the API's reason, with
 * `notFoundKey`'s text for a 404 and, for an admin, a hint at the element's attributes.
 */
export async function failureText(
  host: Element,
  client: BridgekitMemberClient | null,
  t: Translate,
  locale: string,
  err: unknown,
  notFoundKey?: MessageKey,
): Promise<string> {
  if (!isBridgekitError(err)) return t('error.generic');
  if (err.code === 'network_error') return t('error.network');
  if (err.code === 'token_expired' || err.code === 'invalid_token') return t('error.sessionExpired');
  if (err.code === 'unauthorized') return t('error.signIn');
  if (err.status !== 404) return apiErrorText(t, locale, err);
  return notFoundText(host, client, t, notFoundKey ? t(notFoundKey) : apiErrorText(t, locale, err), err, notFoundKey);
}
