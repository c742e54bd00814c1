/**
 * How far another clock may be from ours — the host server's for embed tokens, the identity
 * provider's for OIDC tokens — in every time claim: `exp`, `nbf` and `iat` alike.
 */
export const CLOCK_SKEW_SECONDS = 60;
