/** A person's own view (`GET /people/{handle}`): who they are and what they contributed. */
import type { PersonView } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { orNull, TenantParams } from './common.ts';
import { type Exact, expectType } from './contract.ts';
import { StatusCategorySchema } from './ideas.ts';
import { translations } from './translations.ts';
import { UnitRefSchema } from './unit-ref.ts';

const iso = () => z.string().openapi({ format: 'date-time' });

/** Longer than any handle (a name's 30 characters and a 7-character suffix); anything longer names nobody. */
const HANDLE_MAX = 64;

export const PersonParams = TenantParams.extend({
  handle: z
    .string()
    .min(1)
    .max(HANDLE_MAX)
    .openapi({ param: { name: 'handle', in: 'path' }, example: 'amara.okafor', description: 'The handle people @mention them by.' }),
});

const ref = { id: z.string(), title: z.string() };

const PersonIdeaSchema = z
  .object({
    ...ref,
    board: z.string(),
    status: z.object({
      key: z.string(),
      label: z.string(),
      translations: translations({ label: z.string() }),
      category: StatusCategorySchema,
    }),
    at: iso().openapi({ description: 'When it was shared.' }),
  })
  .openapi('PersonIdea');

const PersonCardSchema = z.object({ ...ref, at: iso().openapi({ description: 'When it last changed.' }) }).openapi('PersonCard');

const PersonCommentSchema = z
  .object({
    ...ref,
    thread: z
      .object({ id: z.string(), key: z.string(), title: z.string().nullable(), url: z.string().nullable() })
      .openapi({ description: "The comment's thread; `title` is the idea's or card's for its own discussion." }),
    snippet: z.string().openapi({ description: 'The opening words, as plain text (never HTML).' }),
    at: iso().openapi({ description: 'When it was written.' }),
  })
  .openapi('PersonComment', { description: '`title` is the thread’s title, else its page or key.' });

export const PersonViewSchema = z
  .object({
    handle: z.string(),
    name: z.string(),
    businessUnit: z.string().nullable(),
    unit: orNull(UnitRefSchema).openapi({ description: 'The business unit their claim names, or null.' }),
    role: z.enum(['member', 'evaluator', 'moderator', 'admin']),
    joinedAt: iso().openapi({ description: 'When they first took part.' }),
    counts: z
      .object({ ideas: z.number().int(), comments: z.number().int(), cards: z.number().int() })
      .openapi({ description: 'Everything of theirs that every reader may see, not only the latest listed below.' }),
    ideas: z.array(PersonIdeaSchema).openapi({ description: 'Their latest published ideas (not merged duplicates), up to 10.' }),
    cards: z.array(PersonCardSchema).openapi({ description: 'Published practice cards they own, most recently changed first, up to 10.' }),
    comments: z
      .array(PersonCommentSchema)
      .openapi({ description: 'Their latest published comments in discussions every reader is shown, up to 10.' }),
  })
  .openapi('PersonView');
expectType<Exact<z.infer<typeof PersonViewSchema>, PersonView>>(true);
