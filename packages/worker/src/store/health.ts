/**
 * Health rounds (docs/health.md): opened for a unit by its relationship managers or admins,
 * answered by invited people of each side, blind until closed. Who sees a round, its counts and
 * its results is decided inside the statements that read them (store/unit-access.ts), so a read
 * is one round trip whatever the caller, and no statement returns scores of an open round or of a
 * unit the caller does not read.
 */
import {
  HEALTH_ITEMS,
  type HealthAnswer,
  type HealthAnswerInput,
  type HealthComment,
  type HealthInvitationInput,
  type HealthItem,
  type HealthItemResult,
  type HealthResults,
  type HealthRound,
  type HealthRoundInput,
  type HealthRoundQuery,
  type HealthSideCounts,
  type HealthTrend,
  type HealthTrendPoint,
  type RelationshipSide,
} from '@bridgekit/sdk';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, effectiveRole, hasRole, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { businessUnitPeople, businessUnits, healthAnswers, healthInvitations, healthRounds, userRoles, users } from '../db/schema.ts';
import { conditionalRow, qualified } from '../db/sql.ts';
import { healthSummary, type ScoreSum } from '../domain/health.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { eventStatements } from '../notify/record.ts';
import { unknownUnit } from './business-units.ts';
import { parseUnitRef, readsUnit, unitIdOfKey, unitRefColumn } from './unit-access.ts';
import { upsertUser, viewerUserId } from './users.ts';

/** How many closed rounds a unit's trend shows (the latest). */
export const TREND_ROUNDS = 24;
/** How many rounds the list shows (the newest). */
export const ROUND_LIST_LIMIT = 100;

type Side = RelationshipSide;
const SIDES: readonly Side[] = ['business', 'provider'];

/** SQL that is 1 when the viewer is an admin (by credential, claim or grant). */
function isAdmin(tenantId: string, viewer: Viewer): SQL {
  if (hasRole(effectiveRole(viewer, undefined), 'admin')) return sql`1`;
  if (viewer.kind !== 'user') return sql`0`;
  return sql`exists (select 1 from ${userRoles} where ${qualified(userRoles.tenantId)} = ${tenantId}
    and ${qualified(userRoles.subject)} = ${viewer.subject} and ${qualified(userRoles.role)} = 'admin')`;
}

/** SQL that is 1 when the viewer may open, invite to and close the unit's rounds: its relationship managers, and admins. */
function managesUnit(tenantId: string, viewer: Viewer, unitId: SQL): SQL {
  return sql`(${isAdmin(tenantId, viewer)} or exists (select 1 from ${businessUnitPeople}
    where ${qualified(businessUnitPeople.tenantId)} = ${tenantId} and ${qualified(businessUnitPeople.unitId)} = ${unitId}
    and ${qualified(businessUnitPeople.role)} = 'relationship_manager' and ${qualified(businessUnitPeople.userId)} = ${viewerUserId(tenantId, viewer)}))`;
}

const roundUnit = () => qualified(healthRounds.unitId);
const roundId = () => qualified(healthRounds.id);

/** SQL: the viewer's invitation to the round in scope, one of its columns. */
function myInvitation(tenantId: string, viewer: Viewer, column: 'side' | 'responded_at'): SQL {
  return sql`(select ${sql.identifier(column)} from ${healthInvitations} where ${qualified(healthInvitations.tenantId)} = ${tenantId}
    and ${qualified(healthInvitations.roundId)} = ${roundId()} and ${qualified(healthInvitations.userId)} = ${viewerUserId(tenantId, viewer)})`;
}

/** SQL that is 1 when the viewer may see the round in scope: they read its unit, or they are invited to it. */
function roundVisible(tenantId: string, viewer: Viewer): SQL {
  return sql`(${readsUnit(tenantId, viewer, roundUnit())} or ${myInvitation(tenantId, viewer, 'side')} is not null)`;
}

