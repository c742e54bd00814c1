import {
  type BusinessCase,
  type EvaluationInput,
  type Idea,
  type IdeaEdit,
  type IdeaListQuery,
  type IdeaRevision,
  type IdeaScore,
  type IdeaStatus,
  LIMITS,
  type MergeInput,
  type ModerationState,
  type NeedMetInput,
  type NewIdea,
  OBJECTIVES_PER_ITEM_MAX,
  type Page,
  type SimilarIdea,
  type SimilarIdeasQuery,
  type StatusChange,
  type StatusUpdate,
  type VoteInput,
  type VoteState,
  type WithdrawInput,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { dateString, ItemRefSchema, orNull, ReasonParamsSchema, ReasonSchema, SlugSchema, TenantParams } from './common.ts';
import { type Exact, expectType, requestType, requestTypeWithin } from './contract.ts';
import { DemandClassSchema, IdeaIntakeSchema, ObjectiveRefSchema, PersonRefSchema } from './intake-refs.ts';
import { line, text } from './text.ts';
import { translations } from './translations.ts';
import { UnitRefSchema } from './unit-ref.ts';

const TITLE_MIN = LIMITS.ideaTitle.min;
const TITLE_MAX = LIMITS.ideaTitle.max;
const DESCRIPTION_MAX = LIMITS.ideaDescription.max;
const PAGE_SIZE_MAX = LIMITS.pageSize.max;

export const LaneSchema = z.enum(['opportunity', 'change_request']).openapi({ description: 'New value, or a change to what exists.' });
export const ValueTypeSchema = z.enum(['revenue', 'cost', 'risk', 'compliance', 'experience']);
export const EffortSizeSchema = z.enum(['XS', 'S', 'M', 'L', 'XL']);
export const StatusCategorySchema = z.enum(['open', 'under_review', 'planned', 'in_progress', 'done', 'declined']);
const iso = () => z.string().openapi({ format: 'date-time' });

export const PersonSchema = z
  .object({
    name: z.string(),
    businessUnit: z.string().nullable().openapi({
      description:
        "The person's business unit as text: the unit's name when their token's claim names one of the tenant's units, else the claim.",
    }),
    unit: orNull(UnitRefSchema).openapi({ description: 'The unit their claim names (through the units’ aliases), or null.' }),
  })
  .openapi('Person');

export const BusinessCaseSchema = z
  .object({
    problem: z.string().nullable(),
    beneficiary: z.string().nullable(),
    valueType: ValueTypeSchema.nullable(),
    effort: EffortSizeSchema.nullable(),
    objective: z.string().nullable(),
  })
  .openapi('BusinessCase');
expectType<Exact<z.infer<typeof BusinessCaseSchema>, BusinessCase>>(true);

export const IdeaStatusSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    translations: translations({ label: z.string() }),
    category: StatusCategorySchema,
    reason: z.string().nullable(),
    link: z.string().nullable(),
    card: orNull(ItemRefSchema).openapi({ description: 'The published practice card that answered the request.' }),
    changedAt: iso().nullable(),
    changedBy: z.string().nullable(),
    deflection: z.boolean().openapi({ description: 'The status deflects the request: its requester may say whether that met the need.' }),
    revisitOn: z.string().nullable().openapi({ description: 'A deferred idea’s revisit date, `YYYY-MM-DD`.' }),
    needMet: z
      .boolean()
      .nullable()
      .openapi({ description: 'The requester’s word on a deflection (`POST /ideas/{id}/need-met`); null until given.' }),
  })
  .openapi('IdeaStatus');
expectType<Exact<z.infer<typeof IdeaStatusSchema>, IdeaStatus>>(true);

