/**
 * OpenID Connect access tokens: Entra ID tokens that a SharePoint web part obtains for
 * Bridgekit's API, or any other issuer's. Verified against the issuer's JWKS (fetched and
 * cached by jose), pinning issuer, audience, algorithm, and — per provider — Entra ID's
 * directory (`tid`) and a required scope (`scp`).
 */
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { ApiError } from '../errors.ts';
import type { OidcProvider, Tenant } from '../store/tenants.ts';
import { CLOCK_SKEW_SECONDS, issuedInTheFuture } from './clock.ts';
import { storedProviderProblem } from './oidc-endpoints.ts';
import { roleFromClaims } from './roles.ts';
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

const invalid = (message: string) => new ApiError(401, 'invalid_token', message);

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
    throw new ApiError(
      503,
      'unavailable',
      `Tenant "${tenant.slug}"'s OIDC provider "${provider.id}" cannot be used here: ${unusable} A tenant admin must correct it.`,
    );
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
    throw invalid(`The token says it was issued in the future (iat more than ${CLOCK_SKEW_SECONDS} s from now); it is not valid yet.`);
  }

  if (provider.directoryId && payload.tid !== provider.directoryId) {
    throw invalid(
      `The token comes from Entra ID directory "${String(payload.tid)}"; tenant "${tenant.slug}" accepts only "${provider.directoryId}".`,
    );
  }
  if (provider.requiredScope) {
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(provider.requiredScope)) {
      throw invalid(
        `The token lacks the "${provider.requiredScope}" scope. Request it when acquiring the token (e.g. ${provider.audience}/${provider.requiredScope}).`,
      );
    }
  }
  const parts = provider.subjectClaims.map((claim) => payload[claim]);
  if (parts.some((v) => typeof v !== 'string' || v === '')) {
    throw invalid(`The token lacks the claims that identify a person (${provider.subjectClaims.join(', ')}).`);
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
  };
}

function explain(err: unknown, provider: OidcProvider): ApiError {
  if (err instanceof errors.JWTExpired) {
    return new ApiError(401, 'token_expired', 'The access token has expired. Acquire a new one and try again.');
  }
  if (err instanceof errors.JOSEAlgNotAllowed) {
    return invalid(`Tokens from ${provider.issuer} must be signed with ${OIDC_ALGORITHMS.join(', ')}.`);
  }
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud')
      return invalid(`The token's audience is not "${provider.audience}". Acquire the token for Bridgekit's API (its application ID URI).`);
    if (err.claim === 'iss') return invalid(`The token's issuer is not "${provider.issuer}".`);
    if (err.claim === 'nbf') return invalid('The token is not valid yet (nbf is in the future).');
    return invalid(`The token's "${err.claim}" claim is missing or invalid.`);
  }
  if (err instanceof errors.JWKSNoMatchingKey) {
    return invalid(`No key of ${provider.jwksUri} matches the token's kid; it was not signed by ${provider.issuer}.`);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    return invalid(`The token's signature does not verify with the keys of ${provider.issuer}.`);
  }
  if (err instanceof KeysUnavailable) {
    return new ApiError(503, 'unavailable', `The identity provider's keys (${provider.jwksUri}) could not be fetched. Try again shortly.`);
  }
  if (err instanceof errors.JOSEError) return invalid('The bearer token is not a well-formed signed JWT.');
  throw err;
}