/** The columns of a round as its reader may see it: counts only for those who read the unit, answers only their own. */
function roundColumns(tenantId: string, viewer: Viewer) {
  const inv = (column: SQL) => sql`(select ${column} from ${healthInvitations} where ${qualified(healthInvitations.tenantId)} = ${tenantId}
    and ${qualified(healthInvitations.roundId)} = ${roundId()})`;
  const reads = readsUnit(tenantId, viewer, roundUnit());
  return {
    id: healthRounds.id,
    unit: unitRefColumn(healthRounds.unitId),
    title: healthRounds.title,
    items: healthRounds.items,
    closesOn: healthRounds.closesOn,
    closedAt: healthRounds.closedAt,
    createdAt: healthRounds.createdAt,
    reads: sql<number>`${reads}`,
    manages: sql<number>`${managesUnit(tenantId, viewer, roundUnit())}`,
    counts: sql<string | null>`case when ${reads} then ${inv(
      sql`json_object('bi', count(case when side = 'business' then 1 end), 'br', count(case when side = 'business' and responded_at is not null then 1 end),
        'pi', count(case when side = 'provider' then 1 end), 'pr', count(case when side = 'provider' and responded_at is not null then 1 end))`,
    )} end`,
    mySide: sql<Side | null>`${myInvitation(tenantId, viewer, 'side')}`,
    myRespondedAt: sql<number | null>`${myInvitation(tenantId, viewer, 'responded_at')}`,
    myAnswers: sql<
      string | null
    >`(select json_group_array(json_object('item', ${qualified(healthAnswers.itemKey)}, 'score', ${qualified(healthAnswers.score)}, 'comment', ${qualified(healthAnswers.comment)}))
      from ${healthAnswers} where ${qualified(healthAnswers.tenantId)} = ${tenantId} and ${qualified(healthAnswers.roundId)} = ${roundId()}
      and ${qualified(healthAnswers.userId)} = ${viewerUserId(tenantId, viewer)})`,
  };
}

type RoundRow = {
  id: string;
  unit: string | null;
  title: string;
  items: HealthItem[];
  closesOn: string | null;
  closedAt: number | null;
  createdAt: number;
  reads: number;
  manages: number;
  counts: string | null;
  mySide: Side | null;
  myRespondedAt: number | null;
  myAnswers: string | null;
};

function selectRounds(db: Database, tenantId: string, viewer: Viewer, where: SQL | undefined) {
  return db
    .select(roundColumns(tenantId, viewer))
    .from(healthRounds)
    .where(and(eq(healthRounds.tenantId, tenantId), roundVisible(tenantId, viewer), where));
}

function toCounts(json: string | null): HealthRound['counts'] {
  if (json === null) return null;
  const c = JSON.parse(json) as { bi: number; br: number; pi: number; pr: number };
  return { business: { invited: c.bi, responded: c.br }, provider: { invited: c.pi, responded: c.pr } };
}

function toRound(row: RoundRow): HealthRound {
  const order = new Map(row.items.map((item, i) => [item.key, i]));
  const answers = (JSON.parse(row.myAnswers ?? '[]') as HealthAnswer[]).sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0));
  const unit = parseUnitRef(row.unit);
  if (!unit) throw new Error(`Health round ${row.id} has no unit`);
  return {
    id: row.id,
    unit,
    title: row.title,
    items: row.items,
    state: row.closedAt === null ? 'open' : 'closed',
    closesOn: row.closesOn,
    closedAt: isoTimeOrNull(row.closedAt),
    createdAt: isoTime(row.createdAt),
    counts: toCounts(row.counts),
    mine: row.mySide === null ? null : { side: row.mySide, respondedAt: isoTimeOrNull(row.myRespondedAt), answers },
    canManage: row.manages === 1,
  };
}

/** Rounds the viewer may see, newest first. */
export async function listRounds(db: Database, tenantId: string, viewer: Viewer, query: HealthRoundQuery): Promise<HealthRound[]> {
  const rows = await selectRounds(
    db,
    tenantId,
    viewer,
    and(
      query.unit === undefined ? undefined : sql`${healthRounds.unitId} = ${unitIdOfKey(tenantId, query.unit)}`,
      query.state === undefined
        ? undefined
        : query.state === 'open'
          ? sql`${healthRounds.closedAt} is null`
          : sql`${healthRounds.closedAt} is not null`,
    ),
  )
    .orderBy(desc(healthRounds.createdAt), desc(healthRounds.id))
    .limit(ROUND_LIST_LIMIT)
    .all();
  return (rows as RoundRow[]).map(toRound);
}

const roundQuery = (db: Database, tenantId: string, viewer: Viewer, id: string) =>
  selectRounds(db, tenantId, viewer, eq(healthRounds.id, id));

