/**
 * What an idea says for its intake besides its text: its business sponsor (a member, by handle),
 * its demand class (domain/demand-classes.ts) and the units' objectives it serves — how a new
 * idea and an edit check them, in the batch that reads before the write, and write them; and how
 * an idea answers them, with where its intake stands (store/intake.ts records the steps).
 *
 * A sponsor cannot score the idea they sponsor: naming someone who scored it is 409
 * `conflict.sponsor_scored`, and the score route refuses the sponsor (store/scores.ts).
 */

import type { Idea } from '@bridgekit/sdk';
import { handleKey } from '@bridgekit/sdk/text-rules';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client.ts';
import { ideaScores, ideas, tenants, unitObjectives, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { checkDemandClass, demandClassColumn, parseDemandClass } from '../domain/demand-classes.ts';
import { ApiError, fieldIssue } from '../errors.ts';
import { itemRef, publishedCardRef } from './item-refs.ts';
import { checkObjectives, objectivesColumn, parseObjectiveRefs, replaceObjectiveLinks } from './objectives.ts';
import type { Tenant } from './tenants.ts';

/** The intake fields of a new idea or an edit: left out, kept; `null`, cleared. */
export interface IntakeFields {
  sponsor?: string | null | undefined;
  demandClass?: string | null | undefined;
  objectives?: string[] | undefined;
}

/** The fields, resolved: the sponsor's user id instead of the handle. */
export interface ResolvedIntakeFields {
  sponsorId?: string | null;
  demandClass?: string | null;
  objectives?: string[];
}

/** The columns of the idea in scope that `toIntakeFields` reads. */
export function intakeColumns() {
  const tenantId = qualified(ideas.tenantId);
  return {
    sponsor: sql<
      string | null
    >`(select json_object('handle', sp.handle, 'name', sp.name) from ${users} sp where sp.id = ${qualified(ideas.sponsorId)} and sp.handle is not null)`.as(
      'idea_sponsor',
    ),
    demandClass: demandClassColumn(tenantId, qualified(ideas.demandClass)).as('idea_demand_class'),
    objectives: objectivesColumn(tenantId, 'idea', qualified(ideas.id)).as('idea_objectives'),
    caseCard: publishedCardRef(tenantId, qualified(ideas.caseCardId)).as('idea_case_card'),
  };
}

type IntakeRow = {
  idea: { intakeStep: Idea['intake']['step'] };
  sponsor: string | null;
  demandClass: string | null;
  objectives: string;
  caseCard: string | null;
};

export function toIntakeFields(row: IntakeRow): Pick<Idea, 'sponsor' | 'demandClass' | 'objectives' | 'intake'> {
  return {
    sponsor: row.sponsor ? (JSON.parse(row.sponsor) as { handle: string; name: string }) : null,
    demandClass: parseDemandClass(row.demandClass),
    objectives: parseObjectiveRefs(row.objectives),
    intake: { step: row.idea.intakeStep, caseCard: itemRef(row.caseCard) },
  };
}

/** SQL for the user id of the member with this handle (NULL for none). */
export function memberIdOfHandle(tenantId: string, handle: string): SQL<string | null> {
  return sql`(select mh.id from ${users} mh where mh.tenant_id = ${tenantId} and mh.handle = ${handleKey(handle)}
    and mh.kind = 'person')`;
}

/**
 * One statement that reads what the fields name — the sponsor, whether they scored the idea
 * `ideaId` (an edit), the current objectives among those given — and the check of its row, which
 * throws 400 for an unknown sponsor, class or objective and 409 for a sponsor who scored the idea.
 */
export function intakeFieldChecks(db: Database, tenant: Tenant, ideaId: string | null, input: IntakeFields) {
  const tenantId = tenant.id;
  const handle = typeof input.sponsor === 'string' ? input.sponsor : null;
  const sponsorId = handle === null ? sql<string | null>`null` : memberIdOfHandle(tenantId, handle);
  const ids = [...new Set(input.objectives ?? [])];
  const statement = db
    .select({
      sponsorId: sql<string | null>`${sponsorId}`.as('intake_sponsor_id'),
      sponsorScored: (ideaId === null || handle === null
        ? sql<number>`0`
        : sql<number>`exists (select 1 from ${ideaScores} ss join ${users} su on su.tenant_id = ss.tenant_id and su.subject = ss.evaluator
            where ss.tenant_id = ${tenantId} and ss.idea_id = ${ideaId} and su.id = ${sponsorId})`
      ).as('intake_sponsor_scored'),
      objectives: (ids.length
        ? sql<string>`(select json_group_array(co.id) from ${unitObjectives} co where co.tenant_id = ${tenantId}
            and co.id in (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )}) and co.archived_at is null)`
        : sql<string>`'[]'`
      ).as('intake_objectives'),
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  type Row = Awaited<ReturnType<typeof statement.all>>[number];
  const check = (rows: Row[]): ResolvedIntakeFields => {
    const row = rows[0];
    checkDemandClass(tenant.demandClasses, input.demandClass, 'body.demandClass');
    if (handle !== null && !row?.sponsorId) {
      throw new ApiError(
        400,
        'validation_failed.unknown_person',
        { handle },
        { details: [fieldIssue('body.sponsor', 'field.unknown_owner', { handle })] },
      );
    }
    checkObjectives(
      input.objectives,
      (JSON.parse(row?.objectives ?? '[]') as string[]).map((id) => ({ id })),
    );
    if (row?.sponsorScored === 1) throw new ApiError(409, 'conflict.sponsor_scored', { handle: handle ?? '' });
    return {
      ...(input.sponsor !== undefined ? { sponsorId: input.sponsor === null ? null : (row?.sponsorId ?? null) } : {}),
      ...(input.demandClass !== undefined ? { demandClass: input.demandClass } : {}),
      ...(input.objectives !== undefined ? { objectives: ids } : {}),
    };
  };
  return { statement, check };
}

/**
 * The writes of the resolved fields for the idea `id`, while `open` (SQL on the idea in scope)
 * holds: its sponsor — never someone who scored it meanwhile — and class; and its objectives,
 * while `linksOnlyIf` (SQL that names no table in scope) holds.
 */
export function intakeFieldWrites(
  db: Database,
  tenantId: string,
  id: string,
  fields: ResolvedIntakeFields,
  now: number,
  open: SQL | undefined = undefined,
  linksOnlyIf: SQL | undefined = undefined,
): BatchItem<'sqlite'>[] {
  const inScope = and(eq(ideas.tenantId, tenantId), eq(ideas.id, id), open);
  const set = {
    ...(fields.sponsorId !== undefined ? { sponsorId: fields.sponsorId } : {}),
    ...(fields.demandClass !== undefined ? { demandClass: fields.demandClass } : {}),
  };
  const notScoredBySponsor = fields.sponsorId
    ? sql`not exists (select 1 from ${ideaScores} ns join ${users} nu on nu.tenant_id = ns.tenant_id and nu.subject = ns.evaluator
        where ns.tenant_id = ${tenantId} and ns.idea_id = ${id} and nu.id = ${fields.sponsorId})`
    : undefined;
  const idea = sql`exists (select 1 from ${ideas} wi where wi.tenant_id = ${tenantId} and wi.id = ${id})`;
  const exists = linksOnlyIf ? sql`${idea} and ${linksOnlyIf}` : idea;
  return [
    ...(Object.keys(set).length > 0 ? [db.update(ideas).set(set).where(and(inScope, notScoredBySponsor))] : []),
    ...(fields.objectives !== undefined ? replaceObjectiveLinks(db, tenantId, 'idea', id, fields.objectives, exists, now) : []),
  ];
}
