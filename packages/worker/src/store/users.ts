import { type SQL, sql } from 'drizzle-orm';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';

/**
 * Creates the person on their first write, or refreshes name, email and business unit from
 * their current token. Meant to run first in the batch of the write it belongs to.
 */
export function upsertUser(db: Database, tenantId: string, viewer: Actor, now: number) {
  const profile = { name: viewer.name, email: viewer.email, businessUnit: viewer.businessUnit, lastSeenAt: now };
  return db
    .insert(users)
    .values({ id: newId(), tenantId, subject: viewer.subject, createdAt: now, ...profile })
    .onConflictDoUpdate({ target: [users.tenantId, users.subject], set: profile });
}

/** The subject writes by this viewer are recorded under; null for nobody and the platform admin. */
function subjectOf(viewer: Viewer | Actor): string | null {
  if ('subject' in viewer) return viewer.subject;
  return viewer.kind === 'apiKey' ? `apikey:${viewer.keyId}` : null;
}

/** SQL for the internal id of the viewer (NULL when anonymous or not yet known), for use inside one statement. */
export function viewerUserId(tenantId: string, viewer: Viewer | Actor): SQL {
  const subject = subjectOf(viewer);
  if (subject === null) return sql`NULL`;
  return sql`(select ${qualified(users.id)} from ${users} where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.subject)} = ${subject})`;
}
