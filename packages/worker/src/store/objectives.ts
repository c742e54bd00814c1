/**
 * Business units' objectives: items with ids that ideas and cards link to (`objective_links`).
 *
 * Those written in a unit's business-partner profile card (`strategicObjectives`) are kept in
 * step with it by statements inside every save of that card ({@link profileObjectiveSync}): a row
 * is matched by the card and its title (trimmed, case-insensitive); a new title gets a new id, a
 * title removed is archived, and the position follows the list. They change only with the card.
 * Admins, CIOs and the unit's relationship team add others through the API, and archive them —
 * an objective is never deleted, so links to it keep working.
 *
 * Who reads an objective: whoever may see the profile card it is written in (`cardVisibleTo`);
 * one added through the API, whoever reads the community. Other items name an objective with its
 * profile card only when everyone may read that card (`cardPublic`).
 */
import type { ItemRef, NewObjective, Objective, ObjectiveRef, ObjectiveUpdate } from '@bridgekit/sdk';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { businessUnits, cards, objectiveLinks, unitObjectives } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTimeOrNull } from '../lib/time.ts';
import { cardPublic, cardVisibleTo } from './card-rows.ts';
import { parseUnitRef, readsUnit, unitRefColumn } from './unit-access.ts';

/** The template whose `strategicObjectives` are a unit's objectives. */
export const PROFILE_TEMPLATE = 'business-partner-profile';
/** The templates whose cards serve objectives. */
export const OBJECTIVE_CARD_TEMPLATES = new Set(['business-case', 'value-realization-plan', 'strategic-account-plan']);
/** The most objectives one idea or card serves. */
export const OBJECTIVES_PER_ITEM = 5;

type ItemKind = 'idea' | 'card';

// ——— Kept in step with the partner profile ———

/** The profile's entries as rows `o` of the card `c` this save wrote (nothing when the save lost or the card is no profile of a unit). */
function profileEntries(tenantId: string, cardId: string, saveId: string): SQL {
  return sql`${cards} c, json_each(c.fields, '$.strategicObjectives') o
    where c.tenant_id = ${tenantId} and c.id = ${cardId} and c.save_id = ${saveId}
      and c.template_id = ${PROFILE_TEMPLATE} and c.unit_id is not null
      and trim(coalesce(json_extract(o.value, '$.objective'), '')) <> ''`;
}

const normalised = (title: SQL) => sql`lower(trim(${title}))`;
const entryTitle = sql`json_extract(o.value, '$.objective')`;
/** The entry `o` that names the objective row in scope: its card, its unit, its title. */
const namesRow = sql`c.unit_id = ${qualified(unitObjectives.unitId)} and ${normalised(entryTitle)} = ${normalised(qualified(unitObjectives.title))}`;

/**
 * The statements that keep the unit's objectives in step with a save of its partner profile
 * (`saveId`: only if that save won): archive the rows whose title left the list (or whose card
 * now names another unit, or none), update and revive those still in it, insert the new titles.
 */
export function profileObjectiveSync(db: Database, tenantId: string, cardId: string, saveId: string, now: number): BatchItem<'sqlite'>[] {
  const entries = profileEntries(tenantId, cardId, saveId);
  const ofCard = and(eq(unitObjectives.tenantId, tenantId), eq(unitObjectives.cardId, cardId));
  const thisSave = sql`exists (select 1 from ${cards} sc where sc.tenant_id = ${tenantId} and sc.id = ${cardId} and sc.save_id = ${saveId})`;
  const matched = (value: SQL) => sql`(select ${value} from ${entries} and ${namesRow} order by o.key limit 1)`;
  return [
    db
      .update(unitObjectives)
      .set({ archivedAt: now, updatedAt: now })
      .where(and(ofCard, isNull(unitObjectives.archivedAt), thisSave, sql`not exists (select 1 from ${entries} and ${namesRow})`)),
    db
      .update(unitObjectives)
      .set({
        title: matched(sql`trim(${entryTitle})`),
        kpi: matched(sql`nullif(trim(json_extract(o.value, '$.kpi')), '')`),
        horizon: matched(sql`json_extract(o.value, '$.horizon')`),
        position: matched(sql`o.key`),
        archivedAt: null,
        updatedAt: now,
      })
      .where(and(ofCard, sql`exists (select 1 from ${entries} and ${namesRow})`)),
    // Every column, in the table's order (an insert … select of drizzle names them all).
    db.insert(unitObjectives).select(sql`select 'obj_' || lower(hex(randomblob(8))), c.tenant_id, c.unit_id, trim(${entryTitle}),
        nullif(trim(json_extract(o.value, '$.kpi')), ''), json_extract(o.value, '$.horizon'), c.id, min(o.key), null, ${now}, ${now}
      from ${entries}
        and not exists (select 1 from ${unitObjectives} u where u.tenant_id = c.tenant_id and u.card_id = c.id
          and u.unit_id = c.unit_id and ${normalised(sql`u.title`)} = ${normalised(entryTitle)})
      group by ${normalised(entryTitle)}`),
  ];
}