export const IdeaScoreSchema = z
  .object({
    value: z.number().nullable(),
    effort: z.number().nullable(),
    risk: z.number().nullable(),
    valuePerEffort: z
      .number()
      .nullable()
      .openapi({ description: 'What the value-for-effort order ranks by: value² ÷ effort (WSJF boards: cost of delay ÷ job size).' }),
    belowFloor: z
      .boolean()
      .openapi({ description: 'Its value is below the board’s value floor: it ranks after every idea at or above it.' }),
    evaluations: z.number().int(),
  })
  .openapi('IdeaScore', { description: "The evaluators' scores; crowd support is reported apart and never blended in." });
expectType<Exact<z.infer<typeof IdeaScoreSchema>, IdeaScore>>(true);

export const ModerationStateSchema = z
  .object({
    state: z.enum(['published', 'pending', 'rejected']),
    reason: z.string().nullable().openapi({ description: 'Why it is held (English), or the moderator’s reason for rejecting it.' }),
    reasonCode: orNull(ReasonSchema).openapi({
      description:
        'A hold’s reason (`held.links`…), to show in the reader’s language with `reasonParams`; null for a moderator’s own words.',
    }),
    reasonParams: ReasonParamsSchema,
  })
  .openapi('ModerationState', {
    description: 'Held for review or rejected: only its author and moderators see such an item; it counts nowhere.',
  });
expectType<Exact<z.infer<typeof ModerationStateSchema>, ModerationState>>(true);

export const BudgetSchema = z
  .object({ total: z.number().int(), used: z.number().int(), remaining: z.number().int(), perIdea: z.number().int() })
  .openapi('Budget');

export const IdeaSchema = z
  .object({
    id: z.string().openapi({ example: 'k3v9q0m2x7h1c8td' }),
    board: z.string().openapi({ example: 'general' }),
    title: z.string(),
    description: z.string(),
    author: PersonSchema,
    lane: LaneSchema,
    businessCase: BusinessCaseSchema,
    status: IdeaStatusSchema,
    votes: z.number().int().openapi({ description: 'Votes in all (budget boards: several per person possible).' }),
    supporters: z.number().int().openapi({ description: 'People backing the idea.' }),
    businessUnits: z
      .number()
      .int()
      .openapi({ description: 'Distinct demand-side business units among the supporters (supply-side units such as IT never count).' }),
    unit: orNull(UnitRefSchema).openapi({ description: 'The sponsoring business unit (the one that would benefit).' }),
    impactedUnits: z.array(UnitRefSchema).openapi({ description: 'Other units the idea impacts.' }),
    voted: z.boolean().openapi({ description: 'Whether the caller backs the idea.' }),
    myVotes: z.number().int(),
    score: IdeaScoreSchema,
    closed: z.boolean(),
    mergedInto: z.string().nullable(),
    moderation: ModerationStateSchema,
    createdAt: iso(),
    editedAt: iso().nullable().openapi({ description: 'When its text was last edited; the earlier texts are at `/ideas/{id}/revisions`.' }),
    recordedBy: orNull(z.object({ name: z.string() })).openapi({
      description:
        'Who recorded the idea on behalf of its author (a business leader who does not sign in); null when the author submitted it.',
    }),
    scoreOutdated: z.boolean().openapi({
      description: 'Edited after its last evaluator score: the scores may no longer fit its scope. False while nobody scored it.',
    }),
    mine: z
      .boolean()
      .openapi({ description: 'The caller wrote the idea or recorded it on its author’s behalf (may edit and withdraw it).' }),
    sponsor: orNull(PersonRefSchema).openapi({ description: 'The business person who sponsors it; they cannot score it.' }),
    demandClass: orNull(DemandClassSchema).openapi({ description: 'Its demand class, with the tenant’s label.' }),
    objectives: z.array(ObjectiveRefSchema).openapi({ description: 'The units’ objectives it serves.' }),
    intake: IdeaIntakeSchema,
  })
  .openapi('Idea');
expectType<Exact<z.infer<typeof IdeaSchema>, Idea>>(true);

export const IdeaPageSchema = z.object({ items: z.array(IdeaSchema), nextCursor: z.string().nullable() }).openapi('IdeaPage');
expectType<Exact<z.infer<typeof IdeaPageSchema>, Page<Idea>>>(true);

