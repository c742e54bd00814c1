/**
 * An OIDC issuer's public keys (its JWKS), fetched and kept per isolate: used for 10 minutes,
 * fetched again sooner for a `kid` they lack (a rotated key), but at most every 30 s, so that
 * tokens with made-up kids cannot make us hammer the issuer.
 */
import { JWT_ALGORITHMS, type JwtAlgorithm } from './jwt.ts';

const MAX_AGE_MS = 10 * 60_000;
const COOLDOWN_MS = 30_000;
const TIMEOUT_MS = 5_000;
/** Shorter RSA keys are refused, as jose and RFC 7518 §3.3 do. */
const MIN_RSA_BITS = 2048;

type Jwk = Record<string, unknown>;

interface KeySet {
  keys: Jwk[];
  fetchedAt: number;
  /** Imported keys, by index in `keys` and algorithm (one RSA key may serve RS256 and PS256). */
  imported: Map<string, CryptoKey | null>;
}

const keySets = new Map<string, KeySet>();

/** The issuer's keys could not be had (down, slow, not a JWKS): not the token's fault. */
export class KeysUnavailable extends Error {}

/**
 * The keys of `jwksUri` a token with header `alg` and `kid` may be signed with: an empty list
 * when none matches (the token was not signed by this issuer). Throws `KeysUnavailable`.
 */
export async function keysFor(jwksUri: string, alg: JwtAlgorithm, kid: unknown): Promise<CryptoKey[]> {
  let set = keySets.get(jwksUri);
  if (!set || Date.now() >= set.fetchedAt + MAX_AGE_MS) set = await reload(jwksUri);
  let indexes = usableKeys(set.keys, alg, kid);
  if (indexes.length === 0 && Date.now() >= set.fetchedAt + COOLDOWN_MS) {
    set = await reload(jwksUri);
    indexes = usableKeys(set.keys, alg, kid);
  }
  const keys = await Promise.all(indexes.map((i) => imported(set, i, alg)));
  return keys.filter((key) => key !== null);
}

/**
 * Indexes of the JWKs a token signed with `alg` under `kid` may use: of the algorithm's key
 * type (and curve), the same `kid` when the token names one, and neither published for
 * another use (`use`, `key_ops`) nor pinned to another algorithm (`alg`).
 */
export function usableKeys(keys: Jwk[], alg: JwtAlgorithm, kid: unknown): number[] {
  const { kty, crv } = JWT_ALGORITHMS[alg];
  const usable = (jwk: Jwk) =>
    jwk.kty === kty &&
    (crv === undefined || jwk.crv === crv) &&
    (kid === undefined || (typeof kid === 'string' && jwk.kid === kid)) &&
    (jwk.alg === undefined || jwk.alg === alg) &&
    (jwk.use === undefined || jwk.use === 'sig') &&
    (jwk.key_ops === undefined || (Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify')));
  return keys.flatMap((jwk, i) => (usable(jwk) ? [i] : []));
}

async function imported(set: KeySet, index: number, alg: JwtAlgorithm): Promise<CryptoKey | null> {
  const cacheKey = `${index}:${alg}`;
  const cached = set.imported.get(cacheKey);
  if (cached !== undefined) return cached;
  const jwk = set.keys[index] as Jwk;
  // Only the public members: a private key published by mistake is used as its public half.
  const members = jwk.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('jwk', members as JsonWebKey, JWT_ALGORITHMS[alg].key, false, ['verify']);
  } catch (err) {
    throw new KeysUnavailable(`key ${index} of the JWKS cannot be imported: ${err}`);
  }
  const bits = (key.algorithm as { modulusLength?: number }).modulusLength;
  const usable = bits === undefined || bits >= MIN_RSA_BITS ? key : null;
  set.imported.set(cacheKey, usable);
  return usable;
}

async function reload(jwksUri: string): Promise<KeySet> {
  let response: Response;
  try {
    response = await fetch(jwksUri, {
      redirect: 'manual',
      headers: { accept: 'application/json, application/jwk-set+json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new KeysUnavailable(String(err));
  }
  if (response.status !== 200) throw new KeysUnavailable(`${jwksUri} answered ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch (err) {
    throw new KeysUnavailable(`${jwksUri} sent no JSON: ${err}`);
  }
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'object' && k !== null && !Array.isArray(k))) {
    throw new KeysUnavailable(`${jwksUri} sent no JSON Web Key Set`);
  }
  const set: KeySet = { keys, fetchedAt: Date.now(), imported: new Map() };
  keySets.set(jwksUri, set);
  return set;
}
