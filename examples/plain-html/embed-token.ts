/**
 * Signs a Bridgekit embed token (an HS256 JWT) with nothing but Node's crypto: what an intranet
 * server does for the person it has signed in. Any JWT library does the same in one call.
 */
import { createHmac } from 'node:crypto';

export interface Person {
  /** A stable id for the person in your directory (never reused). */
  sub: string;
  name: string;
  email?: string;
  /** Business unit, shown beside the person's ideas and used for support per unit. */
  bu?: string;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export function signEmbedToken(person: Person, secret: string, options: { kid?: string; lifetimeSeconds?: number } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'HS256', typ: 'JWT', ...(options.kid ? { kid: options.kid } : {}) };
  const claims = { ...person, iat: now, exp: now + (options.lifetimeSeconds ?? 15 * 60) };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
