/**
 * Turns the `Authorization` header of a tenant request into a viewer. Each credential has its
 * own verifier: API keys (`bk_…`), the platform admin token, OIDC access tokens (when the
 * token's issuer is one the tenant configured) and embed tokens (everything else).
 */
import { decodeJwt } from 'jose';
import type { Database } from '../db/client.ts';
import { type Bindings, isDevelopment } from '../env.ts';
import { ApiError } from '../errors.ts';
import type { Tenant } from '../store/tenants.ts';
import { looksLikeApiKey, verifyApiKey } from './api-keys.ts';
import { bearerToken } from './bearer.ts';
import { verifyEmbedToken } from './embed-token.ts';
import { providerForIssuer, verifyOidcToken } from './oidc.ts';
import { isPlatformToken } from './platform.ts';
import { ANONYMOUS, type Viewer } from './viewer.ts';

export async function authenticate(
  authorization: string | undefined,
  tenant: Tenant,
  env: Bindings,
  db: Database,
  defer: (work: Promise<unknown>) => void,
): Promise<Viewer> {
  const token = bearerToken(authorization);
  if (!token) return ANONYMOUS;
  if (looksLikeApiKey(token)) return verifyApiKey(db, tenant, token, defer);
  if (isPlatformToken(token, env)) return { kind: 'platform' };

  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    throw new ApiError(401, 'invalid_token.unknown_kind', {});
  }
  const provider = providerForIssuer(tenant, issuer);
  return provider
    ? verifyOidcToken(token, provider, tenant, { development: isDevelopment(env) })
    : verifyEmbedToken(token, tenant, env.BRIDGEKIT_SECRET_KEY);
}
