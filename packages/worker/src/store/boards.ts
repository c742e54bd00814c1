/** Boards: their settings, statuses and scorecards, as members and admins see them. */
import type { Board, BoardSettings, Budget, Criterion, NewBoard, Scorecard, StatusDefinition } from '@bridgekit/sdk';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { boardCriteria, boards, ideas } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { DEFAULT_MIN_VALUE, PRESETS, presetTranslations, valueRange } from '../domain/scorecard.ts';
import { DEFAULT_STATUSES, withBuiltInTranslations } from '../domain/statuses.ts';
import { ApiError, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTimeOrNull } from '../lib/time.ts';
import { type ChangeAuthor, changedFields, logChange, setFields } from './config-log.ts';
import { rerank } from './scores.ts';
import { viewerUserId } from './users.ts';
import { budgetUsed } from './vote-sql.ts';

export type BoardRow = typeof boards.$inferSelect;

/** A board row with its statuses resolved (the defaults when the board has none of its own). */
export interface BoardRecord extends Omit<BoardRow, 'statuses'> {
  statuses: StatusDefinition[];
}

export const toRecord = (row: BoardRow): BoardRecord => ({
  ...row,
  statuses: (row.statuses ?? DEFAULT_STATUSES).map(withBuiltInTranslations),
});

/** Within its window: ideas may be submitted and backed. */
export function boardOpen(board: Pick<BoardRow, 'opensAt' | 'closesAt'>, now = Date.now()): boolean {
  return (board.opensAt === null || board.opensAt <= now) && (board.closesAt === null || now < board.closesAt);
}

export function settingsOf(b: BoardRow | BoardRecord): BoardSettings {
  return {
    opensAt: isoTimeOrNull(b.opensAt),
    closesAt: isoTimeOrNull(b.closesAt),
    submitters: b.submitters,
    voting:
      b.voteMode === 'budget'
        ? { mode: 'budget', budget: b.voteBudget, perIdea: b.votesPerIdea, refundOnClose: b.refundOnClose }
        : { mode: 'single' },
    requiredFields: b.requiredFields as BoardSettings['requiredFields'],
    minValue: b.minValue,
  };
}

export function selectBoardRecord(db: Database, tenantId: string, slug: string) {
  return db
    .select()
    .from(boards)
    .where(and(eq(boards.tenantId, tenantId), eq(boards.slug, slug)));
}

export async function findBoardRecord(db: Database, tenantId: string, slug: string): Promise<BoardRecord> {
  const row = await selectBoardRecord(db, tenantId, slug).get();
  if (!row) throw notFound('not_found.board', { id: slug });
  return toRecord(row);
}

/** The budget votes the viewer has used on the board (see `budgetUsed`), as a statement for a batch. */
function selectBudgetUsed(db: Database, tenantId: string, boardId: string, viewer: Viewer) {
  return db
    .select({ used: budgetUsed(tenantId, viewerUserId(tenantId, viewer), boardId) })
    .from(boards)
    .where(and(eq(boards.tenantId, tenantId), eq(boards.id, boardId)));
}

/** The budget of someone who can vote (a person or an API key); null on single-vote boards. */
export function budgetOf(board: BoardRow | BoardRecord, used: number, canVote: boolean): Budget | null {
  if (board.voteMode !== 'budget' || !canVote) return null;
  return { total: board.voteBudget, used, remaining: Math.max(0, board.voteBudget - used), perIdea: board.votesPerIdea };
}

function selectCriteria(db: Database, boardId: string) {
  return db.select().from(boardCriteria).where(eq(boardCriteria.boardId, boardId)).orderBy(asc(boardCriteria.position));
}

const toCriterion = (row: typeof boardCriteria.$inferSelect): Criterion => {
  const translations = row.translations ?? presetTranslations(row.key, row.label);
  return {
    key: row.key,
    label: row.label,
    ...(translations ? { translations } : {}),
    kind: row.kind,
    weight: row.weight,
    group: row.group,
  };
};

function ideaCount(db: Database, boardId: string) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(ideas)
    .where(and(eq(ideas.boardId, boardId), sql`${qualified(ideas.mergedInto)} is null`, eq(ideas.state, 'published')));
}

function toBoard(row: BoardRow, count: number, criteria: Criterion[], budget: Budget | null): Board {
  const record = toRecord(row);
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    ...(row.translations ? { translations: row.translations } : {}),
    ideaCount: count,
    open: boardOpen(row),
    settings: settingsOf(record),
    statuses: record.statuses,
    scorecard: { preset: row.scorecardPreset, criteria },
    valueFloor: row.minValue ?? DEFAULT_MIN_VALUE[row.scorecardPreset],
    valueRange: valueRange(criteria),
    budget,
  };
}

