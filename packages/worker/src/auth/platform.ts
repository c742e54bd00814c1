import type { Bindings } from '../env.ts';
import { ApiError } from '../errors.ts';
import { bearerToken } from './bearer.ts';
import { secretsEqual } from './compare.ts';

/** Shorter admin tokens are refused: the token guards every tenant of the deployment. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

export function isPlatformToken(token: string, env: Pick<Bindings, 'BRIDGEKIT_ADMIN_TOKEN'>): boolean {
  const expected = env.BRIDGEKIT_ADMIN_TOKEN;
  return Boolean(expected && expected.length >= MIN_ADMIN_TOKEN_LENGTH && secretsEqual(token, expected));
}

/** For `/v1/admin/*`: only the operator's token. */
export function requirePlatformAdmin(authorization: string | undefined, env: Pick<Bindings, 'BRIDGEKIT_ADMIN_TOKEN'>): void {
  if (!env.BRIDGEKIT_ADMIN_TOKEN || env.BRIDGEKIT_ADMIN_TOKEN.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ApiError(403, 'forbidden.admin_api_off', { min: MIN_ADMIN_TOKEN_LENGTH });
  }
  const token = bearerToken(authorization);
  if (!token) throw new ApiError(401, 'unauthorized.admin_token', {});
  if (!isPlatformToken(token, env)) throw new ApiError(401, 'invalid_token.admin_token', {});
}
