/**
 * Ideas in D1. Every statement filters on the tenant; every write that touches more than one
 * row is one D1 batch (one transaction); list and read cost a fixed number of statements
 * whatever the page size.
 */
import type { BusinessCase, Idea, IdeaSort, Lane, OnBehalfOf, Page, StatusCategory } from '@bridgekit/sdk';
import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  type Actor,
  effectiveRole,
  hasRole,
  LEVEL_GRANTS,
  type Role,
  requireRole,
  selectGrantedRole,
  type Viewer,
} from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import {
  boards,
  businessUnits,
  cacheVersions,
  cards,
  ideaScores,
  ideas,
  tenants,
  unitObjectives,
  userRoles,
  users,
  votes,
} from '../db/schema.ts';
import { conditionalRow, inList, qualified } from '../db/sql.ts';
import { checkRequiredFields } from '../domain/board-settings.ts';
import { checkDemandClass } from '../domain/demand-classes.ts';
import { fromRankKey } from '../domain/scorecard.ts';
import { DEFAULT_STATUSES, findStatus, initialStatus, withBuiltInTranslations } from '../domain/statuses.ts';
import { voteWeight } from '../domain/trending.ts';
import { ApiError, notFound } from '../errors.ts';
import { type Cursor, encodeCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { ideaFingerprint, ideaText, moderationOf, screen } from '../moderation/content.ts';
import { storedReason } from '../moderation/reasons.ts';
import type { Verdict } from '../moderation/types.ts';
import { heldStatements } from '../notify/held.ts';
import { eventStatements } from '../notify/record.ts';
import { type BoardRecord, boardOpen, selectBoardRecord, toRecord } from './boards.ts';
import {
  checkIdeaUnits,
  ideaUnitKeys,
  impactedUnitsColumn,
  parseUnitRefs,
  replaceIdeaUnits,
  selectUnitsByKeys,
  toPerson,
  unitIdOfClaim,
} from './business-units.ts';
import { selectVersions, toVersions } from './cache-versions.ts';
import { cardPublic } from './card-rows.ts';
import { assertMayPost } from './comments.ts';
import { type IntakeFields, intakeColumns, intakeFieldChecks, intakeFieldWrites, memberIdOfHandle, toIntakeFields } from './idea-intake.ts';
import { itemRef, publishedCardRef, unknownCard } from './item-refs.ts';
import { proxyPerson, proxyPersonId, upsertProxyPerson } from './proxies.ts';
import { selectStanding } from './standing.ts';
import { autoSubscribe } from './subscriptions.ts';
import type { Tenant } from './tenants.ts';
import { parseUnitRef, unitIdOfKey, unitRefColumn } from './unit-access.ts';
import { upsertUser, viewerUserId } from './users.ts';
import { budgetUsed, callersVotes } from './vote-sql.ts';
import { recountSupport } from './votes.ts';

/**
 * Whether the idea was edited after its last evaluator score (0 or 1; 0 while nobody scored it):
 * `Idea.scoreOutdated`, which tells evaluators that the scope changed under their scores.
 * (Until there are notifications, that flag is how they are told.)
 */
const scoreOutdated = () =>
  sql<number>`coalesce(${qualified(ideas.editedAt)} > (select max(s.updated_at) from ${ideaScores} s where s.tenant_id = ${qualified(ideas.tenantId)} and s.idea_id = ${qualified(ideas.id)}), 0)`;

/**
 * The columns `toIdea` reads (from ideas joined with their board and author), with the viewer's
 * votes as `myVotes`, the published card that answered the idea as `answeredCard`, and the name
 * of who recorded it on its author's behalf as `recordedBy`.
 */
export const ideaColumns = <M extends SQL<number> | SQL.Aliased<number>>(myVotes: M, mine: SQL<number | null> = sql`0`) => ({
  idea: ideas,
  board: boards.slug,
  boardStatuses: boards.statuses,
  authorName: users.name,
  authorBusinessUnit: users.businessUnit,
  authorUnit: unitRefColumn(users.unitId).as('idea_author_unit'),
  unit: unitRefColumn(ideas.unitId).as('idea_unit'),
  impactedUnits: impactedUnitsColumn().as('idea_impacted_units'),
  myVotes,
  answeredCard: publishedCardRef(qualified(ideas.tenantId), qualified(ideas.answeredBy)).as('idea_answered_card'),
  recordedBy: sql<
    string | null
  >`(select r.name from ${users} r where r.tenant_id = ${qualified(ideas.tenantId)} and r.id = ${qualified(ideas.proxyId)})`.as(
    'idea_recorded_by',
  ),
  scoreOutdated: scoreOutdated().as('idea_score_outdated'),
  mine: sql<number | null>`${mine}`.as('idea_mine'),
  ...intakeColumns(),
});

export function selectIdeas(db: Database, tenantId: string, viewer: Viewer | Actor) {
  return db
    .select(ideaColumns(callersVotes(viewerUserId(tenantId, viewer)), ideaIsMine(tenantId, viewer)))
    .from(ideas)
    .innerJoin(boards, eq(boards.id, ideas.boardId))
    .innerJoin(users, eq(users.id, ideas.authorId));
}

export type IdeaRow = Awaited<ReturnType<ReturnType<typeof selectIdeas>['all']>>[number];

/**
 * The board row of an idea, as its own statement for a batch (a batch's rows are keyed by column
 * name, so an idea and its board cannot share one select of whole rows).
 */
export function ideaBoard(db: Database, tenantId: string, ideaId: string) {
  return db
    .select()
    .from(boards)
    .where(
      and(
        eq(boards.tenantId, tenantId),
        sql`${qualified(boards.id)} = (select ${qualified(ideas.boardId)} from ${ideas} where ${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.id)} = ${ideaId})`,
      ),
    );
}

/**
 * SQL that is 1 when the viewer wrote the idea or recorded it on its author's behalf: who may
 * see it before it is published, edit it and withdraw it.
 */
export function ideaIsMine(tenantId: string, viewer: Viewer | Actor): SQL<number | null> {
  return sql<number | null>`${viewerUserId(tenantId, viewer)} in (${qualified(ideas.authorId)}, ${qualified(ideas.proxyId)})`;
}

/**
 * Who sees an idea: everyone once it is published; while it is held or after a moderator
 * rejected it, only its author and whoever recorded it for them (moderators read it through the
 * queue and `asModerator`).
 */
export function ideaVisibleTo(tenantId: string, viewer: Viewer | Actor): SQL {
  return sql`(${qualified(ideas.state)} = 'published' or ${ideaIsMine(tenantId, viewer)})`;
}

/** Only published ideas: what counts, is found, and can be voted on, scored or cited. */
export const publishedIdea = () => eq(ideas.state, 'published');

export function toIdea(row: IdeaRow, asModerator = false): Idea {
  const i = row.idea;
  const found = findStatus(row.boardStatuses ?? DEFAULT_STATUSES, i.status);
  const status = found && withBuiltInTranslations(found);
  return {
    id: i.id,
    board: row.board,
    title: i.title,
    description: i.description,
    author: toPerson(row.authorName, row.authorBusinessUnit, row.authorUnit),
    lane: i.lane,
    businessCase: { problem: i.problem, beneficiary: i.beneficiary, valueType: i.valueType, effort: i.effortSize, objective: i.objective },
    status: {
      key: i.status,
      label: status?.label ?? i.status,
      ...(status?.translations ? { translations: status.translations } : {}),
      category: i.statusCategory,
      reason: i.statusReason,
      link: i.statusLink,
      card: itemRef(row.answeredCard),
      changedAt: isoTimeOrNull(i.statusChangedAt),
      changedBy: i.statusChangedBy,
      deflection: status?.deflection ?? false,
      revisitOn: i.revisitOn,
      needMet: i.needMet,
    },
    votes: i.voteCount,
    supporters: i.supporterCount,
    businessUnits: i.businessUnitCount,
    unit: parseUnitRef(row.unit),
    impactedUnits: parseUnitRefs(row.impactedUnits),
    voted: row.myVotes > 0,
    myVotes: row.myVotes,
    score: { value: i.valueScore, effort: i.effortScore, risk: i.riskScore, ...fromRankKey(i.valuePerEffort), evaluations: i.evaluations },
    closed: i.closed,
    mergedInto: i.mergedInto,
    moderation: moderationOf(i.state, i.moderationReason, asModerator),
    createdAt: isoTime(i.createdAt),
    editedAt: isoTimeOrNull(i.editedAt),
    recordedBy: row.recordedBy === null ? null : { name: row.recordedBy },
    scoreOutdated: Boolean(row.scoreOutdated),
    mine: Boolean(row.mine),
    ...toIntakeFields(row),
  };
}

type IdeaRecord = typeof ideas.$inferSelect;

/** Each sort's column (descending, then id) and how to read its key off a row for the cursor. */
const SORTS: Record<IdeaSort, { column: SQLiteColumn; key: (i: IdeaRecord) => number | null }> = {
  top: { column: ideas.voteCount, key: (i) => i.voteCount },
  new: { column: ideas.createdAt, key: (i) => i.createdAt },
  trending: { column: ideas.trendScore, key: (i) => i.trendScore },
  value: { column: ideas.valueScore, key: (i) => i.valueScore },
  value_per_effort: { column: ideas.valuePerEffort, key: (i) => i.valuePerEffort },
};

/** Rows after the cursor in (key desc, id desc) order, where a null key sorts last. */
function after(column: SQLiteColumn, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  if (cursor.key === null) return and(isNull(column), lt(ideas.id, cursor.id));
  return or(lt(column, cursor.key), and(eq(column, cursor.key), lt(ideas.id, cursor.id)), isNull(column));
}

export interface ListIdeas {
  board: string;
  sort: IdeaSort;
  limit: number;
  cursor: Cursor | null;
  /** Only ideas in these status categories. */
  categories?: StatusCategory[] | undefined;
  /** Only ideas whose sponsoring unit has this key. */
  unit?: string | undefined;
}

/**
 * One page of a board's ideas (merged duplicates left out; held and rejected ones only for their
 * author): one round trip of two statements.
 */
export async function listIdeas(db: Database, tenantId: string, viewer: Viewer, q: ListIdeas): Promise<Page<Idea>> {
  const query = listIdeasQuery(db, tenantId, viewer, q);
  return query.answer(await db.batch(query.statements));
}

/** {@link listIdeas} as statements to put in a batch, and how to read the page off their results. */
export function listIdeasQuery(db: Database, tenantId: string, viewer: Viewer, q: ListIdeas) {
  const { column, key } = SORTS[q.sort];
  const statements = [
    selectBoardRecord(db, tenantId, q.board),
    selectIdeas(db, tenantId, viewer)
      .where(
        and(
          eq(ideas.tenantId, tenantId),
          eq(boards.tenantId, tenantId),
          eq(boards.slug, q.board),
          isNull(ideas.mergedInto),
          ideaVisibleTo(tenantId, viewer),
          q.categories?.length ? inArray(ideas.statusCategory, q.categories) : undefined,
          q.unit === undefined ? undefined : sql`${qualified(ideas.unitId)} = ${unitIdOfKey(tenantId, q.unit)}`,
          after(column, q.cursor),
        ),
      )
      .orderBy(desc(column), desc(ideas.id))
      .limit(q.limit + 1),
  ] as const;
  const answer = (results: readonly unknown[]): Page<Idea> => {
    const [board, rows] = results as [unknown[], IdeaRow[]];
    if (board.length === 0) throw notFound('not_found.board', { id: q.board });
    const items = rows.slice(0, q.limit).map((row) => toIdea(row));
    const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
    const nextCursor = last ? encodeCursor({ sort: q.sort, key: key(last.idea), id: last.idea.id }) : null;
    return { items, nextCursor };
  };
  return { statements, answer };
}

/**
 * The idea as the caller may see it, or null; merged duplicates included (the route redirects
 * them). `asModerator`: in whatever moderation state.
 */
export async function findIdea(
  db: Database,
  tenantId: string,
  viewer: Viewer | Actor,
  id: string,
  asModerator = false,
): Promise<IdeaRow | null> {
  return (
    (await selectIdeas(db, tenantId, viewer)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, id), asModerator ? undefined : ideaVisibleTo(tenantId, viewer)))
      .get()) ?? null
  );
}

