/**
 * Value-realisation plans (docs/value.md): an approved idea's plan card, made once; the benefits of
 * a plan card, each a number from a baseline to a target; the actuals measured. Who reads a plan's
 * benefits is who reads its card (`cardVisibleTo`); who changes them is the card's owner, its unit's
 * relationship team and admins; an actual may also be recorded by the benefit's owner. Planned and
 * delivered come from domain/value.ts. A plan's read is one batch of three statements whatever the
 * number of benefits and actuals.
 */
import type {
  BenefitClass,
  CardInput,
  CardVisibility,
  FieldValue,
  IntakeStep,
  NewValueActual,
  NewValueBenefit,
  PracticeCard,
  ValueActual,
  ValueBenefit,
  ValueBenefitUpdate,
  ValuePlan,
} from '@bridgekit/sdk';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, effectiveRole, hasRole, selectGrantedRole, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { businessUnits, cards, ideas, unitObjectives, users, valueActuals, valueBenefits } from '../db/schema.ts';
import { conditionalRow, qualified } from '../db/sql.ts';
import { BENEFITS_PER_PLAN, byMeasuredOn, delivered, measureKey, planned, totalsByMeasure } from '../domain/value.ts';
import { ApiError, fieldIssue, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { eventStatements } from '../notify/record.ts';
import { cardVisibleTo, dayOf, isAdmin } from './card-rows.ts';
import { getCard, insertCard, type Saver } from './cards.ts';
import { ideaVisibleTo } from './ideas.ts';
import type { Tenant } from './tenants.ts';
import { onUnitTeam } from './unit-access.ts';
import { upsertUser, viewerUserId } from './users.ts';

/** The built-in template of value plans. */
export const VALUE_PLAN_TEMPLATE = 'value-realization-plan';
/** `cards.promoted_from` of the plan made from an idea: unique per tenant, so an idea has one plan. */
const PLAN_OF = 'value-plan:';
const planOrigin = (ideaId: string) => `${PLAN_OF}${ideaId}`;
const CARD_TITLE_MAX = 140;

/** SQL that is 1 when the viewer may change the benefits of the card in scope: its owner, its unit's team, admins. */
function editsCard(tenantId: string, viewer: Viewer | Actor): SQL {
  return sql`(${qualified(cards.ownerId)} = ${viewerUserId(tenantId, viewer)} or ${onUnitTeam(tenantId, viewer, cards.unitId)}
    or ${isAdmin(tenantId, viewer)})`;
}

/** SQL for the id of the idea the plan card in scope was made from (NULL for a plan made by hand). */
const planIdeaId = () =>
  sql<
    string | null
  >`case when ${qualified(cards.promotedFrom)} like ${`${PLAN_OF}%`} then substr(${qualified(cards.promotedFrom)}, ${PLAN_OF.length + 1}) end`;

/** The plan card `cardId` as the viewer may see it, for reading or changing its benefits. */
function selectPlanCard(db: Database, tenantId: string, viewer: Viewer | Actor, cardId: string) {
  return db
    .select({
      id: cards.id,
      title: cards.title,
      templateId: cards.templateId,
      unitId: cards.unitId,
      ideaId: planIdeaId(),
      idea: sql<string | null>`(select json_object('id', pi.id, 'title', pi.title) from ${ideas} pi
        where pi.tenant_id = ${tenantId} and pi.id = ${planIdeaId()} and pi.state = 'published')`,
      edits: sql<number>`${editsCard(tenantId, viewer)}`,
    })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, cardId), cardVisibleTo(tenantId, viewer)));
}

type PlanCard = {
  id: string;
  title: string;
  templateId: string;
  unitId: string | null;
  ideaId: string | null;
  idea: string | null;
  edits: number;
};

/** The card, or 404 when the viewer may not see it or it is no value plan. */
function planCardOr404(row: PlanCard | undefined, cardId: string): PlanCard {
  if (!row) throw notFound('not_found.card', { id: cardId });
  if (row.templateId !== VALUE_PLAN_TEMPLATE) throw notFound('not_found.value_plan', { id: cardId });
  return row;
}

const person = (handle: SQL, name: SQL) => sql`case when ${handle} is not null then json_object('handle', ${handle}, 'name', ${name}) end`;

