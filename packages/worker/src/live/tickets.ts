/**
 * Tickets for the live-updates WebSocket. A browser cannot send an Authorization header when
 * it opens a WebSocket, and a bearer token in a URL ends up in logs; so a signed-in widget asks
 * the API (with its token, under CORS) for a ticket: the tenant, the thread and who it was issued
 * to, valid one minute, signed with an HMAC key derived from the Worker secret
 * BRIDGEKIT_SECRET_KEY. Each ticket has an id: the thread's Durable Object remembers the ids it
 * accepted until they expire, so a ticket opens one socket (thread-live.ts).
 */
import type { Viewer } from '../auth/viewer.ts';
import { fromBase64Url, toBase64Url } from '../lib/base64url.ts';

export const TICKET_TTL_MS = 60_000;

/** Whom a ticket (and so a socket) was issued to: what access is re-checked for (access.ts). */
export type LiveHolder =
  | { kind: 'anonymous' }
  | { kind: 'user'; subject: string }
  | { kind: 'apiKey'; keyId: string }
  | { kind: 'platform' };

export interface TicketClaims {
  /** Random; the Durable Object refuses a second socket with it. */
  id: string;
  /** The tenant's slug. */
  tenant: string;
  thread: string;
  holder: LiveHolder;
  expiresAt: number;
}

export function holderOf(viewer: Viewer): LiveHolder {
  switch (viewer.kind) {
    case 'user':
      return { kind: 'user', subject: viewer.subject };
    case 'apiKey':
      return { kind: 'apiKey', keyId: viewer.keyId };
    default:
      return { kind: viewer.kind };
  }
}

function isHolder(value: unknown): value is LiveHolder {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  switch (h.kind) {
    case 'anonymous':
    case 'platform':
      return true;
    case 'user':
      return typeof h.subject === 'string';
    case 'apiKey':
      return typeof h.keyId === 'string';
    default:
      return false;
  }
}

const keys = new Map<string, Promise<CryptoKey>>();

function ticketKey(masterKey: string): Promise<CryptoKey> {
  let key = keys.get(masterKey);
  if (!key) {
    key = (async () => {
      const base = await crypto.subtle.importKey('raw', fromBase64Url(masterKey), 'HKDF', false, ['deriveKey']);
      return crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: new TextEncoder().encode('bridgekit live tickets v1') },
        base,
        { name: 'HMAC', hash: 'SHA-256', length: 256 },
        false,
        ['sign', 'verify'],
      );
    })();
    keys.set(masterKey, key);
  }
  return key;
}

export async function issueTicket(
  masterKey: string,
  claims: { tenant: string; thread: string; holder: LiveHolder },
  now = Date.now(),
): Promise<{ ticket: string; expiresAt: number }> {
  const expiresAt = now + TICKET_TTL_MS;
  const id = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  // `v: 2`: tickets of the first format (tenant, thread, expiry) name nobody and are refused.
  const body = { v: 2, id, tenant: claims.tenant, thread: claims.thread, holder: claims.holder, exp: expiresAt };
  const payload = toBase64Url(new TextEncoder().encode(JSON.stringify(body)));
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await ticketKey(masterKey), new TextEncoder().encode(payload)));
  return { ticket: `${payload}.${toBase64Url(signature)}`, expiresAt };
}

/** The ticket's claims, or null when it is malformed, forged or expired. */
export async function verifyTicket(masterKey: string, ticket: string, now = Date.now()): Promise<TicketClaims | null> {
  const [payload, signature, extra] = ticket.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  try {
    const valid = await crypto.subtle.verify(
      'HMAC',
      await ticketKey(masterKey),
      fromBase64Url(signature),
      new TextEncoder().encode(payload),
    );
    if (!valid) return null;
    const body = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as Record<string, unknown>;
    const { v, id, tenant, thread, holder, exp } = body;
    if (v !== 2 || typeof id !== 'string' || typeof tenant !== 'string' || typeof thread !== 'string') return null;
    if (!isHolder(holder) || typeof exp !== 'number' || exp < now) return null;
    return { id, tenant, thread, holder, expiresAt: exp };
  } catch {
    return null;
  }
}
