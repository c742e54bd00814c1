/**
 * Every table of Bridgekit, in one place. Migrations are generated from this file by
 * drizzle-kit (`pnpm db:generate`) and applied by wrangler; never edit them by hand.
 *
 * Every row that belongs to a tenant carries `tenant_id`, and every query filters on it.
 * Timestamps are Unix epoch milliseconds.
 */

import type {
  AuditAction,
  BenefitClass,
  BridgekitEvent,
  Cadence,
  ConfigChangeAction,
  ConfigFieldChange,
  DemandClassDefinition,
  EventItemKind,
  EventType,
  FieldDef,
  FieldValue,
  FlagReason,
  InsightSettings,
  IntakeStep,
  ItemPages,
  LinkKind,
  LinkValue,
  ModerationSettings,
  NotificationKind,
  NotificationReason,
  OidcSignInClient,
  PracticeArea,
  Reaction,
  RoleMapping,
  SubscriptionSource,
  SubscriptionTarget,
  Translations,
  WebhookFormat,
} from '@bridgekit/sdk';
import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at').notNull().default(sql`(unixepoch('subsec') * 1000)`);
/** A required reference to the row this one is part of: deleting that row deletes this one. */
const partOf = <Name extends string>(name: Name, parent: () => AnySQLiteColumn) =>
  text(name).notNull().references(parent, { onDelete: 'cascade' });
/** The tenant a row belongs to (every table but `tenants` has it). */
const tenantId = () => partOf('tenant_id', () => tenants.id);

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Whether people without a token may read. Never lets them write. */
  anonymousRead: integer('anonymous_read', { mode: 'boolean' }).notNull().default(false),
  roleMapping: text('role_mapping', { mode: 'json' }).$type<RoleMapping>(),
  /** The moderation pipeline's settings; null means the defaults (src/moderation/pipeline.ts). */
  moderation: text('moderation', { mode: 'json' }).$type<Partial<ModerationSettings>>(),
  /**
   * Where each kind of item is shown on the intranet, as URL patterns with `{id}` (e.g. a
   * SharePoint page and `#bk-idea={id}`), so links in mails and chats open the item's view.
   */
  itemPages: text('item_pages', { mode: 'json' }).$type<ItemPages>(),
  /**
   * Where notification e-mail goes: the tenant's own mail webhook (it receives each message as
   * signed JSON and sends it through the tenant's mail system). Null: no e-mail.
   */
  mail: text('mail', { mode: 'json' }).$type<{ webhook: string; secret: string }>(),
  /** The tenant's own investment classes for demand; null means run / grow / transform (src/domain/demand-classes.ts). */
  demandClasses: text('demand_classes', { mode: 'json' }).$type<DemandClassDefinition[]>(),
  /** The cockpit's privacy settings; null means the defaults (minimum group size 5, per-person figures on). */
  insights: text('insights', { mode: 'json' }).$type<Partial<InsightSettings>>(),
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
    tenantId: tenantId(),
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
    tenantId: tenantId(),
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
    /** The public client the embedded frames' sign-in window uses; null: no interactive sign-in. */
    signIn: text('sign_in', { mode: 'json' }).$type<OidcSignInClient>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('oidc_providers_tenant_issuer').on(t.tenantId, t.issuer)],
);

/** Roles granted by an admin, by subject, on top of those from token claims. */
export const userRoles = sqliteTable(
  'user_roles',
  {
    tenantId: tenantId(),
    subject: text('subject').notNull(),
    /**
     * `evaluator`, `moderator`, `admin`: the person's level (at most one such row per person);
     * `cio`: reads every business unit's cockpit and health results, besides any level.
     */
    role: text('role', { enum: ['evaluator', 'moderator', 'admin', 'cio'] }).notNull(),
    grantedBy: text('granted_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.subject, t.role] })],
);

/**
 * Server-to-server API keys. Only a SHA-256 hash of the secret part is kept; the key is shown
 * once, when created.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
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
    tenantId: tenantId(),
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
    tenantId: tenantId(),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    /** The business unit claim of the person's last token, as the token said it. */
    businessUnit: text('business_unit'),
    /**
     * The tenant's business unit that claim names (matched through the units' aliases on each
     * refresh from a token), or the one an admin set; null when none matches.
     */
    unitId: text('unit_id').references(() => businessUnits.id, { onDelete: 'set null' }),
    /** What others type to @mention the person: set once, from the name, unique in the tenant. */
    handle: text('handle'),
    /** A moderator banned (year 9999) or timed out the person from posting until then. */
    restrictedUntil: integer('restricted_until'),
    restrictionReason: text('restriction_reason'),
    /**
     * The role the person's last token gave through its claims (refreshed on each write), so that
     * moderators' actions on them can respect the order of roles; grants are in `user_roles`.
     */
    claimRole: text('claim_role', { enum: ['member', 'evaluator', 'moderator', 'admin'] }),
    /**
     * `proxy`: a business leader who does not sign in, named by a relationship manager who
     * records ideas on their behalf (subject `proxy|<random>`, found again by e-mail). No token
     * ever carries such a subject.
     */
    kind: text('kind', { enum: ['person', 'proxy', 'erased'] })
      .notNull()
      .default('person'),
    /** When the person's personal data was erased (`kind` is then `erased`, name "removed person"). */
    erasedAt: integer('erased_at'),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('users_tenant_subject').on(t.tenantId, t.subject), uniqueIndex('users_tenant_handle').on(t.tenantId, t.handle)],
);

