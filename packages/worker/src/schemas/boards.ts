import type { Board } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { SlugSchema, TenantParams } from './common.ts';
import { type Exact, expectType } from './contract.ts';

export const BoardSchema = z
  .object({
    slug: z.string().openapi({ example: 'general' }),
    name: z.string(),
    description: z.string(),
    ideaCount: z.number().int(),
  })
  .openapi('Board');
expectType<Exact<z.infer<typeof BoardSchema>, Board>>(true);

export const BoardListSchema = z.object({ items: z.array(BoardSchema) }).openapi('BoardList');

export const BoardParams = TenantParams.extend({
  board: SlugSchema.openapi({ param: { name: 'board', in: 'path' }, example: 'general' }),
});
