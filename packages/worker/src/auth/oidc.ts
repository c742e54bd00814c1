/**
 * OpenID Connect access tokens: Entra ID tokens that a SharePoint web part obtains for
 * Bridgekit's API, or any other issuer's. Verified against the issuer's JWKS (jwks.ts), pinning
 * issuer, audience, algorithm, and — per provider — Entra ID's directory (`tid`) and a required
 * scope (`scp`).
 */
import type { ErrorReason, ParamsOf } from '@bridgekit/sdk';
import { ApiError } from '../errors.ts';
import type { OidcProvider, Tenant } from '../store/tenants.ts';
import { CLOCK_SKEW_SECONDS } from './clock.ts';
import { KeysUnavailable, keysFor } from './jwks.ts';
import { checkClaims, type Jwt, type JwtAlgorithm, JwtRefused, signedBy } from './jwt.ts';
import { storedProviderProblem } from './oidc-endpoints.ts';
import { cioFromClaims, roleFromClaims } from './roles.ts';
import { oidcSubject } from './subjects.ts';
import type { UserViewer } from './viewer.ts';

/** Asymmetric algorithms only: a shared-secret (HS*) token can never pass as an OIDC token. */
export const OIDC_ALGORITHMS: readonly JwtAlgorithm[] = ['RS256', 'PS256', 'ES256'];

const invalid = <R extends Extract<ErrorReason, `invalid_token.${string}`>>(reason: R, params: ParamsOf<R>) =>
  new ApiError(401, reason, params);

export function providerForIssuer(tenant: Tenant, issuer: unknown): OidcProvider | undefined {
  return typeof issuer === 'string' ? tenant.oidcProviders.find((p) => p.issuer === issuer) : undefined;
}

export async function verifyOidcToken(
  jwt: Jwt,
  provider: OidcProvider,
  tenant: Tenant,
  { development }: { development: boolean },
): Promise<UserViewer> {
  // A provider saved in development, or before https was enforced, is not used in production.
  const unusable = storedProviderProblem(provider, development);
  if (unusable) {
    throw new ApiError(503, 'unavailable.provider_unusable', { tenant: tenant.slug, provider: provider.id, detail: unusable });
  }
  const { header, payload } = jwt;
  const alg = OIDC_ALGORITHMS.find((a) => a === header.alg);
  if (!alg) {
    if (typeof header.alg !== 'string' || !header.alg) throw invalid('invalid_token.oidc_malformed', {});
    throw invalid('invalid_token.oidc_algorithm', { issuer: provider.issuer, algorithms: OIDC_ALGORITHMS.join(', ') });
  }
  await checkSignature(jwt, alg, provider);
  try {
    checkClaims(payload, { clockTolerance: CLOCK_SKEW_SECONDS, required: ['exp'], issuer: provider.issuer, audience: provider.audience });
  } catch (err) {
    throw explain(err, provider);
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

async function checkSignature(jwt: Jwt, alg: JwtAlgorithm, provider: OidcProvider): Promise<void> {
  let keys: CryptoKey[];
  try {
    keys = await keysFor(provider.jwksUri, alg, jwt.header.kid);
  } catch (err) {
    if (err instanceof KeysUnavailable) throw new ApiError(503, 'unavailable.provider_keys', { jwksUri: provider.jwksUri });
    throw err;
  }
  if (keys.length === 0) throw invalid('invalid_token.oidc_no_key', { jwksUri: provider.jwksUri, issuer: provider.issuer });
  for (const key of keys) if (await signedBy(jwt, alg, key)) return;
  throw invalid('invalid_token.oidc_signature', { issuer: provider.issuer });
}

function explain(err: unknown, provider: OidcProvider): ApiError {
  if (!(err instanceof JwtRefused)) throw err;
  if (err.problem === 'expired') return new ApiError(401, 'token_expired.oidc', {});
  if (err.problem === 'not_yet_valid') return invalid('invalid_token.oidc_not_yet_valid', {});
  if (err.problem === 'issued_in_future') return invalid('invalid_token.oidc_issued_in_future', { skew: CLOCK_SKEW_SECONDS });
  if (err.claim === 'aud') return invalid('invalid_token.oidc_audience', { audience: provider.audience });
  if (err.claim === 'iss') return invalid('invalid_token.oidc_issuer', { issuer: provider.issuer });
  return invalid('invalid_token.oidc_claim', { claim: err.claim ?? 'payload' });
}
