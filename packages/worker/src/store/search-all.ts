/**
 * One search across ideas, discussion comments and practice cards: one round trip of four
 * statements — a page of each kind, ranked with bm25, and the counts (each stops at 100) — merged
 * into one list (`mergeRanked`), each hit with a plain-text snippet and its marks.
 *
 * Only what the reader may see is found: published ideas that were not merged away, published
 * cards the reader may read (`cardVisibleTo`, as the library: a unit's cards for its team, CIOs and
 * admins) — obsolete ones too, marked `freshness: "obsolete"` and ranked lower, since "we stopped
 * doing that" is worth finding — and published comments of threads a reader is shown
 * (`threadShown`: an idea's or card's discussion only while that idea or card is published, and
 * a card's only to those who read the card).
 * Held and rejected items are not found, not even by their authors: a search result is a link
 * others could follow.
 *
 * So what a reader finds depends only on the cards they see: readers of one visibility class
 * ({@link SearchClass}, read by {@link searchClassOf}) find the same, and routes/search.ts shares
 * one answer among them.
 */
import type { PracticeArea, SearchHit, SearchKind, SearchResults, StatusCategory } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer.ts';
import { findBuiltInTemplate } from '../cards/templates/index.ts';
import type { Database } from '../db/client.ts';
import type { StatusDefinition } from '../db/schema.ts';
import { DEFAULT_STATUSES, findStatus, withBuiltInTranslations } from '../domain/statuses.ts';
import { isoTime } from '../lib/time.ts';
import { cardVisibleTo, freshnessOf, isAdmin } from './card-rows.ts';
import { matchQuery } from './search.ts';
import {
  mergeRanked,
  named,
  OBSOLETE_FACTOR,
  pickSnippet,
  queryWords,
  type Ranked,
  snippetOf,
  threadShown,
  threadTitle,
  toSnippet,
  wordsFound,
} from './search-results.ts';
import { readsUnit, seesEveryUnit } from './unit-access.ts';
import { viewerUserId } from './users.ts';

export interface SearchInput {
  q: string;
  kinds: readonly SearchKind[];
  /** Ideas of this board only. */
  board?: string | undefined;
  /** Cards with this practice area only. */
  area?: PracticeArea | undefined;
  /** Ideas in this status category only. */
  status?: StatusCategory | undefined;
  /** `YYYY-MM-DD`: changed on or after this day (UTC). */
  since?: string | undefined;
  limit: number;
}

/** `counts` stop here: "100+" is all a reader needs to know. */
export const COUNT_CAP = 100;
/** Who wins a tie of scores: the curated answer first, then the request, then the conversation. */
const KIND_ORDER: readonly SearchKind[] = ['card', 'idea', 'comment'];

const when = (condition: boolean, fragment: () => SQL) => (condition ? fragment() : sql``);

/**
 * Who sees the same cards, and so finds the same: `all`, every published card (admins); `every`,
 * every unit's cards but no private ones (CIOs); a list of unit ids, the cards of the units whose
 * relationship team they are on (none: what everyone sees); `own`, someone who sees cards of
 * their own no class covers (an owner or author of a unit's or a private card) — a class of one.
 */
export type SearchClass = 'all' | 'every' | 'own' | readonly string[];

/** A class as {@link searchClassOf} answers it, and as a cache key names it. */
export const classKey = (c: SearchClass): string => (typeof c === 'string' ? c : JSON.stringify(c));
export const parseClass = (key: string): SearchClass =>
  key === 'all' || key === 'every' || key === 'own' ? key : (JSON.parse(key) as string[]);

/**
 * The viewer's {@link SearchClass} as {@link classKey} writes it, one row (read off the tenant's,
 * which always exists): through the indexes on a card's owner and author, and on a person's teams.
 *
 * @example
 * const [[{ class: key }]] = await db.batch([searchClassOf(db, tenant.id, viewer)]);
 */
