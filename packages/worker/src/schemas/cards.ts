import {
  type CardDiff,
  type CardDiffQuery,
  type CardExportQuery,
  type CardInput,
  type CardLinks,
  type CardObsolete,
  type CardRestore,
  type CardSummary,
  type CardTemplate,
  type CardUpdate,
  type CardVerify,
  type CardVersion,
  type CardVersionDetail,
  type FieldValue,
  PRACTICE_AREAS,
  type PracticeAreaSummary,
  type PracticeCard,
  type CardListQuery as SdkCardListQuery,
  type ReviewQueueQuery as SdkReviewQueueQuery,
  type StorySource,
  type TemplateInput,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { TEMPLATE_LIMITS } from '../cards/template-definition.ts';
import { FieldDefSchema } from '../cards/template-schema.ts';
import { dateString, orNull, ReasonParamsSchema, ReasonSchema, TenantParams } from './common.ts';
import { type Exact, expectType, requestType, requestTypeWithin } from './contract.ts';
import { EXAMPLE_TEMPLATE_ID } from './examples.ts';
import { ModerationStateSchema } from './ideas.ts';
import { line, text, textPattern } from './text.ts';
import { translations } from './translations.ts';
import { CardVisibilitySchema, UnitRefSchema } from './unit-ref.ts';

const iso = () => z.string().openapi({ format: 'date-time' });
const ID = z.string().min(1).max(64);

/*
 * Field values, checked in depth against the card's template by `validateFields`, with
 * field-level messages. They nest as deep as templates do (`TEMPLATE_LIMITS.depth` levels of
 * lists and groups, cards/template-definition.ts), so each level is its own named schema —
 * `FieldValue`, `FieldValueLevel2`…`FieldValueLevel4` — rather than one recursive schema: code
 * generators get types they compile (openapi-typescript's output of a self-referencing union fails
 * `tsc` with TS2502), and tools that refuse circular `$ref`s take the document.
 */
const VALUE_KINDS = 'text, number, person `{name, handle?, email?}`, money `{amount, currency}` or link `{kind, id}`';
const deepestValue = TEMPLATE_LIMITS.depth + 1;
let valueAt: z.ZodType<FieldValue, FieldValue> = z
  .union([z.string(), z.number(), z.record(z.string(), z.union([z.string(), z.number()]))])
  .openapi(`FieldValueLevel${deepestValue}`, {
    description: `A value inside lists and groups nested ${deepestValue - 1} deep: ${VALUE_KINDS}; no lists or groups here.`,
  });
for (let level = deepestValue - 1; level >= 1; level--) {
  const inner = valueAt;
  valueAt = z
    .union([z.string(), z.number(), z.array(inner), z.record(z.string(), inner)])
    .openapi(level === 1 ? 'FieldValue' : `FieldValueLevel${level}`, {
      description:
        level === 1
          ? `A value of the template's field type: ${VALUE_KINDS}, a list or a group (record) of values.`
          : `A value inside lists and groups nested ${level - 1} deep: ${VALUE_KINDS}, a list or a group of values.`,
    });
}
const FieldValueSchema = valueAt;

export const PracticeAreaSchema = z.enum(PRACTICE_AREAS);
const MaturitySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

export { dateString };

const HANDLE = /^[a-z0-9](?:[a-z0-9._-]{0,38}[a-z0-9])?$/;
const OwnerSchema = z.object({ handle: z.string(), name: z.string() });
const fieldsRecord = z.record(z.string(), FieldValueSchema);

export const TemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    translations: translations({ name: z.string(), description: z.string() }),
    builtIn: z.boolean(),
    fields: z.array(FieldDefSchema),
    version: z.number().int(),
    visibility: CardVisibilitySchema.optional().openapi({
      description:
        'Who may read a new card of this template unless its author says otherwise (default `everyone`; a `unit` default without a unit: `private`).',
    }),
  })
  .openapi('CardTemplate');
expectType<Exact<z.infer<typeof TemplateSchema>, CardTemplate>>(true);

export const TemplateInputSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    name: line('The name', { max: 120 }),
    description: text('The description', { max: 1000 }).optional(),
    translations: translations({
      name: line('The translated name', { max: 120 }),
      description: text('The translated description', { max: 1000 }),
    }),
    fields: z.array(FieldDefSchema).min(1, 'A template needs at least one field.').max(80, 'A template has at most 80 fields.'),
    visibility: CardVisibilitySchema.optional().openapi({
      description:
        'Who may read a new card of this template unless its author says otherwise (left out: `everyone`; a `unit` default on a card without a unit makes it `private`), as the built-in stakeholder map defaults to `unit`.',
    }),
  })
  .openapi('TemplateInput');
expectType<Exact<z.infer<typeof TemplateInputSchema>, TemplateInput>>(true);
requestType<TemplateInput>()(TemplateInputSchema, true);

export const TemplateParams = TenantParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: EXAMPLE_TEMPLATE_ID }),
});

/** The war story a card was promoted from. */
export const StorySourceSchema = z
  .object({
    thread: z.object({ id: z.string(), key: z.string(), title: z.string().nullable(), url: z.string().nullable() }),
    comment: z.string().nullable().openapi({ description: 'The comment promoted, or `null` when the whole thread was.' }),
  })
  .openapi('StorySource');
