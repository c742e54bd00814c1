/**
 * A person's own view in one D1 batch of four statements, whatever they contributed: the person
 * (with their granted role and what they contributed, counted), their latest ideas, the cards they
 * own and their latest comments.
 *
 * A person's view is a page anyone may be sent a link to, so it shows what every reader may see
 * and nothing else — published ideas that were not merged away, published cards, published
 * comments of discussions a reader is shown (`threadShown`) — not even to the person themselves
 * or to moderators: held and rejected content has its own places (the author's board, the
 * moderation queue). Never an e-mail address or subject. Proxy people (who have no handle) and
 * API keys have no view.
 */
import type { PersonView, Role, StatusCategory } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import { hasRole } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { isoTime } from '../lib/time.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { toPerson } from './business-units.ts';
import { cardPublic } from './card-rows.ts';
import { statusOf } from './search-all.ts';
import { named, threadShown, threadTitle, toSnippet } from './search-results.ts';
import { unitRefColumn } from './unit-access.ts';

/** How many of each kind the view lists. */
export const PERSON_LIST_LIMIT = 10;
/** The longest snippet of a comment, and how much of its Markdown is read to make it. */
const SNIPPET_MAX = 200;
const SOURCE_READ = 600;

/** The higher of the role granted and the one the person's last token's claims gave. */
function roleOf(claimed: Role | null, granted: Role | null): Role {
  const a = claimed ?? 'member';
  const b = granted ?? 'member';
  return hasRole(a, b) ? a : b;
}

/** The comment's opening words as plain text: its Markdown rendered, white space made one, cut. */
function commentSnippet(source: string): string {
  return toSnippet(renderMarkdown(source).text, SNIPPET_MAX).text;
}

/**
 * The view of the tenant's member with `handle` (compared in lower case, as handles are stored),
 * or 404 `not_found.person`.
 *
 * @example
 * const view = await personView(db, tenant.id, 'amara.okafor');
 */
export async function personView(db: Database, tenantId: string, handle: string): Promise<PersonView> {
  const wanted = handle.toLowerCase();
  const person = sql`(select p.id from users p where p.tenant_id = ${tenantId} and p.handle = ${wanted}
    and p.kind = 'person' and p.subject not like 'apikey:%')`;

  // Each list's rows: the same FROM and WHERE for its page and for its count.
  const ideasOf = {
    from: sql`ideas i join boards b on b.id = i.board_id`,
    where: sql`i.tenant_id = ${tenantId} and b.tenant_id = ${tenantId} and i.author_id = ${person}
      and i.state = 'published' and i.merged_into is null`,
  };
  const cardsOf = {
    from: sql`cards c`,
    where: sql`c.tenant_id = ${tenantId} and c.owner_id = ${person} and ${cardPublic('c')}`,
  };
  const commentsOf = {
    from: sql`comments c join threads t on t.id = c.thread_id`,
    where: sql`c.tenant_id = ${tenantId} and t.tenant_id = ${tenantId} and c.author_id = ${person}
      and c.state = 'published' and ${threadShown(tenantId, 't')}`,
  };
  const countOf = (rows: { from: SQL; where: SQL }) => sql<number>`(select count(*) from ${rows.from} where ${rows.where})`;

  const [people, ideaRows, cardRows, commentRows] = await db.batch([
    db
      .select(
        named({
          handle: sql<string>`u.handle`,
          name: sql<string>`u.name`,
          businessUnit: sql<string | null>`u.business_unit`,
          unit: unitRefColumn(sql`u.unit_id`),
          claimRole: sql<Role | null>`u.claim_role`,
          // The level granted (a CIO grant may sit beside it).
          granted: sql<Role | null>`(select r.role from user_roles r where r.tenant_id = ${tenantId} and r.subject = u.subject
            and r.role <> 'cio')`,
          joinedAt: sql<number>`u.created_at`,
          ideas: countOf(ideasOf),
          cards: countOf(cardsOf),
          comments: countOf(commentsOf),
        }),
      )
      .from(sql`users u`)
      .where(sql`u.tenant_id = ${tenantId} and u.id = ${person}`),
    db
      .select(
        named({
          id: sql<string>`i.id`,
          title: sql<string>`i.title`,
          board: sql<string>`b.slug`,
          statuses: sql<string | null>`b.statuses`,
          status: sql<string>`i.status`,
          category: sql<StatusCategory>`i.status_category`,
          at: sql<number>`i.created_at`,
        }),
      )
      .from(ideasOf.from)
      .where(ideasOf.where)
      .orderBy(sql`i.created_at desc`, sql`i.id`)
      .limit(PERSON_LIST_LIMIT),
    db
      .select(named({ id: sql<string>`c.id`, title: sql<string>`c.title`, at: sql<number>`c.updated_at` }))
      .from(cardsOf.from)
      .where(cardsOf.where)
      .orderBy(sql`c.updated_at desc`, sql`c.id`)
      .limit(PERSON_LIST_LIMIT),
    db
      .select(
        named({
          id: sql<string>`c.id`,
          source: sql<string>`substr(c.body, 1, ${SOURCE_READ})`,
          threadId: sql<string>`t.id`,
          threadKey: sql<string>`t.key`,
          threadUrl: sql<string | null>`t.url`,
          threadTitle: threadTitle(tenantId, 't'),
          at: sql<number>`c.created_at`,
        }),
      )
      .from(commentsOf.from)
      .where(commentsOf.where)
      .orderBy(sql`c.created_at desc`, sql`c.id`)
      .limit(PERSON_LIST_LIMIT),
  ]);
  const row = people[0];
  if (!row) throw notFound('not_found.person', { id: handle });
  return {
    handle: row.handle,
    ...toPerson(row.name, row.businessUnit, row.unit),
    role: roleOf(row.claimRole, row.granted),
    joinedAt: isoTime(row.joinedAt),
    counts: { ideas: row.ideas, comments: row.comments, cards: row.cards },
    ideas: ideaRows.map((r) => ({
      id: r.id,
      title: r.title,
      board: r.board,
      status: statusOf(r.statuses, r.status, r.category),
      at: isoTime(r.at),
    })),
    cards: cardRows.map((r) => ({ id: r.id, title: r.title, at: isoTime(r.at) })),
    comments: commentRows.map((r) => ({
      id: r.id,
      title: r.threadTitle ?? r.threadUrl ?? r.threadKey,
      thread: { id: r.threadId, key: r.threadKey, title: r.threadTitle, url: r.threadUrl },
      snippet: commentSnippet(r.source),
      at: isoTime(r.at),
    })),
  };
}