// ——— Links from ideas and cards ———

/**
 * A column: the objectives the idea or card `itemId` (SQL) serves, as a JSON array of
 * `ObjectiveRef`, each with its profile card when everyone may read that card. Objectives written
 * in a profile not everyone may read are left out: other items never name them.
 */
export function objectivesColumn(tenantId: SQL, kind: ItemKind, itemId: SQL): SQL<string> {
  return sql<string>`(select coalesce(json_group_array(json(x.ref)), '[]') from (
    select json_object('id', lo.id, 'title', lo.title, 'unit', json(${unitRefColumn(sql`lo.unit_id`)}),
      'card', (select json_object('id', oc.id, 'title', oc.title) from ${cards} oc where oc.id = lo.card_id and ${cardPublic('oc')})) as ref
    from ${objectiveLinks} ol join ${unitObjectives} lo on lo.id = ol.objective_id
    where ol.tenant_id = ${tenantId} and ol.item_kind = ${kind} and ol.item_id = ${itemId}
      and (lo.card_id is null or exists (select 1 from ${cards} oc where oc.id = lo.card_id and ${cardPublic('oc')}))
    order by lo.unit_id, lo.card_id is null, lo.position, lo.created_at) x)`;
}

export const parseObjectiveRefs = (json: string | null): ObjectiveRef[] => (json ? (JSON.parse(json) as ObjectiveRef[]) : []);

/** The tenant's current (not archived) objectives among `ids`, as a statement for the batch that reads before a write. */
export function selectCurrentObjectives(db: Database, tenantId: string, ids: string[]) {
  return db
    .select({ id: unitObjectives.id })
    .from(unitObjectives)
    .where(
      and(
        eq(unitObjectives.tenantId, tenantId),
        inArray(unitObjectives.id, ids.length ? ids : ['\u0000']),
        isNull(unitObjectives.archivedAt),
      ),
    );
}

/** The 400 for the first id (at `body.objectives[i]`) that names no current objective of the tenant. */
export function checkObjectives(ids: string[] | undefined, found: { id: string }[]): void {
  const known = new Set(found.map((r) => r.id));
  (ids ?? []).forEach((id, i) => {
    if (!known.has(id)) {
      throw new ApiError(
        400,
        'validation_failed.unknown_objective',
        { id },
        { details: [fieldIssue(`body.objectives[${i}]`, 'field.not_an_objective', { id })] },
      );
    }
  });
}

/**
 * Replaces the objectives the item serves with the current ones of `ids` — written only if
 * `written` (SQL) holds when they run, as the item's own write decides.
 */
export function replaceObjectiveLinks(
  db: Database,
  tenantId: string,
  kind: ItemKind,
  itemId: string,
  ids: string[],
  written: SQL,
  now: number,
): BatchItem<'sqlite'>[] {
  const unique = [...new Set(ids)];
  return [
    db
      .delete(objectiveLinks)
      .where(and(eq(objectiveLinks.tenantId, tenantId), eq(objectiveLinks.itemKind, kind), eq(objectiveLinks.itemId, itemId), written)),
    ...(unique.length
      ? [
          db.insert(objectiveLinks).select(
            db
              .select({
                objectiveId: unitObjectives.id,
                tenantId: unitObjectives.tenantId,
                itemKind: sql<ItemKind>`${kind}`.as('item_kind'),
                itemId: sql<string>`${itemId}`.as('item_id'),
                createdAt: sql<number>`${now}`.as('created_at'),
              })
              .from(unitObjectives)
              .where(
                and(eq(unitObjectives.tenantId, tenantId), inArray(unitObjectives.id, unique), isNull(unitObjectives.archivedAt), written),
              ),
          ),
        ]
      : []),
  ];
}