/** The benefits, with their owner and objective named in the same statement. */
function selectBenefits(db: Database, tenantId: string, where: SQL | undefined) {
  return db
    .select({
      benefit: valueBenefits,
      owner: person(sql`bo.handle`, sql`bo.name`),
      objective: sql<string | null>`(select json_object('id', o.id, 'title', o.title) from ${unitObjectives} o
        where o.tenant_id = ${tenantId} and o.id = ${qualified(valueBenefits.objectiveId)})`,
    })
    .from(valueBenefits)
    .leftJoin(sql`${users} bo`, sql`bo.id = ${qualified(valueBenefits.ownerId)} and bo.kind = 'person'`)
    .where(and(eq(valueBenefits.tenantId, tenantId), where))
    .orderBy(valueBenefits.position, valueBenefits.createdAt, valueBenefits.id);
}

/** The actuals of the benefits `where` picks, with who recorded each. */
function selectActuals(db: Database, tenantId: string, where: SQL) {
  return db
    .select({
      id: valueActuals.id,
      benefitId: valueActuals.benefitId,
      measuredOn: valueActuals.measuredOn,
      value: valueActuals.value,
      note: valueActuals.note,
      createdAt: valueActuals.createdAt,
      recordedBy: person(sql`ar.handle`, sql`ar.name`),
    })
    .from(valueActuals)
    .leftJoin(sql`${users} ar`, sql`ar.id = ${qualified(valueActuals.recordedBy)} and ar.kind = 'person'`)
    .where(
      and(
        eq(valueActuals.tenantId, tenantId),
        sql`${qualified(valueActuals.benefitId)} in (select ${qualified(valueBenefits.id)} from ${valueBenefits} where ${where})`,
      ),
    );
}

type BenefitRow = { benefit: typeof valueBenefits.$inferSelect; owner: string | null; objective: string | null };
type ActualRow = {
  id: string;
  benefitId: string;
  measuredOn: string;
  value: number;
  note: string | null;
  createdAt: number;
  recordedBy: string | null;
};

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

function toBenefit(row: BenefitRow, actualRows: readonly ActualRow[]): ValueBenefit {
  const b = row.benefit;
  const mine = byMeasuredOn(actualRows.filter((a) => a.benefitId === b.id).map((a) => ({ ...a, recordedAt: a.createdAt })));
  const actuals: ValueActual[] = mine.map((a) => ({
    id: a.id,
    measuredOn: a.measuredOn,
    value: a.value,
    note: a.note,
    recordedBy: parse(a.recordedBy),
  }));
  return {
    id: b.id,
    title: b.title,
    measure: b.measure,
    baseline: b.baseline,
    target: b.target,
    benefitClass: b.benefitClass,
    owner: parse(row.owner),
    objective: parse(row.objective),
    dueOn: b.dueOn,
    planned: planned(b),
    delivered: delivered(b, mine),
    actuals,
  };
}

/** A plan card's benefits and totals per measure; 404 for a card the viewer may not see, or one that is no value plan. */
export async function getPlan(db: Database, tenantId: string, viewer: Viewer | Actor, cardId: string): Promise<ValuePlan> {
  const visible = sql`exists (select 1 from ${cards} where ${qualified(cards.tenantId)} = ${tenantId} and ${qualified(cards.id)} = ${cardId}
    and ${cardVisibleTo(tenantId, viewer)})`;
  const ofCard = sql`${qualified(valueBenefits.tenantId)} = ${tenantId} and ${qualified(valueBenefits.cardId)} = ${cardId} and ${visible}`;
  const [[card], benefitRows, actualRows] = await db.batch([
    selectPlanCard(db, tenantId, viewer, cardId),
    selectBenefits(db, tenantId, ofCard),
    selectActuals(db, tenantId, ofCard),
  ]);
  const plan = planCardOr404(card as PlanCard | undefined, cardId);
  const items = (benefitRows as BenefitRow[]).map((row) => toBenefit(row, actualRows as ActualRow[]));
  return {
    card: { id: plan.id, title: plan.title },
    idea: parse(plan.idea),
    items,
    totals: totalsByMeasure(items),
    canEdit: plan.edits === 1,
  };
}

