/** One search across ideas, comments and cards, and related content: their queries and answers. */
import type {
  RelatedItem,
  RelatedQuery as SdkRelatedQuery,
  SearchQuery as SdkSearchQuery,
  SearchHit,
  SearchKind,
  SearchResults,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { dateString, PracticeAreaSchema } from './cards.ts';
import { SlugSchema } from './common.ts';
import { type Exact, expectType, requestTypeWithin } from './contract.ts';
import { StatusCategorySchema } from './ideas.ts';
import { line } from './text.ts';
import { translations } from './translations.ts';

const iso = () => z.string().openapi({ format: 'date-time' });

export const SEARCH_KINDS = ['idea', 'comment', 'card'] as const satisfies readonly SearchKind[];
const SearchKindSchema = z.enum(SEARCH_KINDS);

/** The search as it travels: the SDK joins `kinds` with commas. */
type SearchWireQuery = Omit<SdkSearchQuery, 'kinds'> & { kinds?: string };

export const SearchQuerySchema = z.strictObject({
  q: line('The search', { min: 2, max: 200 }).openapi({
    description: 'The words, 2–200 characters. Words of fewer than three letters and very common ones are not searched for.',
    example: 'invoice matching',
  }),
  kinds: z
    .string()
    .max(100)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return [...SEARCH_KINDS];
      const parsed = z
        .array(SearchKindSchema)
        .min(1)
        .safeParse(value.split(',').map((k) => k.trim()));
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `Give kinds, comma-separated, from: ${SEARCH_KINDS.join(', ')}.`,
          params: { reason: 'field.invalid_value', values: SEARCH_KINDS.join(', ') },
        });
        return z.NEVER;
      }
      return [...new Set(parsed.data)];
    })
    .openapi({ type: 'string', description: 'What to search, comma-separated: `idea`, `comment`, `card` (default: all three).' }),
  board: SlugSchema.optional().openapi({ description: 'Ideas of this board only; other kinds are unaffected.' }),
  area: PracticeAreaSchema.optional().openapi({ description: 'Cards of this practice area only; other kinds are unaffected.' }),
  status: StatusCategorySchema.optional().openapi({ description: 'Ideas in this status category only; other kinds are unaffected.' }),
  since: dateString.optional().openapi({ description: 'Only what changed on or after this day (UTC), `YYYY-MM-DD`.' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
requestTypeWithin<SearchWireQuery>()(SearchQuerySchema, true);

export const SnippetSchema = z
  .object({
    text: z.string().openapi({ description: 'Plain text (never HTML) around the words found; `…` where it was cut.' }),
    marks: z.array(z.tuple([z.number().int(), z.number().int()])).openapi({
      description: 'The words found, as `[start, end)` offsets in `text`, in UTF-16 code units (JavaScript string indices).',
      example: [[4, 11]],
    }),
  })
  .openapi('Snippet');

const hit = {
  id: z.string(),
  title: z.string(),
  snippet: SnippetSchema,
  at: iso().openapi({ description: 'When it last changed.' }),
};

const IdeaHitSchema = z
  .object({
    kind: z.literal('idea'),
    ...hit,
    board: z.string(),
    status: z.object({
      key: z.string(),
      label: z.string(),
      translations: translations({ label: z.string() }),
      category: StatusCategorySchema,
    }),
    supporters: z.number().int(),
  })
  .openapi('IdeaHit');

const CardHitSchema = z
  .object({
    kind: z.literal('card'),
    ...hit,
    templateName: z.string(),
    tags: z.array(PracticeAreaSchema),
    freshness: z.enum(['current', 'due', 'overdue', 'obsolete']).openapi({ description: 'Obsolete cards are found, and rank lower.' }),
  })
  .openapi('CardHit');

const CommentHitSchema = z
  .object({
    kind: z.literal('comment'),
    ...hit,
    thread: z
      .object({ id: z.string(), key: z.string(), title: z.string().nullable(), url: z.string().nullable() })
      .openapi({ description: "The comment's thread; `title` is the idea's or card's for its own discussion." }),
    author: z.string(),
  })
  .openapi('CommentHit');

export const SearchHitSchema = z.discriminatedUnion('kind', [IdeaHitSchema, CardHitSchema, CommentHitSchema]).openapi('SearchHit');
expectType<Exact<z.infer<typeof SearchHitSchema>, SearchHit>>(true);

export const SearchResultsSchema = z
  .object({
    hits: z.array(SearchHitSchema).openapi({ description: 'Best first, all kinds together.' }),
    counts: z
      .object({ idea: z.number().int(), comment: z.number().int(), card: z.number().int() })
      .openapi({ description: 'How many of each kind matched, up to 100 each, before `limit`.' }),
  })
  .openapi('SearchResults');
expectType<Exact<z.infer<typeof SearchResultsSchema>, SearchResults>>(true);

const RelatedKindSchema = z.enum(['idea', 'card', 'thread']);

export const RelatedQuerySchema = z.strictObject({
  kind: RelatedKindSchema,
  id: z.string().min(1).max(64).openapi({ example: 'k7vq2m9x4p8r3s6t' }),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
requestTypeWithin<SdkRelatedQuery>()(RelatedQuerySchema, true);

export const RelatedItemSchema = z
  .object({
    kind: RelatedKindSchema,
    id: z.string(),
    title: z.string(),
    relation: z
      .enum(['answers', 'answered-by', 'sparked', 'proposed-from', 'promoted-to', 'promoted-from', 'cites', 'cited-by', 'similar'])
      .openapi({
        description:
          'How the item asked about stands to this one: it is `answered-by` this card or `answers` this idea; it was `proposed-from` this card or `sparked` this idea; it was `promoted-from` this thread or `promoted-to` this card; it `cites` this item (a card’s link field names it) or is `cited-by` it; or, without a link, its text is `similar`.',
      }),
    thread: z.object({ key: z.string(), url: z.string().nullable() }).optional().openapi({ description: 'Threads: where to open them.' }),
  })
  .openapi('RelatedItem');
expectType<Exact<z.infer<typeof RelatedItemSchema>, RelatedItem>>(true);

export const RelatedItemsSchema = z.object({ items: z.array(RelatedItemSchema) }).openapi('RelatedItems');
