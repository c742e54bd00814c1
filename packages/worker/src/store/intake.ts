/**
 * An idea's intake, decided in steps: screening → needs information → qualified → approved, with
 * deferred and deflected on the way (`INTAKE_MOVES` in the SDK is the one table of allowed
 * moves). Each step is recorded in `intake_decisions` with its forum, the day, the decider and who
 * recorded it, and raises `idea.intake_decided` for the idea's followers, author and backers.
 *
 * A decision is one D1 batch. Its row is written only while the idea still stands at the step the
 * decision was made from; every other statement runs only if that row was written, so two
 * evaluators deciding at once cannot both move the idea. Deflecting and deferring set the idea's
 * status through the status rules (store/status.ts `statusChange`, in the same batch); approving
 * plans an idea still open or under review, and makes its business-case card, pre-filled from
 * the idea and linked to its objectives, which the idea then names (`ideas.case_card_id`).
 */

import type { CardTemplate, FieldValue, IntakeDecision, IntakeDecisionInput, IntakeResult, IntakeStep, PersonValue } from '@bridgekit/sdk';
import { INTAKE_MOVES } from '@bridgekit/sdk';
import { handleKey } from '@bridgekit/sdk/text-rules';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { searchableText } from '../cards/search-text.ts';
import type { Database } from '../db/client.ts';
import { cards, ideas, intakeDecisions, users } from '../db/schema.ts';
import { conditionalRow, qualified } from '../db/sql.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { eventStatements } from '../notify/record.ts';
import { CARD_SUMMARY_MAX } from '../schemas/cards.ts';
import { toRecord } from './boards.ts';
import { reviewDateAfter } from './card-rows.ts';
import { afterSave, saveEvents, visibilityAfter } from './cards.ts';
import { intakeFieldChecks, intakeFieldWrites, memberIdOfHandle } from './idea-intake.ts';
import { getIdea, ideaBoard, ideaVisibleTo } from './ideas.ts';
import { copyObjectiveLinks } from './objectives.ts';
import { statusChange } from './status.ts';
import { findTemplate } from './templates.ts';
import type { Tenant } from './tenants.ts';
import { upsertUser, viewerUserId } from './users.ts';

/** The template an approved idea's business case is made of. */
export const CASE_TEMPLATE = 'business-case';

type IdeaRecord = typeof ideas.$inferSelect;

/** Today, UTC, `YYYY-MM-DD`. */
const today = (now: number) => new Date(now).toISOString().slice(0, 10);

/** The 409 for a move `INTAKE_MOVES` does not allow. */
const notAllowed = (from: IntakeStep, to: IntakeStep) => new ApiError(409, 'conflict.intake_step', { from, to });

/**
 * Records an intake decision (the route checks the caller is an evaluator). Bad input is 400 and
 * a move the table does not allow 409, before anything is written.
 */
