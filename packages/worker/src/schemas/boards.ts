import type {
  Board,
  BoardExportQuery,
  BoardSettings,
  BoardUpdate,
  Criterion,
  NewBoard,
  RoadmapColumn,
  Scorecard,
  StatusDefinition,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { orNull, SlugSchema, TenantParams } from './common.ts';
import { type Exact, expectType, requestType, requestTypeWithin } from './contract.ts';
import { BudgetSchema, IdeaSchema, StatusCategorySchema } from './ideas.ts';
import { line, text } from './text.ts';
import { translations } from './translations.ts';

const iso = () => z.string().openapi({ format: 'date-time' });
const BoardTranslationsSchema = translations({
  name: line('The translated board name', { max: 100 }),
  description: text('The translated board description', { max: 500 }),
});
const IntakeFieldSchema = z.enum(['problem', 'beneficiary', 'valueType', 'effort', 'objective']);

export const StatusDefinitionSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Status keys are lower-case letters, digits and underscores.'),
    label: line('The status label', { max: 60 }),
    translations: translations({ label: line('The translated status label', { max: 60 }) }),
    category: StatusCategorySchema,
    requiresReason: z.boolean(),
    deflection: z.boolean(),
    requiresRevisitDate: z
      .boolean()
      .optional()
      .openapi({ description: 'Setting it takes a future revisit date, `revisitOn` (Bridgekit’s `deferred`).' }),
  })
  .openapi('StatusDefinition');
expectType<Exact<z.infer<typeof StatusDefinitionSchema>, StatusDefinition>>(true);

const VotingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('single') }),
  z.strictObject({
    mode: z.literal('budget'),
    budget: z.number().int().min(1).max(100),
    perIdea: z.number().int().min(1).max(100),
    refundOnClose: z.boolean(),
  }),
]);

export const BoardSettingsSchema = z
  .object({
    opensAt: iso().nullable(),
    closesAt: iso().nullable(),
    submitters: z.enum(['members', 'moderators']),
    voting: VotingSchema,
    requiredFields: z.array(IntakeFieldSchema),
    minValue: z.number().nullable().openapi({
      description: 'The value floor as set: scored ideas below it rank after the rest by value for effort. Null: the preset’s default.',
    }),
  })
  .openapi('BoardSettings');
expectType<Exact<z.infer<typeof BoardSettingsSchema>, BoardSettings>>(true);

export const CriterionSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Criterion keys are lower-case letters, digits and underscores.'),
    label: line('The criterion label', { max: 80 }),
    translations: translations({ label: line('The translated criterion label', { max: 80 }) }),
    kind: z.enum(['scale', 'tshirt', 'yesno', 'fibonacci']),
    weight: z.number().min(0).max(100),
    group: z.enum(['value', 'effort', 'risk']),
  })
  .openapi('Criterion');
expectType<Exact<z.infer<typeof CriterionSchema>, Criterion>>(true);

export const ScorecardSchema = z
  .strictObject({
    preset: z.enum(['value-size-risk', 'wsjf', 'custom']),
    criteria: z
      .array(CriterionSchema)
      .min(1)
      .max(20)
      .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, 'Criterion keys must be unique.'),
  })
  .openapi('Scorecard');
expectType<Exact<z.infer<typeof ScorecardSchema>, Scorecard>>(true);
requestType<Scorecard>()(ScorecardSchema, true);

export const BoardSchema = z
  .object({
    slug: z.string().openapi({ example: 'general' }),
    name: z.string(),
    description: z.string(),
    translations: BoardTranslationsSchema,
    ideaCount: z.number().int(),
    open: z.boolean(),
    settings: BoardSettingsSchema,
    statuses: z.array(StatusDefinitionSchema),
    scorecard: ScorecardSchema,
    valueFloor: z
      .number()
      .nullable()
      .openapi({ description: 'The value floor in effect: `settings.minValue`, or the preset’s default (2.5 on value-size-risk).' }),
    valueRange: z
      .object({ min: z.number(), max: z.number() })
      .openapi({ description: 'The lowest and highest value score the scorecard can give: where a floor may lie.' }),
    budget: orNull(BudgetSchema).openapi({ description: "The caller's vote budget on a budget board, when signed in." }),
  })
  .openapi('Board');
expectType<Exact<z.infer<typeof BoardSchema>, Board>>(true);

export const BoardListSchema = z.object({ items: z.array(BoardSchema) }).openapi('BoardList');

export const BoardParams = TenantParams.extend({
  board: SlugSchema.openapi({ param: { name: 'board', in: 'path' }, example: 'general' }),
});

const isoInput = z.string().datetime({ offset: true, message: 'Use an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z.' });

const SettingsInputSchema = z.strictObject({
  opensAt: isoInput.nullable().optional(),
  closesAt: isoInput.nullable().optional(),
  submitters: z.enum(['members', 'moderators']).optional(),
  voting: VotingSchema.optional(),
  requiredFields: z.array(IntakeFieldSchema).optional(),
  minValue: z.number().finite().nullable().optional().openapi({
    description: 'The value floor; null for the preset’s default. Within the scorecard’s value range (1–5 on value-size-risk), else 400.',
  }),
});

export const NewBoardSchema = z
  .strictObject({
    slug: SlugSchema,
    name: line('The board name', { max: 100 }),
    description: text('The board description', { max: 500 }).optional(),
    translations: BoardTranslationsSchema,
    settings: SettingsInputSchema.optional(),
    statuses: z.array(StatusDefinitionSchema).min(1).max(30).optional(),
    scorecardPreset: z.enum(['value-size-risk', 'wsjf']).optional(),
  })
  .openapi('NewBoard');
requestType<NewBoard>()(NewBoardSchema, true);

export const BoardUpdateSchema = z
  .strictObject({
    name: line('The board name', { max: 100 }).optional(),
    description: text('The board description', { max: 500 }).optional(),
    translations: BoardTranslationsSchema,
    settings: SettingsInputSchema.optional(),
    statuses: z.array(StatusDefinitionSchema).min(1).max(30).optional(),
  })
  .openapi('BoardUpdate');
requestType<BoardUpdate>()(BoardUpdateSchema, true);

export const RoadmapSchema = z
  .object({
    columns: z.array(z.object({ category: z.enum(['under_review', 'planned', 'in_progress', 'done']), ideas: z.array(IdeaSchema) })),
  })
  .openapi('Roadmap');
expectType<Exact<z.infer<typeof RoadmapSchema>['columns'][number], RoadmapColumn>>(true);

export const ExportQuery = z.strictObject({ format: z.enum(['csv', 'json']).default('csv') });
requestTypeWithin<BoardExportQuery>()(ExportQuery, true);
