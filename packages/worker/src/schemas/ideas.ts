import { type Idea, LIMITS, type Page, type VoteState } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { SlugSchema, TenantParams } from './common.ts';
import { type Exact, expectType } from './contract.ts';

const TITLE_MIN = LIMITS.ideaTitle.min;
const TITLE_MAX = LIMITS.ideaTitle.max;
const DESCRIPTION_MAX = LIMITS.ideaDescription.max;
const PAGE_SIZE_MAX = LIMITS.pageSize.max;

// Control characters other than tab and line breaks have no place in text people read.
const isControl = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
const noControlChars = (s: string) => ![...s].some((ch) => isControl(ch.codePointAt(0) ?? 0));

export const PersonSchema = z.object({ name: z.string(), businessUnit: z.string().nullable() }).openapi('Person');

export const IdeaSchema = z
  .object({
    id: z.string().openapi({ example: 'k3v9q0m2x7h1c8td' }),
    board: z.string().openapi({ example: 'general' }),
    title: z.string(),
    description: z.string(),
    author: PersonSchema,
    votes: z.number().int().openapi({ description: 'Number of people backing the idea.' }),
    voted: z.boolean().openapi({ description: 'Whether the caller backs the idea.' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Idea');
expectType<Exact<z.infer<typeof IdeaSchema>, Idea>>(true);

export const IdeaPageSchema = z.object({ items: z.array(IdeaSchema), nextCursor: z.string().nullable() }).openapi('IdeaPage');
expectType<Exact<z.infer<typeof IdeaPageSchema>, Page<Idea>>>(true);

export const VoteStateSchema = z.object({ votes: z.number().int(), voted: z.boolean() }).openapi('VoteState');
expectType<Exact<z.infer<typeof VoteStateSchema>, VoteState>>(true);

export const NewIdeaSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(TITLE_MIN, `The title needs at least ${TITLE_MIN} characters.`)
      .max(TITLE_MAX, `The title can have at most ${TITLE_MAX} characters.`)
      .refine(noControlChars, 'The title contains control characters.')
      .refine((s) => !s.includes('\n'), 'The title must be one line.'),
    description: z
      .string()
      .trim()
      .max(DESCRIPTION_MAX, `The description can have at most ${DESCRIPTION_MAX.toLocaleString('en')} characters.`)
      .refine(noControlChars, 'The description contains control characters.')
      .default(''),
  })
  .openapi('NewIdea');

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
  sort: z.enum(['top', 'new']).default('top').openapi({ description: '`top`: most backed first; `new`: newest first.' }),
  cursor: z.string().max(512).optional().openapi({ description: '`nextCursor` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX, `At most ${PAGE_SIZE_MAX} ideas per page.`).default(20),
});
