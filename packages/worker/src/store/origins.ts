import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { tenantOrigins } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { clearTenantCache } from './tenants.ts';

export async function listOrigins(db: Database, tenantId: string): Promise<string[]> {
  const rows = await db
    .select({ origin: tenantOrigins.origin })
    .from(tenantOrigins)
    .where(eq(tenantOrigins.tenantId, tenantId))
    .orderBy(asc(tenantOrigins.origin));
  return rows.map((r) => r.origin);
}

/** Idempotent. */
export async function addOrigin(db: Database, tenantId: string, origin: string): Promise<string[]> {
  await db.insert(tenantOrigins).values({ tenantId, origin }).onConflictDoNothing();
  clearTenantCache();
  return listOrigins(db, tenantId);
}

export async function removeOrigin(db: Database, tenantId: string, origin: string): Promise<string[]> {
  const removed = await db
    .delete(tenantOrigins)
    .where(and(eq(tenantOrigins.tenantId, tenantId), eq(tenantOrigins.origin, origin)))
    .returning();
  if (removed.length === 0) throw notFound('not_found.origin', { id: origin });
  clearTenantCache();
  return listOrigins(db, tenantId);
}
