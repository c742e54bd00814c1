import { CARD_VISIBILITIES, type UnitRef } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { type Exact, expectType } from './contract.ts';

/** A business unit as other answers name it. */
export const UnitRefSchema = z
  .object({
    key: z.string().openapi({ example: 'finance' }),
    name: z.string().openapi({ example: 'Finance' }),
    side: z.enum(['demand', 'supply']).openapi({ description: '`supply`: IT or another provider, never counted as demand.' }),
  })
  .openapi('UnitRef');
expectType<Exact<z.infer<typeof UnitRefSchema>, UnitRef>>(true);

export const CardVisibilitySchema = z.enum(CARD_VISIBILITIES).openapi('CardVisibility', {
  description:
    "Who may read a card: `everyone` in the community; `unit`: the card's unit's relationship team, CIOs, admins and the card's owner and author; `private`: its owner and author, and admins.",
});

export const RelationshipSideSchema = z.enum(['business', 'provider']);