export function searchClassOf(db: Database, tenantId: string, viewer: Viewer) {
  const me = viewerUserId(tenantId, viewer);
  // A published card of theirs that is not for everyone and that they do not read through a unit.
  const unseen = sql`oc.state = 'published' and oc.visibility <> 'everyone'
    and not (oc.visibility = 'unit' and ${readsUnit(tenantId, viewer, sql`oc.unit_id`)})`;
  return db
    .select(
      named({
        class: sql<string>`case
          when ${isAdmin(tenantId, viewer)} then 'all'
          when exists (select 1 from cards oc where oc.tenant_id = ${tenantId} and oc.owner_id = ${me} and ${unseen})
            or exists (select 1 from cards oc where oc.author_id = ${me} and oc.tenant_id = ${tenantId} and ${unseen}) then 'own'
          when ${seesEveryUnit(tenantId, viewer)} then 'every'
          else (select json_group_array(p.unit_id) from (select distinct tp.unit_id from business_unit_people tp
            where tp.tenant_id = ${tenantId} and tp.user_id = ${me} order by tp.unit_id) p)
          end`,
      }),
    )
    .from(sql`tenants t`)
    .where(sql`t.id = ${tenantId}`);
}

/** The published cards (alias `a`) a class sees. */
function classCards(c: Exclude<SearchClass, 'own'>, a: string): SQL {
  const column = (name: string) => sql`${sql.identifier(a)}.${sql.identifier(name)}`;
  if (c === 'all') return sql`1`;
  if (c === 'every') return sql`${column('visibility')} in ('everyone', 'unit')`;
  return sql`(${column('visibility')} = 'everyone' or (${column('visibility')} = 'unit'
    and ${column('unit_id')} in (select value from json_each(${JSON.stringify(c)}))))`;
}

/** Whom a search is answered for: one reader, or every reader of a class (never `own`: that is one reader's). */
export type SearchReader = Viewer | { class: Exclude<SearchClass, 'own'> };

/**
 * One search as one batch, best first, with counts per kind; null when the words leave nothing
 * to search for (no hits, without asking D1).
 *
 * @example
 * const query = searchQuery(db, tenant.id, viewer, { q: 'invoice matching', kinds: ['idea', 'card', 'comment'], limit: 20 });
 * const results = query ? query.answer(await db.batch(query.statements)) : noHits();
 */
