import { type SQL, sql } from 'drizzle-orm';
import type { Actor, Role, UserViewer, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { conditionalRow, qualified } from '../db/sql.ts';
import { normaliseAlias } from '../domain/business-units.ts';
import { newId } from '../lib/ids.ts';
import { adminChosenUnit, unitIdOfAlias } from './business-units.ts';

/**
 * How precisely a person's last visit is kept: their row is rewritten for it only once it is this
 * old. Nearly every cached answer reads `users`, and a rewrite bumps its version (store/cache-versions.ts):
 * refreshed on every write, it would empty the caches under any mix of writes and reads.
 */
export const LAST_SEEN_PRECISION_MS = 60 * 60 * 1000;

/** What {@link upsertPerson} binds: a person's values from their token, computed in JavaScript. */
export interface PersonValues {
  tenantId: string;
  /** The id of their row, if this write creates it. */
  userId: string;
  subject: string;
  name: string;
  email: string | null;
  businessUnit: string | null;
  /** Their business-unit claim as the units' aliases are kept (`normaliseAlias`). */
  alias: string | null;
  /** Their name's handle, and the same with a random suffix for when someone has it. */
  handle: string;
  otherHandle: string;
  /** The role their token's claims gave; null for an API key. */
  claimRole: Role | null;
  now: number;
  /** Their row is rewritten for their last visit only when it is older than this. */
  staleBefore: number;
}

export function personValues(tenantId: string, viewer: Actor, now: number): PersonValues {
  // A person's writes come with their viewer (which is their Actor): keep the role their token's
  // claims gave, so that moderators' actions on them can respect the order of roles.
  const claimRole = (viewer as Partial<UserViewer>).kind === 'user' ? (viewer as UserViewer).claimRole : null;
  const handle = handleBase(viewer.name);
  return {
    tenantId,
    userId: newId(),
    subject: viewer.subject,
    name: viewer.name,
    email: viewer.email,
    businessUnit: viewer.businessUnit,
    alias: viewer.businessUnit == null ? null : normaliseAlias(viewer.businessUnit),
    handle,
    otherHandle: `${handle}.${newId().slice(0, 6)}`,
    claimRole,
    now,
    staleBefore: now - LAST_SEEN_PRECISION_MS,
  };
}

/**
 * Creates the person on their first write, or refreshes name, email and business unit from
 * their current token (`unit_id`: the unit the claim names; when none does, the unit an admin chose
 * for them if it stands — `adminChosenUnit` — else NULL). The row is rewritten only when that
 * changes something or their last visit is older than {@link LAST_SEEN_PRECISION_MS}. Meant to run
 * first in the batch of the write it belongs to. With `onlyIf`, nothing is written unless that
 * condition holds when the statement runs (a write that will answer 404 must not record the person as seen).
 */
export function upsertUser(db: Database, tenantId: string, viewer: Actor, now: number, onlyIf?: SQL) {
  const values = personValues(tenantId, viewer, now);
  return upsertPerson(db, values, values.claimRole !== null, onlyIf);
}

/**
 * {@link upsertUser} from the person's values, which may be placeholders (db/statement-shapes.ts):
 * they reach the SQL only as bound values. `withRole`: the values carry a claim role.
 */
export function upsertPerson(db: Database, v: PersonValues, withRole: boolean, onlyIf?: SQL) {
  const t = v.tenantId;
  const profile = {
    name: v.name,
    email: v.email,
    businessUnit: v.businessUnit,
    // The unit the claim names through the units' aliases, in this same statement.
    unitId: unitIdOfAlias(t, v.alias),
    lastSeenAt: v.now,
    ...(withRole ? { claimRole: v.claimRole as Role } : {}),
  };
  // The name's handle, or — when someone in the tenant has it — the same with a random suffix.
  const handle = sql`case when exists (select 1 from ${users} where ${qualified(users.tenantId)} = ${t} and ${qualified(users.handle)} = ${v.handle})
    then ${v.otherHandle} else ${v.handle} end`;
  const row = { id: v.userId, tenantId: t, subject: v.subject, createdAt: v.now, handle, ...profile };
  const insert = db.insert(users);
  // A claim that names no unit keeps the unit an admin chose for the person.
  const unitId = sql`coalesce(excluded.unit_id, ${adminChosenUnit(t)})`;
  const changed = (column: SQL, to: SQL) => sql`${column} is not ${to}`;
  const stale = [
    changed(qualified(users.name), sql`excluded.name`),
    changed(qualified(users.email), sql`excluded.email`),
    changed(qualified(users.businessUnit), sql`excluded.business_unit`),
    changed(qualified(users.unitId), unitId),
    sql`${qualified(users.handle)} is null`,
    ...(withRole ? [changed(qualified(users.claimRole), sql`excluded.claim_role`)] : []),
    sql`${qualified(users.lastSeenAt)} <= ${v.staleBefore}`,
  ];
  return (onlyIf ? insert.select(conditionalRow(users, row, onlyIf)) : insert.values(row)).onConflictDoUpdate({
    target: [users.tenantId, users.subject],
    // People known before handles existed get theirs on their next write; a handle never changes after.
    set: { ...profile, unitId, handle: sql`coalesce(${qualified(users.handle)}, excluded.handle)` },
    setWhere: sql.join(stale, sql` or `),
  });
}

/** `Ada Lovelace` → `ada.lovelace`; `José Núñez` → `jose.nunez`; at most 30 characters. */
export function handleBase(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 30)
    .replace(/\.+$/, '');
  return ascii.length >= 2 ? ascii : 'member';
}

/** The subject writes by this viewer are recorded under; null for nobody and the platform admin. */
export function subjectOf(viewer: Viewer | Actor): string | null {
  if ('subject' in viewer) return viewer.subject;
  return viewer.kind === 'apiKey' ? `apikey:${viewer.keyId}` : null;
}

/** SQL for the internal id of the viewer (NULL when anonymous or not yet known), for use inside one statement. */
export function viewerUserId(tenantId: string, viewer: Viewer | Actor): SQL {
  const subject = subjectOf(viewer);
  if (subject === null) return sql`NULL`;
  return sql`(select ${qualified(users.id)} from ${users} where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.subject)} = ${subject})`;
}

/** The internal id of the actor, if they have written before. */
export async function viewerUserIdValue(db: Database, tenantId: string, actor: Actor): Promise<string | null> {
  const row = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.tenantId} = ${tenantId} and ${users.subject} = ${actor.subject}`)
    .get();
  return row?.id ?? null;
}

/**
 * Members whose handle, or any word of whose name, starts with `q` (case-insensitive for ASCII
 * letters, as SQLite's `lower` is), for @mention suggestions. Compared with `substr`/`instr`, not
 * `LIKE`: D1 refuses LIKE patterns longer than 50 bytes (48 letters, 12 emoji), and nothing in
 * `q` needs escaping.
 */
export async function mentionableUsers(db: Database, tenantId: string, q: string, limit: number) {
  const prefix = q.toLowerCase();
  return db
    .select({ handle: users.handle, name: users.name, businessUnit: users.businessUnit })
    .from(users)
    .where(
      sql`${users.tenantId} = ${tenantId} and ${users.handle} is not null and ${users.subject} not like 'apikey:%' and ${users.kind} = 'person'
        and (substr(${users.handle}, 1, length(${prefix})) = ${prefix} or instr(' ' || lower(${users.name}), ${` ${prefix}`}) > 0)`,
    )
    .orderBy(users.name)
    .limit(limit);
}
