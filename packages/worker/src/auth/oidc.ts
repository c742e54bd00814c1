/**
 * OpenID Connect access tokens: Entra ID tokens that a SharePoint web part obtains for
 * Bridgekit's API, or any other issuer's. Verified against the issuer's JWKS (fetched and
 * cached by jose), pinning issuer, audience, algorithm, and — per provider — Entra ID's
 * directory (`tid`) and a required scope (`scp`).
 */
import type { ErrorReason, ParamsOf } from '@bridgekit/sdk';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { ApiError } from '../errors.ts';
import type { OidcProvider, Tenant } from '../store/tenants.ts';
import { CLOCK_SKEW_SECONDS, issuedInTheFuture } from './clock.ts';
import { storedProviderProblem } from './oidc-endpoints.ts';
import { cioFromClaims, roleFromClaims } from './roles.ts';
import { oidcSubject } from './subjects.ts';
import type { UserViewer } from './viewer.ts';

/** Asymmetric algorithms only: a shared-secret (HS*) token can never pass as an OIDC token. */
export const OIDC_ALGORITHMS = ['RS256', 'PS256', 'ES256'];

// One key set per JWKS URL and isolate: jose caches the keys, refetches on an unknown `kid`
// (at most every 30 s) and after 10 minutes.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keySet(jwksUri: string) {
  let set = keySets.get(jwksUri);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUri), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000, timeoutDuration: 5_000 });
    keySets.set(jwksUri, set);
  }
  return set;
}

const invalid = <R extends Extract<ErrorReason, `invalid_token.${string}`>>(reason: R, params: ParamsOf<R>) =>
  new ApiError(401, reason, params);

/** The issuer's keys could not be had (down, slow, not a JWKS): not the token's fault. */
class KeysUnavailable extends Error {}

/** The key set, with failures to get the keys told apart from tokens that match no key. */
function keysFor(jwksUri: string) {
  const set = keySet(jwksUri);
  return async (...args: Parameters<typeof set>) => {
    try {
      return await set(...args);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) throw err;
      throw new KeysUnavailable(String(err));
    }
  };
}

export function providerForIssuer(tenant: Tenant, issuer: unknown): OidcProvider | undefined {
  return typeof issuer === 'string' ? tenant.oidcProviders.find((p) => p.issuer === issuer) : undefined;
}

export async function verifyOidcToken(
  token: string,
  provider: OidcProvider,
  tenant: Tenant,
  { development }: { development: boolean },
): Promise<UserViewer> {
  // A provider saved in development, or before https was enforced, is not used in production.
  const unusable = storedProviderProblem(provider, development);
  if (unusable) {
    throw new ApiError(503, 'unavailable.provider_unusable', { tenant: tenant.slug, provider: provider.id, detail: unusable });
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keysFor(provider.jwksUri), {
      issuer: provider.issuer,
      audience: provider.audience,
      algorithms: OIDC_ALGORITHMS,
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ['exp'],
    }));
  } catch (err) {
    throw explain(err, provider);
  }
  if (issuedInTheFuture(payload)) {
    throw invalid('invalid_token.oidc_issued_in_future', { skew: CLOCK_SKEW_SECONDS });
  }

  if (provider.directoryId && payload.tid !== provider.directoryId) {
    throw invalid('invalid_token.oidc_directory', { directory: String(payload.tid), tenant: tenant.slug, expected: provider.directoryId });
  }
  if (provider.requiredScope) {
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(provider.requiredScope)) {
      throw invalid('invalid_token.oidc_scope', { scope: provider.requiredScope, audience: provider.audience });
    }
  }
  const parts = provider.subjectClaims.map((claim) => payload[claim]);
  if (parts.some((v) => typeof v !== 'string' || v === '')) {
    throw invalid('invalid_token.oidc_subject_claims', { claims: provider.subjectClaims.join(', ') });
  }
  const text = (claim: string | null) => (claim && typeof payload[claim] === 'string' ? (payload[claim] as string) : null);
  const subject = oidcSubject(provider.id, parts as string[]);
  return {
    kind: 'user',
    via: 'oidc',
    subject,
    name: text(provider.nameClaim) ?? text('preferred_username') ?? subject,
    email: text(provider.emailClaim),
    businessUnit: text(provider.businessUnitClaim),
    claimRole: roleFromClaims(payload, tenant.roleMapping),
    claimCio: cioFromClaims(payload, tenant.roleMapping),
  };
}

function explain(err: unknown, provider: OidcProvider): ApiError {
  if (err instanceof errors.JWTExpired) {
    return new ApiError(401, 'token_expired.oidc', {});
  }
  if (err instanceof errors.JOSEAlgNotAllowed) {
    return invalid('invalid_token.oidc_algorithm', { issuer: provider.issuer, algorithms: OIDC_ALGORITHMS.join(', ') });
  }
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return invalid('invalid_token.oidc_audience', { audience: provider.audience });
    if (err.claim === 'iss') return invalid('invalid_token.oidc_issuer', { issuer: provider.issuer });
    if (err.claim === 'nbf') return invalid('invalid_token.oidc_not_yet_valid', {});
    return invalid('invalid_token.oidc_claim', { claim: err.claim });
  }
  if (err instanceof errors.JWKSNoMatchingKey) {
    return invalid('invalid_token.oidc_no_key', { jwksUri: provider.jwksUri, issuer: provider.issuer });
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return invalid('invalid_token.oidc_signature', { issuer: provider.issuer });
  }
  if (err instanceof KeysUnavailable) {
    return new ApiError(503, 'unavailable.provider_keys', { jwksUri: provider.jwksUri });
  }
  if (err instanceof errors.JOSEError) return invalid('invalid_token.oidc_malformed', {});
  throw err;
}
