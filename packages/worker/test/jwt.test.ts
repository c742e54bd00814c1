/**
 * The Worker's own JWT reading and checks (src/auth/jwt.ts, jwks.ts) against jose, an
 * independent implementation: tokens jose signs verify, tokens it would refuse are refused.
 * The HTTP behaviour (reasons, statuses, the JWKS cache) is in auth.test.ts and oidc.test.ts.
 */
import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { usableKeys } from '../src/auth/jwks.ts';
import { checkClaims, JWT_ALGORITHMS, type JwtAlgorithm, JwtRefused, readJwt, signedBy, signHs256, toBase64url } from '../src/auth/jwt.ts';

const now = Math.floor(Date.now() / 1000);
const json = (value: unknown) => toBase64url(new TextEncoder().encode(JSON.stringify(value)));

async function keyPair(alg: Exclude<JwtAlgorithm, 'HS256'>) {
  const pair = await generateKeyPair(alg, { extractable: true });
  const jwk = (await exportJWK(pair.publicKey)) as JsonWebKey;
  const publicKey = await crypto.subtle.importKey('jwk', jwk, JWT_ALGORITHMS[alg].key, false, ['verify']);
  return { privateKey: pair.privateKey, publicKey };
}

const signed = (alg: string, key: CryptoKey | Uint8Array, claims: Record<string, unknown> = {}) =>
  new SignJWT({ sub: 's', ...claims })
    .setProtectedHeader({ alg })
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(key);

function refusal(run: () => void): JwtRefused | undefined {
  try {
    run();
  } catch (err) {
    if (err instanceof JwtRefused) return err;
    throw err;
  }
  return undefined;
}

describe('signatures', () => {
  for (const alg of ['RS256', 'PS256', 'ES256'] as const) {
    it(`verify ${alg} tokens signed by jose, and refuse them altered or under another key`, async () => {
      const { privateKey, publicKey } = await keyPair(alg);
      const token = await signed(alg, privateKey);
      expect(await signedBy(readJwt(token), alg, publicKey)).toBe(true);

      const [header, , signature] = token.split('.');
      const altered = `${header}.${json({ sub: 'mallory', iat: now, exp: now + 60 })}.${signature}`;
      expect(await signedBy(readJwt(altered), alg, publicKey)).toBe(false);
      const other = await keyPair(alg);
      expect(await signedBy(readJwt(token), alg, other.publicKey)).toBe(false);
    });
  }

  it('refuse a key of another algorithm instead of throwing', async () => {
    const rsa = await keyPair('RS256');
    const ec = await keyPair('ES256');
    const token = await signed('ES256', ec.privateKey);
    expect(await signedBy(readJwt(token), 'ES256', rsa.publicKey)).toBe(false);
    expect(await signedBy(readJwt(token), 'PS256', rsa.publicKey)).toBe(false);
  });

  it('verify HS256 both ways with jose: our tokens pass jwtVerify, jose’s pass ours', async () => {
    const secret = new TextEncoder().encode('a-secret-of-thirty-two-bytes-or-more');
    const ours = await signHs256({ sub: 'ada', name: 'Ada', iat: now, exp: now + 60 }, secret, 'k1');
    const { payload, protectedHeader } = await jwtVerify(ours, secret, { algorithms: ['HS256'] });
    expect(payload).toEqual({ sub: 'ada', name: 'Ada', iat: now, exp: now + 60 });
    expect(protectedHeader).toEqual({ alg: 'HS256', kid: 'k1' });

    const key = await crypto.subtle.importKey('raw', secret, JWT_ALGORITHMS.HS256.key, false, ['verify']);
    expect(await signedBy(readJwt(await signed('HS256', secret)), 'HS256', key)).toBe(true);
    expect(await signedBy(readJwt(await signed('HS256', new TextEncoder().encode('another-secret-0123456789abcdef'))), 'HS256', key)).toBe(
      false,
    );
  });
});