export async function getIdea(db: Database, tenantId: string, viewer: Viewer | Actor, id: string, asModerator = false): Promise<Idea> {
  const row = await findIdea(db, tenantId, viewer, id, asModerator);
  if (!row) throw notFound('not_found.idea', { id });
  return toIdea(row, asModerator);
}

export interface NewIdeaInput {
  title: string;
  description: string;
  lane: Lane;
  businessCase: Partial<BusinessCase>;
  /** The published card the idea is proposed from. */
  sourceCard?: string | undefined;
  /** The business leader the caller records it for (evaluators and up). */
  onBehalfOf?: OnBehalfOf | undefined;
  /** The sponsoring unit's key; without it, the beneficiary is matched through the units' aliases. */
  unit?: string | undefined;
  /** Keys of the other units it impacts. */
  impactedUnits?: string[] | undefined;
  /** The sponsor's handle, the demand class, the objectives it serves (idea-intake.ts). */
  sponsor?: IntakeFields['sponsor'];
  demandClass?: IntakeFields['demandClass'];
  objectives?: IntakeFields['objectives'];
}

/** What `createIdea` answers: the new idea, or the one this proposal already made (`created: false`). */
export interface CreatedIdea {
  idea: Idea;
  created: boolean;
}

/**
 * The author's earlier idea on the board with this title, proposed from this card (rejected ones
 * aside): proposing it again answers that idea instead of a duplicate.
 */
