/**
 * Where an OIDC provider's URLs may point. The issuer and JWKS URI are set by an admin; the
 * authorization and token endpoints come from the issuer's discovery document, and the sign-in
 * window on Bridgekit's own origin sends people to the first and their codes to the second. So:
 *
 * - every URL is https; plain http only in development, and only on this machine (the local
 *   identity providers of tests and `pnpm dev`);
 * - no user name or password in a URL, no fragment; no query in the issuer (OpenID Connect);
 * - the endpoints are on the issuer's origin, or on a host the admin listed in
 *   `signIn.endpointHosts` (Google, for one, answers on other hosts than its issuer's).
 *
 * Checked when an admin saves a provider, when a token is verified (a provider saved before
 * these rules, or in development, may not work in production) and when the sign-in window asks
 * for the endpoints — the document can change at any time, so that check is the one that counts.
 */
import type { FieldIssue, OidcProviderInput } from '@bridgekit/sdk';
import { ApiError, fieldIssue, invalidFields } from '../errors.ts';
import type { OidcProvider } from '../store/tenants.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** A discovery document is a few kilobytes; Entra ID's is about 2 KB. */
const MAX_DISCOVERY_BYTES = 100_000;
const DISCOVERY_TIMEOUT_MS = 5_000;
/** Validated endpoints are kept this long per isolate; failures are never kept. */
const DISCOVERY_CACHE_MS = 5 * 60_000;

const shown = (value: string) => (value.length > 100 ? `${value.slice(0, 100)}…` : value);

/** Why `url` may not be fetched or visited in this environment (its scheme), or null. */
function schemeProblem(what: string, url: URL, development: boolean): string | null {
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return `${what} must use https, not ${url.protocol}`;
  if (!development) return `${what} must use https; plain http is accepted only in development.`;
  if (!LOOPBACK.has(url.hostname))
    return `${what} must use https; in development, plain http is accepted only for localhost and 127.0.0.1.`;
  return null;
}

/**
 * What is wrong with `value` as a provider URL the admin sets (`issuer: true` for the issuer,
 * which may carry no query), as a sentence, or null.
 */
export function providerUrlProblem(what: string, value: string, development: boolean, { issuer = false } = {}): string | null {
  const url = URL.parse(value);
  if (!url) return `${what} is not a URL.`;
  const scheme = schemeProblem(what, url, development);
  if (scheme) return scheme;
  if (url.username || url.password) return `${what} must not contain a user name or password.`;
  if (url.hash || value.includes('#')) return `${what} must not have a fragment (#…).`;
  if (issuer && (url.search || value.includes('?'))) return `${what} must not have a query (?…); OpenID Connect issuers have none.`;
  return null;
}

/** The field issues of a provider an admin wants to save, for a 400 (empty when it is fine). */
export function providerInputIssues(input: OidcProviderInput, development: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issuer = providerUrlProblem('The issuer', input.issuer, development, { issuer: true });
  if (issuer) issues.push(fieldIssue('body.issuer', 'field.url', { detail: issuer }));
  const jwks = providerUrlProblem('The JWKS URI', input.jwksUri, development);
  if (jwks) issues.push(fieldIssue('body.jwksUri', 'field.url', { detail: jwks }));
  return issues;
}

/** Throws the 400 for a provider an admin may not save here (see `providerInputIssues`). */
export function assertProviderInput(input: OidcProviderInput, development: boolean): void {
  const details = providerInputIssues(input, development);
  if (details.length > 0) throw invalidFields(details);
}

/** Why a stored provider cannot be used in this environment (e.g. an http JWKS in production), or null. */
export function storedProviderProblem(provider: Pick<OidcProvider, 'issuer' | 'jwksUri'>, development: boolean): string | null {
  for (const [what, value] of [
    ['The issuer', provider.issuer],
    ['The JWKS URI', provider.jwksUri],
  ] as const) {
    const url = URL.parse(value);
    const problem = url ? schemeProblem(what, url, development) : `${what} is not a URL.`;
    if (problem) return problem;
  }
  return null;
}

