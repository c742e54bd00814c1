import { env, exports } from 'cloudflare:workers';
import type { ErrorBody } from '@bridgekit/sdk';
import { formatReason } from '@bridgekit/sdk/reasons';
import { SignJWT } from 'jose';
import { encryptSecret } from '../src/auth/secrets.ts';
import { DEMO_KID } from '../src/dev/demo-data.ts';
import { demoSeed } from '../src/dev/seed.ts';
import { checkedFetch } from './contract.ts';
import { FAKE_DIRECTORY_ID, FAKE_ISSUER, FAKE_JWKS_URI } from './fake-identity-provider.ts';

export const ORIGIN = 'https://bridgekit.test';
export const DEMO = `${ORIGIN}/v1/tenants/demo`;

export async function seedDemo(): Promise<void> {
  const statements = await demoSeed({ secretKey: env.BRIDGEKIT_SECRET_KEY, demoSecret: env.DEMO_EMBED_SECRET ?? '' });
  await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
}

/** Adds a second tenant with its own secret, board and idea — for isolation tests. */
export async function seedOtherTenant(): Promise<{ secret: string }> {
  const secret = 'other-tenant-secret-0123456789abcdef';
  const ciphertext = await encryptSecret(env.BRIDGEKIT_SECRET_KEY, 'other-tenant', 'k1', secret);
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare("insert into tenants (id, slug, name, created_at) values ('other-tenant', 'other', 'Fabrikam', ?)").bind(now),
    env.DB.prepare("insert into embed_keys (tenant_id, kid, secret_ciphertext, created_at) values ('other-tenant', 'k1', ?, ?)").bind(
      ciphertext,
      now,
    ),
    env.DB.prepare(
      "insert into users (id, tenant_id, subject, name, created_at, last_seen_at) values ('other-user', 'other-tenant', 'fab|1', 'Fabrikam person', ?, ?)",
    ).bind(now, now),
    env.DB.prepare(
      "insert into boards (id, tenant_id, slug, name, created_at) values ('other-board', 'other-tenant', 'general', 'Fabrikam secrets', ?)",
    ).bind(now),
    // Every board has a scorecard (the API creates one with each board).
    env.DB.prepare(
      "insert into board_criteria (board_id, tenant_id, key, label, kind, weight, grp, position) values ('other-board', 'other-tenant', 'impact', 'Business impact', 'scale', 1, 'value', 0)",
    ),
    env.DB.prepare(
      "insert into ideas (id, tenant_id, board_id, author_id, title, description, vote_count, created_at) values ('other-idea', 'other-tenant', 'other-board', 'other-user', 'Fabrikam confidential plan', 'secret', 0, ?)",
    ).bind(now),
  ]);
  return { secret };
}

export interface TokenOptions {
  sub?: string;
  name?: string;
  bu?: string;
  email?: string;
  secret?: string;
  kid?: string | null;
  alg?: string;
  /** Seconds from now. */
  expiresIn?: number;
  /** Seconds from now (negative: in the past). */
  issuedAt?: number;
  extra?: Record<string, unknown>;
}

/** Signs an embed token the way a host intranet would (defaults: a valid demo token). */
export async function token(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { name: options.name ?? 'Test Person', ...options.extra };
  if (options.bu !== undefined) claims.bu = options.bu;
  if (options.email !== undefined) claims.email = options.email;
  const header: { alg: string; kid?: string } = { alg: options.alg ?? 'HS256' };
  if (options.kid !== null) header.kid = options.kid ?? DEMO_KID;
  const jwt = new SignJWT(claims)
    .setProtectedHeader(header)
    .setIssuedAt(now + (options.issuedAt ?? 0))
    .setExpirationTime(now + (options.expiresIn ?? 600));
  if (options.sub !== '') jwt.setSubject(options.sub ?? 'test|person');
  return jwt.sign(new TextEncoder().encode(options.secret ?? env.DEMO_EMBED_SECRET));
}

/** The Worker's fetch handler; every answer is checked against `/v1/openapi.json` (contract.ts). */
export const workerFetch = checkedFetch((request) => exports.default.fetch(request));

/** Calls the real Worker's fetch handler, as a browser or server would over HTTP. */
export function call(url: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return workerFetch(new Request(url, { ...init, headers }));
}

