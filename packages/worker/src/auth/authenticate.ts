/**
 * Turns the `Authorization` header of a tenant request into a viewer. Each credential has its
 * own verifier: API keys (`bk_…`), the platform admin token, OIDC access tokens (when the
 * token's issuer is one the tenant configured) and embed tokens (everything else). A token
 * verified once is known until it expires, for the tenant's settings it was verified against.
 */
import type { Database } from '../db/client.ts';
import { type Bindings, isDevelopment } from '../env.ts';
import { ApiError } from '../errors.ts';
import type { Tenant } from '../store/tenants.ts';
import { looksLikeApiKey, verifyApiKey } from './api-keys.ts';
import { bearerToken } from './bearer.ts';
import { verifyEmbedToken } from './embed-token.ts';
import { type Jwt, readJwt } from './jwt.ts';
import { providerForIssuer, verifyOidcToken } from './oidc.ts';
import { isPlatformToken } from './platform.ts';
import { ANONYMOUS, type UserViewer, type Viewer } from './viewer.ts';

interface Verified {
  viewer: UserViewer;
  /** Its `exp`, in ms: after it, the token is verified again (and refused, beyond the tolerated skew). */
  until: number;
}

/**
 * Tokens verified in this isolate, by the tenant's settings they were verified against (an
 * object per read of the settings: new keys, providers or role mapping start afresh). A widget
 * page sends the same token with every request, and verifying it (its decoding, a signature
 * check, the claims' schema) was a share of every read's CPU (bench/profile.ts).
 */
const verified = new WeakMap<Tenant, Map<string, Verified>>();
const VERIFIED_PER_TENANT = 1000;

function remember(tenant: Tenant, token: string, viewer: UserViewer, exp: unknown): void {
  if (typeof exp !== 'number') return;
  let tokens = verified.get(tenant);
  if (!tokens) {
    tokens = new Map();
    verified.set(tenant, tokens);
  }
  if (tokens.size >= VERIFIED_PER_TENANT) tokens.clear();
  tokens.set(token, { viewer, until: exp * 1000 });
}

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

  const known = verified.get(tenant)?.get(token);
  if (known && Date.now() < known.until) return known.viewer;

  let jwt: Jwt;
  try {
    jwt = readJwt(token);
  } catch {
    throw new ApiError(401, 'invalid_token.unknown_kind', {});
  }
  const provider = providerForIssuer(tenant, jwt.payload.iss);
  const viewer = provider
    ? await verifyOidcToken(jwt, provider, tenant, { development: isDevelopment(env) })
    : await verifyEmbedToken(jwt, tenant, env.BRIDGEKIT_SECRET_KEY);
  // Verified: the claims read are the token's.
  remember(tenant, token, viewer, jwt.payload.exp);
  return viewer;
}