/** Links a new item to the objectives another item serves (a business case made from an idea), if `written` holds. */
export function copyObjectiveLinks(
  db: Database,
  tenantId: string,
  from: { kind: ItemKind; id: string },
  to: { kind: ItemKind; id: string },
  written: SQL,
  now: number,
) {
  return db.insert(objectiveLinks).select(
    db
      .select({
        objectiveId: objectiveLinks.objectiveId,
        tenantId: objectiveLinks.tenantId,
        itemKind: sql<ItemKind>`${to.kind}`.as('item_kind'),
        itemId: sql<string>`${to.id}`.as('item_id'),
        createdAt: sql<number>`${now}`.as('created_at'),
      })
      .from(objectiveLinks)
      .where(
        and(eq(objectiveLinks.tenantId, tenantId), eq(objectiveLinks.itemKind, from.kind), eq(objectiveLinks.itemId, from.id), written),
      ),
  );
}

// ——— The objectives routes ———

function objectiveColumns() {
  return {
    objective: unitObjectives,
    unit: unitRefColumn(unitObjectives.unitId).as('objective_unit'),
    card: sql<
      string | null
    >`(select json_object('id', pc.id, 'title', pc.title) from ${cards} pc where pc.id = ${qualified(unitObjectives.cardId)})`.as(
      'objective_card',
    ),
  };
}

type ObjectiveRow = { objective: typeof unitObjectives.$inferSelect; unit: string | null; card: string | null };

function toObjective(row: ObjectiveRow): Objective {
  const o = row.objective;
  const unit = parseUnitRef(row.unit);
  if (!unit) throw new Error(`Objective ${o.id} has no unit.`);
  return {
    id: o.id,
    unit,
    title: o.title,
    kpi: o.kpi,
    horizon: o.horizon,
    card: row.card ? (JSON.parse(row.card) as ItemRef) : null,
    archivedAt: isoTimeOrNull(o.archivedAt),
  };
}

/** The objective in scope may be read by the viewer: written in a profile card they see, or added through the API. */
function objectiveReadable(tenantId: string, viewer: Viewer | Actor): SQL {
  return sql`(${qualified(unitObjectives.cardId)} is null
    or exists (select 1 from ${cards} vc where vc.id = ${qualified(unitObjectives.cardId)} and ${cardVisibleTo(tenantId, viewer, 'vc')}))`;
}

/** The unit with `key` and whether the viewer may change its objectives, as a statement. */
function selectUnit(db: Database, tenantId: string, viewer: Viewer | Actor, key: string) {
  return db
    .select({ id: businessUnits.id, name: businessUnits.name, manages: sql<number>`${readsUnit(tenantId, viewer, businessUnits.id)}` })
    .from(businessUnits)
    .where(and(eq(businessUnits.tenantId, tenantId), eq(businessUnits.key, key)));
}

/** The unit's objectives the viewer may read, in the profile's order and then as added: one round trip. */
export async function listObjectives(db: Database, tenantId: string, viewer: Viewer, key: string, archived: boolean): Promise<Objective[]> {
  const [units, rows] = await db.batch([
    selectUnit(db, tenantId, viewer, key),
    db
      .select(objectiveColumns())
      .from(unitObjectives)
      .where(
        and(
          eq(unitObjectives.tenantId, tenantId),
          sql`${qualified(unitObjectives.unitId)} = (select bu.id from ${businessUnits} bu where bu.tenant_id = ${tenantId} and bu.key = ${key})`,
          archived ? undefined : isNull(unitObjectives.archivedAt),
          objectiveReadable(tenantId, viewer),
        ),
      )
      .orderBy(sql`${qualified(unitObjectives.cardId)} is null`, unitObjectives.position, unitObjectives.createdAt, unitObjectives.id),
  ]);
  if (!units[0]) throw notFound('not_found.unit', { id: key });
  return rows.map(toObjective);
}

const forbidden = (unit: string) => new ApiError(403, 'forbidden.unit_objectives', { unit });

/** Adds an objective to the unit: admins, CIOs and the unit's relationship team (403 otherwise). */
export async function createObjective(db: Database, tenantId: string, actor: Actor, key: string, input: NewObjective): Promise<Objective> {
  const [unit] = await selectUnit(db, tenantId, actor, key);
  if (!unit) throw notFound('not_found.unit', { id: key });
  if (unit.manages !== 1) throw forbidden(unit.name);
  const now = Date.now();
  const id = newId();
  const [, rows] = await db.batch([
    db.insert(unitObjectives).values({
      id,
      tenantId,
      unitId: unit.id,
      title: input.title,
      kpi: input.kpi ?? null,
      horizon: input.horizon ?? null,
      position: 0,
      createdAt: now,
      updatedAt: now,
    }),
    db
      .select(objectiveColumns())
      .from(unitObjectives)
      .where(and(eq(unitObjectives.tenantId, tenantId), eq(unitObjectives.id, id))),
  ]);
  return toObjective(rows[0] as ObjectiveRow);
}

