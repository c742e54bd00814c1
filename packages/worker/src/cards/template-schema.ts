/**
 * The shape of a tenant template as a request body, for the route's validation and for
 * `/v1/openapi.json`. Field definitions nest (a list of records of lists…), so the schemas are
 * recursive through `z.lazy`. This checks the shape only; `validateTemplateDefinition` checks
 * the rest (id and key patterns, unique keys, limits, depth) with messages for people.
 */
import type { FieldDef, FieldType, TemplateInput } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { type Exact, expectType } from '../schemas/contract.ts';

const LinkKindSchema = z.enum(['card', 'idea', 'thread']);
const EnumOptionSchema = z.strictObject({ value: z.string(), label: z.string() });

/** One object schema per field type, with `extra` properties (a field's key, label…) added to each. */
function typeVariants<Extra extends z.ZodRawShape>(extra: Extra) {
  return [
    z.strictObject({ ...extra, type: z.literal('text'), maxLength: z.number().int().optional(), multiline: z.boolean().optional() }),
    z.strictObject({ ...extra, type: z.literal('richtext'), maxLength: z.number().int().optional() }),
    z.strictObject({ ...extra, type: z.literal('enum'), options: z.array(EnumOptionSchema) }),
    z.strictObject({ ...extra, type: z.literal('person') }),
    z.strictObject({ ...extra, type: z.literal('date') }),
    z.strictObject({
      ...extra,
      type: z.literal('number'),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().optional(),
    }),
    z.strictObject({ ...extra, type: z.literal('money') }),
    z.strictObject({ ...extra, type: z.literal('link'), to: z.array(LinkKindSchema) }),
    z.strictObject({
      ...extra,
      type: z.literal('list'),
      of: z.lazy(() => FieldTypeSchema),
      minItems: z.number().int().optional(),
      maxItems: z.number().int().optional(),
    }),
    z.strictObject({ ...extra, type: z.literal('record'), fields: z.array(z.lazy(() => FieldDefSchema)) }),
  ] as const;
}

export const FieldTypeSchema: z.ZodType<FieldType> = z
  .lazy(() => z.discriminatedUnion('type', typeVariants({})))
  .openapi('FieldType', { description: 'The type of a field or of the items of a list, with its constraints.' });

export const FieldDefSchema: z.ZodType<FieldDef> = z
  .lazy(() =>
    z.discriminatedUnion(
      'type',
      typeVariants({
        key: z.string().openapi({ description: 'camelCase, unique among its siblings.', example: 'expectedBenefits' }),
        label: z.string(),
        help: z.string().optional(),
        required: z.boolean().optional(),
      }),
    ),
  )
  .openapi('FieldDef', { description: 'One field of a template.' });

export const TemplateInputSchema = z
  .object({
    id: z.string().openapi({ example: 'supplier-review', description: 'Lower-case letters, digits and hyphens; not a built-in id.' }),
    name: z.string(),
    description: z.string().optional(),
    fields: z.array(FieldDefSchema),
  })
  .openapi('TemplateInput');
expectType<Exact<z.infer<typeof TemplateInputSchema>, TemplateInput>>(true);
