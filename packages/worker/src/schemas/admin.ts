import type {
  ApiKeyInfo,
  ApiKeyInput,
  CreatedTenant,
  EmbedKeyInfo,
  ItemPages,
  MintedToken,
  NewApiKey,
  NewEmbedKey,
  NewTenant,
  OidcProviderConfig,
  OidcProviderInput,
  OidcSignInClient,
  OriginInput,
  RoleCandidate,
  RoleCandidateQuery,
  RoleGrant,
  RoleInput,
  RoleMapping,
  RoleRevokeQuery,
  TenantSettings,
  TenantSettingsUpdate,
  TenantSummary,
  TokenRequestBody,
} from '@bridgekit/sdk';
import { formatReason } from '@bridgekit/sdk/reasons';
import { z } from '@hono/zod-openapi';
import { embedSubjectProblem } from '../auth/subjects.ts';
import { ITEM_PAGE_MAX, ITEM_PAGE_PLACEHOLDER, itemPageProblem } from '../lib/item-pages.ts';
import { allowableOriginPattern, normalizeOriginPattern } from '../lib/origins.ts';
import { orNull, SlugSchema, TenantParams } from './common.ts';
import { type Exact, expectType, requestType, requestTypeWithin } from './contract.ts';
import { EXAMPLE_PROVIDER_ID } from './examples.ts';
import { InsightSettingsInputSchema, InsightSettingsSchema } from './insights.ts';
import { DemandClassesInputSchema, DemandClassSchema } from './intake-refs.ts';
import { line } from './text.ts';
import { MailSettingsInputSchema, MailSettingsSchema } from './webhooks.ts';

const iso = () => z.string().openapi({ format: 'date-time' });
const claimName = line('The claim name', { max: 100 });

// Unnamed, for the request that may set it to null (a null of a named schema is documented wrongly: common.ts `orNull`).
const roleMappingFields = z.strictObject({
  claim: claimName.openapi({ example: 'roles' }),
  evaluator: z
    .array(line('A role value', { max: 200 }))
    .max(50)
    .optional()
    .openapi({ example: ['Bridgekit.Evaluator'] }),
  moderator: z
    .array(line('A role value', { max: 200 }))
    .max(50)
    .openapi({ example: ['Bridgekit.Moderator'] }),
  admin: z
    .array(line('A role value', { max: 200 }))
    .max(50)
    .openapi({ example: ['Bridgekit.Admin'] }),
  cio: z
    .array(line('A role value', { max: 200 }))
    .max(50)
    .optional()
    .openapi({
      description: "Values that make someone a CIO: reads every business unit's relationship intelligence, besides their role.",
      example: ['Bridgekit.CIO'],
    }),
  applyToEmbedTokens: z.boolean().optional().openapi({
    description:
      "Whether embed tokens' claims give roles too (the host's server vouches for roles as well as for identity). Off unless set: then embed people get roles only from admins' grants, OIDC people from their claims and grants.",
  }),
});
export const RoleMappingSchema = roleMappingFields.openapi('RoleMapping');
expectType<Exact<z.infer<typeof RoleMappingSchema>, RoleMapping>>(true);

export const EmbedKeyInfoSchema = z.object({ kid: z.string(), createdAt: iso(), revokedAt: iso().nullable() }).openapi('EmbedKeyInfo');
expectType<Exact<z.infer<typeof EmbedKeyInfoSchema>, EmbedKeyInfo>>(true);
export const EmbedKeyListSchema = z.object({ items: z.array(EmbedKeyInfoSchema) }).openapi('EmbedKeyList');

export const NewEmbedKeySchema = z
  .object({ kid: z.string(), secret: z.string().openapi({ description: 'Shown once.' }), createdAt: iso() })
  .openapi('NewEmbedKey');
expectType<Exact<z.infer<typeof NewEmbedKeySchema>, NewEmbedKey>>(true);

/** Longest sign-in label: it is shown on Bridgekit's own sign-in window, as plain text. */
export const SIGN_IN_LABEL_MAX = 100;

