/** Value-realisation plans: their requests and answers (routes/value.ts, docs/value.md). */
import {
  BENEFIT_CLASSES,
  type NewValueActual,
  type NewValueBenefit,
  type ValueActual,
  type ValueBenefit,
  type ValueBenefitUpdate,
  type ValuePlan,
  type ValueTotal,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { VALUE_MAX } from '../domain/value.ts';
import { dateString, ItemRefSchema, orNull, TenantParams } from './common.ts';
import { type Exact, expectType, requestType } from './contract.ts';
import { line, text } from './text.ts';

const idParam = (name: string, example: string, description: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: 'path' }, example, description });

export const BenefitParams = TenantParams.extend({ benefit: idParam('benefit', 'vb_k3v9q0m2x7h1c8td', 'The benefit’s id.') });
export const ActualParams = TenantParams.extend({ actual: idParam('actual', 'va_k3v9q0m2x7h1c8td', 'The actual’s id.') });

const PersonSchema = z.object({ handle: z.string(), name: z.string() });
const BenefitClassSchema = z.enum(BENEFIT_CLASSES).openapi('BenefitClass', {
  description: '`cash_releasing` (money that leaves the budget), `hard` (measurable, not cash), `soft` (felt, hard to count).',
});
const amount = (what: string) =>
  z
    .number()
    .finite()
    .min(-VALUE_MAX)
    .max(VALUE_MAX)
    .openapi({ description: `${what}; a finite number, |x| ≤ 1e12.` });

export const ValueActualSchema = z
  .object({
    id: z.string(),
    measuredOn: z.string().openapi({ description: '`YYYY-MM-DD`.' }),
    value: z.number(),
    note: z.string().nullable(),
    recordedBy: orNull(PersonSchema),
  })
  .openapi('ValueActual');
expectType<Exact<z.infer<typeof ValueActualSchema>, ValueActual>>(true);

export const ValueBenefitSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    measure: z.string(),
    baseline: z.number(),
    target: z.number(),
    benefitClass: BenefitClassSchema,
    owner: orNull(PersonSchema),
    objective: orNull(z.object({ id: z.string(), title: z.string() })),
    dueOn: z.string().nullable(),
    planned: z.number().openapi({ description: 'Target − baseline.' }),
    delivered: z.number().openapi({ description: 'The latest actual − baseline; 0 until measured.' }),
    actuals: z.array(ValueActualSchema).openapi({ description: 'Oldest first.' }),
  })
  .openapi('ValueBenefit');
expectType<Exact<z.infer<typeof ValueBenefitSchema>, ValueBenefit>>(true);

const ValueTotalSchema = z
  .object({ measure: z.string(), planned: z.number(), delivered: z.number(), benefits: z.number().int() })
  .openapi('ValueTotal', { description: 'Planned and delivered of one measure: only like measures add up.' });
expectType<Exact<z.infer<typeof ValueTotalSchema>, ValueTotal>>(true);

export const ValuePlanSchema = z
  .object({
    card: ItemRefSchema,
    idea: orNull(ItemRefSchema),
    items: z.array(ValueBenefitSchema),
    totals: z.array(ValueTotalSchema),
    canEdit: z
      .boolean()
      .openapi({ description: "The caller may add, change and remove benefits: the card's owner, its unit's team, admins." }),
  })
  .openapi('ValuePlan');
expectType<Exact<z.infer<typeof ValuePlanSchema>, ValuePlan>>(true);

const HANDLE = z.string().min(1).max(64);
const benefitFields = {
  title: line('The title', { max: 200 }),
  measure: line('The measure', { max: 40 }).openapi({ example: 'EUR/year' }),
  baseline: amount('Where the measure stands before the change'),
  target: amount('Where it should stand'),
  benefitClass: BenefitClassSchema,
  owner: HANDLE.nullable().optional().openapi({ description: 'The handle of the person accountable.' }),
  objective: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'an objective id')
    .nullable()
    .optional()
    .openapi({ description: "The id of one of the plan's unit's current objectives." }),
  dueOn: dateString.nullable().optional(),
};

export const NewValueBenefitSchema = z.strictObject(benefitFields).openapi('NewValueBenefit');
requestType<NewValueBenefit>()(NewValueBenefitSchema, true);

export const ValueBenefitUpdateSchema = z
  .strictObject({
    title: benefitFields.title.optional(),
    measure: benefitFields.measure.optional(),
    baseline: benefitFields.baseline.optional(),
    target: benefitFields.target.optional(),
    benefitClass: BenefitClassSchema.optional(),
    owner: benefitFields.owner,
    objective: benefitFields.objective,
    dueOn: benefitFields.dueOn,
  })
  .openapi('ValueBenefitUpdate');
requestType<ValueBenefitUpdate>()(ValueBenefitUpdateSchema, true);

export const NewValueActualSchema = z
  .strictObject({
    measuredOn: dateString.openapi({ description: '`YYYY-MM-DD`, today or earlier (UTC).' }),
    value: amount('Where the measure stood that day'),
    note: text('The note', { max: 500 }).nullable().optional(),
  })
  .openapi('NewValueActual');
requestType<NewValueActual>()(NewValueActualSchema, true);
