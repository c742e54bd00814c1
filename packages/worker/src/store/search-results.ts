/**
 * What one search and related content share: FTS5 snippets turned into plain text with mark
 * offsets, one list ranked from the hits of several full-text tables, and which discussion
 * threads a reader may be shown.
 */
import type { Snippet } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import { cardPublic } from './card-rows.ts';

/*
 * The markers `snippet()` puts around each match. Control characters, which the text rules
 * (@bridgekit/sdk/text-rules) refuse in everything people write: a marker in a snippet can only
 * be FTS5's, never one typed into a comment to fake a highlight.
 */
const OPEN = '\u0002';
const CLOSE = '\u0003';

/** Tokens of context `snippet()` returns around the matches. */
const SNIPPET_TOKENS = 20;
/** Longest snippet text, in UTF-16 code units (a long URL is one token). */
export const SNIPPET_MAX = 280;

/**
 * `snippet()` of one column of an FTS5 table, with this module's markers.
 *
 * @example
 * sql`select ${snippetOf('comments_fts', 3)} as snippet from comments_fts where comments_fts match ${q}`;
 */
export function snippetOf(table: 'ideas_fts' | 'cards_fts' | 'comments_fts', column: number): SQL<string | null> {
  return sql<
    string | null
  >`snippet(${sql.raw(table)}, ${sql.raw(String(column))}, ${OPEN}, ${CLOSE}, '…', ${sql.raw(String(SNIPPET_TOKENS))})`;
}

/**
 * Select fields named after their keys. D1 answers a batch's rows as objects, by column name:
 * two unnamed columns of the same name (`c.id`, `t.id`) would overwrite each other.
 *
 * @example
 * db.select(named({ id: sql<string>`c.id`, thread: sql<string>`t.id` })).from(sql`comments c join threads t on t.id = c.thread_id`);
 */
export function named<T extends Record<string, SQL<unknown>>>(fields: T): { [K in keyof T]: SQL.Aliased<T[K]['_']['type']> } {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.as(key)])) as {
    [K in keyof T]: SQL.Aliased<T[K]['_']['type']>;
  };
}

const WHITESPACE = /\s/u;

/**
 * A snippet as plain text with `[start, end)` offsets of its marks (UTF-16 code units, as JavaScript
 * strings count): markers removed, runs of white space (line breaks of Markdown) made one space,
 * and cut at `max` without splitting a surrogate pair. An unmatched marker is dropped.
 *
 * @example
 * toSnippet('…the \u0002invoice\u0003 run'); // { text: '…the invoice run', marks: [[5, 12]] }
 */
export function toSnippet(raw: string, max = SNIPPET_MAX): Snippet {
  let text = '';
  const marks: [number, number][] = [];
  let open = -1;
  for (const ch of raw) {
    if (ch === OPEN) {
      open = text.length;
    } else if (ch === CLOSE) {
      if (open >= 0 && text.length > open) marks.push([open, text.length]);
      open = -1;
    } else if (WHITESPACE.test(ch)) {
      if (text !== '' && !text.endsWith(' ')) text += ' ';
    } else {
      text += ch;
    }
  }
  text = text.trimEnd();
  if (text.length <= max) return { text, marks: clip(marks, text.length) };
  let end = max - 1;
  // Not between the two halves of a surrogate pair (an emoji, a rare CJK character).
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  const cut = `${text.slice(0, end).trimEnd()}…`;
  return { text: cut, marks: clip(marks, cut.length - 1) };
}

/** The marks within the first `length` code units, cut at that length. */
const clip = (marks: [number, number][], length: number) =>
  marks.filter(([start]) => start < length).map(([start, end]): [number, number] => [start, Math.min(end, length)]);

/**
 * The snippet to show, of a hit's snippets (its text columns', then its title's): the first with
 * a match — the title's only when nothing else has one, as it is shown anyway — else the first
 * that is not empty.
 */
export function pickSnippet(snippets: Snippet[]): Snippet {
  return snippets.find((s) => s.marks.length > 0) ?? snippets.find((s) => s.text !== '') ?? { text: '', marks: [] };
}

/** A hit of one kind: its bm25 rank (negative, lower is better) and a factor in (0, 1] that lowers it. */
export interface Ranked<K extends string, T> {
  kind: K;
  rank: number;
  factor: number;
  item: T;
}