/** One benefit as the viewer may see it (through its card), or 404. */
async function readBenefit(db: Database, tenantId: string, viewer: Viewer | Actor, benefitId: string): Promise<ValueBenefit> {
  const visible = sql`exists (select 1 from ${cards} where ${qualified(cards.tenantId)} = ${tenantId}
    and ${qualified(cards.id)} = ${qualified(valueBenefits.cardId)} and ${cardVisibleTo(tenantId, viewer)})`;
  const one = sql`${qualified(valueBenefits.tenantId)} = ${tenantId} and ${qualified(valueBenefits.id)} = ${benefitId} and ${visible}`;
  const [rows, actualRows] = await db.batch([selectBenefits(db, tenantId, one), selectActuals(db, tenantId, one)]);
  const row = rows[0] as BenefitRow | undefined;
  if (!row) throw notFound('not_found.benefit', { id: benefitId });
  return toBenefit(row, actualRows as ActualRow[]);
}

/** The people and objective a benefit names, looked up in one batch with its card; 400 for either unknown. */
async function resolveReferences(
  db: Database,
  tenantId: string,
  unitId: SQL,
  input: Pick<NewValueBenefit, 'owner' | 'objective'>,
): Promise<{ ownerId: string | null | undefined; objectiveId: string | null | undefined }> {
  const handle = typeof input.owner === 'string' ? input.owner.toLowerCase() : null;
  const objective = typeof input.objective === 'string' ? input.objective : null;
  const [owners, objectives] = await db.batch([
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.handle, handle ?? '\u0000'), eq(users.kind, 'person'))),
    db
      .select({ id: unitObjectives.id })
      .from(unitObjectives)
      .where(
        and(
          eq(unitObjectives.tenantId, tenantId),
          eq(unitObjectives.id, objective ?? '\u0000'),
          sql`${qualified(unitObjectives.unitId)} = ${unitId}`,
          sql`${qualified(unitObjectives.archivedAt)} is null`,
        ),
      ),
  ]);
  const details = [
    ...(handle !== null && !owners[0] ? [fieldIssue('body.owner', 'field.unknown_owner', { handle: input.owner ?? '' })] : []),
    ...(objective !== null && !objectives[0] ? [fieldIssue('body.objective', 'field.unknown_objective', { id: objective })] : []),
  ];
  if (details.length > 0) {
    throw new ApiError(400, 'validation_failed.benefit_references', { problem: details[0]?.message ?? '' }, { details });
  }
  return {
    ownerId: input.owner === undefined ? undefined : (owners[0]?.id ?? null),
    objectiveId: input.objective === undefined ? undefined : (objectives[0]?.id ?? null),
  };
}

/** 403 unless the viewer edits the plan. */
function assertEdits(card: { edits: number }, action: string): void {
  if (card.edits !== 1) throw new ApiError(403, 'forbidden.value_edit', { action });
}

/** Adds a benefit at the end of the plan; 409 `conflict.benefit_limit` beyond {@link BENEFITS_PER_PLAN}, checked in the insert itself. */
export async function addBenefit(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  actor: Actor,
  cardId: string,
  input: NewValueBenefit,
  now = Date.now(),
): Promise<ValueBenefit> {
  const card = planCardOr404((await selectPlanCard(db, tenantId, viewer, cardId).get()) as PlanCard | undefined, cardId);
  assertEdits(card, 'add a benefit');
  const refs = await resolveReferences(db, tenantId, sql`${card.unitId}`, input);
  const id = newId();
  const count = sql`(select count(*) from ${valueBenefits} where ${qualified(valueBenefits.tenantId)} = ${tenantId} and ${qualified(valueBenefits.cardId)} = ${cardId})`;
  const [, inserted] = await db.batch([
    upsertUser(db, tenantId, actor, now),
    db
      .insert(valueBenefits)
      .select(
        conditionalRow(
          valueBenefits,
          {
            id,
            tenantId,
            cardId,
            ideaId: card.ideaId,
            unitId: card.unitId,
            objectiveId: refs.objectiveId ?? null,
            title: input.title,
            measure: measureKey(input.measure),
            baseline: input.baseline,
            target: input.target,
            ownerId: refs.ownerId ?? null,
            benefitClass: input.benefitClass,
            dueOn: input.dueOn ?? null,
            position: sql`(select coalesce(max(${qualified(valueBenefits.position)}) + 1, 0) from ${valueBenefits}
              where ${qualified(valueBenefits.tenantId)} = ${tenantId} and ${qualified(valueBenefits.cardId)} = ${cardId})`,
            createdAt: now,
            updatedAt: now,
          },
          sql`${count} < ${BENEFITS_PER_PLAN}`,
        ),
      )
      .returning({ id: valueBenefits.id }),
  ]);
  if (inserted.length === 0) throw new ApiError(409, 'conflict.benefit_limit', { max: BENEFITS_PER_PLAN });
  return readBenefit(db, tenantId, actor, id);
}

