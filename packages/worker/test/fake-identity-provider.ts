/**
 * A stand-in for Entra ID's key endpoint and discovery document, run by Miniflare's outbound
 * service (Node side): the Worker's real JWKS client fetches from it exactly as from
 * login.microsoftonline.com. It serves the public half of a key pair made at start; the tests
 * sign tokens with the private half (passed to them as a binding). A second key pair is never
 * published, for "unknown kid". Hostile issuers' discovery documents (`HOSTILE_ISSUER`) name
 * the endpoints an attacker-run or compromised issuer would.
 */
import { exportJWK, generateKeyPair } from 'jose';

export const FAKE_DIRECTORY_ID = '72f988bf-0000-4000-8000-00000000b1d6';
export const FAKE_ISSUER = `https://login.microsoftonline.com/${FAKE_DIRECTORY_ID}/v2.0`;
export const FAKE_JWKS_URI = `https://login.microsoftonline.com/${FAKE_DIRECTORY_ID}/discovery/v2.0/keys`;
/** A JWKS URI whose server is down. */
export const DOWN_JWKS_URI = 'https://login.down.example/keys';
/** Test-only: how many times the key set was fetched (the real endpoint has no such thing). */
export const FAKE_STATS_URI = 'https://fake-idp.test/stats';
export const FAKE_AUTHORIZATION_ENDPOINT = `https://login.microsoftonline.com/${FAKE_DIRECTORY_ID}/oauth2/v2.0/authorize`;
export const FAKE_TOKEN_ENDPOINT = `https://login.microsoftonline.com/${FAKE_DIRECTORY_ID}/oauth2/v2.0/token`;

/** Issuers `${HOSTILE_ISSUER}/<case>`, whose discovery documents are below. */
export const HOSTILE_ISSUER = 'https://idp.hostile.test';
/** A host the `listed-host` case's endpoints are on: fine once an admin lists it. */
export const PARTNER_HOST = 'accounts.idp-partner.test';

const good = (issuer: string) => ({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token` });
export const HOSTILE_DOCUMENTS: Record<string, (issuer: string) => unknown> = {
  fine: good,
  'javascript-endpoint': (issuer) => ({ ...good(issuer), authorization_endpoint: 'javascript:alert(document.domain)//' }),
  'data-endpoint': (issuer) => ({ ...good(issuer), authorization_endpoint: 'data:text/html,<script>alert(1)</script>' }),
  'http-endpoint': (issuer) => ({ ...good(issuer), authorization_endpoint: 'http://idp.hostile.test/authorize' }),
  'other-host': (issuer) => ({ ...good(issuer), authorization_endpoint: 'https://phish.example/authorize' }),
  'token-elsewhere': (issuer) => ({ ...good(issuer), token_endpoint: 'https://phish.example/token' }),
  credentials: (issuer) => ({ ...good(issuer), authorization_endpoint: 'https://user:pw@idp.hostile.test/authorize' }),
  'wrong-issuer': (issuer) => ({ ...good(issuer), issuer: 'https://phish.example' }),
  'no-endpoints': (issuer) => ({ issuer }),
  'listed-host': (issuer) => ({
    issuer,
    authorization_endpoint: `https://${PARTNER_HOST}/authorize`,
    token_endpoint: `https://${PARTNER_HOST}/token`,
  }),
};

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
    if (url === `${FAKE_ISSUER}/.well-known/openid-configuration`) {
      return Response.json({
        issuer: FAKE_ISSUER,
        authorization_endpoint: FAKE_AUTHORIZATION_ENDPOINT,
        token_endpoint: FAKE_TOKEN_ENDPOINT,
        jwks_uri: FAKE_JWKS_URI,
      });
    }
    const hostile = url.startsWith(`${HOSTILE_ISSUER}/`) && url.endsWith('/.well-known/openid-configuration');
    const name = hostile ? url.slice(HOSTILE_ISSUER.length + 1, -'/.well-known/openid-configuration'.length) : '';
    if (name === 'not-json') return new Response('<html>Sign in</html>', { headers: { 'content-type': 'text/html' } });
    if (name === 'redirect') return new Response(null, { status: 302, headers: { location: 'https://phish.example/' } });
    const document = HOSTILE_DOCUMENTS[name];
    if (document) return Response.json(document(`${HOSTILE_ISSUER}/${name}`));
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
