/** Business units, their teams and unmatched claims (routes/business-units.ts). */
import type {
  BusinessUnit,
  BusinessUnitUpdate,
  NewBusinessUnit,
  PersonUnit,
  PersonUnitInput,
  UnitTeamInput,
  UnitTeamPlace,
  UnmatchedClaim,
} from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { orNull, TenantParams } from './common.ts';
import { type Exact, expectType, requestType } from './contract.ts';
import { line } from './text.ts';
import { UnitRefSchema } from './unit-ref.ts';

export const UnitParams = TenantParams.extend({
  key: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'finance' }),
});

const UnitSideSchema = z.enum(['demand', 'supply']).openapi('UnitSide', {
  description: '`demand`: a business unit; `supply`: IT or another provider, whose people never count as demand.',
});
const MemberSchema = z.object({ handle: z.string(), name: z.string() }).openapi('UnitMember');
const IntendedMixSchema = z
  .record(line('A demand class', { max: 40 }), z.number().min(0).max(100))
  .openapi({ description: 'Percent of approved demand per demand class, e.g. `{ "run": 50, "grow": 30, "transform": 20 }`.' });

export const BusinessUnitSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    parent: orNull(z.string()).openapi({ description: 'The key of the unit it is part of.' }),
    side: UnitSideSchema,
    aliases: z.array(z.string()).openapi({ description: 'Normalised: trimmed, runs of spaces made one, ASCII letters lower-cased.' }),
    team: z.object({ businessPartners: z.array(MemberSchema), relationshipManagers: z.array(MemberSchema) }),
    intendedMix: orNull(z.record(z.string(), z.number())),
    archivedAt: orNull(z.string()),
  })
  .openapi('BusinessUnit');
expectType<Exact<z.infer<typeof BusinessUnitSchema>, BusinessUnit>>(true);

const UnitNameSchema = line('The name', { max: 100 });
const AliasesSchema = z.array(line('An alias', { max: 100 })).max(50);

export const NewBusinessUnitSchema = z
  .strictObject({
    key: z.string().min(1).max(100).openapi({
      description:
        'Lower-case letters and digits in words joined by single hyphens, at most 40 characters (400 `validation_failed.unit_key`).',
      example: 'finance',
    }),
    name: UnitNameSchema,
    parent: z.string().min(1).max(100).nullable().optional(),
    side: UnitSideSchema.optional(),
    aliases: AliasesSchema.optional(),
    intendedMix: IntendedMixSchema.nullable().optional(),
  })
  .openapi('NewBusinessUnit');
requestType<NewBusinessUnit>()(NewBusinessUnitSchema, true);

export const BusinessUnitUpdateSchema = z
  .strictObject({
    name: UnitNameSchema.optional(),
    parent: z.string().min(1).max(100).nullable().optional(),
    side: UnitSideSchema.optional(),
    aliases: AliasesSchema.optional(),
    intendedMix: IntendedMixSchema.nullable().optional(),
  })
  .openapi('BusinessUnitUpdate');
requestType<BusinessUnitUpdate>()(BusinessUnitUpdateSchema, true);

const HandlesSchema = z.array(line('A handle', { max: 100 })).max(20);
export const UnitTeamInputSchema = z
  .strictObject({ businessPartners: HandlesSchema, relationshipManagers: HandlesSchema })
  .openapi('UnitTeamInput');
requestType<UnitTeamInput>()(UnitTeamInputSchema, true);

export const PersonUnitInputSchema = z
  .strictObject({
    unit: z.string().min(1).max(100).nullable().openapi({ description: "A current unit's key, or `null`: no unit.", example: 'finance' }),
  })
  .openapi('PersonUnitInput');
requestType<PersonUnitInput>()(PersonUnitInputSchema, true);

export const PersonUnitSchema = z
  .object({ handle: z.string(), name: z.string(), businessUnit: orNull(z.string()), unit: orNull(UnitRefSchema) })
  .openapi('PersonUnit');
expectType<Exact<z.infer<typeof PersonUnitSchema>, PersonUnit>>(true);

export const UnmatchedClaimSchema = z.object({ claim: z.string(), people: z.number().int() }).openapi('UnmatchedClaim');
expectType<Exact<z.infer<typeof UnmatchedClaimSchema>, UnmatchedClaim>>(true);

export const UnitTeamPlaceSchema = z
  .object({ unit: UnitRefSchema, role: z.enum(['business_partner', 'relationship_manager']) })
  .openapi('UnitTeamPlace');
expectType<Exact<z.infer<typeof UnitTeamPlaceSchema>, UnitTeamPlace>>(true);