describe('reading a token', () => {
  const header = json({ alg: 'HS256' });
  const payload = json({ sub: 's' });

  it('takes three base64url parts, the first two JSON objects; the signature may be empty (alg none)', () => {
    expect(readJwt(`${header}.${payload}.`).payload).toEqual({ sub: 's' });
    for (const token of [
      'not-a-jwt',
      `${header}.${payload}`,
      `${header}.${payload}.sig.extra.parts`, // a JWE
      `.${payload}.sig`,
      `${header}..sig`,
      `${header}.${payload}.si+g`,
      `${header}.${payload}.a`, // no base64 ends with one character of a group
      `${header}.${json([1, 2])}.sig`,
      `${header}.${json(null)}.sig`,
      `${header}.${toBase64url(new TextEncoder().encode('{"sub":'))}.sig`,
      `${header}.${toBase64url(new Uint8Array([0x7b, 0xff, 0x7d]))}.sig`, // not UTF-8
    ]) {
      expect(refusal(() => readJwt(token))?.problem, token).toBe('malformed');
    }
  });

  it('refuses a header with critical extensions it does not know (and so unencoded payloads)', () => {
    expect(refusal(() => readJwt(`${json({ alg: 'HS256', b64: false, crit: ['b64'] })}.${payload}.sig`))?.problem).toBe('malformed');
  });
});

describe('claim rules', () => {
  const rules = { clockTolerance: 60, required: ['exp'] };
  const problem = (payload: Record<string, unknown>, extra: Partial<Parameters<typeof checkClaims>[1]> = {}) => {
    const err = refusal(() => checkClaims(payload, { ...rules, ...extra }, now));
    return err && `${err.problem}:${err.claim}`;
  };

  it('tolerate the clock skew in exp, nbf and iat, and no more', () => {
    expect(problem({ exp: now - 59 })).toBeUndefined();
    expect(problem({ exp: now - 60 })).toBe('expired:exp');
    expect(problem({ exp: now + 60, nbf: now + 60 })).toBeUndefined();
    expect(problem({ exp: now + 60, nbf: now + 61 })).toBe('not_yet_valid:nbf');
    expect(problem({ exp: now + 60, iat: now + 60 })).toBeUndefined();
    expect(problem({ exp: now + 60, iat: now + 61 })).toBe('issued_in_future:iat');
  });

  it('refuse a token older than the maximum age, which requires iat', () => {
    const maxAge = 3660;
    expect(problem({ exp: now + 60, iat: now - 3720 }, { maxAge })).toBeUndefined();
    expect(problem({ exp: now + 60, iat: now - 3721 }, { maxAge })).toBe('expired:iat');
    expect(problem({ exp: now + 60 }, { maxAge })).toBe('claim:iat');
  });

  it('require the listed claims, and time claims to be numbers', () => {
    expect(problem({})).toBe('claim:exp');
    expect(problem({ exp: String(now + 60) })).toBe('claim:exp');
    expect(problem({ exp: now + 60, nbf: 'soon' })).toBe('claim:nbf');
  });

  it('pin the issuer and the audience, which may be a list', () => {
    const pinned = { issuer: 'https://idp.example', audience: 'api://bridgekit' };
    const good = { exp: now + 60, iss: pinned.issuer, aud: pinned.audience };
    expect(problem(good, pinned)).toBeUndefined();
    expect(problem({ ...good, aud: ['other', pinned.audience] }, pinned)).toBeUndefined();
    expect(problem({ ...good, aud: ['other'] }, pinned)).toBe('claim:aud');
    expect(problem({ ...good, aud: undefined }, pinned)).toBe('claim:aud');
    expect(problem({ ...good, iss: 'https://idp.example/' }, pinned)).toBe('claim:iss');
    expect(problem({ exp: now - 600 }, pinned)).toBe('claim:iss');
  });
});

describe('choosing keys from a JWKS', () => {
  const keys = [
    { kty: 'RSA', kid: 'a', use: 'sig' },
    { kty: 'RSA', kid: 'b', use: 'enc' },
    { kty: 'RSA', kid: 'c', alg: 'PS256' },
    { kty: 'EC', kid: 'd', crv: 'P-256' },
    { kty: 'EC', kid: 'e', crv: 'P-384' },
    { kty: 'RSA', kid: 'f', key_ops: ['encrypt'] },
    { kty: 'RSA', kid: 'g', key_ops: ['verify'] },
  ];

  it('takes keys of the algorithm’s type and curve, for signatures, not pinned to another algorithm', () => {
    expect(usableKeys(keys, 'RS256', undefined)).toEqual([0, 6]);
    expect(usableKeys(keys, 'PS256', undefined)).toEqual([0, 2, 6]);
    expect(usableKeys(keys, 'ES256', undefined)).toEqual([3]);
  });

  it('takes only the key the token names', () => {
    expect(usableKeys(keys, 'RS256', 'a')).toEqual([0]);
    expect(usableKeys(keys, 'RS256', 'c')).toEqual([]);
    expect(usableKeys(keys, 'RS256', 'nobody')).toEqual([]);
    expect(usableKeys(keys, 'RS256', 7)).toEqual([]);
  });
});
