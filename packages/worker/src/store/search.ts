/**
 * Duplicate suggestions: the published ideas of a board whose title or description match the
 * words being typed (held and rejected ones are nobody else's business), through SQLite FTS5 with Porter stemming ("automate invoice matching" finds
 * "Automating invoices…"). Closed ideas are included — that an idea was declined is worth
 * knowing before submitting it again, with why and the practice card that answered it — merged
 * duplicates are not.
 */
import type { SimilarIdea } from '@bridgekit/sdk';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { findStatus } from '../domain/statuses.ts';
import type { BoardRecord } from './boards.ts';
import { itemRef, publishedCardRef } from './item-refs.ts';

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'our', 'from', 'that', 'this', 'into', 'are', 'was', 'can', 'all', 'new']);

/**
 * An FTS5 query from free text, safe by construction: words only, each quoted, OR-ed, matched
 * both whole (stemmed) and as a prefix (a word still being typed). Null when nothing is left.
 */
export function matchQuery(text: string): string | null {
  const words = [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)))].slice(
    0,
    8,
  );
  if (words.length === 0) return null;
  return words.map((w) => `"${w}" OR "${w}"*`).join(' OR ');
}

interface Row {
  id: string;
  title: string;
  status: string;
  status_category: SimilarIdea['status']['category'];
  supporter_count: number;
  closed: number;
  status_reason: string | null;
  answered_by: string | null;
}

/** One query, whatever the board's size. */
export async function similarIdeas(
  db: Database,
  tenantId: string,
  board: BoardRecord,
  text: string,
  limit: number,
): Promise<SimilarIdea[]> {
  const match = matchQuery(text);
  if (!match) return [];
  const rows = await db.all<Row>(sql`
    select i.id, i.title, i.status, i.status_category, i.supporter_count, i.closed, i.status_reason,
      ${publishedCardRef(tenantId, sql`i.answered_by`)} as answered_by
    from ideas_fts f join ideas i on i.id = f.idea_id
    where ideas_fts match ${match} and f.tenant_id = ${tenantId} and f.board_id = ${board.id}
      and i.tenant_id = ${tenantId} and i.merged_into is null and i.state = 'published'
    order by bm25(ideas_fts, 0, 0, 0, 4.0, 1.0)
    limit ${limit}`);
  return rows.map((r) => {
    const status = findStatus(board.statuses, r.status);
    return {
      id: r.id,
      title: r.title,
      status: {
        key: r.status,
        label: status?.label ?? r.status,
        ...(status?.translations ? { translations: status.translations } : {}),
        category: r.status_category,
      },
      supporters: r.supporter_count,
      closed: Boolean(r.closed),
      reason: r.status_reason,
      answeredBy: itemRef(r.answered_by),
    };
  });
}
