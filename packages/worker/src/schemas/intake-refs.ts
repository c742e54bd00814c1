/**
 * What an idea and the settings answer of the intake: an objective named, a person named, a
 * demand class, where the intake stands. Apart from schemas/intake.ts, which builds on the idea's
 * schema, so that schemas/ideas.ts can use these without a cycle.
 */
import {
  type DemandClassDefinition,
  type DemandClassRef,
  type IdeaIntake,
  INTAKE_STEPS,
  type ObjectiveRef,
  type PersonRef,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { DEMAND_CLASS_KEY, DEMAND_CLASSES_MAX, demandClassesProblem } from '../domain/demand-classes.ts';
import { ItemRefSchema, orNull } from './common.ts';
import { type Exact, expectType } from './contract.ts';
import { line } from './text.ts';
import { translations } from './translations.ts';
import { UnitRefSchema } from './unit-ref.ts';

export const IntakeStepSchema = z.enum(INTAKE_STEPS).openapi('IntakeStep', {
  description: 'screening → needs_information → qualified → approved; deferred and deflected on the way (docs/intake.md).',
});

export const PersonRefSchema = z
  .object({ handle: z.string().openapi({ example: 'amara.okafor' }), name: z.string() })
  .openapi('PersonRef', { description: 'A member named by their handle.' });
expectType<Exact<z.infer<typeof PersonRefSchema>, PersonRef>>(true);

export const ObjectiveRefSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    unit: UnitRefSchema,
    card: orNull(ItemRefSchema).openapi({ description: 'The partner-profile card it is written in, when everyone may read it.' }),
  })
  .openapi('ObjectiveRef');
expectType<Exact<z.infer<typeof ObjectiveRefSchema>, ObjectiveRef>>(true);

export const DemandClassSchema = z
  .object({ key: z.string(), label: z.string(), translations: translations({ label: z.string() }) })
  .openapi('DemandClass', { description: 'A demand (investment) class: `run`, `grow`, `transform`, or one of the tenant’s own.' });
expectType<Exact<z.infer<typeof DemandClassSchema>, DemandClassRef>>(true);
expectType<Exact<z.infer<typeof DemandClassSchema>, DemandClassDefinition>>(true);

const DemandClassInputSchema = z.strictObject({
  key: z
    .string()
    .max(40)
    .regex(DEMAND_CLASS_KEY, 'Use lower-case letters and digits in words joined by single hyphens, at most 40 characters.')
    .openapi({ example: 'regulatory' }),
  label: line('The label', { max: 60 }),
  translations: translations({ label: line('The German label', { max: 60 }) }),
});

export const DemandClassesInputSchema = z
  .array(DemandClassInputSchema)
  .min(1)
  .max(DEMAND_CLASSES_MAX)
  .superRefine((classes, ctx) => {
    const problem = demandClassesProblem(classes);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const IdeaIntakeSchema = z
  .object({
    step: IntakeStepSchema,
    caseCard: orNull(ItemRefSchema).openapi({
      description: 'The business-case card made when it was approved, when everyone may read it.',
    }),
  })
  .openapi('IdeaIntake');
expectType<Exact<z.infer<typeof IdeaIntakeSchema>, IdeaIntake>>(true);