/**
 * One list, best first, from each kind's hits (each list in its own rank order).
 *
 * bm25 scores of different FTS5 tables cannot be compared as they are: each table has its own
 * word statistics (a word rare among comments is common among ideas), its own column weights
 * and document lengths. So each hit is scored relative to the best hit of its own kind
 * (`rank / best`, in (0, 1]; 1 is the best this kind has for the query) and the lists are
 * interleaved by that score: the best card, the best idea and the best discussion all come near
 * the top. That alone would put a kind's best hit first even when it matches one word of four;
 * `factor` corrects it with what is comparable across kinds — the share of the query's words a
 * hit has (`wordsFound`) — and lowers some hits further (an obsolete card). Ties go to the order
 * of `kinds`.
 *
 * @example
 * mergeRanked([ideaHits, cardHits], ['card', 'idea'], 20);
 */
export function mergeRanked<K extends string, T>(lists: Ranked<K, T>[][], kinds: readonly K[], limit: number): Ranked<K, T>[] {
  const scored = lists.flatMap((list) => {
    const best = Math.min(...list.map((h) => h.rank));
    return list.map((h, position) => ({ h, position, score: (best < 0 ? Math.min(1, h.rank / best) : 1) * h.factor }));
  });
  scored.sort((a, b) => b.score - a.score || kinds.indexOf(a.h.kind) - kinds.indexOf(b.h.kind) || a.position - b.position);
  return scored.slice(0, limit).map((s) => s.h);
}

/** The words an FTS5 query of `matchQuery` (store/search.ts) looks for: its quoted terms. */
export function queryWords(match: string): string[] {
  return [...new Set([...match.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string))];
}

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The share of `words` the marks of a hit's snippets show, in (0, 1]. Each mark is a word FTS5
 * matched — the same word, a word it begins (typed on), or one of the same stem ("automating" for
 * "automate") — so it is counted for the query word it shares the longest beginning with.
 *
 * @example
 * wordsFound(['supplier', 'portal'], [toSnippet('\u0002Suppliers\u0003 juggle passwords')]); // 0.5
 */
export function wordsFound(words: string[], snippets: Snippet[]): number {
  if (words.length === 0) return 1;
  const found = new Set<string>();
  for (const { text, marks } of snippets) {
    for (const [start, end] of marks) {
      const marked = text.slice(start, end).toLowerCase();
      let best: string | undefined;
      let length = 0;
      for (const word of words) {
        const shared = commonPrefix(word, marked);
        if (shared > length) [best, length] = [word, shared];
      }
      if (best) found.add(best);
    }
  }
  return Math.max(found.size, 1) / words.length;
}

/** How much lower an obsolete card ranks than a current one that matches as well. */
export const OBSOLETE_FACTOR = 0.5;

/**
 * Whether a reader may be shown the thread `t` (an alias of `threads`): it has a published
 * comment, and when it is an idea's or a card's own discussion (`idea:<id>`, `card:<id>`), that
 * idea is published, or that card everyone may read (`cardPublic`) — a held idea's discussion is
 * as private as the idea, a unit's card's as the card. With `cards` (a search answered to one
 * reader, or to a class of readers who see the same cards), a published card it lets through,
 * given the alias of `cards` (e.g. `cardVisibleTo` for one reader).
 */
export function threadShown(tenantId: string, t: string, cards?: (alias: string) => SQL): SQL {
  const a = sql.raw(t);
  const cardShown = cards ? sql`oc.state = 'published' and ${cards('oc')}` : cardPublic('oc');
  return sql`(${a}.comment_count > 0 and case substr(${a}.key, 1, 5)
    when 'idea:' then exists (select 1 from ideas oi where oi.tenant_id = ${tenantId} and oi.id = substr(${a}.key, 6) and oi.state = 'published')
    when 'card:' then exists (select 1 from cards oc where oc.tenant_id = ${tenantId} and oc.id = substr(${a}.key, 6) and ${cardShown})
    else 1 end)`;
}

/** The thread's title, or else the title of the idea or card whose discussion it is. */
export function threadTitle(tenantId: string, t: string): SQL<string | null> {
  const a = sql.raw(t);
  return sql<string | null>`coalesce(${a}.title, case substr(${a}.key, 1, 5)
    when 'idea:' then (select oi.title from ideas oi where oi.tenant_id = ${tenantId} and oi.id = substr(${a}.key, 6))
    when 'card:' then (select oc.title from cards oc where oc.tenant_id = ${tenantId} and oc.id = substr(${a}.key, 6))
    end)`;
}
