import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { tenantOrigins } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { type ChangeAuthor, logChange } from './config-log.ts';
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
export async function addOrigin(db: Database, tenantId: string, origin: string, by: ChangeAuthor): Promise<string[]> {
  await db.batch([
    db.insert(tenantOrigins).values({ tenantId, origin }).onConflictDoNothing(),
    logChange(db, tenantId, by, { action: 'origin.added', target: origin }, { ifChanged: true }),
  ]);
  clearTenantCache();
  return listOrigins(db, tenantId);
}

export async function removeOrigin(db: Database, tenantId: string, origin: string, by: ChangeAuthor): Promise<string[]> {
  const [removed] = await db.batch([
    db
      .delete(tenantOrigins)
      .where(and(eq(tenantOrigins.tenantId, tenantId), eq(tenantOrigins.origin, origin)))
      .returning(),
    logChange(db, tenantId, by, { action: 'origin.removed', target: origin }, { ifChanged: true }),
  ]);
  if (removed.length === 0) throw notFound('not_found.origin', { id: origin });
  clearTenantCache();
  return listOrigins(db, tenantId);
}
