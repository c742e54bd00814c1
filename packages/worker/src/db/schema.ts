/**
 * Every table of Bridgekit, in one place. Migrations are generated from this file by
 * drizzle-kit (`pnpm db:generate`) and applied by wrangler; never edit them by hand.
 *
 * Every row that belongs to a tenant carries `tenant_id`, and every query filters on it.
 * Timestamps are Unix epoch milliseconds.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at').notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** Which values of which token claim make someone a moderator or an admin of a tenant. */
export interface RoleMapping {
  /** e.g. `roles` (Entra ID app roles) or `groups`. */
  claim: string;
  /** Values that make someone an evaluator (scores ideas); optional for older mappings. */
  evaluator?: string[];
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
    role: text('role', { enum: ['evaluator', 'moderator', 'admin'] }).notNull(),
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

/** One status a board's ideas can be in (see src/domain/statuses.ts for the defaults). */
export interface StatusDefinition {
  key: string;
  label: string;
  category: 'open' | 'under_review' | 'planned' | 'in_progress' | 'done' | 'declined';
  /** A written reason is required to set it. */
  requiresReason: boolean;
  /** Deflects demand: closes the idea with a reason, often pointing to a practice card. */
  deflection: boolean;
}

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
    /** The window in which ideas may be submitted and backed (either end open). */
    opensAt: integer('opens_at'),
    closesAt: integer('closes_at'),
    /** Who may submit: every member, or moderators only (curated boards). */
    submitters: text('submitters', { enum: ['members', 'moderators'] })
      .notNull()
      .default('members'),
    /** `single`: one vote per person per idea, as many ideas as they like; `budget`: scarce votes. */
    voteMode: text('vote_mode', { enum: ['single', 'budget'] })
      .notNull()
      .default('single'),
    voteBudget: integer('vote_budget').notNull().default(10),
    votesPerIdea: integer('votes_per_idea').notNull().default(3),
    /** Budget votes on an idea are returned to their owners when it closes. */
    refundOnClose: integer('refund_on_close', { mode: 'boolean' }).notNull().default(true),
    /** Intake fields a submission must fill: problem, beneficiary, valueType, effort, objective. */
    requiredFields: text('required_fields', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The board's statuses; null means the defaults. */
    statuses: text('statuses', { mode: 'json' }).$type<StatusDefinition[]>(),
    scorecardPreset: text('scorecard_preset', { enum: ['value-size-risk', 'wsjf', 'custom'] })
      .notNull()
      .default('value-size-risk'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('boards_tenant_slug').on(t.tenantId, t.slug)],
);

/**
 * The criteria of a board's evaluator scorecard. An idea's value, effort and risk are the
 * weighted sums, per group, of its criteria's scores averaged over evaluators.
 */
export const boardCriteria = sqliteTable(
  'board_criteria',
  {
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    kind: text('kind', { enum: ['scale', 'tshirt', 'yesno', 'fibonacci'] }).notNull(),
    weight: real('weight').notNull(),
    group: text('grp', { enum: ['value', 'effort', 'risk'] }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.key] })],
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
    /** Two-lane intake: new value, or a change to what exists. */
    lane: text('lane', { enum: ['opportunity', 'change_request'] })
      .notNull()
      .default('opportunity'),
    problem: text('problem'),
    /** The business unit that would benefit. */
    beneficiary: text('beneficiary'),
    valueType: text('value_type', { enum: ['revenue', 'cost', 'risk', 'compliance', 'experience'] }),
    effortSize: text('effort_size', { enum: ['XS', 'S', 'M', 'L', 'XL'] }),
    objective: text('objective'),
    status: text('status').notNull().default('open'),
    statusCategory: text('status_category', { enum: ['open', 'under_review', 'planned', 'in_progress', 'done', 'declined'] })
      .notNull()
      .default('open'),
    statusReason: text('status_reason'),
    statusLink: text('status_link'),
    statusChangedAt: integer('status_changed_at'),
    statusChangedBy: text('status_changed_by'),
    /** Done, declined or merged: votes are frozen. */
    closed: integer('closed', { mode: 'boolean' }).notNull().default(false),
    /** Set on a duplicate merged into another idea, which it then redirects to. */
    mergedInto: text('merged_into'),
    // Denormalised for sorting; always recomputed from `votes` / `idea_scores` in the same batch as the change.
    voteCount: integer('vote_count').notNull().default(0),
    supporterCount: integer('supporter_count').notNull().default(0),
    businessUnitCount: integer('business_unit_count').notNull().default(0),
    /** Σ of the votes' weights, each 2^(age / half-life) from a fixed epoch: ordering by it is "trending". */
    trendScore: real('trend_score').notNull().default(0),
    valueScore: real('value_score'),
    effortScore: real('effort_score'),
    riskScore: real('risk_score'),
    valuePerEffort: real('value_per_effort'),
    evaluations: integer('evaluations').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('ideas_board_top').on(t.boardId, t.voteCount, t.id),
    index('ideas_board_new').on(t.boardId, t.createdAt, t.id),
    index('ideas_board_trending').on(t.boardId, t.trendScore, t.id),
    index('ideas_board_value').on(t.boardId, t.valueScore, t.id),
    index('ideas_board_vpe').on(t.boardId, t.valuePerEffort, t.id),
    index('ideas_board_status').on(t.boardId, t.statusCategory),
    index('ideas_tenant').on(t.tenantId),
  ],
);

/** One row per person backing an idea; the primary key makes a second row impossible. */
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
    /** Budget votes placed on the idea (1 on single-vote boards). */
    count: integer('count').notNull().default(1),
    /** count × 2^((time − epoch) / half-life): the vote's part of the idea's trend score. */
    weight: real('weight').notNull().default(0),
    /** Returned to the person's budget when the idea closed; still counted as support. */
    refunded: integer('refunded', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index('votes_user').on(t.userId)],
);

/** Each evaluator's score for each criterion of an idea. */
export const ideaScores = sqliteTable(
  'idea_scores',
  {
    ideaId: text('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    evaluator: text('evaluator').notNull(),
    criterion: text('criterion').notNull(),
    value: real('value').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.evaluator, t.criterion] })],
);

/** Every status change of an idea: who, when, why. */
export const ideaStatusChanges = sqliteTable(
  'idea_status_changes',
  {
    id: text('id').primaryKey(),
    ideaId: text('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    link: text('link'),
    changedBySubject: text('changed_by_subject').notNull(),
    changedByName: text('changed_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('idea_status_changes_idea').on(t.ideaId, t.createdAt)],
);