/** A round, or 404 for one the viewer may not see. */
export async function getRound(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<HealthRound> {
  const row = (await roundQuery(db, tenantId, viewer, id).get()) as RoundRow | undefined;
  if (!row) throw notFound('not_found.health_round', { id });
  return toRound(row);
}

/** The items a round asks: the defaults, or those of them `keys` names, in the defaults' order; both sides must be rated. */
export function roundItems(keys: readonly string[] | undefined): HealthItem[] {
  const all: HealthItem[] = HEALTH_ITEMS.map((item) => ({ ...item, translations: { de: { ...item.translations.de } } }));
  if (keys === undefined) return all;
  const wanted = new Set(keys);
  const chosen = all.filter((item) => wanted.has(item.key));
  if (chosen.length !== keys.length || SIDES.some((side) => !chosen.some((item) => item.rates === side))) {
    const unknown = keys.filter((key) => !all.some((item) => item.key === key));
    throw new ApiError(
      400,
      'validation_failed.health_items',
      { items: all.map((item) => item.key).join(', ') },
      {
        details: unknown.length
          ? unknown.map((key) =>
              fieldIssue(`body.items.${keys.indexOf(key)}`, 'field.invalid_value', { values: all.map((i) => i.key).join(', ') }),
            )
          : [fieldIssue('body.items', 'field.invalid')],
      },
    );
  }
  return chosen;
}

/** Opens a round for a unit; its relationship managers and admins only. */
export async function createRound(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  actor: Actor,
  input: HealthRoundInput,
  now: number,
): Promise<HealthRound> {
  const items = roundItems(input.items);
  const unitId = unitIdOfKey(tenantId, input.unit);
  const unit = await db
    .select({
      id: businessUnits.id,
      archivedAt: businessUnits.archivedAt,
      manages: sql<number>`${managesUnit(tenantId, viewer, sql`${qualified(businessUnits.id)}`)}`,
    })
    .from(businessUnits)
    .where(and(eq(businessUnits.tenantId, tenantId), eq(businessUnits.key, input.unit)))
    .get();
  if (!unit || unit.archivedAt !== null) throw unknownUnit('body.unit', input.unit);
  if (unit.manages !== 1) throw new ApiError(403, 'forbidden.health_manage', { unit: input.unit, action: 'open a health round' });
  const id = `hr_${newId()}`;
  const allowed = sql`${managesUnit(tenantId, viewer, unitId)}`;
  const row = {
    id,
    tenantId,
    unitId: unit.id,
    title: input.title,
    items,
    closesOn: input.closesOn ?? null,
    closedAt: null,
    createdBy: viewerUserId(tenantId, actor),
    createdAt: now,
  };
  const [, , created] = await db.batch([
    upsertUser(db, tenantId, actor, now, allowed),
    db.insert(healthRounds).select(conditionalRow(healthRounds, row, allowed)),
    roundQuery(db, tenantId, viewer, id),
  ]);
  const found = created[0] as RoundRow | undefined;
  if (!found) throw new ApiError(403, 'forbidden.health_manage', { unit: input.unit, action: 'open a health round' });
  return toRound(found);
}

function assertManages(round: HealthRound, action: string) {
  if (!round.canManage) throw new ApiError(403, 'forbidden.health_manage', { unit: round.unit.key, action });
}

function assertOpen(round: HealthRound) {
  if (round.state === 'closed') throw new ApiError(409, 'conflict.health_round_closed', { id: round.id });
}

/** SQL that is 1 while the round is open. */
const roundOpen = (tenantId: string, id: string) =>
  sql`exists (select 1 from ${healthRounds} where ${qualified(healthRounds.tenantId)} = ${tenantId} and ${qualified(healthRounds.id)} = ${id} and ${qualified(healthRounds.closedAt)} is null)`;

/**
 * Invites people by handle for a side. Business people come from demand-side units and provider
 * people from supply-side units; people without a unit may answer for either side. Those newly
 * invited are told (`health.invited`); inviting someone again tells them nothing new.
 */
export async function invite(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  actor: Actor,
  id: string,
  people: readonly HealthInvitationInput[],
  now: number,
): Promise<HealthRound> {
  const handles = [...new Set(people.map((p) => p.handle))];
  const [roundRows, found] = await db.batch([
    roundQuery(db, tenantId, viewer, id),
    db
      .select({ id: users.id, handle: users.handle, unitName: businessUnits.name, unitSide: businessUnits.side })
      .from(users)
      .leftJoin(businessUnits, eq(businessUnits.id, users.unitId))
      .where(and(eq(users.tenantId, tenantId), inArray(users.handle, handles))),
  ]);
  const roundRow = roundRows[0] as RoundRow | undefined;
  if (!roundRow) throw notFound('not_found.health_round', { id });
  const round = toRound(roundRow);
  assertManages(round, 'invite people to a health round');
  assertOpen(round);
  const byHandle = new Map(found.map((u) => [u.handle, u]));
  const missing = people.findIndex((p) => !byHandle.has(p.handle));
  if (missing >= 0) {
    const handle = people[missing]?.handle ?? '';
    throw new ApiError(
      400,
      'validation_failed.health_invitees',
      { handle },
      { details: [fieldIssue(`body.people.${missing}.handle`, 'field.unknown_owner', { handle })] },
    );
  }
  const clash = people.findIndex((p) => {
    const side = byHandle.get(p.handle)?.unitSide;
    return (side === 'demand' && p.side === 'provider') || (side === 'supply' && p.side === 'business');
  });
  if (clash >= 0) {
    const p = people[clash] as HealthInvitationInput;
    const person = byHandle.get(p.handle);
    throw new ApiError(
      400,
      'validation_failed.health_side',
      { handle: p.handle, unit: person?.unitName ?? '', unitSide: person?.unitSide ?? '', side: p.side },
      { details: [fieldIssue(`body.people.${clash}.side`, 'field.invalid')] },
    );
  }
  const open = roundOpen(tenantId, id);
  const inserts = people.map((p) => {
    const userId = byHandle.get(p.handle)?.id as string;
    // The person's unit, as the statement runs, must not be of the other side.
    const sideFits = sql`not exists (select 1 from ${users} join ${businessUnits} on ${qualified(businessUnits.id)} = ${qualified(users.unitId)}
      where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.id)} = ${userId}
      and ${qualified(businessUnits.side)} = ${p.side === 'business' ? 'supply' : 'demand'})`;
    return db
      .insert(healthInvitations)
      .select(
        conditionalRow(
          healthInvitations,
          { roundId: id, userId, tenantId, side: p.side, respondedAt: null, createdAt: now },
          sql`${open} and ${sideFits}`,
        ),
      )
      .onConflictDoNothing();
  });
  // Those invited now (not those invited before) are told, in their inbox and by e-mail.
  const invitedNow = sql`exists (select 1 from ${healthInvitations} where ${qualified(healthInvitations.tenantId)} = ${tenantId}
    and ${qualified(healthInvitations.roundId)} = ${id} and ${qualified(healthInvitations.createdAt)} = ${now})`;
  const told = eventStatements(db, {
    tenantId,
    type: 'health.invited',
    actorId: viewerUserId(tenantId, actor),
    item: { kind: 'health', id },
    data: { invitedAt: now },
    onlyIf: invitedNow,
    now,
  });
  const results = await db.batch([upsertUser(db, tenantId, actor, now), ...inserts, ...told, roundQuery(db, tenantId, viewer, id)]);
  return afterWrite(results.at(-1) as RoundRow[], id);
}

function afterWrite(rows: RoundRow[], id: string): HealthRound {
  const row = rows[0];
  if (!row) throw notFound('not_found.health_round', { id });
  const round = toRound(row);
  // Closed between the read and the write: nothing was written.
  assertOpen(round);
  return round;
}

/** Replaces the viewer's answers while the round is open; invitees only. */
export async function answer(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  actor: Actor,
  id: string,
  answers: readonly HealthAnswerInput[],
  now: number,
): Promise<HealthRound> {
  const round = await getRound(db, tenantId, viewer, id);
  if (!round.mine) throw new ApiError(403, 'forbidden.health_not_invited', {});
  assertOpen(round);
  const keys = new Set(round.items.map((item) => item.key));
  const problems = answers.flatMap((a, i) => {
    if (!keys.has(a.item)) return [fieldIssue(`body.answers.${i}.item`, 'field.invalid_value', { values: [...keys].join(', ') })];
    if (answers.findIndex((b) => b.item === a.item) !== i) return [fieldIssue(`body.answers.${i}.item`, 'field.invalid')];
    return [];
  });
  if (problems.length) {
    throw new ApiError(
      400,
      'validation_failed.health_answers',
      { problems: problems.map((p) => `${p.path}: ${p.message}`).join(' ') },
      { details: problems },
    );
  }
  const me = viewerUserId(tenantId, actor);
  const invited = sql`exists (select 1 from ${healthInvitations} where ${qualified(healthInvitations.tenantId)} = ${tenantId}
    and ${qualified(healthInvitations.roundId)} = ${id} and ${qualified(healthInvitations.userId)} = ${me})`;
  const allowed = sql`${roundOpen(tenantId, id)} and ${invited}`;
  const results = await db.batch([
    upsertUser(db, tenantId, actor, now, allowed),
    db
      .delete(healthAnswers)
      .where(and(eq(healthAnswers.tenantId, tenantId), eq(healthAnswers.roundId, id), sql`${healthAnswers.userId} = ${me}`, allowed)),
    ...answers.map((a) =>
      db
        .insert(healthAnswers)
        .select(
          conditionalRow(
            healthAnswers,
            { roundId: id, userId: me, tenantId, itemKey: a.item, score: a.score, comment: a.comment ?? null },
            allowed,
          ),
        ),
    ),
    db
      .update(healthInvitations)
      .set({ respondedAt: now })
      .where(
        and(
          eq(healthInvitations.tenantId, tenantId),
          eq(healthInvitations.roundId, id),
          sql`${healthInvitations.userId} = ${me}`,
          roundOpen(tenantId, id),
        ),
      ),
    roundQuery(db, tenantId, viewer, id),
  ]);
  return afterWrite(results.at(-1) as RoundRow[], id);
}

/** Closes a round: its relationship managers and admins. */
export async function closeRound(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  actor: Actor,
  id: string,
  now: number,
): Promise<HealthRound> {
  const round = await getRound(db, tenantId, viewer, id);
  assertManages(round, 'close a health round');
  assertOpen(round);
  const unitId = sql`(select ${qualified(healthRounds.unitId)} from ${healthRounds} where ${qualified(healthRounds.tenantId)} = ${tenantId} and ${qualified(healthRounds.id)} = ${id})`;
  const results = await db.batch([
    upsertUser(db, tenantId, actor, now),
    db
      .update(healthRounds)
      .set({ closedAt: now })
      .where(
        and(
          eq(healthRounds.tenantId, tenantId),
          eq(healthRounds.id, id),
          sql`${healthRounds.closedAt} is null`,
          managesUnit(tenantId, viewer, unitId),
        ),
      ),
    roundQuery(db, tenantId, viewer, id),
  ]);
  const row = (results.at(-1) as RoundRow[])[0];
  if (!row) throw notFound('not_found.health_round', { id });
  return toRound(row);
}

/** The rounds a statement may read scores of: closed, and of a unit the viewer reads. */
function readableClosed(tenantId: string, viewer: Viewer): SQL {
  return sql`${qualified(healthRounds.tenantId)} = ${tenantId} and ${qualified(healthRounds.closedAt)} is not null and ${readsUnit(tenantId, viewer, roundUnit())}`;
}

/** Each side's score sums per item of the rounds `roundIds` selects (closed, readable ones only). */
function scoreSums(db: Database, tenantId: string, viewer: Viewer, roundIds: SQL) {
  return db
    .select({
      roundId: healthAnswers.roundId,
      side: healthInvitations.side,
      item: healthAnswers.itemKey,
      sum: sql<number>`sum(${healthAnswers.score})`,
      n: sql<number>`count(*)`,
    })
    .from(healthAnswers)
    .innerJoin(
      healthInvitations,
      and(eq(healthInvitations.roundId, healthAnswers.roundId), eq(healthInvitations.userId, healthAnswers.userId)),
    )
    .innerJoin(healthRounds, eq(healthRounds.id, healthAnswers.roundId))
    .where(and(eq(healthAnswers.tenantId, tenantId), sql`${healthAnswers.roundId} in ${roundIds}`, readableClosed(tenantId, viewer)))
    .groupBy(healthAnswers.roundId, healthInvitations.side, healthAnswers.itemKey);
}

/** A closed round's results; 404 for whoever does not read the unit (invitees too), 409 while it is open. */
export async function roundResults(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<HealthResults> {
  const [roundRows, sums, comments] = await db.batch([
    roundQuery(db, tenantId, viewer, id),
    scoreSums(db, tenantId, viewer, sql`(${id})`),
    db
      .select({ side: healthInvitations.side, item: healthAnswers.itemKey, comment: sql<string>`${healthAnswers.comment}` })
      .from(healthAnswers)
      .innerJoin(
        healthInvitations,
        and(eq(healthInvitations.roundId, healthAnswers.roundId), eq(healthInvitations.userId, healthAnswers.userId)),
      )
      .innerJoin(healthRounds, eq(healthRounds.id, healthAnswers.roundId))
      .where(
        and(
          eq(healthAnswers.tenantId, tenantId),
          eq(healthAnswers.roundId, id),
          sql`${healthAnswers.comment} is not null`,
          readableClosed(tenantId, viewer),
        ),
      )
      // By item and text, never by who wrote it.
      .orderBy(healthAnswers.itemKey, healthAnswers.comment),
  ]);
  const row = roundRows[0] as RoundRow | undefined;
  if (row?.reads !== 1) throw notFound('not_found.health_round', { id });
  const round = toRound(row);
  if (round.state === 'open') throw new ApiError(409, 'conflict.health_round_open', { id });
  const counts = round.counts ?? { business: { invited: 0, responded: 0 }, provider: { invited: 0, responded: 0 } };
  const order = new Map(round.items.map((item, i) => [item.key, i]));
  const bySide = (side: Side): HealthComment[] =>
    comments
      .filter((c) => c.side === side)
      .map(({ item, comment }) => ({ item, comment }))
      .sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0));
  return {
    round,
    ...healthSummary(round.items, sums as ScoreSum[], counts),
    comments: { business: bySide('business'), provider: bySide('provider') },
  };
}

