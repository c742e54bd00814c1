/** Views for the portfolio process: the roadmap by status category, and exports of a board. */
import type { Idea, RoadmapColumn } from '@bridgekit/sdk';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boards, ideas } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { selectBoardRecord } from './boards.ts';
import { publishedIdea, selectIdeas, toIdea } from './ideas.ts';

export const ROADMAP_CATEGORIES = ['under_review', 'planned', 'in_progress', 'done'] as const;
const ROADMAP_COLUMN_SIZE = 50;

/** The most recently moved ideas of each roadmap column: one round trip of five statements. */
export async function roadmap(db: Database, tenantId: string, viewer: Viewer, slug: string): Promise<RoadmapColumn[]> {
  const column = (category: (typeof ROADMAP_CATEGORIES)[number]) =>
    selectIdeas(db, tenantId, viewer)
      .where(
        and(
          eq(ideas.tenantId, tenantId),
          eq(boards.slug, slug),
          isNull(ideas.mergedInto),
          publishedIdea(),
          eq(ideas.statusCategory, category),
        ),
      )
      .orderBy(desc(sql`coalesce(${ideas.statusChangedAt}, ${ideas.createdAt})`), desc(ideas.id))
      .limit(ROADMAP_COLUMN_SIZE);
  const [board, underReview, planned, inProgress, done] = await db.batch([
    selectBoardRecord(db, tenantId, slug),
    column('under_review'),
    column('planned'),
    column('in_progress'),
    column('done'),
  ]);
  if (board.length === 0) throw notFound('not_found.board', { id: slug });
  return [underReview, planned, inProgress, done].map((rows, i) => ({
    category: ROADMAP_CATEGORIES[i] as RoadmapColumn['category'],
    ideas: rows.map((row) => toIdea(row)),
  }));
}

/** Every published idea of the board (merged duplicates left out), most backed first. */
export async function exportIdeas(db: Database, tenantId: string, viewer: Viewer, slug: string): Promise<Idea[]> {
  const [board, rows] = await db.batch([
    selectBoardRecord(db, tenantId, slug),
    selectIdeas(db, tenantId, viewer)
      .where(and(eq(ideas.tenantId, tenantId), eq(boards.slug, slug), isNull(ideas.mergedInto), publishedIdea()))
      .orderBy(desc(ideas.voteCount), desc(ideas.id)),
  ]);
  if (board.length === 0) throw notFound('not_found.board', { id: slug });
  return rows.map((row) => toIdea(row));
}

const CSV_COLUMNS: [string, (i: Idea) => string | number | null][] = [
  ['id', (i) => i.id],
  ['title', (i) => i.title],
  ['lane', (i) => i.lane],
  ['status', (i) => i.status.label],
  ['status_category', (i) => i.status.category],
  ['status_reason', (i) => i.status.reason],
  ['status_link', (i) => i.status.link],
  // Deflections apart from declines: the outcome (the status key), whether it deflects, and the requester's word.
  ['deflection', (i) => (i.status.deflection ? 'yes' : 'no')],
  ['outcome', (i) => i.status.key],
  ['revisit_on', (i) => i.status.revisitOn],
  ['need_met', (i) => (i.status.needMet === null ? null : i.status.needMet ? 'yes' : 'no')],
  ['votes', (i) => i.votes],
  ['supporters', (i) => i.supporters],
  ['business_units', (i) => i.businessUnits],
  ['value', (i) => i.score.value],
  ['effort', (i) => i.score.effort],
  ['risk', (i) => i.score.risk],
  ['value_per_effort', (i) => i.score.valuePerEffort],
  ['evaluations', (i) => i.score.evaluations],
  ['score_outdated', (i) => String(i.scoreOutdated)],
  ['problem', (i) => i.businessCase.problem],
  ['beneficiary', (i) => i.businessCase.beneficiary],
  // Units by key: the sponsoring one, and the impacted ones separated by spaces (keys have none).
  ['unit', (i) => i.unit?.key ?? null],
  ['impacted_units', (i) => i.impactedUnits.map((u) => u.key).join(' ') || null],
  ['value_type', (i) => i.businessCase.valueType],
  ['effort_size', (i) => i.businessCase.effort],
  ['objective', (i) => i.businessCase.objective],
  ['author', (i) => i.author.name],
  ['author_business_unit', (i) => i.author.businessUnit],
  ['recorded_by', (i) => i.recordedBy?.name ?? null],
  ['created_at', (i) => i.createdAt],
  ['description', (i) => i.description],
];

/**
 * RFC 4180 CSV. Text that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) is prefixed with an apostrophe: exports travel to Excel.
 */
export function toCsv(items: Idea[]): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = [CSV_COLUMNS.map(([name]) => name).join(','), ...items.map((i) => CSV_COLUMNS.map(([, get]) => cell(get(i))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
