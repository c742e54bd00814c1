import type { RoleGrant } from '@bridgekit/sdk';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { LEVEL_GRANTS } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { userRoles } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { isoTime } from '../lib/time.ts';
import { type ChangeAuthor, logChange, setFields } from './config-log.ts';

const toGrant = (row: typeof userRoles.$inferSelect): RoleGrant => ({
  subject: row.subject,
  role: row.role,
  grantedBy: row.grantedBy,
  createdAt: isoTime(row.createdAt),
});

export async function listGrants(db: Database, tenantId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select()
    .from(userRoles)
    .where(eq(userRoles.tenantId, tenantId))
    .orderBy(asc(userRoles.subject), asc(userRoles.role));
  return rows.map(toGrant);
}

/**
 * Grants a role. A level (evaluator, moderator, admin) replaces the person's granted level;
 * `cio` is kept besides it.
 */
export async function grantRole(
  db: Database,
  tenantId: string,
  subject: string,
  role: RoleGrant['role'],
  grantedBy: string,
  by: ChangeAuthor,
): Promise<RoleGrant> {
  const now = Date.now();
  const isLevel = (LEVEL_GRANTS as readonly string[]).includes(role);
  const others = LEVEL_GRANTS.filter((level) => level !== role);
  const [, [row]] = await db.batch([
    db
      .delete(userRoles)
      .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.subject, subject), inArray(userRoles.role, isLevel ? others : []))),
    db
      .insert(userRoles)
      .values({ tenantId, subject, role, grantedBy, createdAt: now })
      .onConflictDoUpdate({ target: [userRoles.tenantId, userRoles.subject, userRoles.role], set: { grantedBy, createdAt: now } })
      .returning(),
    logChange(db, tenantId, by, { action: 'role.granted', target: subject, changes: setFields({ role }) }, { now }),
  ]);
  if (!row) throw new Error('upsert returned no row');
  return toGrant(row);
}

/** Revokes the person's granted level, or only `role` when given (e.g. `cio`). */
export async function revokeRole(
  db: Database,
  tenantId: string,
  subject: string,
  role: RoleGrant['role'] | undefined,
  by: ChangeAuthor,
): Promise<void> {
  const [removed] = await db.batch([
    db
      .delete(userRoles)
      .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.subject, subject), inArray(userRoles.role, role ? [role] : LEVEL_GRANTS)))
      .returning(),
    logChange(
      db,
      tenantId,
      by,
      { action: 'role.revoked', target: subject, changes: setFields({ role: role ?? 'level' }) },
      { ifChanged: true },
    ),
  ]);
  if (removed.length === 0) throw notFound('not_found.role', { id: subject });
}