/** SQL: the ids of the latest closed rounds (at most `limit`) of the unit `unitId` names. */
export function latestClosedRounds(tenantId: string, unitId: SQL, limit = TREND_ROUNDS): SQL {
  return sql`(select ${qualified(healthRounds.id)} from ${healthRounds} where ${qualified(healthRounds.tenantId)} = ${tenantId}
    and ${qualified(healthRounds.unitId)} = ${unitId} and ${qualified(healthRounds.closedAt)} is not null
    order by ${qualified(healthRounds.closedAt)} desc, ${qualified(healthRounds.id)} desc limit ${limit})`;
}

/**
 * The two statements that read the closed rounds `roundIds` selects and their score sums (of units
 * the viewer reads only), for the caller's own batch; {@link closedRoundSummaries} reads their rows.
 */
export function closedRoundQueries(db: Database, tenantId: string, viewer: Viewer, roundIds: SQL) {
  return [
    selectRounds(db, tenantId, viewer, and(sql`${healthRounds.id} in ${roundIds}`, sql`${healthRounds.closedAt} is not null`)),
    scoreSums(db, tenantId, viewer, roundIds),
  ] as const;
}

/** A closed round as a trend point, with its unit's key and its results per item. */
export interface ClosedRoundSummary {
  unitKey: string;
  point: HealthTrendPoint;
  perItem: HealthItemResult[];
}

