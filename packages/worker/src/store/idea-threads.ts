/**
 * An idea's own discussion: the thread keyed `idea:<id>`. Reading or posting to it needs the
 * idea to be one of the tenant's that the caller may see (as `GET /ideas/{id}` decides: held and
 * rejected ideas for their author and moderators only), and the thread carries the idea's title.
 * The check is one statement, run in the batch of the read or write it guards.
 */
import { and, eq, sql } from 'drizzle-orm';
import { effectiveRole, hasRole, type Role, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { ideas, userRoles } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { notFound } from '../errors.ts';
import { viewerUserId } from './users.ts';

const PREFIX = 'idea:';

/** The key of an idea's own discussion thread, as `card:<id>` is a card's. */
export const ideaThreadKey = (ideaId: string) => `${PREFIX}${ideaId}`;

/** The idea a thread key names (`idea:<id>`), or null for any other key. */
export const ideaOfThreadKey = (key: string): string | null => (key.startsWith(PREFIX) ? key.slice(PREFIX.length) : null);

/** The subject a viewer's granted role is recorded under ('' for callers no grant applies to). */
const grantSubject = (viewer: Viewer) => (viewer.kind === 'user' ? viewer.subject : '');

/** One statement: the idea's title and state, whether the caller wrote it, and the role granted to the caller. */
export function selectThreadIdea(db: Database, tenantId: string, viewer: Viewer, ideaId: string) {
  return db
    .select({
      title: ideas.title,
      state: ideas.state,
      mine: sql<number | null>`${qualified(ideas.authorId)} = ${viewerUserId(tenantId, viewer)}`.as('thread_idea_mine'),
      granted:
        sql<Role | null>`(select ${qualified(userRoles.role)} from ${userRoles} where ${qualified(userRoles.tenantId)} = ${tenantId} and ${qualified(userRoles.subject)} = ${grantSubject(viewer)})`.as(
          'thread_idea_granted',
        ),
    })
    .from(ideas)
    .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
}

type ThreadIdeaRow = Awaited<ReturnType<ReturnType<typeof selectThreadIdea>['all']>>[number];

/**
 * The idea's title when the caller may see the idea whose discussion `key` is, else a 404 that
 * says the key names an idea that is not there (another tenant's ideas are not there).
 */
export function threadIdeaTitle(rows: ThreadIdeaRow[], viewer: Viewer, key: string, ideaId: string): string {
  const idea = rows[0];
  const visible =
    idea !== undefined &&
    (idea.state === 'published' || idea.mine === 1 || hasRole(effectiveRole(viewer, idea.granted ?? undefined), 'moderator'));
  if (!idea || !visible) throw notFound('not_found.idea_discussion', { key, id: ideaId });
  return idea.title;
}