/** One status a board's ideas can be in (see src/domain/statuses.ts for the defaults). */
export interface StatusDefinition {
  key: string;
  label: string;
  /** The label in other languages. */
  translations?: Translations<'label'>;
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
    tenantId: tenantId(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The name and description in other languages. */
    translations: text('translations', { mode: 'json' }).$type<Translations<'name' | 'description'>>(),
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
    /**
     * The value floor: ideas whose value score is below it rank after every idea at or above it
     * in the value-for-effort order, whatever their effort. Null: the preset's default.
     */
    minValue: real('min_value'),
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
    boardId: partOf('board_id', () => boards.id),
    tenantId: tenantId(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    /** The label in other languages (a preset's criteria: those of src/domain/scorecard.ts). */
    translations: text('translations', { mode: 'json' }).$type<Translations<'label'>>(),
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
    tenantId: tenantId(),
    boardId: partOf('board_id', () => boards.id),
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
    /** The business unit that would benefit, as typed (before units were data; kept for display). */
    beneficiary: text('beneficiary'),
    /** The sponsoring business unit (the one that would benefit); the impacted ones are in `idea_units`. */
    unitId: text('unit_id').references(() => businessUnits.id, { onDelete: 'set null' }),
    /** The business person who sponsors it: they cannot also score it. */
    sponsorId: text('sponsor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Its demand class: `run`, `grow`, `transform`, or one of the tenant's own classes. */
    demandClass: text('demand_class'),
    /** Where the intake's decision stands; every step taken is in `intake_decisions`. */
    intakeStep: text('intake_step', { enum: ['screening', 'needs_information', 'qualified', 'approved', 'deferred', 'deflected'] })
      .notNull()
      .default('screening'),
    /** The business-case card made from it once approved. */
    caseCardId: text('case_card_id'),
    /** A deferred idea's revisit date, `YYYY-MM-DD`. */
    revisitOn: text('revisit_on'),
    /** Whether the requester confirmed that a deflection met the need (null: not said yet). */
    needMet: integer('need_met', { mode: 'boolean' }),
    needMetAt: integer('need_met_at'),
    valueType: text('value_type', { enum: ['revenue', 'cost', 'risk', 'compliance', 'experience'] }),
    effortSize: text('effort_size', { enum: ['XS', 'S', 'M', 'L', 'XL'] }),
    objective: text('objective'),
    status: text('status').notNull().default('open'),
    statusCategory: text('status_category', { enum: ['open', 'under_review', 'planned', 'in_progress', 'done', 'declined'] })
      .notNull()
      .default('open'),
    statusReason: text('status_reason'),
    statusLink: text('status_link'),
    /** The practice card that answered the request (a deflection, or what delivered it). */
    answeredBy: text('answered_by'),
    statusChangedAt: integer('status_changed_at'),
    statusChangedBy: text('status_changed_by'),
    /** Done, declined or merged: votes are frozen. */
    closed: integer('closed', { mode: 'boolean' }).notNull().default(false),
    /** Set on a duplicate merged into another idea, which it then redirects to. */
    mergedInto: text('merged_into'),
    /**
     * `pending`: held by the moderation pipeline; `rejected`: refused by a moderator. Either way
     * only its author and moderators see it, and it counts nowhere.
     */
    state: text('state', { enum: ['published', 'pending', 'rejected'] })
      .notNull()
      .default('published'),
    /**
     * Why it is held — the pipeline's reason code with its params, as JSON (moderation/reasons.ts)
     * — or rejected (the moderator's words).
     */
    moderationReason: text('moderation_reason'),
    /** The practice card this idea was proposed from ("propose an idea" on a card). */
    sourceCardId: text('source_card_id'),
    /** Who recorded it on behalf of its author (a proxy person), when someone did. */
    proxyId: text('proxy_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author's last edit; the earlier texts are in `idea_revisions`. */
    editedAt: integer('edited_at'),
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
    index('ideas_tenant_state').on(t.tenantId, t.state, t.createdAt),
    index('ideas_author').on(t.authorId, t.state),
    index('ideas_answered_by').on(t.tenantId, t.answeredBy),
    index('ideas_source_card').on(t.tenantId, t.sourceCardId),
    index('ideas_unit').on(t.tenantId, t.unitId, t.state),
    index('ideas_sponsor').on(t.tenantId, t.sponsorId),
  ],
);

/** What an idea said before each of its author's edits. */
export const ideaRevisions = sqliteTable(
  'idea_revisions',
  {
    id: text('id').primaryKey(),
    ideaId: partOf('idea_id', () => ideas.id),
    tenantId: tenantId(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    lane: text('lane', { enum: ['opportunity', 'change_request'] }).notNull(),
    problem: text('problem'),
    beneficiary: text('beneficiary'),
    valueType: text('value_type', { enum: ['revenue', 'cost', 'risk', 'compliance', 'experience'] }),
    effortSize: text('effort_size', { enum: ['XS', 'S', 'M', 'L', 'XL'] }),
    objective: text('objective'),
    /** Evaluators had scored the idea when it changed: their scores may no longer fit its scope. */
    afterScoring: integer('after_scoring', { mode: 'boolean' }).notNull().default(false),
    bySubject: text('by_subject').notNull(),
    byName: text('by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('idea_revisions_idea').on(t.ideaId, t.createdAt)],
);

/** One row per person backing an idea; the primary key makes a second row impossible. */
export const votes = sqliteTable(
  'votes',
  {
    ideaId: partOf('idea_id', () => ideas.id),
    userId: partOf('user_id', () => users.id),
    tenantId: tenantId(),
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
    ideaId: partOf('idea_id', () => ideas.id),
    tenantId: tenantId(),
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
    ideaId: partOf('idea_id', () => ideas.id),
    tenantId: tenantId(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    link: text('link'),
    /** The practice card named as the answer with this change. */
    cardId: text('card_id'),
    changedBySubject: text('changed_by_subject').notNull(),
    changedByName: text('changed_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('idea_status_changes_idea').on(t.ideaId, t.createdAt)],
);

/**
 * A discussion under an intranet page, found by an explicit key or by the page's canonical URL
 * (then `key` is that URL). Created with its first comment.
 */
export const threads = sqliteTable(
  'threads',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    key: text('key').notNull(),
    url: text('url'),
    title: text('title'),
    /** Who posted the first comment: they may mark the accepted answer. */
    startedBy: text('started_by')
      .notNull()
      .references(() => users.id),
    acceptedCommentId: text('accepted_comment_id'),
    // Denormalised, recomputed from `comments` in the batch of every change.
    commentCount: integer('comment_count').notNull().default(0),
    lastCommentAt: integer('last_comment_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('threads_tenant_key').on(t.tenantId, t.key),
    // The tenant's discussions, latest activity first (GET /threads).
    index('threads_tenant_last_comment').on(t.tenantId, t.lastCommentAt, t.id),
  ],
);

export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    threadId: partOf('thread_id', () => threads.id),
    /** Where the comment is shown: under this one (null at the top level). */
    parentId: text('parent_id'),
    /** The top-level comment of its branch (its own id at the top level). */
    rootId: text('root_id').notNull(),
    /** What it answers, when that is deeper than the nesting allows (flattened reply). */
    replyToId: text('reply_to_id'),
    depth: integer('depth').notNull().default(0),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    /** Markdown source, and the safe HTML rendered from it on the server. */
    body: text('body').notNull(),
    html: text('html').notNull(),
    /** Hash of the normalised text, to refuse the same post twice in a row. */
    fingerprint: text('fingerprint').notNull(),
    state: text('state', { enum: ['published', 'pending', 'removed'] }).notNull(),
    /** Why it waits for a moderator (a pipeline phase, or reader flags): a reason code with its params, as JSON (moderation/reasons.ts). */
    pendingReason: text('pending_reason'),
    /** Deleted by its author, or rejected by a moderator (with the reason in the audit log). */
    removedBy: text('removed_by', { enum: ['author', 'moderator'] }),
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    // Denormalised, recomputed from `comment_reactions` / `comment_flags` / replies in the same batch.
    likeCount: integer('like_count').notNull().default(0),
    insightCount: integer('insight_count').notNull().default(0),
    loveCount: integer('love_count').notNull().default(0),
    /** Every reaction: the "top" sort. */
    reactionCount: integer('reaction_count').notNull().default(0),
    /** Unresolved reader flags. */
    flagCount: integer('flag_count').notNull().default(0),
    /** Published replies in the branch (top-level comments only). */
    replyCount: integer('reply_count').notNull().default(0),
    editedAt: integer('edited_at'),
    /** Any change others should see (text, state, reactions, pin): live updates and polling read it. */
    updatedAt: integer('updated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('comments_thread_roots').on(t.threadId, t.depth, t.pinned, t.createdAt, t.id),
    index('comments_thread_top').on(t.threadId, t.depth, t.pinned, t.reactionCount, t.id),
    index('comments_root').on(t.rootId, t.createdAt, t.id),
    index('comments_parent').on(t.parentId),
    index('comments_thread_updated').on(t.threadId, t.updatedAt),
    index('comments_author').on(t.authorId, t.createdAt),
    index('comments_tenant_state').on(t.tenantId, t.state, t.createdAt),
    index('comments_tenant_flags').on(t.tenantId, t.flagCount),
  ],
);

/** A comment's earlier texts: a row per edit, with the text it replaced. */
export const commentRevisions = sqliteTable(
  'comment_revisions',
  {
    id: text('id').primaryKey(),
    commentId: partOf('comment_id', () => comments.id),
    tenantId: tenantId(),
    body: text('body').notNull(),
    html: text('html').notNull(),
    editorName: text('editor_name').notNull(),
    replacedAt: integer('replaced_at').notNull(),
  },
  (t) => [index('comment_revisions_comment').on(t.commentId, t.replacedAt)],
);

export const commentReactions = sqliteTable(
  'comment_reactions',
  {
    commentId: partOf('comment_id', () => comments.id),
    userId: partOf('user_id', () => users.id),
    tenantId: tenantId(),
    reaction: text('reaction').$type<Reaction>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId, t.reaction] })],
);

/** A reader's flag on a comment; resolved when a moderator reviews the comment. */
export const commentFlags = sqliteTable(
  'comment_flags',
  {
    commentId: partOf('comment_id', () => comments.id),
    userId: partOf('user_id', () => users.id),
    tenantId: tenantId(),
    reason: text('reason').$type<FlagReason>().notNull(),
    resolvedAt: integer('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

/** Members a comment @mentions. */
export const commentMentions = sqliteTable(
  'comment_mentions',
  {
    commentId: partOf('comment_id', () => comments.id),
    userId: partOf('user_id', () => users.id),
    tenantId: tenantId(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index('comment_mentions_user').on(t.userId)],
);

/** Every moderator action, for the tenant's admins: who did what to which comment or person, and why. */
export const moderationLog = sqliteTable(
  'moderation_log',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    action: text('action').$type<AuditAction>().notNull(),
    actorSubject: text('actor_subject').notNull(),
    actorName: text('actor_name').notNull(),
    targetType: text('target_type', { enum: ['comment', 'idea', 'card', 'user', 'tenant'] }).notNull(),
    targetId: text('target_id').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_log_tenant').on(t.tenantId, t.createdAt, t.id)],
);

/** Every change of a tenant's configuration, for its admins: who changed what, when, and which fields (docs/audit-log.md). */
export const configLog = sqliteTable(
  'config_log',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    action: text('action').$type<ConfigChangeAction>().notNull(),
    target: text('target').notNull(),
    actorSubject: text('actor_subject').notNull(),
    actorName: text('actor_name').notNull(),
    changes: text('changes', { mode: 'json' }).$type<Record<string, ConfigFieldChange>>().notNull(),
    requestId: text('request_id'),
    createdAt: createdAt(),
  },
  (t) => [index('config_log_tenant').on(t.tenantId, t.createdAt, t.id), index('config_log_target').on(t.tenantId, t.target, t.createdAt)],
);

// ——— Practice cards ———

/** Templates a tenant's admins define; the built-in ones live in code (src/cards/templates). */
export const cardTemplates = sqliteTable(
  'card_templates',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The name and description in other languages; each field's are in `fields`. */
    translations: text('translations', { mode: 'json' }).$type<Translations<'name' | 'description'>>(),
    fields: text('fields', { mode: 'json' }).$type<FieldDef[]>().notNull(),
    /** Who may read a new card of this template unless its author says otherwise; null: everyone. */
    visibility: text('visibility', { enum: ['everyone', 'unit', 'private'] }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const cards = sqliteTable(
  'cards',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    templateId: text('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    fields: text('fields', { mode: 'json' }).$type<Record<string, FieldValue>>().notNull(),
    /** Safe HTML of the richtext values, by path. */
    rendered: text('rendered', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    /** Every text of the fields, flattened: what the full-text index reads. */
    searchText: text('search_text').notNull().default(''),
    tags: text('tags', { mode: 'json' }).$type<PracticeArea[]>().notNull(),
    maturityLevel: integer('maturity_level'),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** `YYYY-MM-DD`. */
    reviewBy: text('review_by'),
    obsoleteReason: text('obsolete_reason'),
    obsoleteAt: integer('obsolete_at'),
    obsoleteBy: text('obsolete_by'),
    version: integer('version').notNull().default(1),
    /** Random per save: the statements of one save's batch find the row that save wrote. */
    saveId: text('save_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
    lastVerifiedAt: integer('last_verified_at'),
    helpedCount: integer('helped_count').notNull().default(0),
    viewCount: integer('view_count').notNull().default(0),
    /** Who created the card (null for cards from before this was kept): they see it while it is held. */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * A new card held by the moderation pipeline (`pending`) or refused by a moderator
     * (`rejected`) is seen by its author and moderators only. Held edits of a published card
     * wait in `card_edits` instead, so readers keep the published version.
     */
    state: text('state', { enum: ['published', 'pending', 'rejected'] })
      .notNull()
      .default('published'),
    /**
     * Why it is held — the pipeline's reason code with its params, as JSON (moderation/reasons.ts)
     * — or rejected (the moderator's words).
     */
    moderationReason: text('moderation_reason'),
    /** The war story this card was promoted from: its thread, and the comment when one was chosen. */
    sourceThreadId: text('source_thread_id'),
    sourceCommentId: text('source_comment_id'),
    /** `thread:<id>` or `comment:<id>`: one card per story, so promoting twice finds the first. */
    promotedFrom: text('promoted_from'),
    /** The business unit the card is about (a partner profile's, a health assessment's…). */
    unitId: text('unit_id').references(() => businessUnits.id, { onDelete: 'set null' }),
    /**
     * Who may read it: `everyone` in the tenant; `unit`: the unit's relationship team (its
     * business partners and relationship managers), CIOs, admins and the owner; `private`: the
     * owner and admins only.
     */
    visibility: text('visibility', { enum: ['everyone', 'unit', 'private'] })
      .notNull()
      .default('everyone'),
  },
  (t) => [
    uniqueIndex('cards_promoted_from').on(t.tenantId, t.promotedFrom),
    index('cards_source_thread').on(t.tenantId, t.sourceThreadId),
    index('cards_tenant_updated').on(t.tenantId, t.updatedAt, t.id),
    index('cards_tenant_owner_review').on(t.tenantId, t.ownerId, t.reviewBy),
    index('cards_tenant_template').on(t.tenantId, t.templateId),
    index('cards_tenant_state').on(t.tenantId, t.state, t.createdAt),
    index('cards_author').on(t.authorId, t.state),
    index('cards_unit').on(t.tenantId, t.unitId),
  ],
);

/** A held save of a published card, resolved and ready to apply as a save when a moderator approves it. */
export interface HeldCardSave {
  templateVersion: number;
  title: string;
  /** Left out: the card keeps its value (as in a save). */
  summary?: string;
  fields: Record<string, FieldValue>;
  rendered: Record<string, string>;
  searchText: string;
  tags?: PracticeArea[];
  maturityLevel?: number | null;
  /** Left out: the card keeps its owner; `null`: no owner. */
  ownerId?: string | null;
  reviewBy?: string | null;
  links: { path: string; link: LinkValue }[];
  note: string | null;
}

/**
 * Edits of published cards that the moderation pipeline held (`pending`) or a moderator refused
 * (`rejected`). Readers keep the published version meanwhile; approving applies the edit as a
 * new version if the card has not changed since. Each person has at most one per card: their
 * next save replaces it.
 */
export const cardEdits = sqliteTable(
  'card_edits',
  {
    id: text('id').primaryKey(),
    cardId: partOf('card_id', () => cards.id),
    tenantId: tenantId(),
    authorId: partOf('author_id', () => users.id),
    /** The published version the edit was made to. */
    baseVersion: integer('base_version').notNull(),
    state: text('state', { enum: ['pending', 'rejected'] }).notNull(),
    /** Why it is held (the pipeline's reason) or rejected (the moderator's). */
    reason: text('reason').notNull(),
    content: text('content', { mode: 'json' }).$type<HeldCardSave>().notNull(),
    byName: text('by_name').notNull(),
    bySubject: text('by_subject').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('card_edits_tenant_state').on(t.tenantId, t.state, t.createdAt), index('card_edits_card_author').on(t.cardId, t.authorId)],
);

/** Every save of a card, the first included: who, when, why, and the content then. */
export const cardVersions = sqliteTable(
  'card_versions',
  {
    cardId: partOf('card_id', () => cards.id),
    version: integer('version').notNull(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    fields: text('fields', { mode: 'json' }).$type<Record<string, FieldValue>>().notNull(),
    tags: text('tags', { mode: 'json' }).$type<PracticeArea[]>().notNull(),
    maturityLevel: integer('maturity_level'),
    ownerId: text('owner_id'),
    reviewBy: text('review_by'),
    note: text('note'),
    byName: text('by_name').notNull(),
    bySubject: text('by_subject').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.version] })],
);

/** "This helped me": one per reader and card. */
export const cardHelped = sqliteTable(
  'card_helped',
  {
    cardId: partOf('card_id', () => cards.id),
    userId: partOf('user_id', () => users.id),
    tenantId: tenantId(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.userId] })],
);

/** What a card's link fields point at, one row per link, for "what cites this" in both directions. */
export const cardLinks = sqliteTable(
  'card_links',
  {
    cardId: partOf('card_id', () => cards.id),
    /** The link's field path in the card, e.g. `opportunities.0`. */
    path: text('path').notNull(),
    tenantId: tenantId(),
    toKind: text('to_kind').$type<LinkKind>().notNull(),
    toId: text('to_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.path] }), index('card_links_target').on(t.tenantId, t.toKind, t.toId)],
);

// ——— Notifications and delivery ———

/**
 * What people follow. An unfollow keeps the row with `active = false`, so taking part again
 * (a vote, a comment) does not subscribe the person again.
 */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    userId: partOf('user_id', () => users.id),
    tenantId: tenantId(),
    target: text('target').$type<SubscriptionTarget>().notNull(),
    targetId: text('target_id').notNull(),
    source: text('source').$type<SubscriptionSource>().notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.target, t.targetId] }),
    index('subscriptions_target').on(t.tenantId, t.target, t.targetId, t.active),
  ],
);

/**
 * The outbox: every event, inserted in the same D1 batch as the change that caused it, so none
 * is lost when delivery fails. Delivery (webhooks, e-mail) reads it; `dispatched_at` is set once
 * the event was handed to the delivery queue, and a cron trigger re-sends what was not.
 */
export const events = sqliteTable(
  'events',
  {
    /** Time-ordered (see lib/ids.ts), so ids sort as events happened. */
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    type: text('type').$type<EventType>().notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    itemKind: text('item_kind').$type<EventItemKind>().notNull(),
    itemId: text('item_id').notNull(),
    data: text('data', { mode: 'json' }).$type<BridgekitEvent['data']>().notNull(),
    createdAt: createdAt(),
    dispatchedAt: integer('dispatched_at'),
  },
  (t) => [index('events_tenant_created').on(t.tenantId, t.createdAt, t.id), index('events_undispatched').on(t.dispatchedAt, t.createdAt)],
);

/** One event told to one person (at most once), with why; the inbox and the e-mail read these. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    userId: partOf('user_id', () => users.id),
    eventId: partOf('event_id', () => events.id),
    reason: text('reason').$type<NotificationReason>().notNull(),
    /** Which e-mail cadence applies. */
    kind: text('kind').$type<NotificationKind>().notNull(),
    readAt: integer('read_at'),
    /** Sent by e-mail, at once or in a digest. */
    emailedAt: integer('emailed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_user_event').on(t.userId, t.eventId),
    index('notifications_user_created').on(t.userId, t.createdAt, t.id),
    index('notifications_user_unread').on(t.userId, t.readAt),
    index('notifications_tenant_unmailed').on(t.tenantId, t.emailedAt, t.kind),
    // The outbox sweep's notifications of the events it sends (delivery/dispatch.ts).
    index('notifications_event').on(t.eventId),
  ],
);

/** A person's e-mail cadence per kind of notification (missing kinds: the defaults), and when digests last went out. */
export const notificationSettings = sqliteTable('notification_settings', {
  userId: partOf('user_id', () => users.id).primaryKey(),
  tenantId: tenantId(),
  email: text('email', { mode: 'json' }).$type<Partial<Record<NotificationKind, Cadence>>>().notNull(),
  lastDailyAt: integer('last_daily_at'),
  lastWeeklyAt: integer('last_weekly_at'),
});

/**
 * A tenant's webhooks. `secret` signs each delivery (HMAC-SHA256); it must be readable to sign,
 * so it is stored as is and shown to admins only when created or rotated. After a rotation the
 * previous secret also signs until `previous_secret_until`, so receivers can switch over.
 */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    url: text('url').notNull(),
    events: text('events', { mode: 'json' }).$type<EventType[]>().notNull(),
    format: text('format').$type<WebhookFormat>().notNull().default('raw'),
    description: text('description').notNull().default(''),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: integer('previous_secret_until'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    disabledReason: text('disabled_reason'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('webhooks_tenant').on(t.tenantId, t.enabled)],
);

/** Each attempt to deliver an event to a webhook: the delivery log admins read. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    webhookId: partOf('webhook_id', () => webhooks.id),
    eventId: partOf('event_id', () => events.id),
    attempt: integer('attempt').notNull(),
    status: text('status', { enum: ['delivered', 'failed'] }).notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_webhook').on(t.webhookId, t.createdAt, t.id),
    index('webhook_deliveries_event').on(t.eventId, t.webhookId),
  ],
);

// ——— Business units and relationship health ———

/**
 * A tenant's business units: the demand side (Finance, Sales…) and the supply side (IT and other
 * providers, `side = 'supply'`), which never counts as demand. People, ideas and cards refer to
 * a unit by id; tokens name units by any of their aliases.
 */
export const businessUnits = sqliteTable(
  'business_units',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    /** What admins, the CLI and URLs call it: lower-case letters, digits and hyphens. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** The unit it is part of (a division's department), in the same tenant. */
    parentId: text('parent_id').references((): AnySQLiteColumn => businessUnits.id, { onDelete: 'set null' }),
    side: text('side', { enum: ['demand', 'supply'] })
      .notNull()
      .default('demand'),
    /** The share of approved demand the unit means to spend per demand class, in percent. */
    intendedMix: text('intended_mix', { mode: 'json' }).$type<Record<string, number>>(),
    /** Archived units keep their history and take no new people or ideas. */
    archivedAt: integer('archived_at'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('business_units_tenant_key').on(t.tenantId, t.key)],
);

/**
 * The names a token's business-unit claim may use for a unit (its name among them), normalised:
 * trimmed, inner white space collapsed, case-folded. One alias names one unit in a tenant.
 */
export const businessUnitAliases = sqliteTable(
  'business_unit_aliases',
  {
    tenantId: tenantId(),
    alias: text('alias').notNull(),
    unitId: partOf('unit_id', () => businessUnits.id),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.alias] }), index('business_unit_aliases_unit').on(t.unitId)],
);

