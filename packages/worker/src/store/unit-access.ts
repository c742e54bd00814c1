/**
 * Who reads a business unit's relationship intelligence — its health results, and cards kept to
 * the unit's team (stakeholder maps, account plans): the unit's relationship team (its business
 * partners and relationship managers, `business_unit_people`), CIOs (by claim or grant) and admins.
 * One rule, as SQL conditions to put inside the statement they guard, so no check costs a round trip.
 */
import type { UnitRef } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { type Actor, effectiveRole, hasRole, type Viewer } from '../auth/viewer.ts';
import { businessUnitPeople, businessUnits, userRoles, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { viewerUserId } from './users.ts';

type UnitId = SQL | AnySQLiteColumn;
const unitSql = (unitId: UnitId): SQL => ('table' in unitId ? qualified(unitId) : unitId);

/** SQL that is 1 when the viewer sees every unit: an admin (credential or grant) or a CIO (claim or grant). */
export function seesEveryUnit(tenantId: string, viewer: Viewer | Actor): SQL {
  if ('kind' in viewer && hasRole(effectiveRole(viewer, undefined), 'admin')) return sql`1`;
  if (!('kind' in viewer) || viewer.kind !== 'user') return sql`0`;
  if (viewer.claimCio === true) return sql`1`;
  return sql`exists (select 1 from ${userRoles} where ${qualified(userRoles.tenantId)} = ${tenantId}
    and ${qualified(userRoles.subject)} = ${viewer.subject} and ${qualified(userRoles.role)} in ('admin', 'cio'))`;
}

/** SQL that is 1 when the viewer is on the relationship team of the unit `unitId` names. */
export function onUnitTeam(tenantId: string, viewer: Viewer | Actor, unitId: UnitId): SQL {
  return sql`exists (select 1 from ${businessUnitPeople} where ${qualified(businessUnitPeople.tenantId)} = ${tenantId}
    and ${qualified(businessUnitPeople.unitId)} = ${unitSql(unitId)} and ${qualified(businessUnitPeople.userId)} = ${viewerUserId(tenantId, viewer)})`;
}

/** SQL that is 1 when the viewer reads the relationship intelligence of the unit `unitId` names. */
export function readsUnit(tenantId: string, viewer: Viewer | Actor, unitId: UnitId): SQL {
  return sql`(${seesEveryUnit(tenantId, viewer)} or ${onUnitTeam(tenantId, viewer, unitId)})`;
}

/** SQL for the side a person of the unit `unitId` names speaks for: `provider` for a supply-side unit (IT), `business` for a demand-side one, NULL for no unit. */
export function sideOfUnit(unitId: UnitId): SQL<'business' | 'provider' | null> {
  return sql`(select case su.side when 'supply' then 'provider' else 'business' end from ${businessUnits} su where su.id = ${unitSql(unitId)})`;
}

/** SQL for the viewer's side of every relationship ({@link sideOfUnit} of their stored unit). */
export function viewerSide(tenantId: string, viewer: Viewer | Actor): SQL<'business' | 'provider' | null> {
  return sideOfUnit(
    sql`(select ${qualified(users.unitId)} from ${users} where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.id)} = ${viewerUserId(tenantId, viewer)})`,
  );
}

/** SQL for the id of the tenant's unit with this key (NULL when there is none). */
export function unitIdOfKey(tenantId: string, key: string): SQL<string | null> {
  return sql`(select ${qualified(businessUnits.id)} from ${businessUnits} where ${qualified(businessUnits.tenantId)} = ${tenantId} and ${qualified(businessUnits.key)} = ${key})`;
}

/** A column: the unit `unitId` names as a `UnitRef` in JSON (`{ key, name, side }`), or NULL. Parse with {@link parseUnitRef}. */
export function unitRefColumn(unitId: UnitId): SQL<string | null> {
  return sql<
    string | null
  >`(select json_object('key', bu.key, 'name', bu.name, 'side', bu.side) from ${businessUnits} bu where bu.id = ${unitSql(unitId)})`;
}

export const parseUnitRef = (json: string | null): UnitRef | null => (json === null ? null : (JSON.parse(json) as UnitRef));