export async function listBoards(db: Database, tenantId: string): Promise<Board[]> {
  const [rows, counts, criteria] = await db.batch([
    db.select().from(boards).where(eq(boards.tenantId, tenantId)).orderBy(asc(boards.name)),
    db
      .select({ boardId: ideas.boardId, n: sql<number>`count(*)` })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), sql`${qualified(ideas.mergedInto)} is null`, eq(ideas.state, 'published')))
      .groupBy(ideas.boardId),
    db.select().from(boardCriteria).where(eq(boardCriteria.tenantId, tenantId)).orderBy(asc(boardCriteria.position)),
  ]);
  return rows.map((row) =>
    toBoard(row, counts.find((c) => c.boardId === row.id)?.n ?? 0, criteria.filter((c) => c.boardId === row.id).map(toCriterion), null),
  );
}

/** One board with its scorecard, idea count and the viewer's budget: one round trip. */
export async function getBoard(db: Database, tenantId: string, slug: string, viewer: Viewer): Promise<Board> {
  const record = await findBoardRecord(db, tenantId, slug);
  const [count, criteria, used] = await db.batch([
    ideaCount(db, record.id),
    selectCriteria(db, record.id),
    selectBudgetUsed(db, tenantId, record.id, viewer),
  ]);
  return toBoard(
    record,
    count[0]?.n ?? 0,
    criteria.map(toCriterion),
    budgetOf(record, used[0]?.used ?? 0, viewer.kind === 'user' || viewer.kind === 'apiKey'),
  );
}

/** Creates a board with the default statuses (unless given) and a preset scorecard, in one batch. */
export async function createBoard(
  db: Database,
  tenantId: string,
  input: NewBoard,
  settings: Partial<BoardRow>,
  by: ChangeAuthor,
): Promise<void> {
  const exists = await selectBoardRecord(db, tenantId, input.slug).get();
  if (exists) throw new ApiError(409, 'conflict.board_slug_taken', { slug: input.slug });
  const id = newId();
  const preset = input.scorecardPreset ?? 'value-size-risk';
  await db.batch([
    db.insert(boards).values({
      id,
      tenantId,
      slug: input.slug,
      name: input.name,
      description: input.description ?? '',
      translations: input.translations ?? null,
      statuses: input.statuses ?? null,
      scorecardPreset: preset,
      createdAt: Date.now(),
      ...settings,
    }),
    ...PRESETS[preset].map((c, position) => db.insert(boardCriteria).values({ boardId: id, tenantId, position, ...c })),
    logChange(db, tenantId, by, { action: 'board.created', target: input.slug, changes: setFields({ ...input, ...settings }) }),
  ]);
}

/** Changes a board's columns; a new value floor re-ranks its ideas in the same batch. */
export async function updateBoard(
  db: Database,
  tenantId: string,
  slug: string,
  set: Partial<BoardRow>,
  by: ChangeAuthor,
  before?: Record<string, unknown>,
): Promise<void> {
  if (Object.keys(set).length === 0) return;
  const changes = before ? changedFields(before, set) : setFields(set);
  const [updated] = await db.batch([
    db
      .update(boards)
      .set(set)
      .where(and(eq(boards.tenantId, tenantId), eq(boards.slug, slug)))
      .returning({ id: boards.id }),
    logChange(db, tenantId, by, { action: 'board.updated', target: slug, changes }, { ifChanged: true }),
    ...(set.minValue === undefined
      ? []
      : [
          rerank(
            db,
            and(
              eq(ideas.tenantId, tenantId),
              sql`${qualified(ideas.boardId)} = (select b.id from ${boards} b where b.tenant_id = ${tenantId} and b.slug = ${slug})`,
            ),
          ),
        ]),
  ]);
  if (updated.length === 0) throw notFound('not_found.board', { id: slug });
}

/** The range of a board's value score, from its scorecard's value criteria (for checking a floor). */
export async function boardValueRange(db: Database, tenantId: string, slug: string): Promise<{ min: number; max: number }> {
  return valueRange((await getScorecard(db, tenantId, slug)).criteria);
}

export async function getScorecard(db: Database, tenantId: string, slug: string): Promise<Scorecard> {
  const record = await findBoardRecord(db, tenantId, slug);
  return { preset: record.scorecardPreset, criteria: (await selectCriteria(db, record.id)).map(toCriterion) };
}

export { selectCriteria, toCriterion };
