/**
 * A tenant's business units in D1: the units with their aliases and relationship teams, the
 * claims that name no unit, and the SQL that matches a business-unit claim to a unit, which
 * every statement refreshing a person from a token uses. docs/business-units.md.
 */

import type {
  BusinessUnit,
  BusinessUnitUpdate,
  NewBusinessUnit,
  Person,
  PersonUnit,
  UnitRef,
  UnitTeamInput,
  UnitTeamPlace,
  UnmatchedClaim,
} from '@bridgekit/sdk';
import { bareHandle, handleKey } from '@bridgekit/sdk/text-rules';
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { businessUnitAliases, businessUnitPeople, businessUnits, ideas, ideaUnits, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { assertNoCycle, assertUnitKey, normaliseAlias, unitAliases } from '../domain/business-units.ts';
import { ApiError, fieldIssue, invalidFields, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTimeOrNull } from '../lib/time.ts';
import { type ChangeAuthor, changedFields, logChange, setFields } from './config-log.ts';
import { parseUnitRef, unitRefColumn } from './unit-access.ts';
import { viewerUserId } from './users.ts';
import { recountSupportOf } from './votes.ts';

/**
 * SQL for a text column's alias: migration 0015's expression (trim, runs of up to eight spaces
 * made one, SQLite's ASCII `lower()`), which `normaliseAlias` equals (test/business-units.test.ts).
 */
export function aliasSql(text: SQL | AnySQLiteColumn): SQL<string | null> {
  const value = 'table' in text ? qualified(text) : text;
  return sql`lower(replace(replace(replace(trim(${value}), '  ', ' '), '  ', ' '), '  ', ' '))`;
}

/**
 * SQL for the id of the tenant's current (not archived) unit that a business-unit claim names
 * through its aliases, or NULL: for the statement that refreshes a person from their token.
 */
export function unitIdOfClaim(tenantId: string, claim: string | null | undefined): SQL<string | null> {
  if (claim == null) return sql`null`;
  return unitIdOfAlias(tenantId, normaliseAlias(claim));
}

/** {@link unitIdOfClaim} from the claim as aliases are kept (`normaliseAlias`); NULL for a null alias. */
export function unitIdOfAlias(tenantId: string, alias: string | null): SQL<string | null> {
  return sql`(select a.unit_id from ${businessUnitAliases} a join ${businessUnits} b on b.id = a.unit_id and b.archived_at is null
    where a.tenant_id = ${tenantId} and a.alias = ${alias})`;
}

/**
 * SQL for the unit of the `users` row in scope when it is an admin's choice that still stands
 * (`setPersonUnit`): a current unit that the person's stored claim does not name. A refresh from a
 * token keeps it when the new claim names no unit (`upsertUser`); a claim that names one wins.
 */
export function adminChosenUnit(tenantId: string): SQL<string | null> {
  return sql`(select b.id from ${businessUnits} b where b.tenant_id = ${tenantId} and b.id = ${qualified(users.unitId)} and b.archived_at is null
    and not exists (select 1 from ${businessUnitAliases} a where a.tenant_id = ${tenantId} and a.unit_id = b.id
      and a.alias = ${aliasSql(users.businessUnit)}))`;
}

/**
 * SQL for the id of the unit the viewer's row holds once refreshed from their current token: the
 * unit their claim names, else an admin's choice that stands ({@link adminChosenUnit}). For `/me`.
 */
export function viewerUnitId(tenantId: string, viewer: { subject: string; businessUnit?: string | null | undefined }): SQL<string | null> {
  return sql`coalesce(${unitIdOfClaim(tenantId, viewer.businessUnit)}, (select ${adminChosenUnit(tenantId)} from ${users}
    where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.subject)} = ${viewer.subject}))`;
}

/**
 * A person as others see them: `businessUnit` is their unit's name when their claim names one,
 * else the claim as given. `unitJson` is a {@link unitRefColumn}.
 */
export function toPerson(name: string, claim: string | null, unitJson: string | null): Person {
  const unit = parseUnitRef(unitJson);
  return { name, businessUnit: unit?.name ?? claim, unit };
}

// ——— Reading units ———

interface UnitRow {
  key: string;
  name: string;
  parent: string | null;
  side: 'demand' | 'supply';
  intendedMix: Record<string, number> | null;
  archivedAt: number | null;
  aliases: string;
  team: string;
}

function selectUnits(db: Database) {
  return db
    .select({
      key: businessUnits.key,
      name: businessUnits.name,
      parent: sql<string | null>`(select p.key from ${businessUnits} p where p.id = ${qualified(businessUnits.parentId)})`.as(
        'unit_parent',
      ),
      side: businessUnits.side,
      intendedMix: businessUnits.intendedMix,
      archivedAt: businessUnits.archivedAt,
      aliases: sql<string>`(select json_group_array(a.alias) from ${businessUnitAliases} a
        where a.tenant_id = ${qualified(businessUnits.tenantId)} and a.unit_id = ${qualified(businessUnits.id)})`.as('unit_aliases'),
      team: sql<string>`(select json_group_array(json_object('handle', u.handle, 'name', u.name, 'role', t.role))
        from ${businessUnitPeople} t join ${users} u on u.id = t.user_id
        where t.tenant_id = ${qualified(businessUnits.tenantId)} and t.unit_id = ${qualified(businessUnits.id)} and u.kind = 'person' and u.handle is not null)`.as(
        'unit_team',
      ),
    })
    .from(businessUnits);
}

const byName = (a: { name: string; handle: string }, b: { name: string; handle: string }) =>
  a.name.localeCompare(b.name) || a.handle.localeCompare(b.handle);

function toUnit(row: UnitRow): BusinessUnit {
  const team = JSON.parse(row.team) as { handle: string; name: string; role: string }[];
  const members = (role: string) =>
    team
      .filter((m) => m.role === role)
      .map(({ handle, name }) => ({ handle, name }))
      .sort(byName);
  return {
    key: row.key,
    name: row.name,
    parent: row.parent,
    side: row.side,
    aliases: (JSON.parse(row.aliases) as string[]).sort(),
    team: { businessPartners: members('business_partner'), relationshipManagers: members('relationship_manager') },
    intendedMix: row.intendedMix,
    archivedAt: isoTimeOrNull(row.archivedAt),
  };
}

/** Every unit of the tenant, archived ones too, by name: one statement. */
export async function listUnits(db: Database, tenantId: string): Promise<BusinessUnit[]> {
  const rows = await selectUnits(db).where(eq(businessUnits.tenantId, tenantId)).orderBy(asc(businessUnits.name), asc(businessUnits.key));
  return rows.map(toUnit);
}

/** One unit by key, or 404. */
export async function getUnit(db: Database, tenantId: string, key: string): Promise<BusinessUnit> {
  const row = await selectUnits(db)
    .where(and(eq(businessUnits.tenantId, tenantId), eq(businessUnits.key, key)))
    .get();
  if (!row) throw notFound('not_found.unit', { id: key });
  return toUnit(row);
}

/** The units on whose relationship team the viewer has a place (`/me`), as one statement for a batch. */
export function selectTeamPlaces(db: Database, tenantId: string, viewer: Viewer) {
  return db
    .select({ unit: unitRefColumn(businessUnitPeople.unitId).as('place_unit'), role: businessUnitPeople.role })
    .from(businessUnitPeople)
    .where(and(eq(businessUnitPeople.tenantId, tenantId), sql`${qualified(businessUnitPeople.userId)} = ${viewerUserId(tenantId, viewer)}`))
    .orderBy(asc(businessUnitPeople.unitId), asc(businessUnitPeople.role));
}

export const toTeamPlaces = (rows: { unit: string | null; role: UnitTeamPlace['role'] }[]): UnitTeamPlace[] =>
  rows.flatMap(({ unit, role }) => {
    const ref = parseUnitRef(unit);
    return ref ? [{ unit: ref, role }] : [];
  });

/** Business-unit claims of people's last tokens that name no unit, most people first. */
export async function unmatchedClaims(db: Database, tenantId: string): Promise<UnmatchedClaim[]> {
  const alias = aliasSql(users.businessUnit);
  return db
    .select({ claim: sql<string>`min(trim(${qualified(users.businessUnit)}))`, people: sql<number>`count(*)` })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.kind, 'person'),
        sql`${qualified(users.unitId)} is null and ${qualified(users.businessUnit)} is not null and ${alias} <> ''`,
      ),
    )
    .groupBy(alias)
    .orderBy(sql`count(*) desc`, sql`min(trim(${qualified(users.businessUnit)}))`);
}