/** The rows of {@link closedRoundQueries} as summaries, oldest first. */
export function closedRoundSummaries(roundRows: unknown[], sums: unknown[]): ClosedRoundSummary[] {
  return (roundRows as RoundRow[])
    .filter((r) => r.reads === 1 && r.closedAt !== null)
    .sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0) || a.id.localeCompare(b.id))
    .map((row) => {
      const round = toRound(row);
      const counts = round.counts as Record<Side, HealthSideCounts>;
      const summary = healthSummary(
        round.items,
        (sums as (ScoreSum & { roundId: string })[]).filter((s) => s.roundId === row.id),
        counts,
      );
      return {
        unitKey: round.unit.key,
        perItem: summary.perItem,
        point: {
          roundId: row.id,
          title: row.title,
          closedAt: isoTime(row.closedAt as number),
          business: summary.sides.business,
          provider: summary.sides.provider,
          maturity: summary.maturity,
        },
      };
    });
}

/** A unit's latest closed rounds, oldest first; 404 for an unknown unit or one the viewer does not read. */
export async function unitTrend(db: Database, tenantId: string, viewer: Viewer, key: string): Promise<HealthTrend> {
  const [units, roundRows, sums] = await db.batch([
    db
      .select({
        unit: unitRefColumn(sql`${qualified(businessUnits.id)}`),
        reads: sql<number>`${readsUnit(tenantId, viewer, businessUnits.id)}`,
      })
      .from(businessUnits)
      .where(and(eq(businessUnits.tenantId, tenantId), eq(businessUnits.key, key))),
    ...closedRoundQueries(db, tenantId, viewer, latestClosedRounds(tenantId, unitIdOfKey(tenantId, key))),
  ]);
  const unit = units[0];
  const ref = parseUnitRef(unit?.unit ?? null);
  if (unit?.reads !== 1 || !ref) throw notFound('not_found.health_unit', { id: key });
  return { unit: ref, rounds: closedRoundSummaries(roundRows, sums).map((r) => r.point) };
}
