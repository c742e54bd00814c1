/**
 * An idea's own page in one D1 batch of a fixed number of statements, whatever the idea's
 * history, support or citations: the idea (with how many earlier texts it has), the caller's
 * granted role, its status history, its duplicates, its support by business unit, the cards that
 * cite it, its discussion and its scorecard averages. Who may see it is decided as `GET /ideas/{id}` decides.
 */
import type { EvaluationSummary, IdeaView, ItemRef, Translations } from '@bridgekit/sdk';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { effectiveRole, hasRole, selectGrantedRole, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import {
  boardCriteria,
  boards,
  businessUnits,
  cardLinks,
  cards,
  ideaRevisions,
  ideaScores,
  ideas,
  threads,
  users,
  votes,
} from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { notFound } from '../errors.ts';
import { toCriterion } from './boards.ts';
import { cardReadableBy } from './card-rows.ts';
import { ideaColumns, ideaIsMine, toIdea } from './ideas.ts';
import { itemRef, publishedCardRef } from './item-refs.ts';
import { ideaThreadKey } from './item-threads.ts';
import { selectStatusChanges, toStatusChange } from './status.ts';
import { parseUnitRef, unitRefColumn } from './unit-access.ts';
import { viewerUserId } from './users.ts';
import { callersVotes } from './vote-sql.ts';

/** The view, or where a merged duplicate's view now is. */
export type IdeaViewResult = { view: IdeaView } | { mergedInto: string };

const aliased = <T>(expression: ReturnType<typeof sql>, name: string) => sql<T>`${expression}`.as(name);

export async function ideaView(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<IdeaViewResult> {
  const me = viewerUserId(tenantId, viewer);
  const inTenant = and(eq(ideas.tenantId, tenantId), eq(ideas.id, id));
  const [ideaRows, grant, history, duplicates, support, citedBy, discussion, criteria] = await db.batch([
    db
      .select({
        ...ideaColumns(callersVotes(me), ideaIsMine(tenantId, viewer)),
        boardName: aliased<string>(qualified(boards.name), 'view_board_name'),
        boardTranslations: aliased<string | null>(qualified(boards.translations), 'view_board_translations'),
        revisions: aliased<number>(
          sql`(select count(*) from ${ideaRevisions} r where r.tenant_id = ${qualified(ideas.tenantId)} and r.idea_id = ${qualified(ideas.id)})`,
          'view_revisions',
        ),
        sourceCard: publishedCardRef(qualified(ideas.tenantId), qualified(ideas.sourceCardId)).as('view_source_card'),
        mergedInto: aliased<string | null>(
          sql`(select json_object('id', m.id, 'title', m.title) from ${ideas} m where m.tenant_id = ${qualified(ideas.tenantId)} and m.id = ${qualified(ideas.mergedInto)})`,
          'view_merged_into',
        ),
      })
      .from(ideas)
      .innerJoin(boards, eq(boards.id, ideas.boardId))
      .innerJoin(users, eq(users.id, ideas.authorId))
      .where(inTenant),
    selectGrantedRole(db, tenantId, viewer.kind === 'user' ? viewer.subject : ''),
    selectStatusChanges(db, tenantId, id, 'oldest'),
    db
      .select({ id: ideas.id, title: ideas.title })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.mergedInto, id), eq(ideas.state, 'published')))
      .orderBy(asc(ideas.createdAt), asc(ideas.id)),
    // Supporters by their unit (a supply-side unit's are counted apart in the answer).
    db
      .select({
        unit: unitRefColumn(users.unitId).as('support_unit'),
        side: businessUnits.side,
        supporters: sql<number>`count(*)`.as('unit_supporters'),
      })
      .from(votes)
      .innerJoin(users, eq(users.id, votes.userId))
      .leftJoin(businessUnits, eq(businessUnits.id, users.unitId))
      .where(and(eq(votes.tenantId, tenantId), eq(votes.ideaId, id)))
      .groupBy(users.unitId)
      .orderBy(desc(sql`count(*)`), sql`${qualified(users.unitId)} is null`, asc(businessUnits.name)),
    db
      .selectDistinct({ id: cards.id, title: cards.title })
      .from(cardLinks)
      .innerJoin(cards, eq(cards.id, cardLinks.cardId))
      .where(
        and(
          eq(cardLinks.tenantId, tenantId),
          eq(cardLinks.toKind, 'idea'),
          eq(cardLinks.toId, id),
          eq(cards.tenantId, tenantId),
          eq(cards.state, 'published'),
          cardReadableBy(tenantId, viewer),
        ),
      )
      .orderBy(asc(cards.title), asc(cards.id)),
    db
      .select({ comments: threads.commentCount })
      .from(threads)
      .where(and(eq(threads.tenantId, tenantId), eq(threads.key, ideaThreadKey(id)))),
    db
      .select({
        criterion: boardCriteria,
        average: aliased<number | null>(
          // A sponsor's scores count nowhere (store/scores.ts `notBySponsor`).
          sql`(select avg(s.value) from ${ideaScores} s where s.tenant_id = ${tenantId} and s.idea_id = ${id} and s.criterion = ${qualified(boardCriteria.key)}
            and s.evaluator is not (select sp.subject from ${users} sp join ${ideas} si on sp.id = si.sponsor_id where si.tenant_id = ${tenantId} and si.id = ${id}))`,
          'criterion_average',
        ),
      })
      .from(boardCriteria)
      .where(
        and(
          eq(boardCriteria.tenantId, tenantId),
          eq(boardCriteria.boardId, sql`(select ${qualified(ideas.boardId)} from ${ideas} where ${inTenant})`),
        ),
      )
      .orderBy(asc(boardCriteria.position)),
  ]);
  const row = ideaRows[0];
  if (!row) throw notFound('not_found.idea', { id });
  const role = effectiveRole(viewer, grant[0]?.role);
  // As GET /ideas/{id}: held and rejected ideas for their author and moderators only.
  const visible = row.idea.state === 'published' || row.mine === 1;
  const asModerator = !visible && hasRole(role, 'moderator');
  if (!visible && !asModerator) throw notFound('not_found.idea', { id });
  if (row.idea.mergedInto) return { mergedInto: row.idea.mergedInto };

  const idea = toIdea(row, asModerator);
  const translations = row.boardTranslations ? (JSON.parse(row.boardTranslations) as Translations<'name' | 'description'>) : null;
  // Those who may score ideas (routes/idea-workflow.ts: evaluators and up) see the evaluators' averages.
  const evaluation: EvaluationSummary | null = hasRole(role, 'evaluator')
    ? {
        evaluators: row.idea.evaluations,
        criteria: criteria.map(({ criterion, average }) => {
          const c = toCriterion(criterion);
          return { key: c.key, label: c.label, ...(c.translations ? { translations: c.translations } : {}), average };
        }),
      }
    : null;
  return {
    view: {
      idea,
      board: { slug: row.board, name: row.boardName, ...(translations ? { translations } : {}) },
      history: history.map(toStatusChange),
      answeredBy: idea.status.card,
      sourceCard: itemRef(row.sourceCard),
      mergedInto: itemRef(row.mergedInto),
      duplicates: duplicates satisfies ItemRef[],
      supportByUnit: support.filter((s) => s.side !== 'supply').map((s) => ({ unit: parseUnitRef(s.unit), supporters: s.supporters })),
      providerSupporters: support.filter((s) => s.side === 'supply').reduce((sum, s) => sum + s.supporters, 0),
      citedBy: citedBy satisfies ItemRef[],
      discussion: { key: ideaThreadKey(id), comments: discussion[0]?.comments ?? 0 },
      evaluation,
      revisions: row.revisions,
    },
  };
}
