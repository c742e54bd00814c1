/**
 * An idea's own page in one D1 batch of a fixed number of statements, whatever the idea's
 * history, support or citations: the idea (with how many earlier texts it has), the caller's
 * granted role, its status history, its duplicates, its support by business unit, the cards that
 * cite it, its discussion and its scorecard averages. Who may see it is decided as `GET /ideas/{id}` decides.
 * The route serves it from the read cache (routes/read-cache.ts): read as the anonymous reader sees
 * it and shared, with the viewer's own part — their votes, whether they wrote it, their role, the
 * citing cards only they may read — read in the round trip that checks its versions.
 */
import type { EvaluationSummary, IdeaView, ItemRef, Translations } from '@bridgekit/sdk';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { BatchResponse } from 'drizzle-orm/batch';
import { effectiveRole, hasRole, LEVEL_GRANTS, type Role, selectGrantedRole, type Viewer } from '../auth/viewer.ts';
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
  tenants,
  threads,
  userRoles,
  users,
  votes,
} from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { statementShapes } from '../db/statement-shapes.ts';
import { notFound } from '../errors.ts';
import { toCriterion } from './boards.ts';
import { cardReadableBy } from './card-rows.ts';
import { ideaColumns, ideaIsMine, toIdea } from './ideas.ts';
import { itemRef, publishedCardRef } from './item-refs.ts';
import { ideaThreadKey } from './item-threads.ts';
import { selectStatusChanges, toStatusChange } from './status.ts';
import { parseUnitRef, unitRefColumn } from './unit-access.ts';
import { viewerUserId } from './users.ts';
import { shapedViewer, type ViewerShape, type ViewerValues, viewerShape } from './viewer-shape.ts';
import { callersVotes } from './vote-sql.ts';

/** The view, or where a merged duplicate's view now is. */
export type IdeaViewResult = { view: IdeaView } | { mergedInto: string };

const aliased = <T>(expression: ReturnType<typeof sql>, name: string) => sql<T>`${expression}`.as(name);

/**
 * The view as read for `viewer`, with the evaluators' part filled in whatever their role (who sees it is
 * decided by {@link shownView}); `hidden` when there is no such idea or the viewer may not see it.
 */
export type IdeaViewAnswer = { view: IdeaView; role: Role | null } | { mergedInto: string } | { hidden: true };

/**
 * The view of idea `id` for `viewer` as one batch of a fixed number of statements, and how to read
 * it off their results (for routes/read-cache.ts).
 *
 * @example
 * const { statements, answer } = ideaViewQuery(db, tenant.id, ANONYMOUS, 'idea-1');
 */