export async function decideIntake(
  db: Database,
  tenant: Tenant,
  viewer: Viewer,
  actor: Actor,
  ideaId: string,
  input: IntakeDecisionInput,
  now = Date.now(),
): Promise<IntakeResult> {
  const tenantId = tenant.id;
  const deciderHandle = input.decider == null ? undefined : handleKey(input.decider);
  const sponsorHandle = typeof input.sponsor === 'string' ? handleKey(input.sponsor) : null;
  // The sponsor the idea will have: the one named with the decision, else its own.
  const sponsorSql =
    input.sponsor === undefined
      ? qualified(ideas.sponsorId)
      : sponsorHandle === null
        ? sql`null`
        : memberIdOfHandle(tenantId, sponsorHandle);
  const sorting = intakeFieldChecks(db, tenant, ideaId, {
    sponsor: input.sponsor,
    demandClass: input.demandClass,
    objectives: input.objectives,
  });
  const [found, boardRows, people, sortingRows] = await db.batch([
    db
      .select({ idea: ideas })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId), ideaVisibleTo(tenantId, viewer))),
    ideaBoard(db, tenantId, ideaId),
    db
      .select({
        deciderId: (deciderHandle === undefined ? sql<string | null>`null` : memberIdOfHandle(tenantId, deciderHandle)).as('decider_id'),
        sponsorHandle: sql<string | null>`(select sp.handle from ${users} sp where sp.id = ${sponsorSql})`.as('sponsor_handle'),
        sponsorName: sql<string | null>`(select sp.name from ${users} sp where sp.id = ${sponsorSql})`.as('sponsor_name'),
      })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId))),
    sorting.statement,
  ]);
  const idea = found[0]?.idea;
  const boardRow = boardRows[0];
  if (!idea || !boardRow) throw notFound('not_found.idea', { id: ideaId });
  if (idea.state !== 'published') throw new ApiError(409, 'conflict.idea_pending', { id: ideaId });
  if (idea.mergedInto) throw new ApiError(409, 'conflict.status_merged', { id: ideaId, into: idea.mergedInto });
  const from = idea.intakeStep;
  if (!INTAKE_MOVES[from].includes(input.step)) throw notAllowed(from, input.step);
  if (input.decidedOn > today(now)) {
    throw new ApiError(
      400,
      'validation_failed.decided_in_future',
      { decidedOn: input.decidedOn },
      { details: [fieldIssue('body.decidedOn', 'field.date_not_past')] },
    );
  }
  const person = people[0];
  const sorted = sorting.check(sortingRows);
  if (deciderHandle !== undefined && !person?.deciderId) {
    throw new ApiError(
      400,
      'validation_failed.unknown_person',
      { handle: deciderHandle },
      { details: [fieldIssue('body.decider', 'field.unknown_owner', { handle: deciderHandle })] },
    );
  }

  const decisionId = newId();
  const decided = sql`exists (select 1 from ${intakeDecisions} dd where dd.tenant_id = ${tenantId} and dd.id = ${decisionId})`;
  const board = toRecord(boardRow);
  const status = await statusOfStep(db, tenantId, actor, idea, board, input, decided, now);
  const newSponsor = sorted.sponsorId !== undefined ? sorted.sponsorId : idea.sponsorId;
  const caseCard =
    input.step === 'approved' ? await caseCardStatements(db, tenant, actor, idea, newSponsor, person, input, decided, now) : null;

  const atStep = sql`exists (select 1 from ${ideas} fi where fi.tenant_id = ${tenantId} and fi.id = ${ideaId}
    and fi.intake_step = ${from} and fi.merged_into is null and fi.state = 'published')`;
  const row = {
    id: decisionId,
    tenantId,
    ideaId,
    step: input.step,
    forum: input.forum ?? null,
    decidedOn: input.decidedOn,
    deciderId: deciderHandle === undefined ? viewerUserId(tenantId, actor) : (person?.deciderId ?? null),
    note: input.note ?? null,
    createdBy: viewerUserId(tenantId, actor),
    createdAt: now,
  };
  const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
    upsertUser(db, tenantId, actor, now),
    db.insert(intakeDecisions).select(conditionalRow(intakeDecisions, row, atStep)),
    ...(status ?? []),
    // Before the case card, which takes the idea's objectives as they are now.
    ...intakeFieldWrites(db, tenantId, ideaId, sorted, now, decided, decided),
    ...(caseCard?.statements ?? []),
    db
      .update(ideas)
      .set({ intakeStep: input.step, ...(caseCard ? { caseCardId: sql`coalesce(${qualified(ideas.caseCardId)}, ${caseCard.id})` } : {}) })
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId), decided)),
    ...eventStatements(db, {
      tenantId,
      type: 'idea.intake_decided',
      actorId: viewerUserId(tenantId, actor),
      item: { kind: 'idea', id: ideaId },
      data: { step: input.step, from, forum: input.forum ?? null, decidedOn: input.decidedOn, card: caseCard?.id ?? null },
      onlyIf: decided,
      now,
    }),
  ];
  await db.batch(statements);
  const [decision] = await selectDecisions(db, tenantId).where(
    and(eq(intakeDecisions.tenantId, tenantId), eq(intakeDecisions.id, decisionId)),
  );
  if (!decision) {
    // Another decision moved the idea between the read and the batch.
    const [now_] = await db
      .select({ step: ideas.intakeStep })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId)));
    throw notAllowed(now_?.step ?? from, input.step);
  }
  return { decision: toDecision(decision), idea: await getIdea(db, tenantId, actor, ideaId) };
}

