/** The answer of an idea's own page (`GET /ideas/{id}/view`): the idea with everything around it. */
import type { EvaluationSummary, IdeaView } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { ItemRefSchema, orNull } from './common.ts';
import { type Exact, expectType } from './contract.ts';
import { IdeaSchema, StatusChangeSchema } from './ideas.ts';
import { translations } from './translations.ts';
import { UnitRefSchema } from './unit-ref.ts';

export const EvaluationSummarySchema = z
  .object({
    evaluators: z.number().int().openapi({ description: 'People who scored the idea.' }),
    criteria: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        translations: translations({ label: z.string() }),
        average: z.number().nullable().openapi({ description: "The evaluators' average; null while nobody scored this criterion." }),
      }),
    ),
  })
  .openapi('EvaluationSummary', { description: "The evaluators' averages per criterion of the board's scorecard." });
expectType<Exact<z.infer<typeof EvaluationSummarySchema>, EvaluationSummary>>(true);

export const IdeaViewSchema = z
  .object({
    idea: IdeaSchema,
    board: z.object({ slug: z.string(), name: z.string(), translations: translations({ name: z.string(), description: z.string() }) }),
    history: z.array(StatusChangeSchema).openapi({ description: 'Every status change, oldest first.' }),
    answeredBy: orNull(ItemRefSchema).openapi({ description: 'The published practice card that answered the request.' }),
    sourceCard: orNull(ItemRefSchema).openapi({ description: 'The published practice card the idea was proposed from.' }),
    mergedInto: orNull(ItemRefSchema).openapi({ description: 'The idea this one was merged into, as a duplicate.' }),
    duplicates: z.array(ItemRefSchema).openapi({ description: 'Ideas merged into this one.' }),
    supportByUnit: z.array(z.object({ unit: orNull(UnitRefSchema), supporters: z.number().int() })).openapi({
      description:
        'Supporters per demand-side business unit, most first; people without a unit under `unit: null`. Supply-side supporters (IT) are in `providerSupporters`.',
    }),
    providerSupporters: z.number().int().openapi({ description: 'Supporters from supply-side units (IT): support, not demand.' }),
    citedBy: z.array(ItemRefSchema).openapi({ description: 'Published practice cards whose link fields point at the idea.' }),
    discussion: z
      .object({ key: z.string().openapi({ example: 'idea:k3v9q0m2x7h1c8td' }), comments: z.number().int() })
      .openapi({ description: 'The idea’s own thread (`idea:<id>`) and its published comments.' }),
    evaluation: orNull(EvaluationSummarySchema).openapi({ description: 'Only for callers who may score ideas (evaluators and up).' }),
    revisions: z.number().int().openapi({ description: 'How many earlier texts the idea has (`/ideas/{id}/revisions`).' }),
  })
  .openapi('IdeaView');
expectType<Exact<z.infer<typeof IdeaViewSchema>, IdeaView>>(true);
