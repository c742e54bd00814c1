import type { Viewer } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { type Exact, expectType } from './contract.ts';
import { PersonSchema } from './ideas.ts';

export const ViewerSchema = z
  .object({
    tenant: z.object({ slug: z.string(), name: z.string() }),
    user: PersonSchema.extend({
      id: z.string(),
      role: z.enum(['member', 'evaluator', 'moderator', 'admin']),
      handle: z.string().nullable(),
    }).nullable(),
  })
  .openapi('Viewer');
expectType<Exact<z.infer<typeof ViewerSchema>, Viewer>>(true);