function sameProposal(tenantId: string, boardId: string, authorId: SQL, title: string, sourceCard: string): SQL {
  return sql`${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.boardId)} = ${boardId}
    and ${qualified(ideas.authorId)} = ${authorId} and ${qualified(ideas.title)} = ${title}
    and ${qualified(ideas.sourceCardId)} = ${sourceCard} and ${qualified(ideas.state)} <> 'rejected'`;
}

/** The ideas the caller wrote or recorded for someone else, but not `except`: whose texts a new one must not repeat. */
export function writtenBy(tenantId: string, actor: Actor, except?: string): SQL {
  const me = viewerUserId(tenantId, actor);
  return sql`${qualified(ideas.tenantId)} = ${tenantId} and ${me} in (${qualified(ideas.authorId)}, ${qualified(ideas.proxyId)})${
    except === undefined ? sql`` : sql` and ${qualified(ideas.id)} <> ${except}`
  }`;
}

/** Boards as submits last read them, by tenant and slug, with the version of `boards` they were read at. */
const submitBoards = new Map<string, { board: BoardRecord; version: number }>();
const SUBMIT_BOARDS = 500;

/** The board `slug` and the version of `boards` it was read at: one round trip; 404 when there is none. */
async function readSubmitBoard(db: Database, tenantId: string, slug: string): Promise<{ board: BoardRecord; version: number }> {
  const [rows, versions] = await db.batch([selectBoardRecord(db, tenantId, slug), selectVersions(db, tenantId, ['boards'])]);
  const row = rows[0];
  if (!row) throw notFound('not_found.board', { id: slug });
  const entry = { board: toRecord(row), version: toVersions(['boards'], versions).boards ?? 0 };
  const key = `${tenantId}\u0000${slug}`;
  submitBoards.delete(key);
  submitBoards.set(key, entry);
  if (submitBoards.size > SUBMIT_BOARDS) submitBoards.delete(submitBoards.keys().next().value as string);
  return entry;
}