/**
 * What is wrong with a discovery document's endpoint (`what`: "authorization_endpoint"), or
 * null when the sign-in window may use it.
 */
export function endpointProblem(
  what: string,
  value: unknown,
  issuer: string,
  endpointHosts: readonly string[],
  development: boolean,
): string | null {
  if (typeof value !== 'string' || value === '') return `The discovery document names no ${what}.`;
  const label = `Its ${what} (${shown(value)})`;
  const url = URL.parse(value);
  if (!url) return `${label} is not a URL.`;
  const scheme = schemeProblem(label, url, development);
  if (scheme) return scheme;
  if (url.username || url.password) return `${label} must not contain a user name or password.`;
  if (url.hash) return `${label} must not have a fragment (#…).`;
  const issuerUrl = URL.parse(issuer);
  if (url.origin !== issuerUrl?.origin && !endpointHosts.includes(url.host)) {
    return `${label} is not on the issuer's host (${issuerUrl?.host ?? issuer}). If ${url.host} is right, a tenant admin can list it in the provider's signIn.endpointHosts.`;
  }
  return null;
}

export interface SignInEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

const cache = new Map<string, { endpoints: SignInEndpoints; until: number }>();

/** A 502/503 for the person in the sign-in window, naming the provider's problem for their admin. */
function providerFailure(status: 502 | 503, provider: OidcProvider, detail: string): ApiError {
  return new ApiError(status, status === 502 ? 'unavailable.sign_in_misconfigured' : 'unavailable.sign_in_down', {
    issuer: provider.issuer,
    detail,
  });
}

/**
 * The authorization and token endpoints of the provider, from its discovery document, checked
 * (see the top of this file). Throws a 502 (the document is unsafe or not this issuer's) or a
 * 503 (it could not be had); never returns an endpoint the window must not visit.
 */
export async function discoverSignInEndpoints(provider: OidcProvider, development: boolean): Promise<SignInEndpoints> {
  const hosts = provider.signIn?.endpointHosts ?? [];
  const key = `${provider.issuer}\n${hosts.join(' ')}\n${development}`;
  const cached = cache.get(key);
  if (cached && cached.until > Date.now()) return cached.endpoints;

  const issuerProblem = providerUrlProblem('The issuer', provider.issuer, development, { issuer: true });
  if (issuerProblem) throw providerFailure(502, provider, issuerProblem);
  const url = `${provider.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: unknown;
  try {
    const res = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
    });
    if (res.status !== 200) {
      await res.body?.cancel();
      throw providerFailure(res.status >= 500 ? 503 : 502, provider, `its discovery document (${url}) answered HTTP ${res.status}.`);
    }
    const declared = Number(res.headers.get('content-length') ?? 0);
    const text = declared > MAX_DISCOVERY_BYTES ? null : await res.text();
    if (text === null || text.length > MAX_DISCOVERY_BYTES) {
      throw providerFailure(502, provider, `its discovery document (${url}) is larger than ${MAX_DISCOVERY_BYTES / 1000} KB.`);
    }
    document = JSON.parse(text);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof SyntaxError) throw providerFailure(502, provider, `its discovery document (${url}) is not JSON.`);
    throw providerFailure(503, provider, `its discovery document (${url}) could not be fetched.`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw providerFailure(502, provider, `its discovery document (${url}) is not a JSON object.`);
  }
  const doc = document as Record<string, unknown>;
  if (doc.issuer !== undefined && doc.issuer !== provider.issuer) {
    throw providerFailure(
      502,
      provider,
      `its discovery document names the issuer "${shown(String(doc.issuer))}", not "${provider.issuer}" as configured.`,
    );
  }
  for (const field of ['authorization_endpoint', 'token_endpoint']) {
    const problem = endpointProblem(field, doc[field], provider.issuer, hosts, development);
    if (problem) throw providerFailure(502, provider, problem);
  }
  const endpoints = { authorizationEndpoint: doc.authorization_endpoint as string, tokenEndpoint: doc.token_endpoint as string };
  if (cache.size > 1000) cache.clear();
  cache.set(key, { endpoints, until: Date.now() + DISCOVERY_CACHE_MS });
  return endpoints;
}
