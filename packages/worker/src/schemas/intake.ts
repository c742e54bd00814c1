/** Schemas of the objectives and intake routes (docs/intake.md). */
import type {
  CardObjectives,
  CardObjectivesInput,
  IntakeDecision,
  IntakeDecisionInput,
  IntakeResult,
  NewObjective,
  Objective,
  ObjectiveList,
  ObjectiveQuery,
  ObjectiveUpdate,
} from '@bridgekit/sdk';
import { OBJECTIVES_PER_ITEM_MAX } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { dateString, ItemRefSchema, orNull, TenantParams } from './common.ts';
import { type Exact, expectType, requestType, requestTypeWithin } from './contract.ts';
import { DemandClassKeySchema, IdeaSchema, ObjectiveIdsSchema, SponsorSchema } from './ideas.ts';
import { IntakeStepSchema, ObjectiveRefSchema, PersonRefSchema } from './intake-refs.ts';
import { line, text } from './text.ts';
import { UnitRefSchema } from './unit-ref.ts';

const iso = () => z.string().openapi({ format: 'date-time' });
const HorizonSchema = z.enum(['this-year', 'one-to-three-years', 'beyond-three-years']);

export const ObjectiveSchema = z
  .object({
    id: z.string(),
    unit: UnitRefSchema,
    title: z.string(),
    kpi: z.string().nullable(),
    horizon: z.string().nullable().openapi({ description: '`this-year`, `one-to-three-years` or `beyond-three-years`.' }),
    card: orNull(ItemRefSchema).openapi({ description: 'The partner-profile card it is written in; null when added through the API.' }),
    archivedAt: iso().nullable().openapi({ description: 'When it left the profile or was archived; links to it keep working.' }),
  })
  .openapi('Objective');
expectType<Exact<z.infer<typeof ObjectiveSchema>, Objective>>(true);

export const ObjectiveListSchema = z.object({ items: z.array(ObjectiveSchema) }).openapi('ObjectiveList');
expectType<Exact<z.infer<typeof ObjectiveListSchema>, ObjectiveList>>(true);

export const NewObjectiveSchema = z
  .strictObject({
    title: line('The title', { max: 200 }),
    kpi: line('The measure', { max: 200 }).nullable().optional(),
    horizon: HorizonSchema.nullable().optional(),
  })
  .openapi('NewObjective');
requestType<NewObjective>()(NewObjectiveSchema, true);

export const ObjectiveUpdateSchema = z
  .strictObject({
    title: line('The title', { max: 200 }).optional(),
    kpi: line('The measure', { max: 200 }).nullable().optional(),
    horizon: HorizonSchema.nullable().optional(),
  })
  .openapi('ObjectiveUpdate', { description: 'The fields to change; left out, kept; `null` clears the measure or horizon.' });
requestType<ObjectiveUpdate>()(ObjectiveUpdateSchema, true);

export const ObjectiveQuerySchema = z.strictObject({
  archived: z
    .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional())
    .openapi({ type: 'string', enum: ['true', 'false'], description: '`true`: the archived objectives too.' }),
});
requestTypeWithin<ObjectiveQuery>()(ObjectiveQuerySchema, true);

export const UnitObjectivesParams = TenantParams.extend({
  key: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'finance' }),
});

export const ObjectiveParams = TenantParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'k3v9q0m2x7h1c8td' }),
});

export const CardObjectivesInputSchema = z
  .strictObject({
    objectives: z.array(z.string().min(1).max(64)).max(OBJECTIVES_PER_ITEM_MAX).openapi({
      description: 'Ids of current objectives, at most 5; `[]` clears them (400 `validation_failed.unknown_objective` otherwise).',
    }),
  })
  .openapi('CardObjectivesInput');
requestType<CardObjectivesInput>()(CardObjectivesInputSchema, true);

export const CardObjectivesSchema = z.object({ objectives: z.array(ObjectiveRefSchema) }).openapi('CardObjectives');
expectType<Exact<z.infer<typeof CardObjectivesSchema>, CardObjectives>>(true);

export const IntakeDecisionSchema = z
  .object({
    id: z.string(),
    step: IntakeStepSchema,
    forum: z.string().nullable(),
    decidedOn: z.string().openapi({ format: 'date' }),
    decider: orNull(PersonRefSchema).openapi({ description: 'Who decided; null once erased.' }),
    note: z.string().nullable(),
    recordedAt: iso(),
  })
  .openapi('IntakeDecision');
expectType<Exact<z.infer<typeof IntakeDecisionSchema>, IntakeDecision>>(true);

export const IntakeDecisionListSchema = z.object({ items: z.array(IntakeDecisionSchema) }).openapi('IntakeDecisionList');

export const IntakeResultSchema = z.object({ decision: IntakeDecisionSchema, idea: IdeaSchema }).openapi('IntakeResult');
expectType<Exact<z.infer<typeof IntakeResultSchema>, IntakeResult>>(true);

const base = {
  forum: line('The forum', { max: 100 }).optional().openapi({ example: 'Finance demand board' }),
  decidedOn: dateString.openapi({ description: 'The day it was decided, `YYYY-MM-DD`, not after today.' }),
  decider: z.string().min(1).max(40).optional().openapi({ description: 'The decider’s handle; the caller when left out.' }),
  note: text('The note', { max: 2000 }).optional(),
  sponsor: SponsorSchema.nullable()
    .optional()
    .openapi({ description: "The idea's sponsor, set with the decision: someone who has not scored it. Left out: kept; `null`: cleared." }),
  demandClass: DemandClassKeySchema.nullable()
    .optional()
    .openapi({ description: "The idea's demand class, set with the decision. Left out: kept; `null`: cleared." }),
  objectives: ObjectiveIdsSchema.optional().openapi({ description: 'Replaces the objectives the idea serves, with the decision.' }),
};
const reason = text('The reason', { max: 2000 }).openapi({ description: 'At least 10 characters: the requester reads it.' });

export const IntakeDecisionInputSchema = z
  .discriminatedUnion('step', [
    z.strictObject({ step: z.enum(['screening', 'needs_information', 'qualified', 'approved']), ...base }),
    z.strictObject({
      step: z.literal('deflected'),
      ...base,
      status: z.string().min(1).max(64).openapi({ description: 'A deflection status of the idea’s board, e.g. `already_available`.' }),
      reason,
      card: z.string().min(1).max(64).optional().openapi({ description: 'The published practice card that answers the need.' }),
    }),
    z.strictObject({
      step: z.literal('deferred'),
      ...base,
      revisitOn: dateString.openapi({ description: 'When to look at it again, after today.' }),
      reason,
    }),
  ])
  .openapi('IntakeDecisionInput');
requestType<IntakeDecisionInput>()(IntakeDecisionInputSchema, true);