/** A unit's relationship team: its business partner(s) and relationship manager(s). */
export const businessUnitPeople = sqliteTable(
  'business_unit_people',
  {
    unitId: partOf('unit_id', () => businessUnits.id),
    userId: partOf('user_id', () => users.id),
    tenantId: tenantId(),
    role: text('role', { enum: ['business_partner', 'relationship_manager'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.userId, t.role] }), index('business_unit_people_user').on(t.tenantId, t.userId)],
);

/** The units an idea impacts besides its sponsoring unit (`ideas.unit_id`). */
export const ideaUnits = sqliteTable(
  'idea_units',
  {
    ideaId: partOf('idea_id', () => ideas.id),
    unitId: partOf('unit_id', () => businessUnits.id),
    tenantId: tenantId(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.unitId] }), index('idea_units_unit').on(t.tenantId, t.unitId)],
);

/** One item of a health round, as the round was opened (the tenant's set may change later). */
export interface HealthRoundItem {
  key: string;
  /** Whose behaviour the item rates: the business's or the provider's (IT's). */
  rates: 'business' | 'provider';
  label: string;
  translations?: Translations<'label'>;
}

/**
 * A relationship health round for one unit: invited people of both sides score every item on
 * their own; nobody sees answers until the round closes.
 */
export const healthRounds = sqliteTable(
  'health_rounds',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    unitId: partOf('unit_id', () => businessUnits.id),
    title: text('title').notNull(),
    items: text('items', { mode: 'json' }).$type<HealthRoundItem[]>().notNull(),
    /** When it is planned to close, `YYYY-MM-DD`; it closes when closed, not by itself. */
    closesOn: text('closes_on'),
    closedAt: integer('closed_at'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('health_rounds_unit').on(t.tenantId, t.unitId, t.closedAt)],
);

