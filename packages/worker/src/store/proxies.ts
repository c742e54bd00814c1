/**
 * Proxy people: business leaders who do not sign in, for whom a relationship manager records
 * ideas (`NewIdea.onBehalfOf`). Each is a `users` row of kind `proxy` with a subject no token can
 * carry (`proxy|<random>`, refused by `embedSubjectProblem`), no handle (nobody can @mention
 * them or make them a card's owner), and is found again by their lower-cased e-mail address
 * within the tenant. Their support and business unit count like anyone's: they back the ideas
 * recorded for them with a vote.
 */
import type { OnBehalfOf } from '@bridgekit/sdk';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { PROXY_SUBJECT_PREFIX } from '../auth/subjects.ts';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { conditionalRow, qualified } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';
import { unitIdOfClaim } from './business-units.ts';
import { LAST_SEEN_PRECISION_MS } from './users.ts';

/** A proxy person as named in a request, e-mail address compared (and stored) in lower case. */
export interface ProxyPerson {
  name: string;
  email: string;
  businessUnit: string | null;
}

export const proxyPerson = (input: OnBehalfOf): ProxyPerson => ({
  name: input.name,
  email: input.email.toLowerCase(),
  businessUnit: input.businessUnit ?? null,
});

const isProxy = (tenantId: string, email: string) =>
  sql`${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.kind)} = 'proxy' and ${qualified(users.email)} = ${email}`;

/** SQL for the proxy person's id (NULL before they are first named), for use inside one statement. */
export function proxyPersonId(tenantId: string, person: ProxyPerson): SQL {
  return sql`(select ${qualified(users.id)} from ${users} where ${isProxy(tenantId, person.email)} order by ${qualified(users.createdAt)}, ${qualified(users.id)} limit 1)`;
}

/**
 * Two statements for the write's batch: the person's name (and business unit, when given) from
 * the input if they are known, else their new row. A batch is one transaction, so two requests
 * naming the same address cannot make two people. With `onlyIf`, neither writes unless it holds.
 */
export function upsertProxyPerson(db: Database, tenantId: string, person: ProxyPerson, now: number, onlyIf?: SQL) {
  const unit =
    person.businessUnit === null ? null : { businessUnit: person.businessUnit, unitId: unitIdOfClaim(tenantId, person.businessUnit) };
  // As for people who sign in (store/users.ts): the row is rewritten only when the input changes
  // it or the last time someone acted for them is an hour old, so repeated writes leave `users`'s
  // cached answers valid.
  const stale = or(
    sql`${qualified(users.name)} is not ${person.name}`,
    ...(unit
      ? [sql`${qualified(users.businessUnit)} is not ${unit.businessUnit}`, sql`${qualified(users.unitId)} is not ${unit.unitId}`]
      : []),
    sql`${qualified(users.lastSeenAt)} <= ${now - LAST_SEEN_PRECISION_MS}`,
  );
  const refresh = db
    .update(users)
    .set({ name: person.name, ...(unit ?? {}), lastSeenAt: now })
    .where(and(eq(users.tenantId, tenantId), eq(users.kind, 'proxy'), eq(users.email, person.email), stale, onlyIf));
  const row = {
    id: newId(),
    tenantId,
    subject: `${PROXY_SUBJECT_PREFIX}${newId()}`,
    name: person.name,
    email: person.email,
    businessUnit: person.businessUnit,
    unitId: unitIdOfClaim(tenantId, person.businessUnit),
    handle: null,
    kind: 'proxy' as const,
    createdAt: now,
    lastSeenAt: now,
  };
  const absent = sql`not exists (select 1 from ${users} where ${isProxy(tenantId, person.email)})`;
  const create = db.insert(users).select(conditionalRow(users, row, onlyIf ? sql`${absent} and ${onlyIf}` : absent));
  return [refresh, create] as const;
}
