/**
 * The shape of a tenant template as a request body, for the route's validation and for
 * `/v1/openapi.json`. Field definitions nest (a list of records of lists…) at most
 * `TEMPLATE_LIMITS.depth` levels, so each level is its own named schema — `FieldDef` and
 * `FieldDefLevel2`…`FieldDefLevel4`, `FieldTypeLevel2`… — rather than one recursive schema: code
 * generators get types they compile, and tools that refuse circular `$ref`s take the document.
 * The deepest level has no lists or records. This checks the shape only; `validateTemplateDefinition`
 * checks the rest (id and key patterns, unique keys, limits) with messages for people.
 */
import type { FieldDef, FieldType, TemplateInput } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { type Exact, expectType } from '../schemas/contract.ts';
import { textPattern } from '../schemas/text.ts';
import { translations } from '../schemas/translations.ts';
import { RelationshipSideSchema } from '../schemas/unit-ref.ts';
import { TEMPLATE_LIMITS } from './template-definition.ts';

const LinkKindSchema = z.enum(['card', 'idea', 'thread']);
/** A one-line text, documented with the text rules' pattern (`validateTemplateDefinition` applies them). */
const lineText = (required: boolean) => z.string().openapi({ pattern: textPattern('line', required) });
const EnumOptionSchema = z.strictObject({
  value: lineText(true),
  label: lineText(true),
  translations: translations({ label: lineText(false) }),
});

/** The properties of a field besides its type. */
const fieldProperties = {
  key: z.string().openapi({ description: 'camelCase, unique among its siblings.', example: 'expectedBenefits' }),
  label: lineText(true),
  help: lineText(false).optional(),
  required: z.boolean().optional(),
  translations: translations({ label: lineText(false), help: lineText(false), itemLabel: lineText(false) }),
  side: RelationshipSideSchema.optional().openapi({
    description: 'Side-locked: only people of this side of the relationship (by their business unit) may change the value.',
  }),
};

/** One object schema per field type that holds no other fields, with `extra` properties (a field's key, label…) added to each. */
function plainVariants<Extra extends z.ZodRawShape>(extra: Extra) {
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
  ] as const;
}

/** Lists and groups of the next level's types and fields, with `extra` properties. */
function containerVariants<Extra extends z.ZodRawShape, T extends z.ZodType, D extends z.ZodType>(extra: Extra, itemType: T, fieldDef: D) {
  return [
    z.strictObject({
      ...extra,
      type: z.literal('list'),
      of: itemType,
      minItems: z.number().int().optional(),
      maxItems: z.number().int().optional(),
      itemLabel: lineText(false)
        .optional()
        .openapi({ description: 'What one item is called (`Option` for `Options`): forms number the rows with it.', example: 'Option' }),
    }),
    z.strictObject({ ...extra, type: z.literal('record'), fields: z.array(fieldDef) }),
  ] as const;
}

const TOO_DEEP = `Lists and groups can be nested at most ${TEMPLATE_LIMITS.depth} levels deep.`;

// The deepest level: a list or record there would nest one level too deep.
const tooDeep = (issue: { code: string; input?: unknown }) => {
  const type = (issue.input as { type?: unknown } | undefined)?.type;
  return issue.code === 'invalid_union' && (type === 'list' || type === 'record') ? TOO_DEEP : undefined;
};
const deepest = TEMPLATE_LIMITS.depth + 1;
const named = (kind: 'FieldType' | 'FieldDef', level: number) => (level === 1 ? kind : `${kind}Level${level}`);
const describe = (what: string, level: number) =>
  level === 1 ? what : `${what} Inside lists and groups nested ${level - 1} deep${level === deepest ? ': no lists or groups here.' : '.'}`;

let typeAt: z.ZodType<FieldType, FieldType> = z
  .discriminatedUnion('type', plainVariants({}), { error: tooDeep })
  .openapi(named('FieldType', deepest), { description: describe('The type of the items of a list.', deepest) });
let defAt: z.ZodType<FieldDef, FieldDef> = z
  .discriminatedUnion('type', plainVariants(fieldProperties), { error: tooDeep })
  .openapi(named('FieldDef', deepest), { description: describe('A field of a group.', deepest) });
for (let level = deepest - 1; level >= 1; level--) {
  const [itemType, fieldDef] = [typeAt, defAt];
  defAt = z
    .discriminatedUnion('type', [...plainVariants(fieldProperties), ...containerVariants(fieldProperties, itemType, fieldDef)])
    .openapi(named('FieldDef', level), { description: describe(level === 1 ? 'One field of a template.' : 'A field of a group.', level) });
  if (level > 1) {
    typeAt = z
      .discriminatedUnion('type', [...plainVariants({}), ...containerVariants({}, itemType, fieldDef)])
      .openapi(named('FieldType', level), { description: describe('The type of the items of a list, with its constraints.', level) });
  }
}

/** A field of a template (level 1), its lists' item types and its groups' fields nested down to the limit. */
export const FieldDefSchema = defAt;
/** The type of a list's items, as the field a template lists (level 1) holds it. */
export const FieldTypeSchema = typeAt;

export const TemplateInputSchema = z
  .object({
    id: z.string().openapi({ example: 'supplier-review', description: 'Lower-case letters, digits and hyphens; not a built-in id.' }),
    name: z.string(),
    description: z.string().optional(),
    translations: translations({ name: z.string(), description: z.string() }),
    fields: z.array(FieldDefSchema),
  })
  .openapi('TemplateInput');
expectType<Exact<z.infer<typeof TemplateInputSchema>, TemplateInput>>(true);
