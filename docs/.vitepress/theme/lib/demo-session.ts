/**
 * Demo sign-in against a development Worker (`pnpm dev`): its seeded people, and short-lived
 * tokens it mints for them (`/v1/dev/*`, which a production Worker does not have). On a real
 * intranet the host's server signs tokens for the signed-in person instead (see Identity).
 */
import type { TokenSource } from '@bridgekit/sdk';

export interface DemoUser {
  key: string;
  name: string;
  role: string;
  businessUnit: string;
}

interface MintedToken {
  token: string;
  expiresAt: string;
}

/** The seeded people, or `null` when the Worker has no development routes. */
export async function listDemoUsers(bridgekitUrl: string): Promise<DemoUser[] | null> {
  try {
    const res = await fetch(`${bridgekitUrl}/v1/dev/users`);
    if (!res.ok) return null;
    return ((await res.json()) as { items: DemoUser[] }).items;
  } catch {
    return null;
  }
}

const minted = new Map<string, MintedToken>();
const providers = new Map<string, TokenSource>();

/** A token for `user` of `tenant`, reused until a minute before it expires. */
export async function demoToken(bridgekitUrl: string, tenant: string, user: string, { fresh = false } = {}): Promise<MintedToken> {
  const cacheKey = `${bridgekitUrl}|${tenant}|${user}`;
  const cached = minted.get(cacheKey);
  if (cached && !fresh && Date.parse(cached.expiresAt) - Date.now() > 60_000) return cached;
  const res = await fetch(`${bridgekitUrl}/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, user }),
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The Worker refused a demo token (${res.status}).`);
  }
  const token = (await res.json()) as MintedToken;
  minted.set(cacheKey, token);
  return token;
}

/**
 * A token provider for `Bridgekit.configure({ token })`. The same function for the same person,
 * so configuring twice does not reload the widgets. Where no token can be had (a production
 * Worker, an unknown tenant) the widgets stay read-only.
 */
export function demoTokenProvider(bridgekitUrl: string, tenant: string, user: string): TokenSource {
  const cacheKey = `${bridgekitUrl}|${tenant}|${user}`;
  let provider = providers.get(cacheKey);
  if (!provider) {
    provider = async ({ expired }) => {
      try {
        return (await demoToken(bridgekitUrl, tenant, user, { fresh: expired })).token;
      } catch (err) {
        console.warn('Bridgekit docs: no demo token, so the widgets are read-only.', err);
        return null;
      }
    };
    providers.set(cacheKey, provider);
  }
  return provider;
}
