/**
 * Reading the card library: list and full-text search with filters, the review queue, practice
 * areas and their owners, versions and their diff, and what a card links to and is cited by.
 */
import type {
  CardDiff,
  CardLinks,
  CardSort,
  CardSummary,
  CardTemplate,
  CardVersion,
  CardVersionDetail,
  FieldValue,
  Freshness,
  LinkKind,
  MaturityLevel,
  Page,
  PracticeArea,
  PracticeAreaSummary,
} from '@bridgekit/sdk';
import { PRACTICE_AREAS } from '@bridgekit/sdk';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { diffFields } from '../cards/diff.ts';
import { findBuiltInTemplate } from '../cards/templates/index.ts';
import type { Database } from '../db/client.ts';
import { cardsFts } from '../db/fts.ts';
import { businessUnitPeople, cardLinks, cards, cardTemplates, cardVersions, ideas, tenants, threads, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { isoTime } from '../lib/time.ts';
import {
  cardPublic,
  cardReadableBy,
  cardVisibleTo,
  DUE_WITHIN_DAYS,
  dayOf,
  freshnessCondition,
  selectCards,
  toCardSummary,
} from './card-rows.ts';
import { decodeListCursor, encodeListCursor, nextListCursor } from './comment-rows.ts';
import { listTemplates } from './templates.ts';
import { seesEveryUnit, unitRefColumn } from './unit-access.ts';
import { viewerUserId } from './users.ts';

export interface CardQuery {
  q?: string | undefined;
  tag?: PracticeArea | undefined;
  template?: string | undefined;
  owner?: string | undefined;
  freshness?: Freshness | undefined;
  cites?: string | undefined;
  sort?: CardSort | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** An FTS5 query from free text: words only, each quoted (so no query syntax gets through), all required; the last also as a prefix. */
export function cardMatchQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `("${w}" OR "${w}"*)` : `"${w}"`)).join(' AND ');
}

// Private-use markers around matches, so the snippet can be HTML-escaped before they become <mark>.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** The snippet as safe HTML: everything escaped, then the match markers turned into `<mark>`. */
export function snippetHtml(raw: string): string {
  return raw
    .replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)
    .replaceAll(OPEN, '<mark>')
    .replaceAll(CLOSE, '</mark>');
}

function ownerCondition(tenantId: string, owner: string, viewer: Viewer | Actor): SQL {
  if (owner === 'me') return sql`${qualified(cards.ownerId)} = ${viewerUserId(tenantId, viewer)}`;
  return sql`${qualified(cards.ownerId)} = (select ${qualified(users.id)} from ${users} where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.handle)} = ${owner})`;
}

const SORTS: Record<Exclude<CardSort, 'relevance'>, { column: SQL; direction: 'asc' | 'desc'; type: 'string' | 'number' }> = {
  updated: { column: sql`${qualified(cards.updatedAt)}`, direction: 'desc', type: 'number' },
  helpful: { column: sql`${qualified(cards.helpedCount)}`, direction: 'desc', type: 'number' },
  views: { column: sql`${qualified(cards.viewCount)}`, direction: 'desc', type: 'number' },
  title: { column: sql`lower(${qualified(cards.title)})`, direction: 'asc', type: 'string' },
};

/** Whether a library query is about the caller in person (`owner=me`): its answer is theirs alone, never shared. */
export const personalCardQuery = (q: Pick<CardQuery, 'owner'>): boolean => q.owner === 'me';

/** A search for text without a single word: nothing to find, no query sent. */
export const emptyCardSearch = (q: Pick<CardQuery, 'q'>): boolean => Boolean(q.q) && cardMatchQuery(q.q ?? '') === null;

/**
 * One page of cards: filtered, sorted, or searched (by relevance, with a snippet), as one
 * statement for a batch (routes/read-cache.ts) with the template names (built-in ones from code,
 * a tenant's read in the same statement) and only the columns a summary shows. The caller checks
 * {@link emptyCardSearch} first.
 *
 * @example
 * const { statements, answer } = listCardsQuery(db, tenant.id, ANONYMOUS, { q: 'business case', limit: 20 });
 * const page = answer(await db.batch(statements));
 */