/**
 * Changes (`changes`) or archives (`archive`) an objective added through the API: admins, CIOs
 * and its unit's relationship team. One written in a partner profile is 409: it changes with the card.
 */
export async function changeObjective(
  db: Database,
  tenantId: string,
  actor: Actor,
  id: string,
  change: { changes: ObjectiveUpdate } | { archive: true },
): Promise<Objective> {
  const [found] = await db
    .select({ ...objectiveColumns(), manages: sql<number>`${readsUnit(tenantId, actor, unitObjectives.unitId)}`.as('objective_manages') })
    .from(unitObjectives)
    .where(and(eq(unitObjectives.tenantId, tenantId), eq(unitObjectives.id, id), objectiveReadable(tenantId, actor)));
  if (!found) throw notFound('not_found.objective', { id });
  if (found.manages !== 1) throw forbidden(parseUnitRef(found.unit)?.name ?? '');
  if (found.objective.cardId !== null) throw new ApiError(409, 'conflict.objective_in_profile', { id });
  const now = Date.now();
  const set =
    'archive' in change
      ? { archivedAt: found.objective.archivedAt ?? now, updatedAt: now }
      : {
          ...(change.changes.title !== undefined ? { title: change.changes.title } : {}),
          ...(change.changes.kpi !== undefined ? { kpi: change.changes.kpi } : {}),
          ...(change.changes.horizon !== undefined ? { horizon: change.changes.horizon } : {}),
          updatedAt: now,
        };
  const [, rows] = await db.batch([
    db
      .update(unitObjectives)
      .set(set)
      .where(and(eq(unitObjectives.tenantId, tenantId), eq(unitObjectives.id, id))),
    db
      .select(objectiveColumns())
      .from(unitObjectives)
      .where(and(eq(unitObjectives.tenantId, tenantId), eq(unitObjectives.id, id))),
  ]);
  return toObjective(rows[0] as ObjectiveRow);
}

/** The card the viewer may see, with the objectives it serves: one statement. */
function selectCardObjectives(db: Database, tenantId: string, viewer: Viewer | Actor, cardId: string) {
  return db
    .select({
      templateId: cards.templateId,
      state: cards.state,
      objectives: objectivesColumn(sql`${tenantId}`, 'card', qualified(cards.id)).as('card_objectives'),
    })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, cardId), cardVisibleTo(tenantId, viewer)));
}

export async function cardObjectives(db: Database, tenantId: string, viewer: Viewer, cardId: string): Promise<ObjectiveRef[]> {
  const [card] = await selectCardObjectives(db, tenantId, viewer, cardId);
  if (!card) throw notFound('not_found.card', { id: cardId });
  return parseObjectiveRefs(card.objectives);
}

/**
 * Replaces the objectives a business case, value-realisation plan or account plan serves:
 * anyone who may see the card and edit cards (a card of another template is 400; a held card
 * someone else wrote is not there for them).
 */
export async function setCardObjectives(
  db: Database,
  tenantId: string,
  actor: Actor,
  cardId: string,
  ids: string[],
): Promise<ObjectiveRef[]> {
  const [cardRows, found] = await db.batch([selectCardObjectives(db, tenantId, actor, cardId), selectCurrentObjectives(db, tenantId, ids)]);
  const card = cardRows[0];
  if (!card) throw notFound('not_found.card', { id: cardId });
  if (!OBJECTIVE_CARD_TEMPLATES.has(card.templateId)) {
    throw new ApiError(
      400,
      'validation_failed.card_objectives',
      { template: card.templateId },
      { details: [fieldIssue('body.objectives', 'field.invalid')] },
    );
  }
  checkObjectives(ids, found);
  const exists = sql`exists (select 1 from ${cards} wc where wc.tenant_id = ${tenantId} and wc.id = ${cardId})`;
  const [drop, ...link] = replaceObjectiveLinks(db, tenantId, 'card', cardId, ids, exists, Date.now());
  const results = await db.batch([drop as BatchItem<'sqlite'>, ...link, selectCardObjectives(db, tenantId, actor, cardId)]);
  const after = (results.at(-1) as { objectives: string }[])[0];
  return parseObjectiveRefs(after?.objectives ?? '[]');
}