export function ideaViewQuery(db: Database, tenantId: string, viewer: Viewer, id: string) {
  const me = viewerUserId(tenantId, viewer);
  const inTenant = and(eq(ideas.tenantId, tenantId), eq(ideas.id, id));
  const statements = [
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
  ] as const;
  const answer = (results: readonly unknown[]): IdeaViewAnswer => {
    const [ideaRows, grant, history, duplicates, support, citedBy, discussion, criteria] = results as BatchResponse<typeof statements>;
    const row = ideaRows[0];
    if (!row) return { hidden: true };
    const role = effectiveRole(viewer, grant[0]?.role);
    // As GET /ideas/{id}: held and rejected ideas for their author and moderators only.
    const visible = row.idea.state === 'published' || row.mine === 1;
    const asModerator = !visible && hasRole(role, 'moderator');
    if (!visible && !asModerator) return { hidden: true };
    if (row.idea.mergedInto) return { mergedInto: row.idea.mergedInto };

    const idea = toIdea(row, asModerator);
    const translations = row.boardTranslations ? (JSON.parse(row.boardTranslations) as Translations<'name' | 'description'>) : null;
    const evaluation: EvaluationSummary = {
      evaluators: row.idea.evaluations,
      criteria: criteria.map(({ criterion, average }) => {
        const c = toCriterion(criterion);
        return { key: c.key, label: c.label, ...(c.translations ? { translations: c.translations } : {}), average };
      }),
    };
    return {
      role,
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
  };
  return { statements, answer };
}

/**
 * The answer as its viewer gets it: 404 when hidden from them; the evaluators' averages for
 * evaluators and up (those who may score ideas, routes/idea-workflow.ts) only.
 */
export function shownView(answer: IdeaViewAnswer, id: string): IdeaViewResult {
  if ('hidden' in answer) throw notFound('not_found.idea', { id });
  if ('mergedInto' in answer) return answer;
  return { view: hasRole(answer.role, 'evaluator') ? answer.view : { ...answer.view, evaluation: null } };
}

/**
 * The view of idea `id` for `viewer`, uncached: one round trip.
 *
 * @example
 * const result = await ideaView(db, tenant.id, viewer, 'idea-1');
 */
export async function ideaView(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<IdeaViewResult> {
  const { statements, answer } = ideaViewQuery(db, tenantId, viewer, id);
  return shownView(answer(await db.batch(statements)), id);
}

export interface OwnIdeaViewState {
  /** The viewer's votes on the idea. */
  votes: number;
  /** 1 when they wrote it or recorded it for its author. */
  mine: number;
  /** Their granted level (evaluator, moderator, admin), if any. */
  role: Role | null;
  /** The published cards citing it that they may read, best order first, as JSON `[{ id, title }]`. */
  citedBy: string;
}

/**
 * What of idea `id`'s view is the viewer's own, as one statement (read off the tenant's row, which
 * always exists): their votes, whether it is theirs, their granted role, the citing cards they may read.
 *
 * @example
 * const [versions, own] = await db.batch([check, ownIdeaViewState(db, tenant.id, viewer, 'idea-1')]);
 */
export function ownIdeaViewState(db: Database, tenantId: string, viewer: Viewer, id: string) {
  const { shape, values } = viewerShape(viewer);
  const [statement] = ownIdeaViewShape(db, { tenantId, id, ...values }, shape);
  return statement;
}

// Built once per kind of viewer: every signed-in read of an idea's view sends it.
const ownIdeaViewShape = statementShapes((db, v: { tenantId: string; id: string } & ViewerValues, shape: ViewerShape) => {
  const { tenantId, id } = v;
  const viewer = shapedViewer(shape, v.subject);
  const me = viewerUserId(tenantId, viewer);
  return [
    db
      .select({
        votes:
          sql<number>`coalesce((select v.count from ${votes} v where v.tenant_id = ${tenantId} and v.idea_id = ${id} and v.user_id = ${me}), 0)`.as(
            'own_votes',
          ),
        mine: sql<number>`coalesce((select ${me} in (oi.author_id, oi.proxy_id) from ${ideas} oi where oi.tenant_id = ${tenantId} and oi.id = ${id}), 0)`.as(
          'own_mine',
        ),
        role: sql<Role | null>`(select gr.role from ${userRoles} gr where gr.tenant_id = ${tenantId} and gr.subject = ${v.grantSubject}
          and gr.role in (${sql.join(
            LEVEL_GRANTS.map((r) => sql`${r}`),
            sql`, `,
          )}) limit 1)`.as('own_role'),
        // As the view's own statement: distinct, by title then id.
        citedBy: sql<string>`(select json_group_array(json_object('id', oc.id, 'title', oc.title)) from (
          select distinct c.id, c.title from ${cardLinks} l join ${cards} c on c.id = l.card_id
          where l.tenant_id = ${tenantId} and l.to_kind = 'idea' and l.to_id = ${id} and c.tenant_id = ${tenantId} and c.state = 'published'
            and ${cardReadableBy(tenantId, viewer, 'c')}
          order by c.title, c.id) oc)`.as('own_cited_by'),
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  ] as const;
});

/**
 * The shared answer (read as the anonymous reader sees it) as `viewer` sees it, given their own
 * part; null when it is not theirs to see that way — an idea hidden from the anonymous reader that
 * the viewer wrote or moderates — and must be read for them.
 */
export function withOwnViewState(shared: IdeaViewAnswer, viewer: Viewer, [own]: OwnIdeaViewState[]): IdeaViewAnswer | null {
  if (!own) return null;
  const role = effectiveRole(viewer, own.role ?? undefined);
  if ('mergedInto' in shared) return shared;
  if ('hidden' in shared) return own.mine || hasRole(role, 'moderator') ? null : shared;
  const { view } = shared;
  return {
    role,
    view: {
      ...view,
      idea: { ...view.idea, voted: own.votes > 0, myVotes: own.votes, mine: Boolean(own.mine) },
      citedBy: JSON.parse(own.citedBy) as ItemRef[],
    },
  };
}