export function listCardsQuery(db: Database, tenantId: string, viewer: Viewer | Actor, q: CardQuery, now = Date.now()) {
  const match = q.q ? cardMatchQuery(q.q) : null;
  const sort: CardSort = q.sort ?? (match ? 'relevance' : 'updated');
  if (sort === 'relevance' && !match) {
    throw new ApiError(
      400,
      'validation_failed.relevance_without_q',
      {},
      { details: [fieldIssue('query.sort', 'field.relevance_without_q')] },
    );
  }
  // Held and rejected cards only for their author: nobody else lists, searches or counts them.
  const conditions: SQL[] = [sql`${qualified(cards.tenantId)} = ${tenantId}`, cardVisibleTo(tenantId, viewer)];
  if (q.tag) conditions.push(sql`exists (select 1 from json_each(${qualified(cards.tags)}) where value = ${q.tag})`);
  if (q.template) conditions.push(sql`${qualified(cards.templateId)} = ${q.template}`);
  if (q.owner) conditions.push(ownerCondition(tenantId, q.owner, viewer));
  if (q.freshness) conditions.push(freshnessCondition(q.freshness, now));
  if (q.cites) {
    const [kind, ...rest] = q.cites.split(':');
    conditions.push(
      sql`exists (select 1 from ${cardLinks} l where l.card_id = ${qualified(cards.id)} and l.tenant_id = ${tenantId} and l.to_kind = ${kind} and l.to_id = ${rest.join(':')})`,
    );
  }
  if (match) conditions.push(sql`cards_fts match ${match}`, eq(cardsFts.tenantId, tenantId));

  // A search starts from the full-text index and joins the cards, so the rank and the snippet
  // come from the same row as the match (one pass over the index, whatever the library's size).
  const columns = {
    ...summaryColumns(),
    snippet: match
      ? sql<string | null>`snippet(cards_fts, -1, ${OPEN}, ${CLOSE}, '…', 16)`.as('snippet')
      : sql<string | null>`null`.as('snippet'),
    rank: match ? sql<number>`bm25(cards_fts, 0, 0, 8.0, 4.0, 1.0)`.as('rank') : sql<number>`0`.as('rank'),
  };
  const fetchRows = (order: SQL[], limit: number, offset = 0) =>
    match
      ? db
          .select(columns)
          .from(cardsFts)
          .innerJoin(cards, eq(cards.id, cardsFts.cardId))
          .where(and(...conditions))
          .orderBy(...order)
          .limit(limit)
          .offset(offset)
      : db
          .select(columns)
          .from(cards)
          .where(and(...conditions))
          .orderBy(...order)
          .limit(limit)
          .offset(offset);
  type Row = Awaited<ReturnType<typeof fetchRows>>[number];
  let statement: ReturnType<typeof fetchRows>;
  let nextCursor: (rows: Row[]) => string | null;
  if (sort === 'relevance') {
    // bm25 ranks are not stable keys; relevance pages by offset (searches rarely go deep).
    const offset = q.cursor ? Number(decodeListCursor(q.cursor, 'cards-rel', ['number'])[0]) : 0;
    statement = fetchRows([sql`rank`, asc(cards.id)], q.limit + 1, offset);
    nextCursor = (rows) => (rows.length > q.limit ? encodeListCursor('cards-rel', [offset + q.limit]) : null);
  } else {
    const order = SORTS[sort];
    if (q.cursor) {
      const [key, id] = decodeListCursor(q.cursor, `cards-${sort}`, [order.type, 'string']);
      const after = order.direction === 'desc' ? sql`<` : sql`>`;
      conditions.push(sql`(${order.column} ${after} ${key} or (${order.column} = ${key} and ${qualified(cards.id)} > ${id}))`);
    }
    statement = fetchRows([order.direction === 'desc' ? desc(order.column) : asc(order.column), asc(cards.id)], q.limit + 1);
    nextCursor = (rows) =>
      nextListCursor(rows, q.limit, `cards-${sort}`, ({ card }) => [
        sort === 'title'
          ? card.title.toLowerCase()
          : sort === 'updated'
            ? card.updatedAt
            : sort === 'helpful'
              ? card.helpedCount
              : card.viewCount,
        card.id,
      ]);
  }
  const answer = (results: readonly unknown[]): Page<CardSummary> => {
    const [rows] = results as [Row[]];
    return {
      items: rows
        .slice(0, q.limit)
        .map((r) =>
          toCardSummary(
            r,
            findBuiltInTemplate(r.card.templateId)?.name ?? r.templateName ?? r.card.templateId,
            r.snippet === null ? null : snippetHtml(r.snippet),
            now,
          ),
        ),
      nextCursor: nextCursor(rows),
    };
  };
  return { statements: [statement] as const, answer };
}

