/**
 * A stand-in for Entra ID's key endpoint, run by Miniflare's outbound service (Node side): the
 * Worker's real JWKS client fetches from it exactly as from login.microsoftonline.com. It
 * serves the public half of a key pair made at start; the tests sign tokens with the private
 * half (passed to them as a binding). A second key pair is never published, for "unknown kid".
 */
import { exportJWK, generateKeyPair } from 'jose';

export const FAKE_DIRECTORY_ID = '72f988bf-0000-4000-8000-00000000b1d6';
export const FAKE_ISSUER = `https://login.microsoftonline.com/${FAKE_DIRECTORY_ID}/v2.0`;
export const FAKE_JWKS_URI = `https://login.microsoftonline.com/${FAKE_DIRECTORY_ID}/discovery/v2.0/keys`;
/** A JWKS URI whose server is down. */
export const DOWN_JWKS_URI = 'https://login.down.example/keys';
/** Test-only: how many times the key set was fetched (the real endpoint has no such thing). */
export const FAKE_STATS_URI = 'https://fake-idp.test/stats';

export async function createFakeIdentityProvider() {
  const published = await generateKeyPair('RS256', { extractable: true });
  const unpublished = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(published.publicKey)), kid: 'fake-key-1', use: 'sig', alg: 'RS256' };
  let jwksRequests = 0;

  const outboundService = (request: Request): Response => {
    const url = request.url;
    if (url === FAKE_JWKS_URI) {
      jwksRequests++;
      return new Response(JSON.stringify({ keys: [publicJwk] }), {
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=86400, private' },
      });
    }
    if (url.startsWith(DOWN_JWKS_URI)) return new Response('Service Unavailable', { status: 503 });
    if (url === FAKE_STATS_URI) return Response.json({ jwksRequests });
    return new Response(`The tests allow no request to ${url}`, { status: 599 });
  };

  return {
    outboundService,
    jwksRequests: () => jwksRequests,
    bindings: {
      TEST_OIDC_PRIVATE_JWK: JSON.stringify({ ...(await exportJWK(published.privateKey)), kid: 'fake-key-1', alg: 'RS256' }),
      TEST_OIDC_UNPUBLISHED_JWK: JSON.stringify({ ...(await exportJWK(unpublished.privateKey)), kid: 'fake-key-2', alg: 'RS256' }),
      TEST_OIDC_PUBLIC_JWK: JSON.stringify(publicJwk),
    },
  };
}