expectType<Exact<z.infer<typeof StorySourceSchema>, StorySource>>(true);

export const CardSchema = z
  .object({
    id: z.string(),
    templateId: z.string(),
    templateName: z.string(),
    title: z.string(),
    summary: z.string(),
    fields: fieldsRecord,
    rendered: z.record(z.string(), z.string()),
    derived: fieldsRecord,
    tags: z.array(PracticeAreaSchema),
    maturityLevel: MaturitySchema.nullable(),
    owner: OwnerSchema.nullable(),
    reviewBy: z.string().nullable(),
    freshness: z.enum(['current', 'due', 'overdue', 'obsolete']),
    obsolete: z.object({ reason: z.string(), at: iso(), by: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: iso(),
    createdBy: z.string(),
    updatedAt: iso(),
    updatedBy: z.string(),
    lastVerifiedAt: iso().nullable(),
    helpedCount: z.number().int(),
    viewCount: z.number().int(),
    helpedByMe: z.boolean(),
    threadKey: z.string(),
    source: orNull(StorySourceSchema).openapi({ description: 'The war story it was promoted from (`POST /threads/{id}/promote`).' }),
    answered: z.number().int().openapi({ description: 'Published ideas (requests) this card answered: listed in its links as `answers`.' }),
    deflections: z.object({ requests: z.number().int(), confirmed: z.number().int(), avoidedDays: z.number() }).openapi('CardDeflections', {
      description:
        'Requests deflected to this card (published ideas in a deflection status naming it), how many requesters confirmed the need met, and the person-days avoided: their T-shirt sizes (XS 1, S 3, M 10, L 30, XL 60), leaving out requests whose requester said the need was not met.',
    }),
    sparked: z.number().int().openapi({ description: 'Published ideas proposed from this card: listed in its links as `sparked`.' }),
    moderation: ModerationStateSchema,
    unit: orNull(UnitRefSchema).openapi({ description: 'The business unit the card is about.' }),
    visibility: CardVisibilitySchema,
    pendingEdit: z
      .object({
        id: z.string(),
        state: z.enum(['pending', 'rejected']),
        reason: z.string(),
        reasonCode: orNull(ReasonSchema),
        reasonParams: ReasonParamsSchema,
        baseVersion: z.number().int(),
        at: iso(),
      })
      .nullable()
      .openapi({
        description: "The caller's own held (or rejected) edit of this published card; readers keep the published version meanwhile.",
      }),
  })
  .openapi('PracticeCard');
expectType<Exact<z.infer<typeof CardSchema>, PracticeCard>>(true);

/** A card's title, in characters (a promoted story's title is cut to it). */
export const CARD_TITLE = { min: 3, max: 140 } as const;
export const CARD_SUMMARY_MAX = 1000;

const cardCommon = {
  title: line('The title', CARD_TITLE),
  summary: text('The summary', { max: CARD_SUMMARY_MAX }).optional(),
  fields: z.record(z.string(), FieldValueSchema),
  tags: z
    .array(PracticeAreaSchema)
    .max(PRACTICE_AREAS.length)
    .refine((t) => new Set(t).size === t.length, 'Each practice area at most once.')
    .optional(),
  maturityLevel: MaturitySchema.nullable().optional(),
  owner: z.string().regex(HANDLE, "Give the owner's handle, e.g. mei.chen.").nullable().optional(),
  reviewBy: dateString.nullable().optional(),
  unit: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .openapi({ description: 'The key of the business unit the card is about (`null`: none). Left out: as it is.', example: 'finance' }),
  visibility: CardVisibilitySchema.optional().openapi({
    description:
      "Who may read the card; `unit` needs a unit. Left out: as it is; for a new card, the template's default (`private` instead of `unit` when the card has no unit).",
  }),
  note: text('The note', { max: 500 }).optional(),
};

export const CardInputSchema = z.strictObject({ templateId: z.string().min(1).max(64), ...cardCommon }).openapi('CardInput');
expectType<Exact<z.infer<typeof CardInputSchema>, CardInput>>(true);
requestType<CardInput>()(CardInputSchema, true);

export const CardUpdateSchema = z
  .strictObject({ ...cardCommon, baseVersion: z.number().int().min(1).openapi({ description: 'The version the edit started from.' }) })
  .openapi('CardUpdate');
expectType<Exact<z.infer<typeof CardUpdateSchema>, CardUpdate>>(true);
requestType<CardUpdate>()(CardUpdateSchema, true);

export const CardParams = TenantParams.extend({ id: ID });
export const CardVersionParams = CardParams.extend({ version: z.coerce.number().int().min(1) });

export const CardSummarySchema = z
  .object({
    id: z.string(),
    templateId: z.string(),
    templateName: z.string(),
    title: z.string(),
    summary: z.string(),
    tags: z.array(PracticeAreaSchema),
    maturityLevel: MaturitySchema.nullable(),
    owner: OwnerSchema.nullable(),
    reviewBy: z.string().nullable(),
    freshness: z.enum(['current', 'due', 'overdue', 'obsolete']),
    helpedCount: z.number().int(),
    viewCount: z.number().int(),
    updatedAt: iso(),
    moderation: ModerationStateSchema,
    unit: orNull(UnitRefSchema),
    visibility: CardVisibilitySchema,
    snippet: z.string().nullable(),
  })
  .openapi('CardSummary');
expectType<Exact<z.infer<typeof CardSummarySchema>, CardSummary>>(true);

export const CardPageSchema = z.object({ items: z.array(CardSummarySchema), nextCursor: z.string().nullable() }).openapi('CardPage');

export const CardListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  tag: PracticeAreaSchema.optional(),
  template: z.string().max(64).optional(),
  owner: z.string().max(40).optional().openapi({ description: "An owner's handle, or `me`." }),
  freshness: z.enum(['current', 'due', 'overdue', 'obsolete']).optional(),
  cites: z
    .string()
    .regex(/^(card|idea|thread):[^\s]{1,64}$/, 'Give `cites` as kind:id, e.g. idea:k3v9q0m2x7h1c8td.')
    .optional()
    .openapi({ description: 'Only cards whose link fields point at this card, idea or thread (`idea:<id>`).' }),
  sort: z.enum(['relevance', 'updated', 'helpful', 'views', 'title']).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
requestTypeWithin<SdkCardListQuery>()(CardListQuery, true);

export const ReviewQueueQuery = z.strictObject({
  owner: z.string().max(40).default('me'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
requestTypeWithin<SdkReviewQueueQuery>()(ReviewQueueQuery, true);

export const CardVersionSchema = z
  .object({ version: z.number().int(), at: iso(), by: z.string(), note: z.string().nullable() })
  .openapi('CardVersion');
expectType<Exact<z.infer<typeof CardVersionSchema>, CardVersion>>(true);

export const CardVersionDetailSchema = CardVersionSchema.extend({
  title: z.string(),
  summary: z.string(),
  fields: fieldsRecord,
  tags: z.array(PracticeAreaSchema),
  maturityLevel: MaturitySchema.nullable(),
  owner: OwnerSchema.nullable(),
  reviewBy: z.string().nullable(),
}).openapi('CardVersionDetail');
expectType<Exact<z.infer<typeof CardVersionDetailSchema>, CardVersionDetail>>(true);

export const DiffQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
requestTypeWithin<CardDiffQuery>()(DiffQuery, true);

export const FieldChangeSchema = z.object({
  path: z.string(),
  label: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: orNull(FieldValueSchema).openapi({ description: '`null` when the field was added.' }),
  after: orNull(FieldValueSchema).openapi({ description: '`null` when the field was removed.' }),
  rendered: z
    .object({ before: orNull(z.string()), after: orNull(z.string()) })
    .optional()
    .openapi({ description: 'Only on a rich-text field: `before` and `after` rendered to sanitised HTML, as the card shows them.' }),
});

export const CardDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(FieldChangeSchema),
  })
  .openapi('CardDiff');
expectType<Exact<z.infer<typeof CardDiffSchema>, CardDiff>>(true);

export const RestoreSchema = z
  .strictObject({ version: z.number().int().min(1), baseVersion: z.number().int().min(1) })
  .openapi('CardRestore');
requestType<CardRestore>()(RestoreSchema, true);
export const VerifySchema = z.strictObject({ reviewBy: dateString.optional() }).openapi('CardVerify');
requestType<CardVerify>()(VerifySchema, true);
export const ObsoleteSchema = z
  .strictObject({
    reason: text('The reason', { max: 500 })
      .refine((s) => s.length > 0, 'Say why the card is obsolete, e.g. what replaces it.')
      .openapi({ pattern: textPattern('text', true) }),
  })
  .openapi('CardObsolete');
requestType<CardObsolete>()(ObsoleteSchema, true);
export const ExportQuery = z.strictObject({ format: z.enum(['markdown', 'json']).default('markdown') });
requestTypeWithin<CardExportQuery>()(ExportQuery, true);

export const CardLinksSchema = z
  .object({
    ideas: z.array(
      z.object({ id: z.string(), title: z.string(), direction: z.enum(['cites', 'cited-by', 'answers', 'sparked', 'case-for']) }),
    ),
    threads: z.array(
      z.object({
        id: z.string(),
        key: z.string(),
        title: z.string().nullable(),
        commentCount: z.number().int(),
        direction: z.enum(['cites', 'own']),
      }),
    ),
    cards: z.array(z.object({ id: z.string(), title: z.string(), direction: z.enum(['cites', 'cited-by']) })),
  })
  .openapi('CardLinks');
expectType<Exact<z.infer<typeof CardLinksSchema>, CardLinks>>(true);

export const PracticeAreaSummarySchema = z
  .object({ area: PracticeAreaSchema, cardCount: z.number().int(), owners: z.array(OwnerSchema), unownedCards: z.number().int() })
  .openapi('PracticeAreaSummary');
expectType<Exact<z.infer<typeof PracticeAreaSummarySchema>, PracticeAreaSummary>>(true);
