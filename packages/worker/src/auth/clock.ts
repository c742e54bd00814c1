/**
 * How far another clock may be from ours — the host server's for embed tokens, the identity
 * provider's for OIDC tokens — in every time claim: `exp`, `nbf` and `iat` alike.
 */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * True when the token says it was issued later than now plus the tolerated skew. jose checks
 * `iat` only together with a maximum age, so OIDC tokens (which have none) need this check.
 */
export function issuedInTheFuture(payload: { iat?: unknown }, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return typeof payload.iat === 'number' && payload.iat > nowSeconds + CLOCK_SKEW_SECONDS;
}
