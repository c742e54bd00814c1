import type { Viewer } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { ItemPagesSchema } from './admin.ts';
import { UnitTeamPlaceSchema } from './business-units.ts';
import { orNull } from './common.ts';
import { type Exact, expectType } from './contract.ts';
import { PersonSchema } from './ideas.ts';
import { DemandClassSchema } from './intake-refs.ts';

/** The signed-in caller. `handle` (what others @mention; what owns a card) is `null` until they first write. */
export const ViewerUserSchema = PersonSchema.extend({
  id: z.string(),
  role: z.enum(['member', 'evaluator', 'moderator', 'admin']),
  handle: z.string().nullable(),
  cio: z
    .boolean()
    .openapi({ description: "Reads every business unit's relationship intelligence (the role mapping's `cio` claim values, or a grant)." }),
  teams: z.array(UnitTeamPlaceSchema).openapi({ description: "The caller's places on business units' relationship teams." }),
}).openapi('ViewerUser');

export const ViewerSchema = z
  .object({
    tenant: z.object({ slug: z.string(), name: z.string() }),
    user: orNull(ViewerUserSchema).openapi({ description: '`null` when the request carries no credential.' }),
    pages: ItemPagesSchema,
    demandClasses: z
      .array(DemandClassSchema)
      .openapi({ description: "The tenant's demand (investment) classes an idea may be sorted into." }),
  })
  .openapi('Viewer');
expectType<Exact<z.infer<typeof ViewerSchema>, Viewer>>(true);