// ——— Changing units (admins) ———

/** What a change is checked against: every unit's key and parent, and who has which of the aliases. */
async function tenantTree(db: Database, tenantId: string, aliases: string[]) {
  const [units, owners] = await db.batch([
    db
      .select({ id: businessUnits.id, key: businessUnits.key, parentId: businessUnits.parentId })
      .from(businessUnits)
      .where(eq(businessUnits.tenantId, tenantId)),
    db
      .select({ alias: businessUnitAliases.alias, unitId: businessUnitAliases.unitId })
      .from(businessUnitAliases)
      .where(and(eq(businessUnitAliases.tenantId, tenantId), inArray(businessUnitAliases.alias, aliases.length ? aliases : ['']))),
  ]);
  const keyOf = new Map(units.map((u) => [u.id, u.key]));
  const idOf = new Map(units.map((u) => [u.key, u.id]));
  const parents = new Map(units.map((u) => [u.key, u.parentId === null ? null : (keyOf.get(u.parentId) ?? null)]));
  return { keyOf, idOf, parents, owners };
}

type Tree = Awaited<ReturnType<typeof tenantTree>>;

/** The parent's id, after the checks (400 for an unknown parent or one that would make a cycle). */
function parentId(tree: Tree, key: string, parent: string | null): string | null {
  if (parent === null) return null;
  const id = tree.idOf.get(parent);
  if (!id) throw new ApiError(400, 'validation_failed.unit_parent', { parent });
  assertNoCycle(key, parent, tree.parents);
  return id;
}

