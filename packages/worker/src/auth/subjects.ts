/**
 * Subjects: the ids people (and automations) are stored under, granted roles by and recognised
 * as authors by. Each source of identity has its own namespace, so no source can name another's
 * people:
 *
 *   oidc:<provider id>:<claims>   OIDC access tokens (formed from the verified token's claims)
 *   apikey:<key id>               API keys
 *   platform                      the deployment's operator (moderation audit, role grants)
 *   proxy|<random>                business leaders named by those who record ideas for them; no
 *                                 token ever carries one, so nobody can sign in as them
 *   erased|<random>               people whose personal data was erased (store/erasure.ts); no
 *                                 token carries one either, so their next sign-in is a new person
 *   anything else                 embed tokens: the host's `sub`, exactly as it sent it
 *
 * Embed subjects are the host's own ids, unprefixed, so existing people keep their ids and the
 * subjects hosts already use with the roles API stay valid. In exchange, an embed `sub` that
 * falls into another source's namespace is refused (`embedSubjectProblem`). Every comparison
 * of subjects is exact equality, and provider ids are slugs (no `:`), so the namespaces cannot
 * overlap.
 */
import { textProblem } from '../schemas/text.ts';

export const OIDC_SUBJECT_PREFIX = 'oidc:';
export const API_KEY_SUBJECT_PREFIX = 'apikey:';
/** What the platform operator's actions are recorded under. */
export const PLATFORM_SUBJECT = 'platform';
/** Proxy people (store/proxies.ts): never a token's subject. */
export const PROXY_SUBJECT_PREFIX = 'proxy|';
/** People whose personal data was erased (store/erasure.ts): never a token's subject. */
export const ERASED_SUBJECT_PREFIX = 'erased|';

export const oidcSubject = (providerId: string, claimValues: string[]) => `${OIDC_SUBJECT_PREFIX}${providerId}:${claimValues.join(':')}`;
export const apiKeySubject = (keyId: string) => `${API_KEY_SUBJECT_PREFIX}${keyId}`;

/**
 * Why `sub` cannot be an embed token's subject, as a sentence, or null when it can. Prefixes are
 * compared case-insensitively: `OIDC:…` names nobody today, but it would read as someone else.
 *
 * @example
 * embedSubjectProblem('oidc:entra:tid:oid'); // 'The "sub" … reserved for people who sign in with an OIDC provider …'
 * embedSubjectProblem('ad|12345'); // null
 */
export function embedSubjectProblem(sub: string): string | null {
  const lower = sub.toLowerCase();
  if (lower.startsWith(OIDC_SUBJECT_PREFIX)) {
    return `The "sub" "${sub}" starts with "${OIDC_SUBJECT_PREFIX}", which is reserved for people who sign in with an OIDC provider; an embed token cannot name them. Use your directory's own id for the person.`;
  }
  if (lower.startsWith(API_KEY_SUBJECT_PREFIX)) {
    return `The "sub" "${sub}" starts with "${API_KEY_SUBJECT_PREFIX}", which is reserved for API keys; an embed token cannot name one. Use your directory's own id for the person.`;
  }
  if (lower.startsWith(PROXY_SUBJECT_PREFIX)) {
    return `The "sub" "${sub}" starts with "${PROXY_SUBJECT_PREFIX}", which is reserved for people who do not sign in (ideas are recorded on their behalf); an embed token cannot name them. Use your directory's own id for the person.`;
  }
  if (lower.startsWith(ERASED_SUBJECT_PREFIX)) {
    return `The "sub" "${sub}" starts with "${ERASED_SUBJECT_PREFIX}", which is reserved for people whose personal data was erased; an embed token cannot name them. Use your directory's own id for the person.`;
  }
  if (lower === PLATFORM_SUBJECT) {
    return `The "sub" "${sub}" is reserved for the deployment's operator; an embed token cannot name it.`;
  }
  const problem = textProblem(sub, 'line');
  return problem ? `The "sub" ${problem}` : null;
}
