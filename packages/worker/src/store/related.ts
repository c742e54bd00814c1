/**
 * Related content of an idea, a card or a thread: the items its stored links name first, then
 * the items of the two other kinds whose text is most like its own (full-text, as one search
 * ranks). At most two round trips of two statements each, whatever the data: the item with its
 * explicit links, then one similarity statement per other kind — not needed when the links fill
 * the answer.
 *
 * Only what every reader may see, of the caller's tenant: published ideas (not merged away),
 * published cards everyone may read (`cardPublic`; obsolete ones only through an explicit link:
 * as a suggestion they are a dead end) and threads a reader is shown (`threadShown`). The item
 * itself may be a card the caller alone may read (a unit's stakeholder map, for its team). Never the item itself, nor its own
 * discussion (`idea:<id>`, `card:<id>`) or, for such a discussion, the item it belongs to. So
 * the answer is the same for every reader who may see the item (`readableCard` for a card).
 */
import type { RelatedItem, RelatedKind, Relation } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { cardPublic, cardReadableBy } from './card-rows.ts';
import { discussionOf } from './item-threads.ts';
import { matchQuery } from './search.ts';
import { mergeRanked, named, threadShown, threadTitle } from './search-results.ts';

/** Who wins a tie of similarity: as in one search, the curated answer first. */
const KIND_ORDER: readonly RelatedKind[] = ['card', 'idea', 'thread'];

const linkColumns = {
  kind: sql<RelatedKind>`x.kind`,
  id: sql<string>`x.id`,
  title: sql<string | null>`x.title`,
  relation: sql<Relation>`x.relation`,
  key: sql<string | null>`x.key`,
  url: sql<string | null>`x.url`,
};

/** Comments that best match an item's text, from which similar threads are drawn. */
const COMMENT_CANDIDATES = 500;

const IDEA_SHOWN = sql`i.state = 'published' and i.merged_into is null`;

/** A link row: `kind, id, title, relation, key, url, prio` (ideas and cards have no key or url). */
const item = (kind: RelatedKind, relation: Relation, prio: number, title: SQL, key: SQL = sql`null`, url: SQL = sql`null`) =>
  sql`select ${kind} as kind, ${title} as title, ${relation} as relation, ${key} as key, ${url} as url, ${prio} as prio`;

/**
 * The first links, by kind of link, then title. An item is linked to another in at most three
 * ways (a card may answer an idea, have sparked it and cite it), so `limit` items need at most
 * three times as many rows.
 */
const links = (db: Database, union: SQL, limit: number) =>
  db
    .select(named(linkColumns))
    .from(sql`(${union}) x`)
    .orderBy(sql`x.prio`, sql`x.title`, sql`x.id`)
    .limit(limit * 3);

/** The item as a reader may see it: its title, its own text to compare others with, and a thread's key. */
const self = (db: Database, title: SQL<string | null>, text: SQL<string | null>, key: SQL<string | null>, from: SQL, where: SQL) =>
  db.select(named({ title, text, key })).from(from).where(where);