/**
 * One page of cards, as {@link listCardsQuery} reads it, in one round trip.
 *
 * @example
 * const page = await listCards(db, tenant.id, viewer, { q: 'business case', limit: 20 });
 */
export async function listCards(
  db: Database,
  tenantId: string,
  viewer: Viewer | Actor,
  q: CardQuery,
  now = Date.now(),
): Promise<Page<CardSummary>> {
  if (emptyCardSearch(q)) return { items: [], nextCursor: null };
  const { statements, answer } = listCardsQuery(db, tenantId, viewer, q, now);
  return answer(await db.batch(statements));
}

/** What a library page shows of a card (no field values): its summary's columns, the owner's handle and name, the unit, the name of a tenant's template. */
function summaryColumns() {
  return {
    card: {
      id: cards.id,
      templateId: cards.templateId,
      title: cards.title,
      summary: cards.summary,
      tags: cards.tags,
      maturityLevel: cards.maturityLevel,
      reviewBy: cards.reviewBy,
      obsoleteAt: cards.obsoleteAt,
      helpedCount: cards.helpedCount,
      viewCount: cards.viewCount,
      updatedAt: cards.updatedAt,
      state: cards.state,
      moderationReason: cards.moderationReason,
      visibility: cards.visibility,
    },
    ownerHandle: sql<
      string | null
    >`(select ${qualified(users.handle)} from ${users} where ${qualified(users.id)} = ${qualified(cards.ownerId)})`.as('owner_handle'),
    ownerName: sql<
      string | null
    >`(select ${qualified(users.name)} from ${users} where ${qualified(users.id)} = ${qualified(cards.ownerId)})`.as('owner_name'),
    unit: unitRefColumn(cards.unitId).as('card_unit'),
    templateName: sql<string | null>`(select ${qualified(cardTemplates.name)} from ${cardTemplates}
      where ${qualified(cardTemplates.tenantId)} = ${qualified(cards.tenantId)} and ${qualified(cardTemplates.id)} = ${qualified(cards.templateId)})`.as(
      'template_name',
    ),
  };
}

/**
 * What a signed-in viewer sees of the library beyond what everyone does, as one statement for
 * the read cache's round trip: 1 when some card is visible to them and not to everyone (their
 * own held ones, their unit's or private ones they may read), so the shared answer does not fit
 * them. A superset, never less: each clause covers a way of {@link cardVisibleTo} to let a card
 * through that {@link cardPublic} does not, and answering uncached for more viewers only costs time.
 *
 * @example
 * const [[{ extra }]] = await db.batch([cardsBeyondPublic(db, tenant.id, viewer)]);
 */