/** 409 when another unit has one of the aliases. */
function assertAliasesFree(tree: Tree, unitId: string | null) {
  const taken = tree.owners.find((o) => o.unitId !== unitId);
  if (taken) throw new ApiError(409, 'conflict.unit_alias_taken', { alias: taken.alias, unit: tree.keyOf.get(taken.unitId) ?? '' });
}

/**
 * Points the people whose claim one of the unit's aliases names (and those on it whose claim no
 * longer does) at the unit their claim now names: after its aliases change, in the same batch.
 * Whom an admin put on the unit (their claim names no unit) stays, unless their claim was one of
 * the `dropped` aliases, which had matched them.
 */
function rematchPeople(db: Database, tenantId: string, unitId: string, dropped: string[] = []) {
  const claimAlias = aliasSql(users.businessUnit);
  const kept = dropped.length
    ? sql`case when ${claimAlias} in ${dropped} then null else ${adminChosenUnit(tenantId)} end`
    : adminChosenUnit(tenantId);
  return db
    .update(users)
    .set({
      unitId: sql`coalesce((select a.unit_id from ${businessUnitAliases} a join ${businessUnits} b on b.id = a.unit_id and b.archived_at is null
        where a.tenant_id = ${tenantId} and a.alias = ${claimAlias}), ${kept})`,
    })
    .where(
      and(
        eq(users.tenantId, tenantId),
        sql`${qualified(users.kind)} <> 'erased' and ${qualified(users.businessUnit)} is not null`,
        sql`(${qualified(users.unitId)} = ${unitId} or ${claimAlias} in (select a.alias from ${businessUnitAliases} a where a.tenant_id = ${tenantId} and a.unit_id = ${unitId}))`,
      ),
    );
}

/** A unique-key clash that a concurrent change slipped in between the checks and the write. */
async function clashIsConflict<T>(write: Promise<T>, key: string): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (/UNIQUE|PRIMARY KEY|constraint/i.test(String((err as Error)?.message ?? err))) {
      throw new ApiError(409, 'conflict.unit_key_taken', { key });
    }
    throw err;
  }
}