/** The item's own text and the explicit links, both ways, of each kind. */
function ownStatements(db: Database, tenantId: string, viewer: Viewer | Actor, kind: RelatedKind, id: string, limit: number) {
  const T = tenantId;
  switch (kind) {
    case 'idea':
      return [
        self(
          db,
          sql`i.title`,
          sql`i.title || ' ' || i.description`,
          sql`null`,
          sql`ideas i`,
          sql`i.tenant_id = ${T} and i.id = ${id} and i.state = 'published'`,
        ),
        links(
          db,
          sql`${item('card', 'answered-by', 0, sql`c.title`)}, c.id as id
            from ideas i join cards c on c.tenant_id = ${T} and c.id = i.answered_by
            where i.tenant_id = ${T} and i.id = ${id} and ${cardPublic('c')}
          union all ${item('card', 'proposed-from', 1, sql`c.title`)}, c.id as id
            from ideas i join cards c on c.tenant_id = ${T} and c.id = i.source_card_id
            where i.tenant_id = ${T} and i.id = ${id} and ${cardPublic('c')}
          union all ${item('card', 'cited-by', 3, sql`c.title`)}, c.id as id
            from card_links l join cards c on c.id = l.card_id
            where l.tenant_id = ${T} and l.to_kind = 'idea' and l.to_id = ${id} and c.tenant_id = ${T} and ${cardPublic('c')}`,
          limit,
        ),
      ] as const;
    case 'card':
      return [
        self(
          db,
          sql`c.title`,
          sql`c.title || ' ' || c.summary`,
          sql`null`,
          sql`cards c`,
          sql`c.tenant_id = ${T} and c.id = ${id} and c.state = 'published' and ${cardReadableBy(T, viewer, 'c')}`,
        ),
        links(
          db,
          // Four terms at most: D1 allows no more in one compound SELECT.
          sql`${item('idea', 'answers', 0, sql`i.title`)}, i.id as id
            from ideas i where i.tenant_id = ${T} and i.answered_by = ${id} and ${IDEA_SHOWN}
          union all ${item('idea', 'sparked', 1, sql`i.title`)}, i.id as id
            from ideas i where i.tenant_id = ${T} and i.source_card_id = ${id} and ${IDEA_SHOWN}
          union all ${item('thread', 'promoted-from', 2, threadTitle(T, 't'), sql`t.key`, sql`t.url`)}, t.id as id
            from cards c join threads t on t.tenant_id = ${T} and t.id = c.source_thread_id
            where c.tenant_id = ${T} and c.id = ${id} and ${threadShown(T, 't')}
          union all select l.to_kind as kind, coalesce(i.title, ${threadTitle(T, 't')}, c.title) as title, 'cites' as relation,
              t.key as key, t.url as url, 3 as prio, l.to_id as id
            from card_links l
              left join ideas i on l.to_kind = 'idea' and i.tenant_id = ${T} and i.id = l.to_id and ${IDEA_SHOWN}
              left join threads t on l.to_kind = 'thread' and t.tenant_id = ${T} and t.id = l.to_id and ${threadShown(T, 't')}
              left join cards c on l.to_kind = 'card' and c.tenant_id = ${T} and c.id = l.to_id and ${cardPublic('c')} and c.id <> ${id}
            where l.tenant_id = ${T} and l.card_id = ${id} and coalesce(i.id, t.id, c.id) is not null
          union all ${item('card', 'cited-by', 4, sql`c.title`)}, c.id as id
            from card_links l join cards c on c.id = l.card_id
            where l.tenant_id = ${T} and l.to_kind = 'card' and l.to_id = ${id} and c.tenant_id = ${T} and ${cardPublic('c')} and c.id <> ${id}`,
          limit,
        ),
      ] as const;
    case 'thread':
      return [
        // Its text: the title and the first published comment, the story the thread is about.
        self(
          db,
          threadTitle(T, 't'),
          sql`coalesce(${threadTitle(T, 't')}, '') || ' ' || coalesce((select c.body from comments c
            where c.tenant_id = ${T} and c.thread_id = t.id and c.state = 'published' order by c.created_at, c.id limit 1), '')`,
          sql`t.key`,
          sql`threads t`,
          sql`t.tenant_id = ${T} and t.id = ${id} and ${threadShown(T, 't')}`,
        ),
        links(
          db,
          sql`${item('card', 'promoted-to', 2, sql`c.title`)}, c.id as id
            from cards c where c.tenant_id = ${T} and c.source_thread_id = ${id} and ${cardPublic('c')}
          union all ${item('card', 'cited-by', 4, sql`c.title`)}, c.id as id
            from card_links l join cards c on c.id = l.card_id
            where l.tenant_id = ${T} and l.to_kind = 'thread' and l.to_id = ${id} and c.tenant_id = ${T} and ${cardPublic('c')}`,
          limit,
        ),
      ] as const;
  }
}

const similarColumns = (id: SQL<string>, title: SQL<string | null>, key: SQL<string | null>, url: SQL<string | null>, rank: SQL<number>) =>
  named({ id, title, key, url, bm25_rank: rank });

/** The statement finding the items of `kind` most like the words of `match`, leaving out `ids` (and threads keyed `keys`). */
function similarStatement(db: Database, tenantId: string, kind: RelatedKind, match: string, ids: string[], keys: string[], limit: number) {
  const T = tenantId;
  const excluded = JSON.stringify(ids);
  switch (kind) {
    case 'idea':
      return db
        .select(similarColumns(sql`i.id`, sql`i.title`, sql`null`, sql`null`, sql`bm25(ideas_fts, 0, 0, 0, 4.0, 1.0)`))
        .from(sql`ideas_fts f join ideas i on i.id = f.idea_id`)
        .where(
          sql`ideas_fts match ${match} and f.tenant_id = ${T} and i.tenant_id = ${T} and ${IDEA_SHOWN}
            and i.id not in (select value from json_each(${excluded}))`,
        )
        .orderBy(sql`bm25_rank`, sql`i.id`)
        .limit(limit);
    case 'card':
      return db
        .select(similarColumns(sql`c.id`, sql`c.title`, sql`null`, sql`null`, sql`bm25(cards_fts, 0, 0, 8.0, 4.0, 1.0)`))
        .from(sql`cards_fts f join cards c on c.id = f.card_id`)
        .where(
          sql`cards_fts match ${match} and f.tenant_id = ${T} and c.tenant_id = ${T} and ${cardPublic('c')}
            and c.obsolete_at is null and c.id not in (select value from json_each(${excluded}))`,
        )
        .orderBy(sql`bm25_rank`, sql`c.id`)
        .limit(limit);
    case 'thread':
      // A thread is as like the text as its best comment among the best COMMENT_CANDIDATES (the
      // subquery's limit also keeps bm25 in the scan of the index, where FTS5 can compute it).
      return db
        .select(similarColumns(sql`t.id`, threadTitle(T, 't'), sql`t.key`, sql`t.url`, sql`min(m.r)`))
        .from(
          sql`(select c.thread_id, bm25(comments_fts, 0, 0, 0, 1.0) as r
            from comments_fts f join comments c on c.id = f.comment_id
            where comments_fts match ${match} and f.tenant_id = ${T} and c.tenant_id = ${T} and c.state = 'published'
            order by r limit ${COMMENT_CANDIDATES}) m
          join threads t on t.id = m.thread_id`,
        )
        .where(
          sql`t.tenant_id = ${T} and ${threadShown(T, 't')}
            and t.id not in (select value from json_each(${excluded}))
            and t.key not in (select value from json_each(${JSON.stringify(keys)}))`,
        )
        .groupBy(sql`t.id`)
        .orderBy(sql`bm25_rank`, sql`t.id`)
        .limit(limit);
  }
}