/**
 * The status change a step makes, as statements conditional on the decision (`decided`), or
 * null: deflected sets the deflection status given, deferred the board's first status that takes
 * a revisit date, approved the board's first `planned` status while the idea is still open or
 * under review. Its refusals (an unknown or non-deflection status, a reason too short, a revisit
 * date not after today, an unknown card) are thrown as setStatus throws them.
 */
async function statusOfStep(
  db: Database,
  tenantId: string,
  actor: Actor,
  idea: IdeaRecord,
  board: ReturnType<typeof toRecord>,
  input: IntakeDecisionInput,
  decided: SQL,
  now: number,
): Promise<BatchItem<'sqlite'>[] | null> {
  const change = async (update: Parameters<typeof statusChange>[4]) =>
    (await statusChange(db, tenantId, actor, idea.id, update, decided, now)).statements;
  if (input.step === 'deflected') {
    const deflections = board.statuses.filter((s) => s.deflection);
    if (!deflections.some((s) => s.key === input.status)) {
      const keys = deflections.map((s) => s.key).join(', ');
      throw new ApiError(
        400,
        'validation_failed.intake_status',
        { status: input.status, board: board.slug, statuses: keys },
        { details: [fieldIssue('body.status', 'field.invalid_value', { values: keys })] },
      );
    }
    return change({ status: input.status, reason: input.reason, ...(input.card !== undefined ? { card: input.card } : {}) });
  }
  if (input.step === 'deferred') {
    const defer = board.statuses.find((s) => s.requiresRevisitDate);
    if (!defer) throw new ApiError(409, 'conflict.intake_no_defer_status', { board: board.slug });
    return change({ status: defer.key, reason: input.reason, revisitOn: input.revisitOn });
  }
  if (input.step === 'approved' && (idea.statusCategory === 'open' || idea.statusCategory === 'under_review')) {
    const planned = board.statuses.find((s) => s.category === 'planned');
    return planned ? change({ status: planned.key }) : null;
  }
  return null;
}

/** An idea's business case as the fields of the `business-case` template that the idea can fill; the rest waits for its author. */
function caseFields(template: CardTemplate, idea: IdeaRecord, sponsor: PersonValue | null): Record<string, FieldValue> {
  const keys = new Set(template.fields.map((f) => f.key));
  const facts = [
    idea.valueType ? `- Value: ${idea.valueType}` : null,
    idea.effortSize ? `- Effort: ${idea.effortSize}` : null,
    idea.beneficiary ? `- Who benefits: ${idea.beneficiary}` : null,
  ].filter((line): line is string => line !== null);
  const summary = [idea.description.trim() || idea.title, facts.join('\n')].filter((part) => part !== '').join('\n\n');
  const fields: Record<string, FieldValue> = {
    executiveSummary: summary,
    reasons: (idea.problem ?? '').trim() || idea.description.trim() || idea.title,
    ...(sponsor ? { sponsor: { ...sponsor } } : {}),
    decisionStatus: 'approved',
  };
  return Object.fromEntries(Object.entries(fields).filter(([key]) => keys.has(key)));
}

/**
 * The statements that make the approved idea's business-case card, conditional on the decision:
 * the card (pre-filled, so not every required field is filled — its author completes it on the
 * first save, which checks it as any save does), its first version, its objectives (those of the
 * idea) and `card.created`. Owned by the idea's sponsor, else by whoever recorded the decision;
 * its unit is the idea's, its visibility the template's default.
 */