/** The benefit with its card, as the viewer may see it, and whether they edit the card or own the benefit. */
async function benefitAccess(db: Database, tenantId: string, viewer: Viewer | Actor, benefitId: string) {
  const row = await db
    .select({
      cardId: valueBenefits.cardId,
      unitId: cards.unitId,
      title: valueBenefits.title,
      edits: sql<number>`${editsCard(tenantId, viewer)}`,
      owns: sql<number>`(${qualified(valueBenefits.ownerId)} = ${viewerUserId(tenantId, viewer)})`,
    })
    .from(valueBenefits)
    .innerJoin(cards, and(eq(cards.tenantId, tenantId), eq(cards.id, valueBenefits.cardId)))
    .where(and(eq(valueBenefits.tenantId, tenantId), eq(valueBenefits.id, benefitId), cardVisibleTo(tenantId, viewer)))
    .get();
  if (!row) throw notFound('not_found.benefit', { id: benefitId });
  return row;
}

/** Changes the fields given. */
export async function updateBenefit(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  actor: Actor,
  benefitId: string,
  update: ValueBenefitUpdate,
  now = Date.now(),
): Promise<ValueBenefit> {
  const access = await benefitAccess(db, tenantId, viewer, benefitId);
  assertEdits(access, 'change a benefit');
  const refs = await resolveReferences(db, tenantId, sql`${access.unitId}`, update);
  const set: Partial<typeof valueBenefits.$inferInsert> = {
    ...(update.title !== undefined ? { title: update.title } : {}),
    ...(update.measure !== undefined ? { measure: measureKey(update.measure) } : {}),
    ...(update.baseline !== undefined ? { baseline: update.baseline } : {}),
    ...(update.target !== undefined ? { target: update.target } : {}),
    ...(update.benefitClass !== undefined ? { benefitClass: update.benefitClass as BenefitClass } : {}),
    ...(update.dueOn !== undefined ? { dueOn: update.dueOn } : {}),
    ...(refs.ownerId !== undefined ? { ownerId: refs.ownerId } : {}),
    ...(refs.objectiveId !== undefined ? { objectiveId: refs.objectiveId } : {}),
    updatedAt: now,
  };
  await db.batch([
    upsertUser(db, tenantId, actor, now),
    db
      .update(valueBenefits)
      .set(set)
      .where(and(eq(valueBenefits.tenantId, tenantId), eq(valueBenefits.id, benefitId))),
  ]);
  return readBenefit(db, tenantId, actor, benefitId);
}

/** Removes a benefit and (by the foreign key) its actuals. */
export async function removeBenefit(db: Database, tenantId: string, viewer: Viewer, benefitId: string): Promise<void> {
  const access = await benefitAccess(db, tenantId, viewer, benefitId);
  assertEdits(access, 'remove a benefit');
  await db.delete(valueBenefits).where(and(eq(valueBenefits.tenantId, tenantId), eq(valueBenefits.id, benefitId)));
}

/**
 * Records an actual (today or earlier: 400 otherwise), by the benefit's owner or the plan's
 * editors, and tells those who follow the plan card or its idea (`value.measured`).
 */
