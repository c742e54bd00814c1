import type { RoleGrant } from '@bridgekit/sdk';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { userRoles } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { isoTime } from '../lib/time.ts';

const toGrant = (row: typeof userRoles.$inferSelect): RoleGrant => ({
  subject: row.subject,
  role: row.role,
  grantedBy: row.grantedBy,
  createdAt: isoTime(row.createdAt),
});

export async function listGrants(db: Database, tenantId: string): Promise<RoleGrant[]> {
  const rows = await db.select().from(userRoles).where(eq(userRoles.tenantId, tenantId)).orderBy(asc(userRoles.subject));
  return rows.map(toGrant);
}

export async function grantRole(
  db: Database,
  tenantId: string,
  subject: string,
  role: RoleGrant['role'],
  grantedBy: string,
): Promise<RoleGrant> {
  const now = Date.now();
  const [row] = await db
    .insert(userRoles)
    .values({ tenantId, subject, role, grantedBy, createdAt: now })
    .onConflictDoUpdate({ target: [userRoles.tenantId, userRoles.subject], set: { role, grantedBy, createdAt: now } })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return toGrant(row);
}

export async function revokeRole(db: Database, tenantId: string, subject: string): Promise<void> {
  const removed = await db
    .delete(userRoles)
    .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.subject, subject)))
    .returning();
  if (removed.length === 0) throw notFound('not_found.role', { id: subject });
}
