import type { RoleCandidate, RoleGrant } from '@bridgekit/sdk';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { LEVEL_GRANTS } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { userRoles, users } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { isoTime } from '../lib/time.ts';
import { type ChangeAuthor, logChange, setFields } from './config-log.ts';

type Member = { name: string | null; handle: string | null } | undefined;

const toGrant = (row: typeof userRoles.$inferSelect, member: Member): RoleGrant => ({
  subject: row.subject,
  name: member?.name ?? null,
  handle: member?.handle ?? null,
  role: row.role,
  grantedBy: row.grantedBy,
  createdAt: isoTime(row.createdAt),
});

/** The member with this subject in this tenant only: another tenant's person of the same subject is never named. */
const memberOf = (tenantId: string) => and(eq(users.tenantId, tenantId), eq(users.subject, userRoles.subject));

export async function listGrants(db: Database, tenantId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({ grant: userRoles, name: users.name, handle: users.handle })
    .from(userRoles)
    .leftJoin(users, memberOf(tenantId))
    .where(eq(userRoles.tenantId, tenantId))
    .orderBy(asc(userRoles.subject), asc(userRoles.role));
  return rows.map((r) => toGrant(r.grant, r));
}

/**
 * People (not API keys, proxies or erased people) whose handle, or any word of whose name,
 * starts with `q`, with their subjects: whom an admin may grant a role to. Matched as
 * `mentionableUsers` matches (store/users.ts).
 */
export async function roleCandidates(db: Database, tenantId: string, q: string, limit: number): Promise<RoleCandidate[]> {
  const prefix = q.toLowerCase();
  const rows = await db
    .select({ subject: users.subject, name: users.name, handle: users.handle, businessUnit: users.businessUnit })
    .from(users)
    .where(
      sql`${users.tenantId} = ${tenantId} and ${users.handle} is not null and ${users.subject} not like 'apikey:%' and ${users.kind} = 'person'
        and (substr(${users.handle}, 1, length(${prefix})) = ${prefix} or instr(' ' || lower(${users.name}), ${` ${prefix}`}) > 0)`,
    )
    .orderBy(users.name, users.handle)
    .limit(limit);
  return rows.map((r) => ({ ...r, handle: r.handle ?? '' }));
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
  const [, [row], , [member]] = await db.batch([
    db
      .delete(userRoles)
      .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.subject, subject), inArray(userRoles.role, isLevel ? others : []))),
    db
      .insert(userRoles)
      .values({ tenantId, subject, role, grantedBy, createdAt: now })
      .onConflictDoUpdate({ target: [userRoles.tenantId, userRoles.subject, userRoles.role], set: { grantedBy, createdAt: now } })
      .returning(),
    logChange(db, tenantId, by, { action: 'role.granted', target: subject, changes: setFields({ role }) }, { now }),
    db
      .select({ name: users.name, handle: users.handle })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.subject, subject))),
  ]);
  if (!row) throw new Error('upsert returned no row');
  return toGrant(row, member);
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