/** What the board decides before anything is read: open (409), the fields it requires (400). */
function checkBoard(board: BoardRecord, input: NewIdeaInput, now: number): void {
  if (!boardOpen(board, now)) throw new ApiError(409, 'conflict.board_closed', { board: board.slug });
  checkRequiredFields(board.requiredFields, input.businessCase as Parameters<typeof checkRequiredFields>[1]);
}

/**
 * Submits an idea on the board `slug` (see {@link createIdea}) in one D1 round trip: the board as
 * this isolate last read it, its reads and guarded writes in one batch. Only what that batch could
 * not settle — the board changed since, a text held or refused for a role the caller may hold by
 * grant, an earlier idea of theirs within the repeat window — costs more round trips.
 *
 * @example
 * const { idea, created } = await submitIdea(db, tenant, viewer, author, 'general', input);
 */
export async function submitIdea(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  author: Actor,
  slug: string,
  input: NewIdeaInput,
  now = Date.now(),
): Promise<CreatedIdea> {
  const known = submitBoards.get(`${tenant.id}\u0000${slug}`);
  if (known) {
    try {
      checkBoard(known.board, input, now);
      const created = await createIdea(db, tenant, viewer, author, known.board, input, now, known.version);
      if (created) return created;
    } catch (err) {
      // A refusal the board decides is told from a fresh read of it only.
      if (!(err instanceof ApiError) || !['conflict.board_closed', 'validation_failed.required_fields'].includes(err.reason)) throw err;
    }
  }
  const { board, version } = await readSubmitBoard(db, tenant.id, slug);
  checkBoard(board, input, now);
  if (!known) {
    const created = await createIdea(db, tenant, viewer, author, board, input, now, version);
    if (created) return created;
  }
  return (await createIdea(db, tenant, viewer, author, board, input, now)) as CreatedIdea;
}

/** SQL that is 1 when the viewer's role is `role` or above, their granted level included. */
function roleAtLeast(tenantId: string, viewer: Viewer, role: Exclude<Role, 'member'>): SQL {
  if (hasRole(effectiveRole(viewer, undefined), role)) return sql`1`;
  if (viewer.kind !== 'user') return sql`0`;
  const levels = LEVEL_GRANTS.filter((level) => hasRole(level, role));
  return sql`exists (select 1 from ${userRoles} where ${qualified(userRoles.tenantId)} = ${tenantId} and ${qualified(userRoles.subject)} = ${viewer.subject}
    and ${qualified(userRoles.role)} in (${sql.join(
      levels.map((level) => sql`${level}`),
      sql`, `,
    )}))`;
}