export async function createUnit(db: Database, tenantId: string, input: NewBusinessUnit, by: ChangeAuthor): Promise<BusinessUnit> {
  assertUnitKey(input.key);
  const aliases = unitAliases(input.name, input.aliases ?? []);
  const tree = await tenantTree(db, tenantId, aliases);
  if (tree.idOf.has(input.key)) throw new ApiError(409, 'conflict.unit_key_taken', { key: input.key });
  const parent = parentId(tree, input.key, input.parent ?? null);
  assertAliasesFree(tree, null);
  const id = `bu_${newId()}`;
  const now = Date.now();
  await clashIsConflict(
    db.batch([
      db.insert(businessUnits).values({
        id,
        tenantId,
        key: input.key,
        name: input.name,
        parentId: parent,
        side: input.side ?? 'demand',
        intendedMix: input.intendedMix ?? null,
        createdAt: now,
        updatedAt: now,
      }),
      db.insert(businessUnitAliases).values(aliases.map((alias) => ({ tenantId, alias, unitId: id }))),
      rematchPeople(db, tenantId, id),
      logChange(db, tenantId, by, { action: 'unit.created', target: input.key, changes: setFields({ ...input, aliases }) }, { now }),
    ]),
    input.key,
  );
  return getUnit(db, tenantId, input.key);
}

export async function updateUnit(
  db: Database,
  tenantId: string,
  key: string,
  input: BusinessUnitUpdate,
  by: ChangeAuthor,
): Promise<BusinessUnit> {
  const current = await getUnit(db, tenantId, key);
  const name = input.name ?? current.name;
  // The name is always an alias; a new name is added to the aliases kept, or to the list given.
  const aliases = unitAliases(name, input.aliases ?? current.aliases);
  const tree = await tenantTree(db, tenantId, aliases);
  const id = tree.idOf.get(key);
  if (!id) throw notFound('not_found.unit', { id: key });
  const parent = input.parent === undefined ? undefined : parentId(tree, key, input.parent);
  assertAliasesFree(tree, id);
  const writes: BatchItem<'sqlite'>[] = [
    db
      .update(businessUnits)
      .set({
        name,
        ...(parent !== undefined ? { parentId: parent } : {}),
        ...(input.side ? { side: input.side } : {}),
        ...(input.intendedMix !== undefined ? { intendedMix: input.intendedMix } : {}),
        updatedAt: Date.now(),
      })
      .where(and(eq(businessUnits.tenantId, tenantId), eq(businessUnits.id, id))),
  ];
  const dropped = current.aliases.filter((a) => !aliases.includes(a));
  if (dropped.length > 0) {
    writes.push(
      db
        .delete(businessUnitAliases)
        .where(
          and(eq(businessUnitAliases.tenantId, tenantId), eq(businessUnitAliases.unitId, id), inArray(businessUnitAliases.alias, dropped)),
        ),
    );
  }
  writes.push(
    db
      .insert(businessUnitAliases)
      .values(aliases.map((alias) => ({ tenantId, alias, unitId: id })))
      .onConflictDoNothing(),
    rematchPeople(db, tenantId, id, dropped),
    logChange(db, tenantId, by, {
      action: 'unit.updated',
      target: key,
      changes: changedFields({ ...current }, { ...input, name, aliases }),
    }),
  );
  await clashIsConflict(db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]), key);
  return getUnit(db, tenantId, key);
}

/** Archives the unit (once; archiving again keeps the first date). */
export async function archiveUnit(db: Database, tenantId: string, key: string, by: ChangeAuthor): Promise<BusinessUnit> {
  const now = Date.now();
  await db.batch([
    db
      .update(businessUnits)
      .set({ archivedAt: now, updatedAt: now })
      .where(and(eq(businessUnits.tenantId, tenantId), eq(businessUnits.key, key), isNull(businessUnits.archivedAt))),
    logChange(db, tenantId, by, { action: 'unit.archived', target: key }, { ifChanged: true, now }),
  ]);
  return getUnit(db, tenantId, key);
}

/** The team as the configuration log keeps it: handles, normalised (erasure finds them so). */
const teamHandles = (team: UnitTeamInput) => ({
  businessPartners: team.businessPartners.map(handleKey),
  relationshipManagers: team.relationshipManagers.map(handleKey),
});

