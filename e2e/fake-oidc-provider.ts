/**
 * A stand-in for an OpenID Connect provider such as Entra ID, on a loopback port: discovery,
 * an authorization endpoint that (like a provider with a live session) answers at once with a
 * code, a token endpoint that checks the PKCE verifier, client and redirect URI as the real
 * one does, and the JWKS the Worker verifies the access token with. Outside the product, so
 * faked; everything Bridgekit does against it is real.
 */
import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOidcPerson {
  oid: string;
  name: string;
  email: string;
}

export interface FakeOidcProvider {
  issuer: string;
  jwksUri: string;
  clientId: string;
  audience: string;
  /** The scope to ask for: `<audience>/access_as_user`. */
  scope: string;
  directoryId: string;
  /** Authorization requests seen, for assertions. */
  authorizations: URLSearchParams[];
  close(): void;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export async function startFakeOidcProvider(options: { redirectUri: string; person: FakeOidcPerson }): Promise<FakeOidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'fake-oidc-1', use: 'sig', alg: 'RS256' };
  const clientId = '3f1c0b9e-0000-4000-8000-00000000c11e';
  const directoryId = '9a8b7c6d-0000-4000-8000-0000000000d1';
  const audience = 'api://bridgekit-e2e';
  const codes = new Map<string, { challenge: string; redirectUri: string; clientId: string }>();
  const authorizations: URLSearchParams[] = [];
  let issuer = '';

  const sign = (claims: Record<string, unknown>) => {
    const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: jwk.kid }))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    // Like Entra ID, discovery, keys and token endpoint answer cross-origin calls from SPAs.
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
  };
  const oauthError = (res: ServerResponse, error: string, description: string) => json(res, 400, { error, error_description: description });

  const readForm = async (req: IncomingMessage) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    return new URLSearchParams(body);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const path = url.pathname.replace(new URL(issuer).pathname, '');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' }).end();
      return;
    }
    if (path === '/.well-known/openid-configuration') {
      json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/keys`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
    } else if (path === '/keys') {
      json(res, 200, { keys: [jwk] });
    } else if (path === '/authorize') {
      const q = url.searchParams;
      authorizations.push(q);
      if (q.get('client_id') !== clientId) return oauthError(res, 'unauthorized_client', 'AADSTS700016: unknown application');
      if (q.get('redirect_uri') !== options.redirectUri) return oauthError(res, 'invalid_request', 'AADSTS50011: redirect URI mismatch');
      if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
        return oauthError(res, 'invalid_request', 'AADSTS9002325: PKCE with S256 is required for single-page applications');
      }
      const code = b64url(randomBytes(24));
      codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri: options.redirectUri, clientId });
      const back = new URL(options.redirectUri);
      back.search = new URLSearchParams({ code, state: q.get('state') ?? '' }).toString();
      res.writeHead(302, { location: back.href }).end();
    } else if (path === '/token' && req.method === 'POST') {
      const form = await readForm(req);
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (form.get('grant_type') !== 'authorization_code' || !grant)
        return oauthError(res, 'invalid_grant', 'AADSTS70008: the code is invalid or used');
      if (form.get('client_id') !== grant.clientId || form.get('redirect_uri') !== grant.redirectUri) {
        return oauthError(res, 'invalid_grant', 'AADSTS50148: client or redirect URI differs from the authorization request');
      }
      const verifier = form.get('code_verifier') ?? '';
      if (b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge) {
        return oauthError(res, 'invalid_grant', 'AADSTS501481: the code verifier does not match the code challenge');
      }
      const now = Math.floor(Date.now() / 1000);
      const accessToken = sign({
        iss: issuer,
        aud: audience,
        tid: directoryId,
        oid: options.person.oid,
        name: options.person.name,
        preferred_username: options.person.email,
        scp: 'access_as_user',
        iat: now,
        nbf: now,
        exp: now + 3600,
      });
      json(res, 200, { token_type: 'Bearer', access_token: accessToken, expires_in: 3600, scope: `${audience}/access_as_user` });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${directoryId}/v2.0`;
  return {
    issuer,
    jwksUri: `${issuer}/keys`,
    clientId,
    audience,
    scope: `${audience}/access_as_user`,
    directoryId,
    authorizations,
    close: () => server.close(),
  };
}
