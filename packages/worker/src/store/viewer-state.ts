/**
 * What belongs to one viewer in an answer otherwise shared (routes/read-cache.ts): their votes on
 * the ideas of a page, which of them they wrote, and whether they have ideas on the board that
 * only they see (held or rejected), in one statement.
 */
import type { Idea } from '@bridgekit/sdk';
import { eq, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { tenants } from '../db/schema.ts';
import { statementShapes } from '../db/statement-shapes.ts';
import { viewerUserId } from './users.ts';
import { shapedViewer, type ViewerShape, viewerShape } from './viewer-shape.ts';

export interface OwnIdeaState {
  /** The viewer has ideas on the board that only they see (held, rejected): the shared page lacks them. */
  held: number;
  /** `[id, their votes, 1 when they wrote it]` for each idea of the page they voted on or wrote, as JSON. */
  own: string;
}

/**
 * The viewer's votes on and authorship of `ids`, and whether they have unpublished ideas on the
 * board `slug`: one row (read off the tenant's, which always exists).
 *
 * @example
 * const [state] = await ownIdeaState(db, tenant.id, viewer, 'general', ['idea-1']);
 */
export function ownIdeaState(db: Database, tenantId: string, viewer: Viewer, slug: string, ids: string[]) {
  const { shape, values } = viewerShape(viewer);
  const [statement] = ownIdeaStateShape(db, { tenantId, subject: values.subject, slug, ids: JSON.stringify(ids) }, shape);
  return statement;
}

// Built once per kind of viewer: every signed-in read of a list sends it.
const ownIdeaStateShape = statementShapes(
  (db, v: { tenantId: string; subject: string | null; slug: string; ids: string }, shape: ViewerShape) => {
    const me = viewerUserId(v.tenantId, shapedViewer(shape, v.subject));
    return [
      db
        .select({
          // Through the index on (tenant, state): the tenant's unpublished ideas only, never the board's thousands.
          held: sql<number>`exists (select 1 from ideas i join boards b on b.id = i.board_id
            where i.tenant_id = ${v.tenantId} and i.state in ('pending', 'rejected') and b.tenant_id = ${v.tenantId} and b.slug = ${v.slug}
              and i.merged_into is null and ${me} in (i.author_id, i.proxy_id))`,
          own: sql<string>`(select json_group_array(json_array(i.id, coalesce(v.count, 0), ${me} in (i.author_id, i.proxy_id)))
            from json_each(${v.ids}) j cross join ideas i on i.id = j.value left join votes v on v.idea_id = i.id and v.user_id = ${me}
            where i.tenant_id = ${v.tenantId}
              and (v.count > 0 or ${me} in (i.author_id, i.proxy_id)))`,
        })
        .from(tenants)
        .where(eq(tenants.id, v.tenantId)),
    ] as const;
  },
);

/** The page as the viewer sees it, or null when they have unpublished ideas on the board. */
export function withOwnState<P extends { items: Idea[] }>(page: P, [state]: OwnIdeaState[]): P | null {
  if (!state || state.held) return null;
  const own = new Map((JSON.parse(state.own) as [string, number, number][]).map(([id, votes, mine]) => [id, { votes, mine }]));
  if (own.size === 0) return page;
  return {
    ...page,
    items: page.items.map((idea) => {
      const row = own.get(idea.id);
      return row ? { ...idea, voted: row.votes > 0, myVotes: row.votes, mine: Boolean(row.mine) } : idea;
    }),
  };
}