export const VoteStateSchema = z
  .object({
    votes: z.number().int(),
    supporters: z.number().int(),
    businessUnits: z.number().int(),
    voted: z.boolean(),
    myVotes: z.number().int(),
    budget: orNull(BudgetSchema).openapi({ description: "The caller's budget on the idea's board after the change (budget boards)." }),
  })
  .openapi('VoteState');
expectType<Exact<z.infer<typeof VoteStateSchema>, VoteState>>(true);

export const VoteInputSchema = z
  .strictObject({ votes: z.number().int().min(0).max(100).openapi({ description: 'Your votes on the idea (0 withdraws).' }) })
  .openapi('VoteInput');
requestType<VoteInput>()(VoteInputSchema, true);

const UnitKeySchema = z.string().min(1).max(100).openapi({ example: 'finance' });
export const SponsorSchema = z.string().min(1).max(40).openapi({
  example: 'amara.okafor',
  description: 'The handle of the business person who sponsors it (400 `validation_failed.unknown_person` for no member).',
});
export const DemandClassKeySchema = z.string().min(1).max(40).openapi({
  example: 'grow',
  description: 'One of the tenant’s demand classes (400 `validation_failed.unknown_demand_class` otherwise).',
});
export const ObjectiveIdsSchema = z.array(z.string().min(1).max(64)).max(OBJECTIVES_PER_ITEM_MAX).openapi({
  description: 'Ids of current objectives of the tenant’s units, at most 5 (400 `validation_failed.unknown_objective` otherwise).',
});

const ImpactedUnitsSchema = z
  .array(UnitKeySchema)
  .max(10)
  .openapi({ description: 'Keys of the other units it impacts: current units, not the sponsoring one (400 otherwise).' });

export const NewIdeaSchema = z
  .strictObject({
    title: line('The title', { min: TITLE_MIN, max: TITLE_MAX }),
    // Defaults filled in by a transform, not `.default()`: a documented `default` makes generated
    // clients (openapi-typescript) require the field. The descriptions say what is assumed.
    description: text('The description', { max: DESCRIPTION_MAX })
      .optional()
      .transform((value) => value ?? '')
      .openapi({ description: 'Up to 5,000 characters; empty when left out.' }),
    lane: LaneSchema.optional()
      .transform((value) => value ?? 'opportunity')
      .openapi({ description: 'New value (`opportunity`, when left out), or a change to what exists.' }),
    businessCase: z
      .strictObject({
        problem: text('The problem', { max: 2000 }).optional(),
        beneficiary: text('Who benefits', { max: 100 }).optional(),
        valueType: ValueTypeSchema.optional(),
        effort: EffortSizeSchema.optional(),
        objective: text('The strategic objective', { max: 200 }).optional(),
      })
      .optional()
      .transform((value) => value ?? {})
      .openapi({ description: 'The short business case; the board says which fields are required.' }),
    sourceCard: z.string().min(1).max(64).optional().openapi({
      description:
        'The id of the published practice card the idea is proposed from. The same person proposing the same title from the same card again gets that idea back (200).',
    }),
    onBehalfOf: z
      .strictObject({
        name: line('The name', { max: 100 }),
        email: line('The e-mail address', { max: 320 })
          .email('The e-mail address must look like name@example.com.')
          .openapi({ description: 'How Bridgekit knows the person again (compared case-insensitively); never shown.' }),
        businessUnit: line('The business unit', { max: 100 }).optional(),
      })
      .optional()
      .openapi({
        description:
          "Evaluators, moderators and admins: record the idea for a business leader who does not sign in. They become its author and back it with one vote (within the board's budget for them); the caller is shown as `recordedBy`.",
      }),
    unit: UnitKeySchema.optional().openapi({
      description:
        'The key of the sponsoring business unit (400 `validation_failed.unknown_unit` for an unknown or archived one). Left out: `businessCase.beneficiary` is matched through the units’ aliases.',
    }),
    impactedUnits: ImpactedUnitsSchema.optional(),
    sponsor: SponsorSchema.optional(),
    demandClass: DemandClassKeySchema.optional(),
    objectives: ObjectiveIdsSchema.optional(),
  })
  .openapi('NewIdea');