/** Replaces the unit's relationship team; 400 naming each handle no member has. */
export async function setUnitTeam(
  db: Database,
  tenantId: string,
  key: string,
  team: UnitTeamInput,
  by: ChangeAuthor,
): Promise<BusinessUnit> {
  const handles = [...new Set([...team.businessPartners, ...team.relationshipManagers].map(handleKey))];
  const [unitRows, people] = await db.batch([
    db
      .select({ id: businessUnits.id })
      .from(businessUnits)
      .where(and(eq(businessUnits.tenantId, tenantId), eq(businessUnits.key, key))),
    db
      .select({ id: users.id, handle: users.handle })
      .from(users)
      .where(
        and(
          eq(users.tenantId, tenantId),
          eq(users.kind, 'person'),
          inArray(sql`lower(${qualified(users.handle)})`, handles.length ? handles : ['']),
        ),
      ),
  ]);
  const unitId = unitRows[0]?.id;
  if (!unitId) throw notFound('not_found.unit', { id: key });
  const idOf = new Map(people.map((p) => [(p.handle ?? '').toLowerCase(), p.id]));
  const issues = (['businessPartners', 'relationshipManagers'] as const).flatMap((field) =>
    team[field].flatMap((handle, i) =>
      idOf.has(handleKey(handle)) ? [] : [fieldIssue(`body.${field}[${i}]`, 'field.unknown_owner', { handle })],
    ),
  );
  if (issues.length > 0) throw invalidFields(issues);
  const now = Date.now();
  const rows = (['businessPartners', 'relationshipManagers'] as const).flatMap((field) =>
    [...new Set(team[field].map((h) => idOf.get(handleKey(h)) as string))].map((userId) => ({
      unitId,
      userId,
      tenantId,
      role: field === 'businessPartners' ? ('business_partner' as const) : ('relationship_manager' as const),
      createdAt: now,
    })),
  );
  await db.batch([
    db.delete(businessUnitPeople).where(and(eq(businessUnitPeople.tenantId, tenantId), eq(businessUnitPeople.unitId, unitId))),
    ...(rows.length ? [db.insert(businessUnitPeople).values(rows)] : []),
    logChange(db, tenantId, by, { action: 'unit.team_set', target: key, changes: setFields(teamHandles(team)) }, { now }),
  ]);
  return getUnit(db, tenantId, key);
}

/**
 * Admins: sets the unit of the member with this handle (a current unit's key, or `null`), and
 * recounts the support by unit of the ideas they back, in one batch. 404 for a handle no member
 * has; 400 `unknownUnit` for a key that names no current unit.
 */
export async function setPersonUnit(
  db: Database,
  tenantId: string,
  handle: string,
  unit: string | null,
  by: ChangeAuthor,
): Promise<PersonUnit> {
  const ofHandle = and(
    eq(users.tenantId, tenantId),
    eq(users.kind, 'person'),
    sql`lower(${qualified(users.handle)}) = ${handleKey(handle)}`,
  );
  const [people, units] = await db.batch([
    db.select({ id: users.id }).from(users).where(ofHandle),
    db
      .select({ id: businessUnits.id })
      .from(businessUnits)
      .where(and(eq(businessUnits.tenantId, tenantId), eq(businessUnits.key, unit ?? '\u0000'), isNull(businessUnits.archivedAt))),
  ]);
  const person = people[0];
  if (!person) throw notFound('not_found.person', { id: handle });
  const unitId = unit === null ? null : units[0]?.id;
  if (unitId === undefined) throw unknownUnit('body.unit', unit ?? '');
  const [, , , [row]] = await db.batch([
    db
      .update(users)
      .set({ unitId })
      .where(and(eq(users.tenantId, tenantId), eq(users.id, person.id))),
    logChange(db, tenantId, by, { action: 'person.unit_set', target: bareHandle(handle), changes: setFields({ unit }) }),
    recountSupportOf(db, tenantId, sql`${person.id}`),
    db
      .select({ handle: users.handle, name: users.name, claim: users.businessUnit, unit: unitRefColumn(users.unitId).as('person_unit') })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.id, person.id))),
  ]);
  if (!row) throw notFound('not_found.person', { id: handle });
  return { handle: row.handle ?? handle, ...toPerson(row.name, row.claim, row.unit) };
}

