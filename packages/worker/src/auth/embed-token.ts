/**
 * Embed tokens: short-lived HS256 JWTs that a host page's server signs with its tenant's embed
 * secret. Claims: `sub` (required), `name` (required), `email`, `bu` (business unit), `iat`,
 * `exp`. The header's `kid` picks the secret; without one, the tenant's newest secret is used.
 *
 * The host vouches for who a person is, within its own namespace of subjects (subjects.ts): a
 * `sub` reserved for OIDC people or API keys is refused. It vouches for roles only where the
 * tenant's role mapping says so (`applyToEmbedTokens`); otherwise embed people get roles from
 * an admin's grants alone.
 */
import type { ErrorReason, ParamsOf } from '@bridgekit/sdk';
import * as z from 'zod';
import { ApiError, fieldIssue } from '../errors.ts';
import { line } from '../schemas/text.ts';
import type { Tenant } from '../store/tenants.ts';
import { CLOCK_SKEW_SECONDS } from './clock.ts';
import { checkClaims, type Jwt, JwtRefused, signedBy, signHs256 } from './jwt.ts';
import { embeddedCio, embeddedRole } from './roles.ts';
import { decryptSecret } from './secrets.ts';
import { embedSubjectProblem } from './subjects.ts';
import type { UserViewer } from './viewer.ts';

export { CLOCK_SKEW_SECONDS } from './clock.ts';
/** Longest lifetime (`exp - iat`) an embed token may have. */
export const MAX_TOKEN_LIFETIME_SECONDS = 3600;

const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  name: line('The "name" claim', { max: 200 }),
  email: line('The "email" claim', { min: 0, max: 320 }).optional(),
  bu: line('The "bu" claim', { min: 0, max: 100 }).optional(),
  iat: z.number(),
  exp: z.number(),
});

// HMAC keys from decrypted secrets, by ciphertext: a rotated key has a new ciphertext, so an
// entry never goes stale; caching spares a decryption and a key import on every request.
const keyCache = new Map<string, CryptoKey>();

async function secretFor(tenant: Tenant, kid: string | undefined, masterKey: string): Promise<CryptoKey> {
  const key = kid === undefined ? tenant.embedKeys[0] : tenant.embedKeys.find((k) => k.kid === kid);
  if (!key) {
    throw kid === undefined
      ? invalid('invalid_token.embed_no_secret', { tenant: tenant.slug })
      : invalid('invalid_token.embed_unknown_kid', { kid, tenant: tenant.slug });
  }
  const cacheKey = `${tenant.id}:${key.kid}:${key.secretCiphertext}`;
  let hmacKey = keyCache.get(cacheKey);
  if (!hmacKey) {
    const secret = await decryptSecret(masterKey, tenant.id, key.kid, key.secretCiphertext);
    hmacKey = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    if (keyCache.size > 1000) keyCache.clear();
    keyCache.set(cacheKey, hmacKey);
  }
  return hmacKey;
}

function invalid<R extends Extract<ErrorReason, `invalid_token.${string}`>>(reason: R, params: ParamsOf<R>): ApiError {
  return new ApiError(401, reason, params);
}

/** Verifies an embed token for `tenant` and returns the person it names, or throws a 401. */
export async function verifyEmbedToken(jwt: Jwt, tenant: Tenant, masterKey: string): Promise<UserViewer> {
  const { header, payload } = jwt;
  if (header.alg !== 'HS256') throw wrongAlgorithm(tenant);
  const kid = header.kid;
  if (kid !== undefined && typeof kid !== 'string') throw invalid('invalid_token.embed_malformed', {});
  const secret = await secretFor(tenant, kid, masterKey);
  if (!(await signedBy(jwt, 'HS256', secret))) throw invalid('invalid_token.embed_signature', { tenant: tenant.slug });
  try {
    checkClaims(payload, {
      clockTolerance: CLOCK_SKEW_SECONDS,
      required: ['sub', 'iat', 'exp'],
      maxAge: MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS,
    });
  } catch (err) {
    throw explain(err);
  }

  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const fields = claims.error.issues.map((i) => (i.code === 'custom' ? i.message : i.path.join('.') || 'payload')).join(', ');
    throw invalid('invalid_token.embed_claims', { claims: fields });
  }
  const { sub, name, email, bu, iat, exp } = claims.data;
  const reserved = embedSubjectProblem(sub);
  if (reserved) throw invalid('invalid_token.embed_subject', { detail: reserved });
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) {
    throw invalid('invalid_token.embed_lifetime', { lifetime: exp - iat, max: MAX_TOKEN_LIFETIME_SECONDS });
  }
  return {
    kind: 'user',
    via: 'embed',
    subject: sub,
    name,
    email: email ?? null,
    businessUnit: bu || null,
    claimRole: embeddedRole(payload, tenant.roleMapping),
    claimCio: embeddedCio(payload, tenant.roleMapping),
  };
}

function wrongAlgorithm(tenant: Tenant): ApiError {
  return invalid('invalid_token.embed_algorithm', { tenant: tenant.slug });
}

function explain(err: unknown): ApiError {
  if (!(err instanceof JwtRefused)) throw err;
  if (err.problem === 'expired') return new ApiError(401, 'token_expired.embed', {});
  if (err.problem === 'issued_in_future') return invalid('invalid_token.embed_issued_at', { max: MAX_TOKEN_LIFETIME_SECONDS });
  if (err.problem === 'not_yet_valid') return invalid('invalid_token.embed_not_yet_valid', {});
  return invalid('invalid_token.embed_claim', { claim: err.claim ?? 'payload' });
}

/** The claims of a token minted by Bridgekit itself (demo page, admin API). */
export interface TokenClaims {
  sub: string;
  name: string;
  email?: string | undefined;
  bu?: string | undefined;
  [claim: string]: unknown;
}

/** Signs an embed token with the tenant's newest secret, as a host server would. */
export async function mintEmbedToken(
  tenant: Tenant,
  masterKey: string,
  claims: TokenClaims,
  lifetimeSeconds = 900,
): Promise<{ token: string; expiresAt: string }> {
  const key = tenant.embedKeys[0];
  if (!key) throw new ApiError(409, 'conflict.no_embed_secret', { tenant: tenant.slug });
  const { sub, ...rest } = claims;
  // The admin API's and development's minting refuse what verification would refuse anyway.
  const reserved = embedSubjectProblem(sub);
  if (reserved) {
    throw new ApiError(
      400,
      'validation_failed.subject',
      { detail: reserved },
      { details: [fieldIssue('body.sub', 'validation_failed.subject', { detail: reserved })] },
    );
  }
  const secret = await decryptSecret(masterKey, tenant.id, key.kid, key.secretCiphertext);
  const now = Math.floor(Date.now() / 1000);
  const exp = now + Math.min(lifetimeSeconds, MAX_TOKEN_LIFETIME_SECONDS);
  const payload = { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), sub, iat: now, exp };
  const token = await signHs256(payload, secret, key.kid);
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}
