import { type SQL, sql } from 'drizzle-orm';
import type { SignedInViewer, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';

/**
 * Creates the person on their first write, or refreshes name, email and business unit from
 * their current token. Meant to run first in the batch of the write it belongs to.
 */
export function upsertUser(db: Database, tenantId: string, viewer: SignedInViewer, now: number) {
  const profile = { name: viewer.name, email: viewer.email, businessUnit: viewer.businessUnit, lastSeenAt: now };
  return db
    .insert(users)
    .values({ id: newId(), tenantId, subject: viewer.subject, createdAt: now, ...profile })
    .onConflictDoUpdate({ target: [users.tenantId, users.subject], set: profile });
}

/** SQL for the internal id of the viewer (NULL when anonymous or not yet known), for use inside one statement. */
export function viewerUserId(tenantId: string, viewer: Viewer): SQL {
  if (viewer.kind !== 'user') return sql`NULL`;
  return sql`(select ${qualified(users.id)} from ${users} where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.subject)} = ${viewer.subject})`;
}