/** A host name with an optional port, as in a URL (`oauth2.googleapis.com`, `idp.example:8443`). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::[1-9][0-9]{0,4})?$/;

const signInClientFields = z.strictObject({
  clientId: line('The sign-in client id', { max: 200 }).openapi({ example: '11111111-2222-3333-4444-555555555555' }),
  scope: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'Scopes are printable words separated by single spaces.')
    .openapi({ example: 'api://bridgekit/access_as_user' }),
  label: line('The sign-in label', { max: SIGN_IN_LABEL_MAX }).openapi({ example: 'Contoso (Microsoft Entra ID)' }),
  endpointHosts: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .max(260)
        .regex(HOST, 'Give a host name such as oauth2.googleapis.com (with :port only if not 443): no scheme, no path.'),
    )
    .max(10)
    .optional()
    .openapi({
      description: "Hosts besides the issuer's that the discovery document's authorization and token endpoints may be on (always https).",
      example: ['oauth2.googleapis.com'],
    }),
});
const SIGN_IN_CLIENT =
  'A public client for the sign-in window of embedded frames (authorization code + PKCE). Register the redirect URI `https://<bridgekit>/embed/sign-in/callback` as a single-page application.';
export const OidcSignInClientSchema = signInClientFields.openapi('OidcSignInClient', { description: SIGN_IN_CLIENT });
expectType<Exact<z.infer<typeof OidcSignInClientSchema>, OidcSignInClient>>(true);

export const OidcProviderSchema = z
  .object({
    id: z.string(),
    issuer: z.string(),
    jwksUri: z.string(),
    audience: z.string(),
    requiredScope: z.string().nullable(),
    directoryId: z.string().nullable(),
    subjectClaims: z.array(z.string()),
    nameClaim: z.string(),
    emailClaim: z.string().nullable(),
    businessUnitClaim: z.string().nullable(),
    signIn: orNull(OidcSignInClientSchema),
  })
  .openapi('OidcProvider');
expectType<Exact<z.infer<typeof OidcProviderSchema>, OidcProviderConfig>>(true);

// An absolute URL here; https (plain http only for localhost, in development) and the rest
// are checked with the environment in auth/oidc-endpoints.ts, which the route runs next.
const httpsUrl = (what: string) =>
  z
    .string()
    .max(500)
    .refine((u) => URL.canParse(u), `${what} must be an absolute URL (https://…).`);

export const OidcProviderInputSchema = z
  .strictObject({
    issuer: httpsUrl('The issuer').openapi({ example: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0' }),
    jwksUri: httpsUrl('The JWKS URI').openapi({
      example: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/discovery/v2.0/keys',
    }),
    audience: z.string().trim().min(1).max(500).openapi({ example: 'api://bridgekit' }),
    requiredScope: z.string().trim().min(1).max(200).nullable().optional(),
    directoryId: z.string().trim().min(1).max(100).nullable().optional(),
    subjectClaims: z.array(claimName).min(1).max(4).optional(),
    nameClaim: claimName.optional(),
    emailClaim: claimName.nullable().optional(),
    businessUnitClaim: claimName.nullable().optional(),
    signIn: signInClientFields
      .nullable()
      .optional()
      .openapi({ description: `${SIGN_IN_CLIENT} \`null\` removes it.` }),
  })
  .openapi('OidcProviderInput');
requestType<OidcProviderInput>()(OidcProviderInputSchema, true);
expectType<Exact<z.infer<typeof OidcProviderInputSchema>, OidcProviderInput>>(true);

export const ApiKeyScopeSchema = z.enum(['read', 'write', 'admin']);

export const ApiKeyInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(ApiKeyScopeSchema),
    createdBy: z.string(),
    createdAt: iso(),
    lastUsedAt: iso().nullable(),
    revokedAt: iso().nullable(),
  })
  .openapi('ApiKeyInfo');
expectType<Exact<z.infer<typeof ApiKeyInfoSchema>, ApiKeyInfo>>(true);

export const NewApiKeySchema = ApiKeyInfoSchema.extend({ key: z.string().openapi({ description: 'Shown once.' }) }).openapi('NewApiKey');
expectType<Exact<z.infer<typeof NewApiKeySchema>, NewApiKey>>(true);

export const ApiKeyInputSchema = z
  .strictObject({
    name: line('The key name', { max: 100 }).openapi({ example: 'Portfolio sync' }),
    scopes: z.array(ApiKeyScopeSchema).min(1, 'Give the key at least one scope: read, write or admin.'),
  })
  .openapi('ApiKeyInput');
requestType<ApiKeyInput>()(ApiKeyInputSchema, true);

export const RoleGrantSchema = z
  .object({
    subject: z.string(),
    name: z
      .string()
      .nullable()
      .openapi({ description: "The member's name; `null` while nobody with this subject has used the tenant (a grant may come first)." }),
    handle: z.string().nullable().openapi({ description: 'What others type to @mention them, or `null` (as `name`).' }),
    role: z.enum(['evaluator', 'moderator', 'admin', 'cio']),
    grantedBy: z.string(),
    createdAt: iso(),
  })
  .openapi('RoleGrant');
expectType<Exact<z.infer<typeof RoleGrantSchema>, RoleGrant>>(true);

export const RoleCandidateSchema = z
  .object({ subject: z.string(), name: z.string(), handle: z.string(), businessUnit: z.string().nullable() })
  .openapi('RoleCandidate');
expectType<Exact<z.infer<typeof RoleCandidateSchema>, RoleCandidate>>(true);

export const RoleCandidateQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'Type at least one letter.').max(60),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
requestTypeWithin<RoleCandidateQuery>()(RoleCandidateQuerySchema, true);

export const RoleInputSchema = z
  .strictObject({
    role: z.enum(['evaluator', 'moderator', 'admin', 'cio']).openapi({
      description: 'A level (evaluator, moderator, admin) replaces the person’s granted level; `cio` is granted besides it.',
    }),
  })
  .openapi('RoleInput');
requestType<RoleInput>()(RoleInputSchema, true);

export const RevokeRoleQuery = z.strictObject({
  role: z
    .enum(['cio'])
    .optional()
    .openapi({ description: 'Left out: the granted level (evaluator, moderator, admin) is taken back; `cio`: the CIO grant alone.' }),
});
requestTypeWithin<RoleRevokeQuery>()(RevokeRoleQuery, true);

const ITEM_PAGES_DESCRIPTION =
  'Where the intranet shows each kind of item, as a URL pattern holding `{id}` once (for `search`, the search text; for `person`, the handle; for `health`, a health round’s id), e.g. `https://contoso.sharepoint.com/sites/brm/SitePages/Ideas.aspx#bk-idea={id}`: links in mails and chats open the item there.';

export const ItemPagesSchema = z
  .object({
    idea: z.string().optional(),
    card: z.string().optional(),
    search: z.string().optional(),
    person: z.string().optional(),
    health: z.string().optional(),
  })
  .openapi('ItemPages', { description: ITEM_PAGES_DESCRIPTION });
expectType<Exact<z.infer<typeof ItemPagesSchema>, ItemPages>>(true);

const itemPage = () =>
  z
    .string()
    .max(ITEM_PAGE_MAX)
    .superRefine((pattern, ctx) => {
      const reason = itemPageProblem(pattern);
      const params = { placeholder: ITEM_PAGE_PLACEHOLDER };
      // `params.reason` becomes the field issue's reason (errors.ts `zodIssues`).
      if (reason) ctx.addIssue({ code: 'custom', message: formatReason(reason, params), params: { reason, ...params } });
    })
    .optional()
    .openapi({ example: 'https://intranet.contoso.example/brm/ideas#bk-idea={id}' });

/** The patterns an admin sets: absolute https URLs (http for localhost) with `{id}` once, at most 500 characters. */
export const ItemPagesInputSchema = z
  .strictObject({ idea: itemPage(), card: itemPage(), search: itemPage(), person: itemPage(), health: itemPage() })
  .openapi({ description: `${ITEM_PAGES_DESCRIPTION} Replaces every pattern; \`{}\` clears them.` });