export async function recordActual(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  actor: Actor,
  benefitId: string,
  input: NewValueActual,
  now = Date.now(),
): Promise<ValueBenefit> {
  if (input.measuredOn > dayOf(now)) {
    throw new ApiError(
      400,
      'validation_failed.measured_in_future',
      { measuredOn: input.measuredOn },
      { details: [fieldIssue('body.measuredOn', 'field.date_not_past')] },
    );
  }
  const access = await benefitAccess(db, tenantId, viewer, benefitId);
  if (access.edits !== 1 && access.owns !== 1) throw new ApiError(403, 'forbidden.value_measure', {});
  await db.batch([
    upsertUser(db, tenantId, actor, now),
    db.insert(valueActuals).values({
      id: newId(),
      tenantId,
      benefitId,
      measuredOn: input.measuredOn,
      value: input.value,
      note: input.note ?? null,
      recordedBy: sql`${viewerUserId(tenantId, actor)}`,
      createdAt: now,
    }),
    ...eventStatements(db, {
      tenantId,
      type: 'value.measured',
      actorId: viewerUserId(tenantId, actor),
      item: { kind: 'card', id: access.cardId },
      data: { benefit: benefitId, title: access.title, measuredOn: input.measuredOn, value: input.value },
      now,
    }),
  ]);
  return readBenefit(db, tenantId, actor, benefitId);
}

/** Removes an actual: who recorded it, or an admin. Answers its benefit. */
export async function removeActual(db: Database, tenantId: string, viewer: Viewer, actualId: string): Promise<ValueBenefit> {
  const row = await db
    .select({
      benefitId: valueActuals.benefitId,
      mayRemove: sql<number>`(${qualified(valueActuals.recordedBy)} = ${viewerUserId(tenantId, viewer)} or ${isAdmin(tenantId, viewer)})`,
    })
    .from(valueActuals)
    .innerJoin(valueBenefits, and(eq(valueBenefits.tenantId, tenantId), eq(valueBenefits.id, valueActuals.benefitId)))
    .innerJoin(cards, and(eq(cards.tenantId, tenantId), eq(cards.id, valueBenefits.cardId)))
    .where(and(eq(valueActuals.tenantId, tenantId), eq(valueActuals.id, actualId), cardVisibleTo(tenantId, viewer)))
    .get();
  if (!row) throw notFound('not_found.value_actual', { id: actualId });
  if (row.mayRemove !== 1) throw new ApiError(403, 'forbidden.value_actual', {});
  await db.delete(valueActuals).where(and(eq(valueActuals.tenantId, tenantId), eq(valueActuals.id, actualId)));
  return readBenefit(db, tenantId, viewer, row.benefitId);
}

/** A list of text fields, pre-filled from a business case's expected benefits. */
function metricsFrom(caseFields: Record<string, FieldValue> | null): { metric: string; kind: 'direct' }[] {
  const expected = caseFields?.expectedBenefits;
  const metrics = Array.isArray(expected)
    ? expected.flatMap((e) => {
        const r = e as Record<string, unknown>;
        const metric = typeof r.measure === 'string' && r.measure.trim() ? r.measure : r.benefit;
        return typeof metric === 'string' && metric.trim() ? [{ metric: metric.slice(0, 200), kind: 'direct' as const }] : [];
      })
    : [];
  return metrics.length > 0 ? metrics : [{ metric: 'Value delivered, benefit by benefit (see the plan’s benefits)', kind: 'direct' }];
}

/**
 * The value plan of an approved idea: made once, as a card of the built-in
 * `value-realization-plan` template pre-filled from the idea and its business case, about the
 * idea's unit and linked to both (`initiative`: the case, else the idea; `strategicAlignment`: the
 * idea). A second call answers the same card (`created: false`): the card's `promoted_from` is
 * `value-plan:<idea>`, unique per tenant, so two calls at once make one card.
 */