// ——— Ideas' units ———

/** An idea's sponsoring and impacted units as the request names them (keys); `null` clears the sponsor. */
export interface IdeaUnitsInput {
  unit?: string | null | undefined;
  impactedUnits?: string[] | undefined;
}

/** The 400 for a unit key (at `path` in the body) that names no current unit of the tenant: unknown, or archived. */
export const unknownUnit = (path: string, unit: string) =>
  new ApiError(400, 'validation_failed.unknown_unit', { unit }, { details: [fieldIssue(path, 'field.unknown_unit', { unit })] });

/** The keys an idea's input names, for {@link selectUnitsByKeys}. */
export const ideaUnitKeys = (input: IdeaUnitsInput): string[] => [
  ...new Set([...(input.unit ? [input.unit] : []), ...(input.impactedUnits ?? [])]),
];

/** The tenant's current units with these keys, as a statement for the batch that reads before a write. */
export function selectUnitsByKeys(db: Database, tenantId: string, keys: string[]) {
  return db
    .select({ key: businessUnits.key, id: businessUnits.id })
    .from(businessUnits)
    .where(
      and(
        eq(businessUnits.tenantId, tenantId),
        inArray(businessUnits.key, keys.length ? keys : ['']),
        sql`${qualified(businessUnits.archivedAt)} is null`,
      ),
    );
}

/**
 * The sponsoring unit's id (undefined: left as it is), after the checks: 400
 * `validation_failed.unknown_unit` for a key no current unit has, `validation_failed.impacted_sponsor`
 * for the sponsor among the impacted units. `found` is what {@link selectUnitsByKeys} read.
 */
export function checkIdeaUnits(input: IdeaUnitsInput, found: { key: string; id: string }[]): string | null | undefined {
  const idOf = new Map(found.map((u) => [u.key, u.id]));
  if (input.unit && !idOf.has(input.unit)) throw unknownUnit('body.unit', input.unit);
  (input.impactedUnits ?? []).forEach((key, i) => {
    if (!idOf.has(key)) throw unknownUnit(`body.impactedUnits[${i}]`, key);
    if (key === input.unit) throw new ApiError(400, 'validation_failed.impacted_sponsor', { unit: key });
  });
  return input.unit === undefined ? undefined : input.unit === null ? null : (idOf.get(input.unit) as string);
}

/** Replaces the idea's impacted units with the current units of these keys (written only if the idea exists). */
export function replaceIdeaUnits(db: Database, tenantId: string, ideaId: string, keys: string[]) {
  return [
    db.delete(ideaUnits).where(and(eq(ideaUnits.tenantId, tenantId), eq(ideaUnits.ideaId, ideaId))),
    db.insert(ideaUnits).select(
      db
        .select({ ideaId: ideas.id, unitId: businessUnits.id, tenantId: ideas.tenantId })
        .from(ideas)
        .innerJoin(businessUnits, and(eq(businessUnits.tenantId, ideas.tenantId), inArray(businessUnits.key, keys.length ? keys : [''])))
        .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId), sql`${qualified(businessUnits.archivedAt)} is null`)),
    ),
  ] as const;
}

/** A column: the units an idea impacts, as a JSON array of `UnitRef`s. Parse with {@link parseUnitRefs}. */
export function impactedUnitsColumn(): SQL<string> {
  return sql<string>`(select json_group_array(json_object('key', ibu.key, 'name', ibu.name, 'side', ibu.side))
    from ${ideaUnits} iu join ${businessUnits} ibu on ibu.id = iu.unit_id
    where iu.tenant_id = ${qualified(ideas.tenantId)} and iu.idea_id = ${qualified(ideas.id)})`;
}

export const parseUnitRefs = (json: string | null): UnitRef[] =>
  ((json ? JSON.parse(json) : []) as UnitRef[]).sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
