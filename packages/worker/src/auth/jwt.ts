/**
 * JSON Web Tokens (compact JWS) with WebCrypto: the reading, signature check and claim rules
 * that embed tokens (HS256) and OIDC access tokens (RS256, PS256, ES256) need, and no more — a
 * general JOSE library cost the Worker's bundle 8 KB gzip. The rules are jose's (RFC 7519):
 * `nbf` and `exp` with a clock tolerance, `iat` at most the tolerance in the future, required
 * claims present, `iss` and `aud` pinned when asked.
 */

export type JwtAlgorithm = 'HS256' | 'RS256' | 'PS256' | 'ES256';

/** How each algorithm verifies and imports its keys; `kty`/`crv`: the JWKs it can use. */
export const JWT_ALGORITHMS: Record<
  JwtAlgorithm,
  { verify: SubtleCryptoSignAlgorithm; key: SubtleCryptoImportKeyAlgorithm; kty: string; crv?: string }
> = {
  HS256: { verify: { name: 'HMAC' }, key: { name: 'HMAC', hash: 'SHA-256' }, kty: 'oct' },
  RS256: { verify: { name: 'RSASSA-PKCS1-v1_5' }, key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, kty: 'RSA' },
  PS256: { verify: { name: 'RSA-PSS', saltLength: 32 }, key: { name: 'RSA-PSS', hash: 'SHA-256' }, kty: 'RSA' },
  ES256: { verify: { name: 'ECDSA', hash: 'SHA-256' }, key: { name: 'ECDSA', namedCurve: 'P-256' }, kty: 'EC', crv: 'P-256' },
};

export type JwtObject = Record<string, unknown>;

/** A token read but not verified: nothing in it is to be trusted before `signedBy` says so. */
export interface Jwt {
  header: JwtObject;
  payload: JwtObject;
  /** `header.payload` as sent: the bytes the signature signs. */
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** Why a token is refused; `claim` names the claim for `claim` (missing, wrong type or value). */
export class JwtRefused extends Error {
  readonly problem: 'malformed' | 'claim' | 'expired' | 'not_yet_valid' | 'issued_in_future';
  readonly claim: string | undefined;
  constructor(problem: JwtRefused['problem'], claim?: string) {
    super(claim ? `${problem}: ${claim}` : problem);
    this.problem = problem;
    this.claim = claim;
  }
}

const BASE64URL = /^[\w-]*$/;

function fromBase64url(text: string): Uint8Array {
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new JwtRefused('malformed');
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jsonObject(part: string): JwtObject {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(fromBase64url(part)));
  } catch {
    throw new JwtRefused('malformed');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new JwtRefused('malformed');
  return value as JwtObject;
}

/**
 * Reads a compact JWS's header and claims, or throws `JwtRefused('malformed')`. A header with
 * `crit` is refused: it names extensions a verifier must understand, and we understand none
 * (which also refuses `b64: false`, unencoded payloads).
 */
export function readJwt(token: string): Jwt {
  const parts = token.split('.');
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || !header || !payload || signature === undefined) throw new JwtRefused('malformed');
  const decoded = { header: jsonObject(header), payload: jsonObject(payload) };
  if (decoded.header.crit !== undefined) throw new JwtRefused('malformed');
  return { ...decoded, signingInput: new TextEncoder().encode(`${header}.${payload}`), signature: fromBase64url(signature) };
}

/** True when `key` made the token's signature with `alg` (HMAC's comparison is constant-time). */
export async function signedBy(jwt: Jwt, alg: JwtAlgorithm, key: CryptoKey): Promise<boolean> {
  try {
    return await crypto.subtle.verify(JWT_ALGORITHMS[alg].verify, key, jwt.signature, jwt.signingInput);
  } catch {
    return false; // a key of another kind, or a signature of the wrong length
  }
}

export interface ClaimRules {
  /** Seconds another clock may be off, in `exp`, `nbf` and `iat`. */
  clockTolerance: number;
  /** Claims that must be present (any value; their types are checked below or by the caller). */
  required: string[];
  issuer?: string;
  audience?: string;
  /** Longest accepted age (`now - iat`) in seconds; makes `iat` required. */
  maxAge?: number;
}

/** Checks a verified token's claims by `rules`; throws `JwtRefused` naming the first problem. */
export function checkClaims(payload: JwtObject, rules: ClaimRules, now = Math.floor(Date.now() / 1000)): void {
  const required = [...rules.required];
  if (rules.maxAge !== undefined) required.push('iat');
  if (rules.audience !== undefined) required.push('aud');
  if (rules.issuer !== undefined) required.push('iss');
  // Issuer, then audience, then the caller's list: the order jose reported them in.
  for (const claim of new Set(required.reverse())) if (!Object.hasOwn(payload, claim)) throw new JwtRefused('claim', claim);
  if (rules.issuer !== undefined && payload.iss !== rules.issuer) throw new JwtRefused('claim', 'iss');
  if (rules.audience !== undefined && !hasAudience(payload.aud, rules.audience)) throw new JwtRefused('claim', 'aud');

  const tolerance = rules.clockTolerance;
  const iat = numericDate(payload, 'iat');
  const nbf = numericDate(payload, 'nbf');
  const exp = numericDate(payload, 'exp');
  if (nbf !== undefined && nbf > now + tolerance) throw new JwtRefused('not_yet_valid', 'nbf');
  if (exp !== undefined && exp <= now - tolerance) throw new JwtRefused('expired', 'exp');
  if (iat !== undefined && rules.maxAge !== undefined && now - iat - tolerance > rules.maxAge) throw new JwtRefused('expired', 'iat');
  if (iat !== undefined && iat > now + tolerance) throw new JwtRefused('issued_in_future', 'iat');
}

function hasAudience(aud: unknown, audience: string): boolean {
  return aud === audience || (Array.isArray(aud) && aud.includes(audience));
}

function numericDate(payload: JwtObject, claim: string): number | undefined {
  const value = payload[claim];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new JwtRefused('claim', claim);
  return value;
}

/** Signs `payload` with HS256 (Bridgekit's own embed tokens: the admin API, development). */
export async function signHs256(payload: JwtObject, secret: Uint8Array, kid: string): Promise<string> {
  const encode = (part: JwtObject) => toBase64url(new TextEncoder().encode(JSON.stringify(part)));
  const signingInput = `${encode({ alg: 'HS256', kid })}.${encode(payload)}`;
  const key = await crypto.subtle.importKey('raw', secret, JWT_ALGORITHMS.HS256.key, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${toBase64url(new Uint8Array(mac))}`;
}