export async function makePlan(
  db: Database,
  tenant: Tenant,
  saver: Saver,
  ideaId: string,
  now = Date.now(),
): Promise<{ card: PracticeCard; created: boolean }> {
  const tenantId = tenant.id;
  const { viewer, actor } = saver;
  const me = viewerUserId(tenantId, actor);
  const existing = () =>
    db
      .select({ id: cards.id })
      .from(cards)
      .where(and(eq(cards.tenantId, tenantId), eq(cards.promotedFrom, planOrigin(ideaId))));
  const [ideaRows, grant, planRows, caseRows, mine] = await db.batch([
    db
      .select({
        title: ideas.title,
        description: ideas.description,
        problem: ideas.problem,
        step: ideas.intakeStep,
        unitKey: businessUnits.key,
        sponsor: sql<
          string | null
        >`(select json_object('handle', su.handle, 'name', su.name) from ${users} su where su.id = ${qualified(ideas.sponsorId)} and su.handle is not null)`,
        caseCardId: ideas.caseCardId,
        may: sql<number>`(${qualified(ideas.sponsorId)} = ${me} or ${onUnitTeam(tenantId, viewer, ideas.unitId)})`,
      })
      .from(ideas)
      .leftJoin(businessUnits, and(eq(businessUnits.id, ideas.unitId), sql`${qualified(businessUnits.archivedAt)} is null`))
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, ideaId), ideaVisibleTo(tenantId, viewer))),
    selectGrantedRole(db, tenantId, actor.subject),
    existing(),
    // The business case, when the caller may cite it (published and readable).
    db
      .select({ id: cards.id, fields: cards.fields, visibility: cards.visibility })
      .from(cards)
      .where(
        and(
          eq(cards.tenantId, tenantId),
          sql`${qualified(cards.id)} = (select ${qualified(ideas.caseCardId)} from ${ideas} where ${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.id)} = ${ideaId})`,
          eq(cards.state, 'published'),
          cardVisibleTo(tenantId, viewer),
        ),
      ),
    db
      .select({ me: sql<string | null>`json_object('handle', ${qualified(users.handle)}, 'name', ${qualified(users.name)})` })
      .from(users)
      .where(sql`${qualified(users.id)} = ${me} and ${qualified(users.handle)} is not null`),
  ]);
  const idea = ideaRows[0];
  if (!idea) throw notFound('not_found.idea', { id: ideaId });
  const evaluator = hasRole(effectiveRole(viewer, grant[0]?.role), 'evaluator');
  if (!evaluator && idea.may !== 1) throw new ApiError(403, 'forbidden.value_plan', {});
  const step = idea.step as IntakeStep;
  if (step !== 'approved') throw new ApiError(409, 'conflict.not_approved', { id: ideaId, step });
  const found = planRows[0];
  if (found) return { card: await getCard(db, tenantId, actor, found.id, now), created: false };

  const businessCase = caseRows[0] ?? null;
  // The benefits owner: the sponsor, else the caller (by name only until they have a handle).
  const owner = parse<{ handle: string; name: string }>(idea.sponsor ?? mine[0]?.me ?? null) ?? { name: actor.name };
  const input: CardInput = {
    templateId: VALUE_PLAN_TEMPLATE,
    title: `Value plan: ${idea.title}`.slice(0, CARD_TITLE_MAX),
    summary: `The benefits of “${idea.title}”: what each should bring, who owns it, and what was measured.`.slice(0, 1000),
    fields: {
      initiative: businessCase ? { kind: 'card', id: businessCase.id } : { kind: 'idea', id: ideaId },
      targetBenefits: (idea.problem ?? '').trim() || idea.description.trim() || idea.title,
      strategicAlignment: [{ kind: 'idea', id: ideaId }],
      timeframe: 'long-term',
      benefitsOwner: owner,
      metrics: metricsFrom(businessCase?.fields ?? null),
    },
    tags: ['value-realization'],
    unit: idea.unitKey ?? null,
    // As close as the business case is kept: a case for the unit's team makes a plan for its team.
    ...(businessCase?.visibility === 'unit' && idea.unitKey ? { visibility: 'unit' as CardVisibility } : {}),
    note: 'Made from the approved idea',
  };
  const { id, inserted } = await insertCard(
    db,
    tenant,
    saver,
    input,
    { threadId: null, commentId: null, promotedFrom: planOrigin(ideaId) },
    now,
  );
  if (!inserted) {
    // Another call made it between the look-up above and the insert.
    const [winner] = await existing();
    if (!winner) throw new Error(`The value plan of idea ${ideaId} was not found.`);
    return { card: await getCard(db, tenantId, actor, winner.id, now), created: false };
  }
  return { card: await getCard(db, tenantId, actor, id, now), created: true };
}