export const TenantSettingsSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    anonymousRead: z.boolean(),
    roleMapping: orNull(RoleMappingSchema),
    origins: z.array(z.string()),
    embedKeys: z.array(EmbedKeyInfoSchema),
    oidcProviders: z.array(OidcProviderSchema),
    itemPages: ItemPagesSchema,
    mail: orNull(MailSettingsSchema),
    demandClasses: z.array(DemandClassSchema),
    insights: InsightSettingsSchema,
  })
  .openapi('TenantSettings');
expectType<Exact<z.infer<typeof TenantSettingsSchema>, TenantSettings>>(true);

export const TenantNameSchema = line('The tenant name', { max: 100 });

export const TenantSettingsUpdateSchema = z
  .strictObject({
    name: TenantNameSchema.optional(),
    anonymousRead: z.boolean().optional(),
    roleMapping: roleMappingFields
      .nullable()
      .optional()
      .openapi({ description: 'Which token claim values make someone an evaluator, moderator or admin; `null` removes the mapping.' }),
    itemPages: ItemPagesInputSchema.optional(),
    mail: MailSettingsInputSchema.nullable()
      .optional()
      .openapi({ description: 'The mail webhook notification e-mail goes through, with its secret; `null` turns e-mail off.' }),
    demandClasses: DemandClassesInputSchema.nullable().optional().openapi({
      description: 'The demand classes ideas are sorted into (1–12, unique keys), replacing the list; `null`: run / grow / transform.',
    }),
    insights: InsightSettingsInputSchema.optional().openapi({
      description:
        'The cockpit’s privacy: `minGroupSize` (2–50; counts of fewer people are hidden) and `perPersonFigures`; each one left out keeps its value.',
    }),
  })
  .openapi('TenantSettingsUpdate');