/**
 * Each author's ideas within the repeat window as the last submit in this isolate read them (and
 * the one it made): a submit guards its write on them being still all there are, unedited since
 * `at`, so the repeat check needs no read before the write. Bounded; an author not here is guessed
 * to have none.
 */
const recentByAuthor = new Map<string, { ideas: { id: string; createdAt: number; fingerprint: string }[]; at: number }>();
const RECENT_AUTHORS = 2000;

function rememberRecent(key: string, ideas: { id: string; createdAt: number; fingerprint: string }[], at: number): void {
  recentByAuthor.delete(key);
  recentByAuthor.set(key, { ideas, at });
  if (recentByAuthor.size > RECENT_AUTHORS) recentByAuthor.delete(recentByAuthor.keys().next().value as string);
}

/** Runs the pipeline's `screen` and answers its refusal instead of throwing it. */
function screened(input: Parameters<typeof screen>[0]): { verdict: Verdict | null } | { refused: ApiError } {
  try {
    return { verdict: screen(input) };
  } catch (err) {
    if (err instanceof ApiError) return { refused: err };
    throw err;
  }
}

/**
 * Submits an idea, in the board's initial status, with its author's user record, in one batch —
 * after the moderation pipeline: refused (422 `idea_rejected`, nothing written), held (stored
 * as `pending`, seen by its author and moderators only) or published. Banned and timed-out
 * people are refused (403) before anything else. An idea proposed from a card (`sourceCard`)
 * needs a published card of the tenant (400 otherwise), and is made once: the same author
 * proposing the same title from the same card on the same board gets the first idea back, also
 * when two requests race (the insert's own condition decides).
 *
 * Published on a single-vote board, it starts backed by its author (their vote, written in the
 * same batch); on a budget board it does not — scarce votes are theirs to place — and a held
 * idea is backed by nobody until a moderator publishes it.
 *
 * `onBehalfOf` records it for a business leader who does not sign in (evaluators and up, 403
 * otherwise): the proxy person (proxies.ts) is its author and the caller `proxy_id`. The proxy
 * person's support is written down as what it is — one vote of theirs, counted with their
 * business unit, on a budget board within the board's budget for them (409
 * `vote_budget_exceeded.proxy` when they have none left).
 *
 * With `boardVersion` (the version of `boards` that `board` was read at), in one round trip: the
 * reads, then the writes guarded by everything those reads decide and by what the verdict was
 * computed on (the board unchanged, no earlier idea of the author's in the repeat window, no
 * moderator's grant when the text is held), then the idea read back. Refusals come from what the
 * batch read, and the guards keep a refused write from writing anything. `null`: nothing was
 * written for another reason — the board changed, or the verdict needs what the batch read — and
 * the caller submits again without `boardVersion` (reads, then the writes: two round trips).
 */
