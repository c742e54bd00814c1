/**
 * Tickets for the live-updates WebSocket. A browser cannot send an Authorization header when
 * it opens a WebSocket, and a bearer token in a URL ends up in logs; so a signed-in widget asks
 * the API (with its token, under CORS) for a ticket: the tenant and thread, valid one minute,
 * signed with an HMAC key derived from the Worker secret BRIDGEKIT_SECRET_KEY.
 */
import { fromBase64Url, toBase64Url } from '../lib/base64url.ts';

export const TICKET_TTL_MS = 60_000;

export interface TicketClaims {
  tenant: string;
  thread: string;
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
  claims: TicketClaims,
  now = Date.now(),
): Promise<{ ticket: string; expiresAt: number }> {
  const expiresAt = now + TICKET_TTL_MS;
  const payload = toBase64Url(new TextEncoder().encode(JSON.stringify([claims.tenant, claims.thread, expiresAt])));
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
    const [tenant, thread, expiresAt] = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as unknown[];
    if (typeof tenant !== 'string' || typeof thread !== 'string' || typeof expiresAt !== 'number' || expiresAt < now) return null;
    return { tenant, thread };
  } catch {
    return null;
  }
}