/** Who is asked to answer a round, and for which side. */
export const healthInvitations = sqliteTable(
  'health_invitations',
  {
    roundId: partOf('round_id', () => healthRounds.id),
    userId: partOf('user_id', () => users.id),
    tenantId: tenantId(),
    side: text('side', { enum: ['business', 'provider'] }).notNull(),
    respondedAt: integer('responded_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index('health_invitations_user').on(t.tenantId, t.userId)],
);

/** One respondent's score (1–5) and comment on one item of a round. */
export const healthAnswers = sqliteTable(
  'health_answers',
  {
    roundId: partOf('round_id', () => healthRounds.id),
    userId: partOf('user_id', () => users.id),
    tenantId: tenantId(),
    itemKey: text('item_key').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId, t.itemKey] })],
);

/**
 * A business unit's objectives, each with an id that ideas, business cases and value plans link
 * to. Those written in the unit's business-partner profile card (`strategicObjectives`) are kept
 * in step with it on every save of that card (`card_id`); admins and the unit's team may add more.
 */
export const unitObjectives = sqliteTable(
  'unit_objectives',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    unitId: partOf('unit_id', () => businessUnits.id),
    title: text('title').notNull(),
    /** The measure that shows progress. */
    kpi: text('kpi'),
    /** `this-year`, `one-to-three-years` or `beyond-three-years`, as the partner profile's options. */
    horizon: text('horizon'),
    /** The partner-profile card it is written in; null when added through the API. */
    cardId: text('card_id').references(() => cards.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
    /** Removed from the profile or archived: links to it keep working, nothing new links to it. */
    archivedAt: integer('archived_at'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('unit_objectives_unit').on(t.tenantId, t.unitId, t.archivedAt), index('unit_objectives_card').on(t.cardId)],
);

/** Which objectives an idea or a card (a business case, a value plan…) serves. */
export const objectiveLinks = sqliteTable(
  'objective_links',
  {
    objectiveId: partOf('objective_id', () => unitObjectives.id),
    tenantId: tenantId(),
    itemKind: text('item_kind', { enum: ['idea', 'card'] }).notNull(),
    itemId: text('item_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.objectiveId, t.itemKind, t.itemId] }),
    index('objective_links_item').on(t.tenantId, t.itemKind, t.itemId),
  ],
);

/** Each step of an idea's intake decision: where it went, by which forum, when, and who decided. */
export const intakeDecisions = sqliteTable(
  'intake_decisions',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    ideaId: partOf('idea_id', () => ideas.id),
    step: text('step', { enum: ['screening', 'needs_information', 'qualified', 'approved', 'deferred', 'deflected'] })
      .$type<IntakeStep>()
      .notNull(),
    /** The decision forum, e.g. "Finance demand board". */
    forum: text('forum'),
    /** The day it was decided, `YYYY-MM-DD`. */
    decidedOn: text('decided_on').notNull(),
    deciderId: text('decider_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    /** Who recorded it. */
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('intake_decisions_idea').on(t.ideaId, t.createdAt), index('intake_decisions_tenant').on(t.tenantId, t.step, t.decidedOn)],
);

/**
 * A benefit of a value-realisation plan: a number with its measure, from a baseline to a target,
 * owned by a person and classed, so value planned and value delivered add up per measure.
 */
export const valueBenefits = sqliteTable(
  'value_benefits',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    /** The value-realisation plan card it belongs to. */
    cardId: partOf('card_id', () => cards.id),
    /** The idea whose value it is, when the plan was made from one. */
    ideaId: text('idea_id').references(() => ideas.id, { onDelete: 'set null' }),
    unitId: text('unit_id').references(() => businessUnits.id, { onDelete: 'set null' }),
    objectiveId: text('objective_id').references(() => unitObjectives.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** What the numbers count, e.g. `EUR/year`, `hours/month`, `days`. */
    measure: text('measure').notNull(),
    baseline: real('baseline').notNull(),
    target: real('target').notNull(),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    benefitClass: text('benefit_class', { enum: ['cash_releasing', 'hard', 'soft'] })
      .$type<BenefitClass>()
      .notNull(),
    /** When the target should be reached, `YYYY-MM-DD`. */
    dueOn: text('due_on'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('value_benefits_card').on(t.cardId, t.position),
    index('value_benefits_idea').on(t.tenantId, t.ideaId),
    index('value_benefits_unit').on(t.tenantId, t.unitId),
  ],
);

/** A measurement of a benefit: the value the measure stood at on a day. The latest one is what was delivered. */
export const valueActuals = sqliteTable(
  'value_actuals',
  {
    id: text('id').primaryKey(),
    tenantId: tenantId(),
    benefitId: partOf('benefit_id', () => valueBenefits.id),
    /** `YYYY-MM-DD`. */
    measuredOn: text('measured_on').notNull(),
    value: real('value').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('value_actuals_benefit').on(t.benefitId, t.measuredOn)],
);

/**
 * The cockpit's monthly figures per business unit, rebuilt by the scheduled rollup job
 * (src/insights/rollup.ts) so reading years of activity costs the same few statements.
 * `metric` names the figure (`ideas.submitted`…), `dim` splits it (a demand class, an outcome…).
 */
export const unitRollups = sqliteTable(
  'unit_rollups',
  {
    tenantId: tenantId(),
    unitId: partOf('unit_id', () => businessUnits.id),
    /** `YYYY-MM`. */
    month: text('month').notNull(),
    metric: text('metric').notNull(),
    dim: text('dim').notNull().default(''),
    value: real('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.unitId, t.month, t.metric, t.dim] })],
);

/** When each tenant's rollups were last rebuilt: the cockpit's "as of". */
export const rollupRuns = sqliteTable('rollup_runs', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  rolledAt: integer('rolled_at').notNull(),
  /** The oldest month the last run rebuilt, `YYYY-MM`. */
  fromMonth: text('from_month').notNull(),
});

/**
 * The answers to writes sent with an `Idempotency-Key`, kept a day: a retried write (a vote or
 * comment made offline and sent again when the network returns) gets the first answer instead
 * of writing twice (src/middleware/idempotency.ts).
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    tenantId: tenantId(),
    /** Who sent it (the caller's user id, or `key:<api key id>`): one person's key never replays another's answer. */
    caller: text('caller').notNull(),
    key: text('key').notNull(),
    /** The method, path and a hash of the body: the same key on another request is refused. */
    request: text('request').notNull(),
    /** Null while the first request runs. */
    status: integer('status'),
    body: text('body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.caller, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

/**
 * Version stamps of shared answers (a board's idea list, a thread's pages, the card library),
 * bumped in the same D1 batch as every write that changes them: a cached answer stamped with an
 * older version is never served (src/store/cache-versions.ts).
 */
export const cacheVersions = sqliteTable(
  'cache_versions',
  {
    tenantId: tenantId(),
    /** What the stamp covers: `board:<id>`, `thread:<id>`, `cards`… */
    scope: text('scope').notNull(),
    version: integer('version').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.scope] })],
);