requestType<TenantSettingsUpdate>()(TenantSettingsUpdateSchema, true);
expectType<Exact<z.infer<typeof TenantSettingsUpdateSchema>, TenantSettingsUpdate>>(true);

const originPattern = (normalize: typeof normalizeOriginPattern | typeof allowableOriginPattern) =>
  z
    .string()
    .max(300)
    .transform(async (value, ctx) => {
      const result = await normalize(value);
      if ('error' in result) {
        ctx.addIssue({ code: 'custom', message: result.error });
        return z.NEVER;
      }
      return result.pattern;
    });

/**
 * An allowed-origin pattern an admin may add, normalised (lower case, no default port, no
 * trailing slash); a host wildcard must stop at a registrable domain (lib/origins.ts).
 */
export const OriginSchema = originPattern(allowableOriginPattern).openapi({
  type: 'string',
  maxLength: 300,
  example: 'https://intranet.contoso.example',
  description:
    'https://host, https://*.host (subdomains of a domain you own, never of a public suffix like *.com or *.co.uk) or http://localhost:*.',
});

export const OriginInputSchema = z.strictObject({ origin: OriginSchema }).openapi('OriginInput');
requestType<OriginInput>()(OriginInputSchema, true);
// Removing takes any well-formed pattern, so a too-broad wildcard stored before the rule can go.
export const OriginQuerySchema = z.strictObject({ origin: originPattern(normalizeOriginPattern) });
requestTypeWithin<OriginInput>()(OriginQuerySchema, true);
export const OriginListSchema = z.object({ items: z.array(z.string()) }).openapi('OriginList');

export const MintedTokenSchema = z.object({ token: z.string(), expiresAt: iso() }).openapi('MintedToken');
expectType<Exact<z.infer<typeof MintedTokenSchema>, MintedToken>>(true);

export const TokenRequestSchema = z
  .strictObject({
    sub: z
      .string()
      .min(1)
      .max(255)
      .superRefine((sub, ctx) => {
        const problem = embedSubjectProblem(sub);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    name: line('The name', { max: 200 }),
    email: line('The e-mail address', { max: 320 }).optional(),
    bu: line('The business unit', { max: 100 }).optional(),
    ttlSeconds: z.number().int().min(60).max(3600).optional(),
  })
  .openapi('TokenRequest');
requestType<TokenRequestBody>()(TokenRequestSchema, true);
expectType<Exact<z.infer<typeof TokenRequestSchema>, TokenRequestBody>>(true);

export const TenantSummarySchema = z
  .object({ slug: z.string(), name: z.string(), anonymousRead: z.boolean(), createdAt: iso() })
  .openapi('TenantSummary');
expectType<Exact<z.infer<typeof TenantSummarySchema>, TenantSummary>>(true);

export const NewTenantSchema = z
  .strictObject({
    slug: SlugSchema.openapi({ example: 'acme' }),
    name: TenantNameSchema.openapi({ example: 'Acme Corporation' }),
    anonymousRead: z.boolean().optional(),
    origins: z.array(OriginSchema).max(50).optional(),
  })
  .openapi('NewTenant');
requestType<NewTenant>()(NewTenantSchema, true);

export const CreatedTenantSchema = z.object({ tenant: TenantSettingsSchema, embedKey: NewEmbedKeySchema }).openapi('CreatedTenant');
expectType<Exact<z.infer<typeof CreatedTenantSchema>, CreatedTenant>>(true);

export const KidParams = TenantParams.extend({
  kid: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'kid', in: 'path' } }),
});
export const ProviderParams = TenantParams.extend({
  id: SlugSchema.openapi({ param: { name: 'id', in: 'path' }, example: EXAMPLE_PROVIDER_ID }),
});
export const ApiKeyParams = TenantParams.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const SubjectParams = TenantParams.extend({
  subject: z
    .string()
    .min(1)
    .max(300)
    .openapi({ param: { name: 'subject', in: 'path' }, example: 'example|contract-test' }),
});
