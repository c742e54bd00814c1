import type { Board } from '@bridgekit/sdk';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { boards, ideas } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { notFound } from '../errors.ts';

function selectBoards(db: Database) {
  return db
    .select({
      slug: boards.slug,
      name: boards.name,
      description: boards.description,
      ideaCount: sql<number>`(select count(*) from ${ideas} where ${qualified(ideas.boardId)} = ${qualified(boards.id)})`,
    })
    .from(boards);
}

export async function listBoards(db: Database, tenantId: string): Promise<Board[]> {
  return selectBoards(db).where(eq(boards.tenantId, tenantId)).orderBy(asc(boards.name));
}

export async function getBoard(db: Database, tenantId: string, slug: string): Promise<Board> {
  const board = await selectBoards(db)
    .where(and(eq(boards.tenantId, tenantId), eq(boards.slug, slug)))
    .get();
  if (!board) throw notFound(`Board "${slug}"`);
  return board;
}