export function cardsBeyondPublic(db: Database, tenantId: string, viewer: Viewer | Actor) {
  const me = viewerUserId(tenantId, viewer);
  const hidden = sql`not ${cardPublic('c')}`;
  return db
    .select({
      // Through the indexes on the author, the owner, a person's teams: a person's own cards, never the library.
      extra: sql<number>`(exists (select 1 from ${cards} c where c.author_id = ${me} and c.tenant_id = ${tenantId} and ${hidden})
        or exists (select 1 from ${cards} c where c.tenant_id = ${tenantId} and c.owner_id = ${me} and ${hidden})
        or exists (select 1 from ${businessUnitPeople} p join ${cards} c on c.tenant_id = ${tenantId} and c.unit_id = p.unit_id
          where p.tenant_id = ${tenantId} and p.user_id = ${me} and c.visibility = 'unit')
        or (${seesEveryUnit(tenantId, viewer)} and exists (select 1 from ${cards} c where c.tenant_id = ${tenantId} and c.visibility <> 'everyone')))`,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
}

/** Template names by id: built-in ones from code, the tenant's from D1 (only when a page has any). */
async function templateNames(db: Database, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of ids) {
    const builtIn = findBuiltInTemplate(id);
    if (builtIn) names.set(id, builtIn.name);
  }
  if (ids.every((id) => names.has(id))) return names;
  const templates: CardTemplate[] = await listTemplates(db, tenantId);
  return new Map(templates.filter((t) => ids.includes(t.id)).map((t) => [t.id, t.name]));
}

/** Cards past (or within DUE_WITHIN_DAYS of) their review-by date, owned by `owner`, the most overdue first. */
export async function reviewQueue(
  db: Database,
  tenantId: string,
  viewer: Viewer | Actor,
  owner: string,
  cursor: string | undefined,
  limit: number,
  now = Date.now(),
): Promise<Page<CardSummary>> {
  const soon = dayOf(now + DUE_WITHIN_DAYS * 86_400_000);
  const conditions: SQL[] = [
    sql`${qualified(cards.tenantId)} = ${tenantId}`,
    sql`${qualified(cards.state)} = 'published'`,
    sql`${qualified(cards.obsoleteAt)} is null`,
    sql`${qualified(cards.reviewBy)} <= ${soon}`,
    ownerCondition(tenantId, owner, viewer),
    cardReadableBy(tenantId, viewer),
  ];
  if (cursor) {
    const [reviewBy, id] = decodeListCursor(cursor, 'review', ['string', 'string']);
    conditions.push(
      sql`(${qualified(cards.reviewBy)} > ${reviewBy} or (${qualified(cards.reviewBy)} = ${reviewBy} and ${qualified(cards.id)} > ${id}))`,
    );
  }
  const rows = await selectCards(db, tenantId, viewer)
    .where(and(...conditions))
    .orderBy(asc(cards.reviewBy), asc(cards.id))
    .limit(limit + 1);
  const names = await templateNames(
    db,
    tenantId,
    rows.map((r) => r.card.templateId),
  );
  return {
    items: rows.slice(0, limit).map((r) => toCardSummary(r, names.get(r.card.templateId) ?? r.card.templateId, null, now)),
    nextCursor: nextListCursor(rows, limit, 'review', ({ card }) => [card.reviewBy ?? '', card.id]),
  };
}

/**
 * Every practice area with its live cards, their owners, and how many have no owner. One query.
 * Only cards everyone may read count: a unit's stakeholder map makes nobody a named expert.
 */
export async function practiceAreas(db: Database, tenantId: string): Promise<PracticeAreaSummary[]> {
  const rows = await db.all<{ area: string; cards: number; unowned: number; owners: string | null }>(sql`
    select t.value as area, count(*) as cards, sum(c.owner_id is null) as unowned,
      json_group_array(distinct case when u.id is not null then json_object('handle', u.handle, 'name', u.name) end) as owners
    from ${cards} c, json_each(c.tags) t
    left join ${users} u on u.id = c.owner_id
    where c.tenant_id = ${tenantId} and c.obsolete_at is null and ${cardPublic('c')}
    group by t.value`);
  const byArea = new Map(rows.map((r) => [r.area, r]));
  return PRACTICE_AREAS.map((area) => {
    const row = byArea.get(area);
    const owners = row?.owners ? (JSON.parse(row.owners) as ({ handle: string; name: string } | null)[]).filter((o) => o !== null) : [];
    return {
      area,
      cardCount: row?.cards ?? 0,
      owners: owners.sort((a, b) => a.name.localeCompare(b.name)),
      unownedCards: row?.unowned ?? 0,
    };
  });
}

export async function cardVersionList(db: Database, tenantId: string, id: string): Promise<CardVersion[]> {
  const rows = await db
    .select({ version: cardVersions.version, at: cardVersions.createdAt, by: cardVersions.byName, note: cardVersions.note })
    .from(cardVersions)
    .where(and(eq(cardVersions.tenantId, tenantId), eq(cardVersions.cardId, id)))
    .orderBy(desc(cardVersions.version));
  if (rows.length === 0) throw notFound('not_found.card', { id });
  return rows.map((r) => ({ version: r.version, at: isoTime(r.at), by: r.by, note: r.note }));
}

export async function cardVersionDetail(db: Database, tenantId: string, id: string, version: number): Promise<CardVersionDetail> {
  const [row] = await db
    .select({
      v: cardVersions,
      ownerHandle: sql<
        string | null
      >`(select ${qualified(users.handle)} from ${users} where ${qualified(users.id)} = ${qualified(cardVersions.ownerId)})`,
      ownerName: sql<
        string | null
      >`(select ${qualified(users.name)} from ${users} where ${qualified(users.id)} = ${qualified(cardVersions.ownerId)})`,
    })
    .from(cardVersions)
    .where(and(eq(cardVersions.tenantId, tenantId), eq(cardVersions.cardId, id), eq(cardVersions.version, version)));
  if (!row) throw notFound('not_found.card_version', { id, version });
  const v = row.v;
  return {
    version: v.version,
    at: isoTime(v.createdAt),
    by: v.byName,
    note: v.note,
    title: v.title,
    summary: v.summary,
    fields: v.fields,
    tags: v.tags,
    maturityLevel: v.maturityLevel as MaturityLevel | null,
    owner: row.ownerHandle && row.ownerName ? { handle: row.ownerHandle, name: row.ownerName } : null,
    reviewBy: v.reviewBy,
  };
}

/** What two states of a card's content differ in: its own properties first, then the fields in template order. */
export interface CardContent {
  title: string;
  summary: string;
  tags: PracticeArea[];
  maturityLevel: MaturityLevel | null;
  ownerName: string | null;
  reviewBy: string | null;
  fields: Record<string, FieldValue>;
}

export function contentChanges(template: CardTemplate, a: CardContent, b: CardContent): CardDiff['changes'] {
  const own: CardDiff['changes'] = [];
  const compare = (path: string, label: string, before: FieldValue | null, after: FieldValue | null) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    own.push({ path, label, change: before === null ? 'added' : after === null ? 'removed' : 'changed', before, after });
  };
  compare('title', 'Title', a.title, b.title);
  compare('summary', 'Summary', a.summary || null, b.summary || null);
  compare('tags', 'Practice areas', a.tags.length ? a.tags : null, b.tags.length ? b.tags : null);
  compare('maturityLevel', 'Maturity level', a.maturityLevel, b.maturityLevel);
  compare('owner', 'Owner', a.ownerName, b.ownerName);
  compare('reviewBy', 'Review by', a.reviewBy, b.reviewBy);
  return [...own, ...diffFields(template, a.fields, b.fields)];
}