export function searchQuery(db: Database, tenantId: string, reader: SearchReader, input: SearchInput, now = Date.now()) {
  const match = matchQuery(input.q);
  if (!match) return null;
  const cardsSeen = (a: string) => ('class' in reader ? classCards(reader.class, a) : cardVisibleTo(tenantId, reader, a));
  const since = input.since ? Date.parse(`${input.since}T00:00:00Z`) : null;
  // A kind that is not asked for keeps its statement, with a constant false condition that SQLite
  // checks before reading anything: the same statements for every request.
  const asked = (kind: SearchKind) => sql.raw(input.kinds.includes(kind) ? '1' : '0');
  const { limit } = input;
  const ideaChanged = sql`max(i.created_at, coalesce(i.status_changed_at, 0))`;
  const commentChanged = sql`coalesce(c.edited_at, c.created_at)`;

  const ideaRank = sql<number>`bm25(ideas_fts, 0, 0, 0, 4.0, 1.0)`;
  const cardRank = sql<number>`bm25(cards_fts, 0, 0, 8.0, 4.0, 1.0)`;
  const commentRank = sql<number>`bm25(comments_fts, 0, 0, 0, 1.0)`;

  // Each kind's rows: the same FROM and WHERE for its ranked page and for its count.
  const ideasFound = {
    table: 'ideas_fts',
    order: sql`${ideaRank}, i.id`,
    from: sql`ideas_fts f join ideas i on i.id = f.idea_id join boards b on b.id = i.board_id`,
    where: sql`${asked('idea')} and ideas_fts match ${match} and f.tenant_id = ${tenantId}
      and i.tenant_id = ${tenantId} and b.tenant_id = ${tenantId} and i.state = 'published' and i.merged_into is null
      ${when(input.board !== undefined, () => sql`and b.slug = ${input.board}`)}
      ${when(input.status !== undefined, () => sql`and i.status_category = ${input.status}`)}
      ${when(since !== null, () => sql`and ${ideaChanged} >= ${since}`)}`,
  };
  const cardsFound = {
    table: 'cards_fts',
    order: sql`${cardRank} * (case when c.obsolete_at is null then 1.0 else ${OBSOLETE_FACTOR} end), c.id`,
    from: sql`cards_fts f join cards c on c.id = f.card_id`,
    where: sql`${asked('card')} and cards_fts match ${match} and f.tenant_id = ${tenantId}
      and c.tenant_id = ${tenantId} and c.state = 'published' and ${cardsSeen('c')}
      ${when(input.area !== undefined, () => sql`and exists (select 1 from json_each(c.tags) where value = ${input.area})`)}
      ${when(since !== null, () => sql`and c.updated_at >= ${since}`)}`,
  };
  const commentsFound = {
    table: 'comments_fts',
    order: sql`${commentRank}, c.id`,
    from: sql`comments_fts f join comments c on c.id = f.comment_id join threads t on t.id = c.thread_id
      join users u on u.id = c.author_id`,
    where: sql`${asked('comment')} and comments_fts match ${match} and f.tenant_id = ${tenantId}
      and c.tenant_id = ${tenantId} and t.tenant_id = ${tenantId} and c.state = 'published' and ${threadShown(tenantId, 't', cardsSeen)}
      ${when(since !== null, () => sql`and ${commentChanged} >= ${since}`)}`,
  };
  type Found = typeof ideasFound;
  // FTS5 computes snippet() for every row a statement reads, sorted away or not: each kind's page
  // is ranked over all its matches in a subquery without snippets, and only the page's rows are
  // read again, by rowid, for theirs.
  const onPage = (found: Found) =>
    sql`${sql.raw(found.table)} match ${match} and f.rowid in (select f.rowid from ${found.from} where ${found.where} order by ${found.order} limit ${limit})`;
  const countOf = (found: Found) =>
    sql<number>`(select count(*) from (select 1 from ${found.from} where ${found.where} limit ${COUNT_CAP}))`;

  const statements = [
    db
      .select(
        named({
          id: sql<string>`i.id`,
          title: sql<string>`i.title`,
          status: sql<string>`i.status`,
          category: sql<StatusCategory>`i.status_category`,
          supporters: sql<number>`i.supporter_count`,
          board: sql<string>`b.slug`,
          statuses: sql<string | null>`b.statuses`,
          at: sql<number>`${ideaChanged}`,
          descriptionSnippet: snippetOf('ideas_fts', 4),
          titleSnippet: snippetOf('ideas_fts', 3),
          bm25_rank: ideaRank,
        }),
      )
      .from(ideasFound.from)
      .where(onPage(ideasFound))
      .orderBy(sql`bm25_rank`, sql`i.id`)
      .limit(limit),
    db
      .select(
        named({
          id: sql<string>`c.id`,
          title: sql<string>`c.title`,
          templateId: sql<string>`c.template_id`,
          templateName: sql<
            string | null
          >`(select ct.name from card_templates ct where ct.tenant_id = ${tenantId} and ct.id = c.template_id)`,
          tags: sql<string>`c.tags`,
          reviewBy: sql<string | null>`c.review_by`,
          obsolete: sql<number>`c.obsolete_at is not null`,
          at: sql<number>`c.updated_at`,
          summarySnippet: snippetOf('cards_fts', 3),
          bodySnippet: snippetOf('cards_fts', 4),
          titleSnippet: snippetOf('cards_fts', 2),
          bm25_rank: cardRank,
        }),
      )
      .from(cardsFound.from)
      .where(onPage(cardsFound))
      .orderBy(sql`bm25_rank * (case when c.obsolete_at is null then 1.0 else ${OBSOLETE_FACTOR} end)`, sql`c.id`)
      .limit(limit),
    db
      .select(
        named({
          id: sql<string>`c.id`,
          author: sql<string>`u.name`,
          threadId: sql<string>`t.id`,
          threadKey: sql<string>`t.key`,
          threadUrl: sql<string | null>`t.url`,
          threadTitle: threadTitle(tenantId, 't'),
          at: sql<number>`${commentChanged}`,
          bodySnippet: snippetOf('comments_fts', 3),
          bm25_rank: commentRank,
        }),
      )
      .from(commentsFound.from)
      .where(onPage(commentsFound))
      .orderBy(sql`bm25_rank`, sql`c.id`)
      .limit(limit),
    // One row of counts.
    db.select(named({ idea: countOf(ideasFound), card: countOf(cardsFound), comment: countOf(commentsFound) })).from(sql`(select 1)`),
  ] as const;
  return {
    statements: [...statements],
    answer: (results: readonly unknown[]): SearchResults => {
      const [ideaRows, cardRows, commentRows, [found]] = results as { [K in keyof typeof statements]: Awaited<(typeof statements)[K]> };
      const counts: Record<SearchKind, number> = { idea: 0, comment: 0, card: 0 };
      if (found) Object.assign(counts, found);
      const words = queryWords(match);
      /** The hit's snippets (its text columns', then its title's) and the share of the words they show. */
      const snippets = (...raw: (string | null)[]) => {
        const all = raw.map((r) => toSnippet(r ?? ''));
        return { snippet: pickSnippet(all), found: wordsFound(words, all) };
      };
      const ideas = ideaRows.map((r): Ranked<SearchKind, SearchHit> => {
        const { snippet, found } = snippets(r.descriptionSnippet, r.titleSnippet);
        return {
          kind: 'idea',
          rank: r.bm25_rank,
          factor: found,
          item: {
            kind: 'idea',
            id: r.id,
            title: r.title,
            snippet,
            at: isoTime(r.at),
            board: r.board,
            status: statusOf(r.statuses, r.status, r.category),
            supporters: r.supporters,
          },
        };
      });
      const cards = cardRows.map((r): Ranked<SearchKind, SearchHit> => {
        const { snippet, found } = snippets(r.summarySnippet, r.bodySnippet, r.titleSnippet);
        return {
          kind: 'card',
          rank: r.bm25_rank,
          factor: found * (r.obsolete ? OBSOLETE_FACTOR : 1),
          item: {
            kind: 'card',
            id: r.id,
            title: r.title,
            snippet,
            at: isoTime(r.at),
            templateName: findBuiltInTemplate(r.templateId)?.name ?? r.templateName ?? r.templateId,
            tags: JSON.parse(r.tags) as PracticeArea[],
            freshness: freshnessOf(r.reviewBy, Boolean(r.obsolete), now),
          },
        };
      });
      const comments = commentRows.map((r): Ranked<SearchKind, SearchHit> => {
        const { snippet, found } = snippets(r.bodySnippet);
        return {
          kind: 'comment',
          rank: r.bm25_rank,
          factor: found,
          item: {
            kind: 'comment',
            id: r.id,
            title: r.threadTitle ?? r.threadUrl ?? r.threadKey,
            snippet,
            at: isoTime(r.at),
            thread: { id: r.threadId, key: r.threadKey, title: r.threadTitle, url: r.threadUrl },
            author: r.author,
          },
        };
      });
      return { hits: mergeRanked([ideas, cards, comments], KIND_ORDER, limit).map((h) => h.item), counts };
    },
  };
}

/** The answer to words that leave nothing to search for. */
export const noHits = (): SearchResults => ({ hits: [], counts: { idea: 0, comment: 0, card: 0 } });

/** An idea's status as its board names it (Bridgekit's translations for the built-in ones). */
export function statusOf(statuses: string | null, key: string, category: StatusCategory) {
  const found = findStatus(statuses ? (JSON.parse(statuses) as StatusDefinition[]) : DEFAULT_STATUSES, key);
  const status = found && withBuiltInTranslations(found);
  return {
    key,
    label: status?.label ?? key,
    ...(status?.translations ? { translations: status.translations } : {}),
    category,
  };
}