const NOT_FOUND = { idea: 'not_found.idea', card: 'not_found.card', thread: 'not_found.thread' } as const;

/**
 * One row when the viewer may read the published card `id`, none otherwise: what makes related
 * content computed for a reader of every card (the route's shared answer) theirs, or a 404.
 *
 * @example
 * const rows = await readableCard(db, tenant.id, viewer, 'card-1');
 */
export function readableCard(db: Database, tenantId: string, viewer: Viewer | Actor, id: string) {
  return db
    .select(named({ id: sql<string>`c.id` }))
    .from(sql`cards c`)
    .where(sql`c.tenant_id = ${tenantId} and c.id = ${id} and c.state = 'published' and ${cardReadableBy(tenantId, viewer, 'c')}`);
}

/** The 404 of related content for an item the caller may not see. */
export const relatedNotFound = (kind: RelatedKind, id: string) => notFound(NOT_FOUND[kind], { id });

function toItem(
  kind: RelatedKind,
  id: string,
  title: string | null,
  relation: Relation,
  key: string | null,
  url: string | null,
): RelatedItem {
  if (kind !== 'thread') return { kind, id, title: title ?? id, relation };
  const threadKey = key ?? id;
  return { kind, id, title: title ?? url ?? threadKey, relation, thread: { key: threadKey, url } };
}

/**
 * Up to `limit` items related to the idea, card or thread `id`: explicit links first (by kind of
 * link), then the most similar items of the other two kinds. 404 when the item is not one a
 * reader may see.
 */
export async function relatedTo(
  db: Database,
  tenantId: string,
  viewer: Viewer | Actor,
  kind: RelatedKind,
  id: string,
  limit: number,
): Promise<RelatedItem[]> {
  const [selfRows, linkRows] = await db.batch(ownStatements(db, tenantId, viewer, kind, id, limit));
  const self = selfRows[0];
  if (!self) throw notFound(NOT_FOUND[kind], { id });

  const items: RelatedItem[] = [];
  const seen = new Set<string>([`${kind}:${id}`]);
  // An idea's or card's own discussion, and the idea or card a discussion belongs to, are the item itself.
  const ownKeys = kind === 'thread' ? [] : [`${kind}:${id}`];
  const owner = kind === 'thread' && self.key ? discussionOf(self.key) : null;
  if (owner) seen.add(`${owner.kind}:${owner.id}`);
  for (const r of linkRows) {
    if (seen.has(`${r.kind}:${r.id}`) || (r.kind === 'thread' && r.key !== null && ownKeys.includes(r.key))) continue;
    seen.add(`${r.kind}:${r.id}`);
    items.push(toItem(r.kind, r.id, r.title, r.relation, r.key, r.url));
  }
  if (items.length >= limit) return items.slice(0, limit);

  const match = matchQuery(self.text ?? '');
  if (!match) return items;
  const others = KIND_ORDER.filter((k) => k !== kind) as [RelatedKind, RelatedKind];
  const excluded = (k: RelatedKind) => [...seen].filter((s) => s.startsWith(`${k}:`)).map((s) => s.slice(k.length + 1));
  const room = limit - items.length;
  const [first, second] = await db.batch([
    similarStatement(db, tenantId, others[0], match, excluded(others[0]), ownKeys, room),
    similarStatement(db, tenantId, others[1], match, excluded(others[1]), ownKeys, room),
  ]);
  const ranked = [first, second].map((rows, i) =>
    rows.map((r) => ({ kind: others[i] as RelatedKind, rank: r.bm25_rank, factor: 1, item: r })),
  );
  for (const h of mergeRanked(ranked, KIND_ORDER, room))
    items.push(toItem(h.kind, h.item.id, h.item.title, 'similar', h.item.key, h.item.url));
  return items;
}