/** Field-level changes from version `from` to version `to`, the card's own properties first. */
export async function cardDiff(
  db: Database,
  tenantId: string,
  id: string,
  template: CardTemplate,
  from: number,
  to: number,
): Promise<CardDiff> {
  const [a, b] = await Promise.all([cardVersionDetail(db, tenantId, id, from), cardVersionDetail(db, tenantId, id, to)]);
  const content = (v: CardVersionDetail): CardContent => ({ ...v, ownerName: v.owner?.name ?? null });
  return { from, to, changes: contentChanges(template, content(a), content(b)) };
}

/**
 * What the card links to (its link fields), what links to it (other cards; ideas whose status
 * points at it), the requests it answered and the ideas proposed from it, and its own thread.
 * Other cards only as the caller may read them (`cardReadableBy`).
 */
export async function cardLinksOf(db: Database, tenantId: string, viewer: Viewer | Actor, id: string): Promise<CardLinks> {
  const ownKey = `card:${id}`;
  const publishedIdeasWhere = (column: typeof ideas.answeredBy | typeof ideas.sourceCardId | typeof ideas.caseCardId) =>
    db
      .select({ id: ideas.id, title: ideas.title })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.state, 'published'), eq(column, id)))
      .orderBy(desc(ideas.createdAt), desc(ideas.id));
  const [outgoing, incoming, citingIdeas, ownThread, answered, sparked, caseFor] = await db.batch([
    db
      .select({ kind: cardLinks.toKind, id: cardLinks.toId })
      .from(cardLinks)
      .where(and(eq(cardLinks.tenantId, tenantId), eq(cardLinks.cardId, id))),
    db
      .selectDistinct({ id: cards.id, title: cards.title })
      .from(cardLinks)
      .innerJoin(cards, eq(cards.id, cardLinks.cardId))
      .where(
        and(
          eq(cardLinks.tenantId, tenantId),
          eq(cards.tenantId, tenantId),
          eq(cards.state, 'published'),
          cardReadableBy(tenantId, viewer),
          eq(cardLinks.toKind, 'card'),
          eq(cardLinks.toId, id),
        ),
      ),
    // A deflected idea's status link may point at the card: it ends with /cards/<id>, or ?card=<id> (or &, #).
    db
      .select({ id: ideas.id, title: ideas.title })
      .from(ideas)
      .where(
        and(
          eq(ideas.tenantId, tenantId),
          eq(ideas.state, 'published'),
          or(
            ...[`/cards/${id}`, `?card=${id}`, `&card=${id}`, `#card=${id}`].map(
              (end) => sql`substr(${qualified(ideas.statusLink)}, ${-end.length}) = ${end}`,
            ),
          ),
        ),
      ),
    db
      .select({ id: threads.id, key: threads.key, title: threads.title, commentCount: threads.commentCount })
      .from(threads)
      .where(and(eq(threads.tenantId, tenantId), eq(threads.key, ownKey))),
    publishedIdeasWhere(ideas.answeredBy),
    publishedIdeasWhere(ideas.sourceCardId),
    // The idea whose approval made this business case (store/intake.ts).
    publishedIdeasWhere(ideas.caseCardId),
  ]);
  const ids = (kind: LinkKind) => [...new Set(outgoing.filter((l) => l.kind === kind).map((l) => l.id))];
  const none = ['\u0000'];
  const [linkedCards, linkedIdeas, linkedThreads] = await db.batch([
    db
      .select({ id: cards.id, title: cards.title })
      .from(cards)
      .where(
        and(
          eq(cards.tenantId, tenantId),
          eq(cards.state, 'published'),
          cardReadableBy(tenantId, viewer),
          inArray(cards.id, ids('card').length ? ids('card') : none),
        ),
      ),
    db
      .select({ id: ideas.id, title: ideas.title })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.state, 'published'), inArray(ideas.id, ids('idea').length ? ids('idea') : none))),
    db
      .select({ id: threads.id, key: threads.key, title: threads.title, commentCount: threads.commentCount })
      .from(threads)
      .where(and(eq(threads.tenantId, tenantId), inArray(threads.id, ids('thread').length ? ids('thread') : none))),
  ]);
  return {
    ideas: [
      ...linkedIdeas.map((i) => ({ ...i, direction: 'cites' as const })),
      ...citingIdeas.map((i) => ({ ...i, direction: 'cited-by' as const })),
      ...answered.map((i) => ({ ...i, direction: 'answers' as const })),
      ...sparked.map((i) => ({ ...i, direction: 'sparked' as const })),
      ...caseFor.map((i) => ({ ...i, direction: 'case-for' as const })),
    ],
    threads: [
      ...ownThread.map((t) => ({ ...t, direction: 'own' as const })),
      ...linkedThreads.map((t) => ({ ...t, direction: 'cites' as const })),
    ],
    cards: [
      ...linkedCards.map((c) => ({ ...c, direction: 'cites' as const })),
      ...incoming.map((c) => ({ ...c, direction: 'cited-by' as const })),
    ],
  };
}
