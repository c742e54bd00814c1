/**
 * Whether the holders of live sockets may still have them: asked when a ticket is issued, when
 * its socket opens, and every {@link RECHECK_MS} while sockets are open (thread-live.ts), so a
 * socket closes within a minute of its holder losing access — banned or timed out, an API key
 * revoked, anonymous reading turned off, the page's origin no longer allowed, the thread gone.
 * One D1 round trip for all the sockets of a thread.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { apiKeySubject } from '../auth/subjects.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { apiKeys, tenantOrigins, tenants, threads, users } from '../db/schema.ts';
import { inList } from '../db/sql.ts';
import { effectiveOriginPatterns, isAllowedOrigin } from '../lib/origins.ts';
import { threadReadable } from '../store/item-threads.ts';
import type { LiveHolder } from './tickets.ts';

/** How often open sockets are re-checked: well within a minute. */
export const RECHECK_MS = 30_000;

/** A socket, or a ticket about to be one: who holds it, from which page origin (if another site). */
export interface LiveGrant {
  holder: LiveHolder;
  /** The `Origin` of the page, when it is not the Worker's own (then the tenant must allow it). */
  origin: string | null;
}

/** Why a grant no longer holds, or null while it does. */
export type LiveRefusal = 'gone' | 'origin' | 'anonymous' | 'restricted' | 'key';

/** What the holder is told (a WebSocket close reason is at most 123 bytes). */
export const REFUSAL_REASONS: Record<LiveRefusal, string> = {
  gone: 'The thread is gone.',
  origin: 'This page’s origin is no longer allowed.',
  anonymous: 'Sign in to follow this thread.',
  restricted: 'A moderator restricted you.',
  key: 'The API key was revoked.',
};

const subjectOf = (holder: LiveHolder) =>
  holder.kind === 'user' ? holder.subject : holder.kind === 'apiKey' ? apiKeySubject(holder.keyId) : null;

/**
 * For each grant, in order: null while it holds, or why it does not. `reader`, the caller asking
 * for a ticket: the thread is `gone` for them too when it is the discussion of an idea or card
 * they may not see (item-threads.ts). Only the ticket asks that: a holder alone does not carry the
 * role from their token that the rule needs, so open sockets are not re-checked for it.
 */
export async function liveRefusals(
  db: Database,
  tenantId: string,
  threadId: string,
  grants: readonly LiveGrant[],
  now = Date.now(),
  reader: Viewer | null = null,
): Promise<(LiveRefusal | null)[]> {
  const subjects = [...new Set(grants.map((g) => subjectOf(g.holder)).filter((s) => s !== null))];
  const keyIds = [...new Set(grants.flatMap((g) => (g.holder.kind === 'apiKey' ? [g.holder.keyId] : [])))];
  const [tenantRows, threadRows, origins, restricted, keys] = await db.batch([
    db.select({ anonymousRead: tenants.anonymousRead }).from(tenants).where(eq(tenants.id, tenantId)),
    db
      .select({ id: threads.id })
      .from(threads)
      .where(and(eq(threads.tenantId, tenantId), eq(threads.id, threadId), reader ? threadReadable(tenantId, reader) : sql`1`)),
    db.select({ origin: tenantOrigins.origin }).from(tenantOrigins).where(eq(tenantOrigins.tenantId, tenantId)),
    db
      .select({ subject: users.subject })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inList(users.subject, subjects), gt(users.restrictedUntil, now))),
    db
      .select({ id: apiKeys.id, scopes: apiKeys.scopes })
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, tenantId), inList(apiKeys.id, keyIds), isNull(apiKeys.revokedAt))),
  ]);
  const tenant = tenantRows[0];
  const patterns = await effectiveOriginPatterns(origins.map((o) => o.origin));
  const restrictedSubjects = new Set(restricted.map((r) => r.subject));
  const readingKeys = new Set(keys.filter((k) => k.scopes.length > 0).map((k) => k.id));
  return grants.map(({ holder, origin }) => {
    if (!tenant || threadRows.length === 0) return 'gone';
    if (origin !== null && !isAllowedOrigin(origin, patterns)) return 'origin';
    if (holder.kind === 'anonymous' && !tenant.anonymousRead) return 'anonymous';
    if (holder.kind === 'apiKey' && !readingKeys.has(holder.keyId)) return 'key';
    const subject = subjectOf(holder);
    if (subject !== null && restrictedSubjects.has(subject)) return 'restricted';
    return null;
  });
}

/** What the Worker tells the object about a socket it authorised (routes/live.ts). */
export interface LiveConnect extends LiveGrant {
  ticketId: string;
  ticketExpiresAt: number;
  tenantId: string;
  threadId: string;
}

/** The request header that carries a {@link LiveConnect} from the Worker to the object. */
export const LIVE_CONNECT_HEADER = 'x-bridgekit-live-connect';