export async function json<T = unknown>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/**
 * Asserts the one error shape — a reason that starts with the code, its params, the English
 * message written from them, and the request id of the `x-request-id` header — and returns it.
 */
export async function errorOf(res: Response): Promise<ErrorBody['error']> {
  const body = await json<ErrorBody>(res);
  const error = body.error;
  if (
    !error ||
    typeof error.code !== 'string' ||
    typeof error.message !== 'string' ||
    typeof error.reason !== 'string' ||
    !error.reason.startsWith(`${error.code}.`) ||
    typeof error.params !== 'object' ||
    error.params === null ||
    error.message !== formatReason(error.reason, error.params) ||
    typeof error.requestId !== 'string' ||
    error.requestId !== res.headers.get('x-request-id')
  ) {
    throw new Error(`Not the error shape: ${JSON.stringify(body)}`);
  }
  return error;
}

/** The platform admin token of the test Worker (BRIDGEKIT_ADMIN_TOKEN). */
export const platformToken = () => env.BRIDGEKIT_ADMIN_TOKEN ?? '';

/** Calls with the platform admin token and a JSON body. */
export function admin(url: string, method = 'GET', body?: unknown): Promise<Response> {
  return call(url, { method, token: platformToken(), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/**
 * Gives the demo tenant the role claim the tests' tokens carry (`roles`: `Bridgekit.Evaluator`,
 * `Bridgekit.Moderator`, `Bridgekit.Admin`, `Bridgekit.CIO`, embed tokens included).
 */
export async function useTestRoleClaims(): Promise<void> {
  const res = await admin(`${DEMO}/settings`, 'PATCH', {
    roleMapping: {
      claim: 'roles',
      evaluator: ['Bridgekit.Evaluator'],
      moderator: ['Bridgekit.Moderator'],
      admin: ['Bridgekit.Admin'],
      cio: ['Bridgekit.CIO'],
      applyToEmbedTokens: true,
    },
  });
  if (res.status !== 200) throw new Error(`Could not set the role claims: ${res.status} ${await res.text()}`);
}

export interface OidcTokenOptions {
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  expiresIn?: number;
  /** Seconds from now (positive: in the future). */
  issuedAt?: number;
  /** `unpublished`: signed with a key the JWKS does not list. */
  key?: 'published' | 'unpublished';
  alg?: string;
}

/** An access token as Entra ID would issue it for Bridgekit's API (signed by the fake IdP's key). */
export async function oidcToken(options: OidcTokenOptions = {}): Promise<string> {
  const { importJWK } = await import('jose');
  const jwk = JSON.parse(options.key === 'unpublished' ? env.TEST_OIDC_UNPUBLISHED_JWK : env.TEST_OIDC_PRIVATE_JWK);
  const key = await importJWK(jwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    tid: FAKE_DIRECTORY_ID,
    oid: '00000000-0000-4000-8000-0000000000aa',
    name: 'Grace Hopper',
    preferred_username: 'grace@contoso.example',
    scp: 'access_as_user',
    ...options.claims,
  })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: jwk.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? FAKE_ISSUER)
    .setAudience(options.audience ?? ENTRA_AUDIENCE)
    .setSubject('pairwise-subject-not-used-by-entra-preset')
    .setIssuedAt(now + (options.issuedAt ?? 0))
    .setExpirationTime(now + (options.expiresIn ?? 3600))
    .sign(key);
}

export const ENTRA_AUDIENCE = 'api://bridgekit-test';

/** Configures tenant `demo` to accept the fake Entra ID's tokens, as an admin would. */
export async function configureEntra(overrides: Record<string, unknown> = {}): Promise<Response> {
  return admin(`${DEMO}/oidc-providers/entra`, 'PUT', {
    issuer: FAKE_ISSUER,
    jwksUri: FAKE_JWKS_URI,
    audience: ENTRA_AUDIENCE,
    directoryId: FAKE_DIRECTORY_ID,
    requiredScope: 'access_as_user',
    emailClaim: 'preferred_username',
    ...overrides,
  });
}

/** How many comments the demo tenant's thread `threadKey` holds, straight from D1. */
export async function commentsIn(threadKey: string): Promise<number> {
  const row = await env.DB.prepare(
    "select count(*) as n from comments c join threads t on t.id = c.thread_id and t.tenant_id = c.tenant_id where c.tenant_id = 'demo-tenant' and t.key = ?",
  )
    .bind(threadKey)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