requestType<NewIdea>()(NewIdeaSchema, true);

const NULLABLE_CASE = 'Left out: kept; `null`: cleared.';

export const IdeaEditSchema = z
  .strictObject({
    title: line('The title', { min: TITLE_MIN, max: TITLE_MAX }).optional(),
    description: text('The description', { max: DESCRIPTION_MAX }).optional(),
    lane: LaneSchema.optional(),
    businessCase: z
      .strictObject({
        problem: text('The problem', { max: 2000 }).nullable().optional().openapi({ description: NULLABLE_CASE }),
        beneficiary: text('Who benefits', { max: 100 }).nullable().optional().openapi({ description: NULLABLE_CASE }),
        valueType: ValueTypeSchema.nullable().optional().openapi({ description: NULLABLE_CASE }),
        effort: EffortSizeSchema.nullable().optional().openapi({ description: NULLABLE_CASE }),
        objective: text('The strategic objective', { max: 200 }).nullable().optional().openapi({ description: NULLABLE_CASE }),
      })
      .optional()
      .openapi({ description: 'The business case fields to change; the board’s required fields must stay filled in.' }),
    unit: UnitKeySchema.nullable()
      .optional()
      .openapi({ description: `The key of the sponsoring business unit. ${NULLABLE_CASE}` }),
    impactedUnits: ImpactedUnitsSchema.optional().openapi({ description: 'Replaces the list of other units it impacts.' }),
    sponsor: SponsorSchema.nullable()
      .optional()
      .openapi({ description: `The sponsor's handle: someone who has not scored it (409 \`conflict.sponsor_scored\`). ${NULLABLE_CASE}` }),
    demandClass: DemandClassKeySchema.nullable()
      .optional()
      .openapi({ description: `One of the tenant's demand classes. ${NULLABLE_CASE}` }),
    objectives: ObjectiveIdsSchema.optional().openapi({ description: 'Replaces the objectives it serves.' }),
  })
  .openapi('IdeaEdit', { description: 'The fields to change; a field left out keeps its value.' });
requestType<IdeaEdit>()(IdeaEditSchema, true);

export const IdeaRevisionSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    lane: LaneSchema,
    businessCase: BusinessCaseSchema,
    afterScoring: z.boolean().openapi({ description: 'Evaluators had scored the idea when this text was replaced.' }),
    by: z.string().openapi({ description: 'The name of who replaced it.' }),
    replacedAt: iso(),
  })
  .openapi('IdeaRevision', { description: 'What an idea said before one of its edits.' });
expectType<Exact<z.infer<typeof IdeaRevisionSchema>, IdeaRevision>>(true);

export const WithdrawInputSchema = z
  .strictObject({ reason: text('The reason', { max: 2000 }).optional().openapi({ description: 'Why, for its supporters.' }) })
  .openapi('WithdrawInput');
requestType<WithdrawInput>()(WithdrawInputSchema, true);

export const BoardIdeasParams = TenantParams.extend({
  board: SlugSchema.openapi({ param: { name: 'board', in: 'path' }, example: 'general' }),
});

export const IdeaParams = TenantParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'k3v9q0m2x7h1c8td' }),
});

