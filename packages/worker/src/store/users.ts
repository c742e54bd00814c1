import { and, eq, type SQL, sql } from 'drizzle-orm';
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
  const base = handleBase(viewer.name);
  // The name's handle, or — when someone in the tenant has it — the same with a random suffix.
  const handle = sql`case when exists (select 1 from ${users} where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.handle)} = ${base})
    then ${`${base}.${newId().slice(0, 6)}`} else ${base} end`;
  return db
    .insert(users)
    .values({ id: newId(), tenantId, subject: viewer.subject, createdAt: now, handle, ...profile })
    .onConflictDoUpdate({
      target: [users.tenantId, users.subject],
      // People known before handles existed get theirs on their next write; a handle never changes after.
      set: { ...profile, handle: sql`coalesce(${qualified(users.handle)}, excluded.handle)` },
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

/** The internal id of the actor, if they have written before. */
export async function viewerUserIdValue(db: Database, tenantId: string, actor: Actor): Promise<string | null> {
  const row = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.tenantId} = ${tenantId} and ${users.subject} = ${actor.subject}`)
    .get();
  return row?.id ?? null;
}

/** Members whose name or handle starts with `q` (any word of the name), for @mention suggestions. */
export async function mentionableUsers(db: Database, tenantId: string, q: string, limit: number) {
  const prefix = `${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db
    .select({ handle: users.handle, name: users.name, businessUnit: users.businessUnit })
    .from(users)
    .where(
      sql`${users.tenantId} = ${tenantId} and ${users.handle} is not null and ${users.subject} not like 'apikey:%'
        and (${users.handle} like ${prefix} escape '\\' or lower(${users.name}) like ${prefix} escape '\\' or lower(${users.name}) like ${`% ${prefix}`} escape '\\')`,
    )
    .orderBy(users.name)
    .limit(limit);
}

/** The member's handle, or null before they first write. */
export async function handleOf(db: Database, tenantId: string, subject: string): Promise<string | null> {
  const [row] = await db
    .select({ handle: users.handle })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.subject, subject)));
  return row?.handle ?? null;
}