async function caseCardStatements(
  db: Database,
  tenant: Tenant,
  actor: Actor,
  idea: IdeaRecord,
  sponsorId: string | null,
  person: { sponsorHandle: string | null; sponsorName: string | null } | undefined,
  input: IntakeDecisionInput,
  decided: SQL,
  now: number,
): Promise<{ id: string; statements: BatchItem<'sqlite'>[] }> {
  const tenantId = tenant.id;
  const template = await findTemplate(db, tenantId, CASE_TEMPLATE);
  const sponsor = person?.sponsorHandle && person.sponsorName ? { name: person.sponsorName, handle: person.sponsorHandle } : null;
  const fields = caseFields(template, idea, sponsor);
  const rendered: Record<string, string> = {};
  for (const f of template.fields) {
    const value = fields[f.key];
    if (f.type === 'richtext' && typeof value === 'string') rendered[f.key] = renderMarkdown(value).html;
  }
  const id = newId();
  const saveId = newId();
  const me = viewerUserId(tenantId, actor);
  const row = {
    id,
    tenantId,
    templateId: template.id,
    templateVersion: template.version,
    title: idea.title,
    summary: (idea.problem ?? idea.description).trim().slice(0, CARD_SUMMARY_MAX),
    fields,
    rendered,
    searchText: searchableText(template, fields),
    tags: [],
    maturityLevel: null,
    ownerId: sponsorId ? sql`${sponsorId}` : me,
    reviewBy: reviewDateAfter(now),
    version: 1,
    saveId,
    createdBy: actor.name,
    createdAt: now,
    updatedBy: actor.name,
    updatedAt: now,
    authorId: me,
    state: 'published' as const,
    moderationReason: null,
    unitId: idea.unitId,
    visibility: visibilityAfter(undefined, template.visibility ?? 'everyone', idea.unitId, true),
  };
  const note = `Made from the idea approved on ${input.decidedOn}${input.forum ? ` by ${input.forum}` : ''}`;
  return {
    id,
    statements: [
      db.insert(cards).select(conditionalRow(cards, row, decided)),
      ...afterSave(db, tenantId, id, saveId, [], note, actor),
      copyObjectiveLinks(db, tenantId, { kind: 'idea', id: idea.id }, { kind: 'card', id }, decided, now),
      ...saveEvents(db, tenantId, id, saveId, 'card.created', null, me, now),
    ],
  };
}

function selectDecisions(db: Database, tenantId: string) {
  return db
    .select({
      decision: intakeDecisions,
      decider: sql<
        string | null
      >`(select json_object('handle', du.handle, 'name', du.name) from ${users} du where du.tenant_id = ${tenantId} and du.id = ${qualified(intakeDecisions.deciderId)} and du.handle is not null)`.as(
        'intake_decider',
      ),
    })
    .from(intakeDecisions);
}

type DecisionRow = Awaited<ReturnType<ReturnType<typeof selectDecisions>['all']>>[number];

function toDecision({ decision: d, decider }: DecisionRow): IntakeDecision {
  return {
    id: d.id,
    step: d.step,
    forum: d.forum,
    decidedOn: d.decidedOn,
    decider: decider ? (JSON.parse(decider) as { handle: string; name: string }) : null,
    note: d.note,
    recordedAt: isoTime(d.createdAt),
  };
}

/** The idea's intake decisions, oldest first, for whoever may see the idea (404 otherwise): one round trip. */
export async function intakeDecisionsOf(db: Database, tenantId: string, viewer: Viewer, ideaId: string): Promise<IntakeDecision[]> {
  const [found, rows] = await db.batch([
    db
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId), ideaVisibleTo(tenantId, viewer))),
    selectDecisions(db, tenantId)
      .where(and(eq(intakeDecisions.tenantId, tenantId), eq(intakeDecisions.ideaId, ideaId)))
      .orderBy(asc(intakeDecisions.createdAt), asc(sql`"intake_decisions".rowid`)),
  ]);
  if (!found[0]) throw notFound('not_found.idea', { id: ideaId });
  return rows.map(toDecision);
}
