/**
 * Ideas in D1. Every statement filters on the tenant; every write that touches more than one
 * row is one D1 batch (one transaction); list and read cost a fixed number of statements
 * whatever the page size.
 */
import type { BusinessCase, Idea, IdeaSort, Lane, OnBehalfOf, Page, StatusCategory } from '@bridgekit/sdk';
import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { type Actor, effectiveRole, hasRole, selectGrantedRole, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, cards, ideaScores, ideas, tenants, users, votes } from '../db/schema.ts';
import { conditionalRow, qualified } from '../db/sql.ts';
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
import { type BoardRecord, selectBoardRecord } from './boards.ts';
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
import { cardPublic } from './card-rows.ts';
import { assertMayPost } from './comments.ts';
import { type IntakeFields, intakeColumns, intakeFieldChecks, intakeFieldWrites, toIntakeFields } from './idea-intake.ts';
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
 */
export async function createIdea(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  author: Actor,
  board: BoardRecord,
  input: NewIdeaInput,
  now = Date.now(),
): Promise<CreatedIdea> {
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
  const [standing, recent, grant, source, intakeRows, ...unitRows] = await db.batch([
    selectStanding(db, tenantId, author.subject, settings),
    db
      .select({ title: ideas.title, description: ideas.description })
      .from(ideas)
      .where(and(writtenBy(tenantId, author), gt(ideas.createdAt, windowStart), ne(ideas.state, 'rejected')))
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
    ...(unitKeys.length ? [selectUnitsByKeys(db, tenantId, unitKeys)] : []),
  ]);
  const unitId = checkIdeaUnits(input, unitRows[0] ?? []);
  const intakeValues = intake.check(intakeRows);
  const role = effectiveRole(viewer, grant[0]?.role);
  if (proxy && !hasRole(role, 'evaluator')) throw new ApiError(403, 'forbidden.proxy_idea', { current: role ?? 'no role' });
  assertMayPost(standing[0], now);
  const existing = source[0]?.existing;
  if (existing) return { idea: await getIdea(db, tenantId, author, existing), created: false };
  if (sourceCard !== undefined && !source[0]?.card) throw unknownCard(sourceCard, 'body.sourceCard');
  const budgetExceeded = () => new ApiError(409, 'vote_budget_exceeded.proxy', { name: proxy?.name ?? '', total: board.voteBudget });
  if (proxyBudget && (source[0]?.proxyVotes ?? 0) + 1 > board.voteBudget) throw budgetExceeded();
  const text = ideaText(input);
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
  const id = newId();
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
    unitId: unitId ?? unitIdOfClaim(tenantId, bc.beneficiary),
    sponsorId: intakeValues.sponsorId ?? null,
    demandClass: intakeValues.demandClass ?? null,
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
    proposal
      ? sql`not exists (select 1 from ${ideas} where ${proposal})
        and exists (select 1 from ${cards} where ${qualified(cards.tenantId)} = ${tenantId} and ${qualified(cards.id)} = ${sourceCard} and ${cardPublic()})`
      : null,
    proxyBudget ? sql`${budgetUsed(tenantId, authorId, board.id)} + 1 <= ${board.voteBudget}` : null,
  ].filter((c): c is SQL => c !== null);
  const guard = conditions.length > 0 ? sql.join(conditions, sql` and `) : undefined;
  const [, ...rest] = await db.batch([
    upsertUser(db, tenantId, author, now, guard),
    ...(proxy ? upsertProxyPerson(db, tenantId, proxy, now, guard) : []),
    guard ? db.insert(ideas).select(conditionalRow(ideas, row, guard)) : db.insert(ideas).values(row),
    ...(input.impactedUnits?.length ? [replaceIdeaUnits(db, tenantId, id, input.impactedUnits)[1]] : []),
    ...intakeFieldWrites(db, tenantId, id, { objectives: intakeValues.objectives }, now),
    ...(proxy || (board.voteMode !== 'budget' && !verdict)
      ? [authorSupport(db, tenantId, id, authorId, now), recountSupport(db, tenantId, id)]
      : []),
    ...newIdeaEvents(db, tenantId, id, board.slug, authorId, viewerUserId(tenantId, author), verdict, now),
    selectIdeas(db, tenantId, author)
      .where(and(eq(ideas.tenantId, tenantId), proposal ? or(eq(ideas.id, id), proposal) : eq(ideas.id, id)))
      .orderBy(asc(ideas.createdAt))
      .limit(1),
  ]);
  const stored = (rest.at(-1) as IdeaRow[])[0];
  if (!stored) {
    if (sourceCard !== undefined) throw unknownCard(sourceCard, 'body.sourceCard');
    if (proxyBudget) throw budgetExceeded();
    throw new Error('The new idea could not be read back.');
  }
  return { idea: toIdea(stored), created: stored.idea.id === id };
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