export const ListIdeasQuery = z.strictObject({
  sort: z
    .enum(['top', 'new', 'trending', 'value', 'value_per_effort'])
    .default('top')
    .openapi({ description: '`top` most backed; `new`; `trending` recent support decayed by age; `value`; `value_per_effort`.' }),
  cursor: z.string().max(512).optional().openapi({ description: '`nextCursor` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX, `At most ${PAGE_SIZE_MAX} ideas per page.`).default(LIMITS.pageSize.default),
  category: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const parts = v.split(',').map((p) => p.trim());
      const parsed = z.array(StatusCategorySchema).safeParse(parts);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `Use status categories, comma-separated: ${StatusCategorySchema.options.join(', ')}.` });
        return z.NEVER;
      }
      return parsed.data;
    })
    .openapi({ type: 'string', description: 'Only ideas in these status categories, e.g. `open,under_review`.' }),
  unit: z.string().min(1).max(100).optional().openapi({ description: 'Only ideas whose sponsoring business unit has this key.' }),
});
requestTypeWithin<IdeaListQuery>()(ListIdeasQuery, true);

export const SimilarQuery = z.strictObject({
  q: z.string().max(300).openapi({ description: 'The title being typed.' }),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
requestTypeWithin<SimilarIdeasQuery>()(SimilarQuery, true);

export const SimilarIdeaSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.object({
      key: z.string(),
      label: z.string(),
      translations: translations({ label: z.string() }),
      category: StatusCategorySchema,
    }),
    supporters: z.number().int(),
    closed: z.boolean(),
    reason: z.string().nullable().openapi({ description: 'Why it was deflected or declined.' }),
    answeredBy: orNull(ItemRefSchema).openapi({ description: 'The published practice card that answered it.' }),
  })
  .openapi('SimilarIdea');
expectType<Exact<z.infer<typeof SimilarIdeaSchema>, SimilarIdea>>(true);

export const StatusChangeSchema = z
  .object({
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string().nullable(),
    link: z.string().nullable(),
    card: orNull(ItemRefSchema).openapi({ description: 'The published practice card named as the answer with this change.' }),
    by: z.string(),
    at: iso(),
  })
  .openapi('StatusChange');
expectType<Exact<z.infer<typeof StatusChangeSchema>, StatusChange>>(true);

const linkUrl = z
  .string()
  .trim()
  .url('The link must be a full URL, e.g. https://intranet.example/practice/business-case.')
  .max(500)
  .refine((u) => /^https?:\/\//i.test(u), 'The link must be an http(s) URL.');

export const StatusUpdateSchema = z
  .strictObject({
    status: z.string().min(1).max(64),
    reason: text('The reason', { max: 2000 }).optional(),
    link: linkUrl.optional().openapi({ description: 'e.g. a page that answers the need.' }),
    card: z.string().min(1).max(64).optional().openapi({
      description:
        'The id of the published practice card that answers the need (a deflection’s answer): shown with the idea, and counted on the card.',
    }),
    revisitOn: dateString.optional().openapi({
      description: 'When to look at the idea again, after today: required by statuses that take one (`deferred`), refused by others.',
    }),
  })
  .openapi('StatusUpdate');
requestType<StatusUpdate>()(StatusUpdateSchema, true);

export const NeedMetSchema = z
  .strictObject({ met: z.boolean().openapi({ description: 'Whether the answer met the need.' }) })
  .openapi('NeedMetInput');
requestType<NeedMetInput>()(NeedMetSchema, true);

export const MergeInputSchema = z
  .strictObject({ into: z.string().min(1).max(64).openapi({ description: 'The original idea the duplicate is merged into.' }) })
  .openapi('MergeInput');
requestType<MergeInput>()(MergeInputSchema, true);

export const EvaluationSchema = z
  .strictObject({
    scores: z.record(z.string().min(1).max(64), z.union([z.number(), z.string().max(40), z.boolean()])).openapi({
      example: {
        impact: 4,
        financial: 3,
        strategic_alignment: 3,
        size: 'M',
        new_technology: false,
        third_party: true,
        ways_of_working: false,
      },
    }),
  })
  .openapi('Evaluation');
// Which value a score takes depends on its criterion; the handler says so per criterion, all at once.
requestTypeWithin<EvaluationInput>()(EvaluationSchema, true);
