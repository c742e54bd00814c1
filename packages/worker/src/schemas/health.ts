/** Health rounds: their requests and answers (routes/health.ts, docs/health.md). */
import {
  HEALTH_ITEMS,
  HEALTH_SCORE,
  type HealthAnswersInput,
  type HealthInviteInput,
  type HealthResults,
  type HealthRound,
  type HealthRoundInput,
  type HealthRoundList,
  type HealthRoundQuery,
  type HealthTrend,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { dateString } from './cards.ts';
import { orNull, TenantParams } from './common.ts';
import { type Exact, expectType, requestType, requestTypeWithin } from './contract.ts';
import { line, text } from './text.ts';
import { translations } from './translations.ts';
import { RelationshipSideSchema, UnitRefSchema } from './unit-ref.ts';

const iso = () => z.string().openapi({ format: 'date-time' });
const HANDLE_MAX = 64;

export const RoundParams = TenantParams.extend({
  round: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'round', in: 'path' }, example: 'hr_k3v9q0m2x7h1c8td', description: 'The round’s id.' }),
});

export const TrendParams = TenantParams.extend({
  key: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'finance', description: 'The unit’s key.' }),
});

const SideSchema = RelationshipSideSchema.openapi('RelationshipSide', {
  description: 'Which side of the relationship: `business` (the unit) or `provider` (IT).',
});

const HealthItemSchema = z
  .object({
    key: z.string(),
    rates: SideSchema.openapi({ description: 'Whose behaviour the item rates; both sides score every item.' }),
    label: z.string(),
    translations: translations({ label: z.string() }),
  })
  .openapi('HealthItem');

const SideCountsSchema = z.object({ invited: z.number().int(), responded: z.number().int() }).openapi('HealthSideCounts');
const AnswerSchema = z.object({ item: z.string(), score: z.number().int(), comment: z.string().nullable() }).openapi('HealthAnswer');

export const HealthRoundSchema = z
  .object({
    id: z.string(),
    unit: UnitRefSchema,
    title: z.string(),
    items: z.array(HealthItemSchema),
    state: z.enum(['open', 'closed']),
    closesOn: z.string().nullable().openapi({ description: 'When it is planned to close, `YYYY-MM-DD`.' }),
    closedAt: iso().nullable(),
    createdAt: iso(),
    counts: orNull(z.object({ business: SideCountsSchema, provider: SideCountsSchema })).openapi({
      description:
        "For the unit's relationship team, CIOs and admins: invited and answered per side. Never scores while the round is open.",
    }),
    mine: orNull(
      z.object({ side: SideSchema, respondedAt: iso().nullable(), answers: z.array(AnswerSchema) }).openapi('HealthInvitation'),
    ).openapi({ description: 'For an invitee: their side and their own answers; null for anyone else.' }),
    canManage: z.boolean().openapi({ description: "The caller may invite and close: the unit's relationship managers and admins." }),
  })
  .openapi('HealthRound');
expectType<Exact<z.infer<typeof HealthRoundSchema>, HealthRound>>(true);

export const HealthRoundListSchema = z.object({ items: z.array(HealthRoundSchema) }).openapi('HealthRoundList');
expectType<Exact<z.infer<typeof HealthRoundListSchema>, HealthRoundList>>(true);

export const HealthRoundQuerySchema = z.strictObject({
  unit: z.string().min(1).max(100).optional().openapi({ description: 'Only this unit’s rounds (its key).' }),
  state: z.enum(['open', 'closed']).optional(),
});
requestTypeWithin<HealthRoundQuery>()(HealthRoundQuerySchema, true);

const ITEM_KEYS = HEALTH_ITEMS.map((item) => item.key) as [string, ...string[]];

export const HealthRoundInputSchema = z
  .strictObject({
    unit: z.string().min(1).max(100).openapi({ description: 'The unit’s key.', example: 'finance' }),
    title: line('The title', { max: 120 }),
    closesOn: dateString.nullable().optional(),
    items: z
      .array(z.string().max(60))
      .min(2)
      .max(ITEM_KEYS.length)
      .optional()
      .openapi({
        description: `Keys of the default items to ask, at least one rating each side: ${ITEM_KEYS.join(', ')}. All when left out.`,
      }),
  })
  .openapi('HealthRoundInput');
requestType<HealthRoundInput>()(HealthRoundInputSchema, true);

export const HealthInviteSchema = z
  .strictObject({
    people: z
      .array(z.strictObject({ handle: z.string().min(1).max(HANDLE_MAX), side: SideSchema }))
      .min(1)
      .max(100),
  })
  .openapi('HealthInviteInput');
requestType<HealthInviteInput>()(HealthInviteSchema, true);

export const HealthAnswersSchema = z
  .strictObject({
    answers: z
      .array(
        z.strictObject({
          item: z.string().min(1).max(60),
          score: z.number().int().min(HEALTH_SCORE.min).max(HEALTH_SCORE.max),
          comment: text('The comment', { max: 2000 }).nullable().optional(),
        }),
      )
      .min(1)
      .max(ITEM_KEYS.length),
  })
  .openapi('HealthAnswersInput');
requestType<HealthAnswersInput>()(HealthAnswersSchema, true);

const StatSchema = z.object({ mean: z.number(), n: z.number().int() }).openapi('HealthStat');
const SideResultSchema = z
  .object({
    invited: z.number().int(),
    respondents: z.number().int(),
    mean: z.number().nullable().openapi({ description: 'The mean of the side’s item means (each item weighs the same).' }),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable(),
  })
  .openapi('HealthSideResult');
const MaturitySchema = z
  .object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    label: z.string(),
    translations: z.object({ de: z.object({ label: z.string().optional() }).optional() }),
    weakerSide: orNull(SideSchema),
  })
  .openapi('HealthMaturity', { description: 'The lower of the two sides’ levels: never more than the weaker side supports.' });
const CommentSchema = z.object({ item: z.string(), comment: z.string() }).openapi('HealthComment');

export const HealthResultsSchema = z
  .object({
    round: HealthRoundSchema,
    perItem: z.array(
      HealthItemSchema.extend({ business: orNull(StatSchema), provider: orNull(StatSchema), gap: z.number().nullable() }).openapi(
        'HealthItemResult',
        { description: 'Gap: the business’s mean − the provider’s (negative when IT rates the item higher).' },
      ),
    ),
    sides: z.object({ business: SideResultSchema, provider: SideResultSchema }),
    maturity: orNull(MaturitySchema).openapi({ description: 'Null unless both sides answered.' }),
    comments: z.object({ business: z.array(CommentSchema), provider: z.array(CommentSchema) }).openapi({
      description: 'Each side’s comments by item, without who wrote them.',
    }),
  })
  .openapi('HealthResults');
expectType<Exact<z.infer<typeof HealthResultsSchema>, HealthResults>>(true);

export const HealthTrendSchema = z
  .object({
    unit: UnitRefSchema,
    rounds: z.array(
      z
        .object({
          roundId: z.string(),
          title: z.string(),
          closedAt: iso(),
          business: SideResultSchema,
          provider: SideResultSchema,
          maturity: orNull(MaturitySchema),
        })
        .openapi('HealthTrendPoint'),
    ),
  })
  .openapi('HealthTrend');
expectType<Exact<z.infer<typeof HealthTrendSchema>, HealthTrend>>(true);
