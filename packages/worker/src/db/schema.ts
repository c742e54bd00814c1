/**
 * Every table of Bridgekit, in one place. Migrations are generated from this file by
 * drizzle-kit (`pnpm db:generate`) and applied by wrangler; never edit them by hand.
 *
 * Every row that belongs to a tenant carries `tenant_id`, and every query filters on it.
 * Timestamps are Unix epoch milliseconds.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at').notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** Which values of which token claim make someone a moderator or an admin of a tenant. */
export interface RoleMapping {
  /** e.g. `roles` (Entra ID app roles) or `groups`. */
  claim: string;
  moderator: string[];
  admin: string[];
}

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Whether people without a token may read. Never lets them write. */
  anonymousRead: integer('anonymous_read', { mode: 'boolean' }).notNull().default(false),
  roleMapping: text('role_mapping', { mode: 'json' }).$type<RoleMapping>(),
  createdAt: createdAt(),
});

/**
 * Origins whose pages may call a tenant's API from a browser (CORS) and, later, frame its
 * widgets. Exact origins (`https://contoso.sharepoint.com`) or one wildcard label or port
 * (`https://*.contoso.com`, `http://localhost:*`).
 */
export const tenantOrigins = sqliteTable(
  'tenant_origins',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.origin] })],
);

/**
 * OpenID Connect issuers a tenant accepts access tokens from: Entra ID for SharePoint pages,
 * or any other issuer (Okta, Keycloak…). Keys come from the issuer's JWKS.
 */
export const oidcProviders = sqliteTable(
  'oidc_providers',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Short name chosen by the admin, e.g. `entra`. */
    id: text('id').notNull(),
    issuer: text('issuer').notNull(),
    jwksUri: text('jwks_uri').notNull(),
    audience: text('audience').notNull(),
    /** A scope the token's `scp` claim must contain, e.g. `access_as_user`. */
    requiredScope: text('required_scope'),
    /** Entra ID only: the directory (tenant) id the token's `tid` must equal. */
    directoryId: text('directory_id'),
    /** Claims whose values, joined, identify a person (`["tid", "oid"]` for Entra ID, `["sub"]` otherwise). */
    subjectClaims: text('subject_claims', { mode: 'json' }).$type<string[]>().notNull(),
    nameClaim: text('name_claim').notNull().default('name'),
    emailClaim: text('email_claim'),
    businessUnitClaim: text('business_unit_claim'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('oidc_providers_tenant_issuer').on(t.tenantId, t.issuer)],
);

/** Roles granted by an admin, by subject, on top of those from token claims. */
export const userRoles = sqliteTable(
  'user_roles',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    role: text('role', { enum: ['moderator', 'admin'] }).notNull(),
    grantedBy: text('granted_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.subject] })],
);

/**
 * Server-to-server API keys. Only a SHA-256 hash of the secret part is kept; the key is shown
 * once, when created.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<('read' | 'write' | 'admin')[]>().notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_keys_tenant').on(t.tenantId)],
);

/**
 * HS256 secrets a tenant's host pages sign embed tokens with, encrypted at rest (AES-GCM under
 * the Worker secret BRIDGEKIT_SECRET_KEY). Several per tenant, told apart by `kid`, so a secret
 * can be rotated without downtime.
 */
export const embedKeys = sqliteTable(
  'embed_keys',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kid: text('kid').notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    createdAt: createdAt(),
    /** Set when the secret is retired; tokens signed with it are refused from then on. */
    revokedAt: integer('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kid] })],
);

/** People, keyed by tenant + the subject of their sign-in token. Refreshed from each write's token. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    businessUnit: text('business_unit'),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('users_tenant_subject').on(t.tenantId, t.subject)],
);

export const boards = sqliteTable(
  'boards',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('boards_tenant_slug').on(t.tenantId, t.slug)],
);

export const ideas = sqliteTable(
  'ideas',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Denormalised for sorting; always recomputed from `votes` in the same batch as the vote. */
    voteCount: integer('vote_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('ideas_board_top').on(t.boardId, t.voteCount, t.id),
    index('ideas_board_new').on(t.boardId, t.createdAt, t.id),
    index('ideas_tenant').on(t.tenantId),
  ],
);

/** One row per person backing an idea; the primary key makes a second vote impossible. */
export const votes = sqliteTable(
  'votes',
  {
    ideaId: text('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index('votes_user').on(t.userId)],
);