export async function createIdea(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  author: Actor,
  board: BoardRecord,
  input: NewIdeaInput,
  now = Date.now(),
  boardVersion?: number,
): Promise<CreatedIdea | null> {
  const tenantId = tenant.id;
  const settings = tenant.moderation;
  const windowStart = now - settings.repeatWindowMinutes * 60_000;
  const sourceCard = input.sourceCard;
  const proxy = input.onBehalfOf ? proxyPerson(input.onBehalfOf) : null;
  const authorId = proxy ? proxyPersonId(tenantId, proxy) : viewerUserId(tenantId, author);
  const proxyBudget = proxy && board.voteMode === 'budget';
  const proposal = sourceCard === undefined ? null : sameProposal(tenantId, board.id, authorId, input.title, sourceCard);
  const unitKeys = ideaUnitKeys(input);
  const intake = intakeFieldChecks(db, tenant, null, input);
  const text = ideaText(input);
  // By board and creation time (`ideas_board_new`, one range per board): the tenant's index, or
  // the author's columns (no index), would read every idea of the tenant for every submit.
  const recentIdeas = sql`+${qualified(ideas.tenantId)} = ${tenantId}
    and ${qualified(ideas.boardId)} in (select ${qualified(boards.id)} from ${boards} where ${qualified(boards.tenantId)} = ${tenantId})
    and ${qualified(ideas.createdAt)} > ${windowStart} and ${viewerUserId(tenantId, author)} in (${qualified(ideas.authorId)}, ${qualified(ideas.proxyId)})
    and ${qualified(ideas.state)} <> 'rejected'`;
  // Decided by the tenant's settings alone: before the batch, so a guarded write never needs it.
  checkDemandClass(tenant.demandClasses, input.demandClass, 'body.demandClass');
  const reads = [
    selectStanding(db, tenantId, author.subject, settings),
    db
      .select({ id: ideas.id, createdAt: ideas.createdAt, title: ideas.title, description: ideas.description })
      .from(ideas)
      .where(recentIdeas)
      .orderBy(desc(ideas.createdAt))
      .limit(settings.repeatWindowMinutes > 0 ? 50 : 0),
    selectGrantedRole(db, tenantId, author.subject),
    // The card proposed from, the idea this proposal already made (both null without a card),
    // and the budget votes the proxy person has placed on the board.
    db
      .select({
        card: (sourceCard === undefined ? sql<string | null>`null` : publishedCardRef(tenantId, sql`${sourceCard}`)).as('source_card'),
        existing: (proposal
          ? sql<
              string | null
            >`(select ${qualified(ideas.id)} from ${ideas} where ${proposal} order by ${qualified(ideas.createdAt)} limit 1)`
          : sql<string | null>`null`
        ).as('existing_idea'),
        proxyVotes: (proxyBudget ? budgetUsed(tenantId, authorId, board.id) : sql<number>`0`).as('proxy_votes'),
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
    intake.statement,
    selectUnitsByKeys(db, tenantId, unitKeys),
  ] as const;

  // One round trip: the verdict as it would be for a caller without a granted level and with no
  // recent idea, written only while both hold (a newcomer's count is not guessed: two round trips).
  const oneTrip = boardVersion !== undefined && settings.preModeration !== 'new_users';
  const guessed = oneTrip
    ? screened({
        item: 'idea',
        kind: 'create',
        text,
        author: { published: 0, recentFingerprints: [] },
        settings,
        role: effectiveRole(viewer, undefined),
      })
    : null;
  const repeats = settings.repeatWindowMinutes > 0 && text.fingerprint !== '';
  const recentKey = `${tenantId}\u0000${author.subject}`;
  const remembered = recentByAuthor.get(recentKey);
  const known = (remembered?.ideas ?? []).filter((i) => i.createdAt > windowStart);
  const speculate = guessed !== null && 'verdict' in guessed && !known.some((i) => i.fingerprint === text.fingerprint);
  let results: unknown[];
  let write: { id: string; verdict: Verdict | null; results: unknown[] } | null = null;
  if (speculate) {
    const ids = [...new Set(input.objectives ?? [])];
    const handle = typeof input.sponsor === 'string' ? input.sponsor : null;
    const assumed = [
      sql`coalesce((select ${qualified(cacheVersions.version)} from ${cacheVersions} where ${qualified(cacheVersions.tenantId)} = ${tenantId} and ${qualified(cacheVersions.scope)} = 'boards'), 0) = ${boardVersion}`,
      board.submitters === 'moderators' ? roleAtLeast(tenantId, viewer, 'moderator') : null,
      proxy ? roleAtLeast(tenantId, viewer, 'evaluator') : null,
      sql`not exists (select 1 from ${users} where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.subject)} = ${author.subject} and ${qualified(users.restrictedUntil)} > ${now})`,
      unitKeys.length
        ? sql`(select count(distinct ${qualified(businessUnits.key)}) from ${businessUnits} where ${qualified(businessUnits.tenantId)} = ${tenantId}
            and ${inList(businessUnits.key, unitKeys)} and ${qualified(businessUnits.archivedAt)} is null) = ${new Set(unitKeys).size}`
        : null,
      handle === null ? null : sql`${memberIdOfHandle(tenantId, handle)} is not null`,
      ids.length
        ? sql`(select count(*) from ${unitObjectives} where ${qualified(unitObjectives.tenantId)} = ${tenantId} and ${inList(unitObjectives.id, ids)}
            and ${qualified(unitObjectives.archivedAt)} is null) = ${ids.length}`
        : null,
      guessed.verdict ? sql`not ${roleAtLeast(tenantId, viewer, 'moderator')}` : null,
      // Refused by the input alone (checkIdeaUnits): never written here.
      input.unit && input.impactedUnits?.includes(input.unit) ? sql`0` : null,
      // The author's recent ideas are the ones remembered, unedited since.
      repeats
        ? sql`(select count(*) from ${ideas} where ${recentIdeas}) = ${known.length}
            and (select count(*) from ${ideas} where ${recentIdeas} and ${
              known.length
                ? inList(
                    ideas.id,
                    known.map((i) => i.id),
                  )
                : sql`0`
            }
              and coalesce(${qualified(ideas.editedAt)}, 0) <= ${remembered?.at ?? 0}) = ${known.length}`
        : null,
    ].filter((c): c is SQL => c !== null);
    const id = newId();
    const writes = writeStatements(id, guessed.verdict, {
      unitId: input.unit ? unitIdOfKey(tenantId, input.unit) : input.unit,
      sponsorId: handle === null ? (input.sponsor === null ? null : undefined) : memberIdOfHandle(tenantId, handle),
      objectives: input.objectives === undefined ? undefined : ids,
      assumed,
    });
    const all = await db.batch([...reads, ...writes] as unknown as [BatchItem<'sqlite'>]);
    results = all.slice(0, reads.length);
    write = { id, verdict: guessed.verdict, results: all.slice(reads.length) };
  } else {
    results = await db.batch(reads as unknown as [BatchItem<'sqlite'>]);
  }
  const [standing, recent, grant, source, intakeRows, unitRows] = results as unknown as BatchResponse<typeof reads>;
  const unitId = checkIdeaUnits(input, unitKeys.length ? unitRows : []);
  const intakeValues = intake.check(intakeRows);
  const role = effectiveRole(viewer, grant[0]?.role);
  if (proxy && !hasRole(role, 'evaluator')) throw new ApiError(403, 'forbidden.proxy_idea', { current: role ?? 'no role' });
  if (board.submitters === 'moderators' && !hasRole(role, 'moderator')) {
    await requireRole(db, tenantId, viewer, 'moderator', 'submit ideas on this board');
    if (write) return null;
  }
  assertMayPost(standing[0], now);
  const existing = source[0]?.existing;
  const readBack = (rows: unknown) => (rows as IdeaRow[])[0];
  if (existing) {
    const stored = write ? readBack(write.results.at(-1)) : undefined;
    if (stored?.idea.id === existing) return { idea: toIdea(stored), created: false };
    return { idea: await getIdea(db, tenantId, author, existing), created: false };
  }
  if (sourceCard !== undefined && !source[0]?.card) throw unknownCard(sourceCard, 'body.sourceCard');
  const budgetExceeded = () => new ApiError(409, 'vote_budget_exceeded.proxy', { name: proxy?.name ?? '', total: board.voteBudget });
  if (proxyBudget && (source[0]?.proxyVotes ?? 0) + 1 > board.voteBudget) throw budgetExceeded();
  const verdict = screen({
    item: 'idea',
    kind: 'create',
    text,
    author: {
      published: standing[0]?.published ?? 0,
      recentFingerprints: recent.map(ideaFingerprint),
    },
    settings,
    role,
  });
  const remember = (made: string) => {
    if (repeats && recent.length < 50) {
      const found = recent.map((r) => ({ id: r.id, createdAt: r.createdAt, fingerprint: ideaFingerprint(r) }));
      rememberRecent(recentKey, [...found, { id: made, createdAt: now, fingerprint: text.fingerprint }], now);
    }
  };
  if (write) {
    const stored = readBack(write.results.at(-1));
    if (stored?.idea.id !== write.id) return null;
    remember(write.id);
    return { idea: toIdea(stored), created: true };
  }
  const id = newId();
  const rest = await db.batch(
    writeStatements(id, verdict, { unitId, sponsorId: intakeValues.sponsorId, objectives: intakeValues.objectives, assumed: [] }) as [
      BatchItem<'sqlite'>,
    ],
  );
  const stored = readBack(rest.at(-1));
  if (!stored) {
    if (sourceCard !== undefined) throw unknownCard(sourceCard, 'body.sourceCard');
    if (proxyBudget) throw budgetExceeded();
    throw new Error('The new idea could not be read back.');
  }
  if (stored.idea.id === id) remember(id);
  return { idea: toIdea(stored), created: stored.idea.id === id };

  /** The writes of the idea `id` with `verdict`, while the conditions hold, and the idea read back. */
  function writeStatements(
    id: string,
    verdict: Verdict | null,
    resolved: {
      unitId: string | SQL | null | undefined;
      sponsorId: string | SQL | null | undefined;
      objectives: string[] | undefined;
      assumed: SQL[];
    },
  ): BatchItem<'sqlite'>[] {
    const bc = input.businessCase;
    const row = {
      id,
      tenantId,
      boardId: board.id,
      authorId: sql`${authorId}`,
      title: input.title,
      description: input.description,
      lane: input.lane,
      problem: bc.problem ?? null,
      beneficiary: bc.beneficiary ?? null,
      valueType: bc.valueType ?? null,
      effortSize: bc.effort ?? null,
      objective: bc.objective ?? null,
      unitId: resolved.unitId ?? unitIdOfClaim(tenantId, bc.beneficiary),
      sponsorId: resolved.sponsorId ?? null,
      demandClass: input.demandClass ?? null,
      status: initialStatus(board.statuses).key,
      statusCategory: 'open' as const,
      state: verdict ? ('pending' as const) : ('published' as const),
      moderationReason: verdict ? storedReason(verdict) : null,
      sourceCardId: sourceCard ?? null,
      proxyId: proxy ? sql`${viewerUserId(tenantId, author)}` : null,
      createdAt: now,
    };
    // From a card: written only if everyone may still read the card and no twin was made meanwhile.
    // For someone on a budget board: only while they have a vote left for it.
    const conditions = [
      ...resolved.assumed,
      proposal
        ? sql`not exists (select 1 from ${ideas} where ${proposal})
          and exists (select 1 from ${cards} where ${qualified(cards.tenantId)} = ${tenantId} and ${qualified(cards.id)} = ${sourceCard} and ${cardPublic()})`
        : null,
      proxyBudget ? sql`${budgetUsed(tenantId, authorId, board.id)} + 1 <= ${board.voteBudget}` : null,
    ].filter((c): c is SQL => c !== null);
    const guard = conditions.length > 0 ? sql.join(conditions, sql` and `) : undefined;
    return [
      upsertUser(db, tenantId, author, now, guard),
      ...(proxy ? upsertProxyPerson(db, tenantId, proxy, now, guard) : []),
      guard ? db.insert(ideas).select(conditionalRow(ideas, row, guard)) : db.insert(ideas).values(row),
      ...(input.impactedUnits?.length ? [replaceIdeaUnits(db, tenantId, id, input.impactedUnits)[1]] : []),
      ...intakeFieldWrites(db, tenantId, id, { objectives: resolved.objectives }, now),
      ...(proxy || (board.voteMode !== 'budget' && !verdict)
        ? [authorSupport(db, tenantId, id, authorId, now), recountSupport(db, tenantId, id)]
        : []),
      ...newIdeaEvents(db, tenantId, id, board.slug, authorId, viewerUserId(tenantId, author), verdict, now),
      selectIdeas(db, tenantId, author)
        .where(and(eq(ideas.tenantId, tenantId), proposal ? or(eq(ideas.id, id), proposal) : eq(ideas.id, id)))
        .orderBy(asc(ideas.createdAt))
        .limit(1),
    ];
  }
}

/**
 * What a new idea records: `idea.created` (or, held, `content.held` and `moderation.queued`),
 * and its author — and whoever recorded it for them — following it. Written only if the idea was.
 */
function newIdeaEvents(
  db: Database,
  tenantId: string,
  id: string,
  board: string,
  authorId: SQL,
  recorderId: SQL,
  verdict: Verdict | null,
  now: number,
) {
  const item = { kind: 'idea' as const, id };
  const written = sql`exists (select 1 from ${ideas} where ${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.id)} = ${id})`;
  return [
    ...(verdict
      ? heldStatements(db, tenantId, item, verdict, authorId, { now })
      : eventStatements(db, { tenantId, type: 'idea.created', actorId: recorderId, item, data: { board }, now })),
    autoSubscribe(db, tenantId, authorId, 'idea', id, 'author', written),
    autoSubscribe(db, tenantId, recorderId, 'idea', id, 'author', written),
  ];
}

/** The author's vote for their new idea (written only if the idea was). */
function authorSupport(db: Database, tenantId: string, ideaId: string, personId: SQL, now: number) {
  return db.insert(votes).select(
    db
      .select({
        ideaId: ideas.id,
        userId: sql<string>`${personId}`.as('user_id'),
        tenantId: ideas.tenantId,
        count: sql<number>`1`.as('count'),
        weight: sql<number>`${voteWeight(1, now)}`.as('weight'),
        refunded: sql<boolean>`0`.as('refunded'),
        createdAt: sql<number>`${now}`.as('created_at'),
      })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
  );
}

/** Removes an idea with its votes (moderation). 404 when it is not in this tenant. */
export async function deleteIdea(db: Database, tenantId: string, ideaId: string): Promise<void> {
  const deleted = await db
    .delete(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)))
    .returning({ id: ideas.id });
  if (deleted.length === 0) throw notFound('not_found.idea', { id: ideaId });
}
