/**
 * The wire types of the Bridgekit HTTP API (`/v1`). The Worker's request and response schemas
 * are checked against these at compile time, so a change on either side fails the type check.
 */

/**
 * How a board's ideas are ordered: `top` most backed; `new` newest; `trending` recent support,
 * decayed by age; `value` highest evaluator value score; `value_per_effort` value ÷ effort.
 * Unscored ideas come last in the value sorts.
 */
export type IdeaSort = 'top' | 'new' | 'trending' | 'value' | 'value_per_effort';

/** A person as other members see them: never an email address or a subject id. */
export interface Person {
  name: string;
  /** The business unit from the person's sign-in token (`bu` claim), if any. */
  businessUnit: string | null;
}

/** Two-lane intake: new value for the business, or a change to something that exists. */
export type Lane = 'opportunity' | 'change_request';
export type ValueType = 'revenue' | 'cost' | 'risk' | 'compliance' | 'experience';
/** Rough effort, as a T-shirt size. */
export type EffortSize = 'XS' | 'S' | 'M' | 'L' | 'XL';
/** The intake fields a board may require. */
export type IntakeField = 'problem' | 'beneficiary' | 'valueType' | 'effort' | 'objective';

/** The short business case given at submission. */
export interface BusinessCase {
  problem: string | null;
  /** The business unit that would benefit. */
  beneficiary: string | null;
  valueType: ValueType | null;
  effort: EffortSize | null;
  /** The strategic objective it serves. */
  objective: string | null;
}

export type StatusCategory = 'open' | 'under_review' | 'planned' | 'in_progress' | 'done' | 'declined';

/** One of a board's statuses. */
export interface StatusDefinition {
  key: string;
  label: string;
  category: StatusCategory;
  /** Setting it takes a written reason. */
  requiresReason: boolean;
  /** Deflects demand (e.g. "already available"): closes the idea with a reason. */
  deflection: boolean;
}

/** Where an idea stands, and why. */
export interface IdeaStatus {
  key: string;
  label: string;
  category: StatusCategory;
  reason: string | null;
  /** e.g. the practice card that answers the need. */
  link: string | null;
  changedAt: string | null;
  /** Name of who changed it. */
  changedBy: string | null;
}

/** The evaluators' view, kept apart from crowd support. `null`s until scored. */
export interface IdeaScore {
  value: number | null;
  effort: number | null;
  risk: number | null;
  valuePerEffort: number | null;
  /** How many evaluators scored it. */
  evaluations: number;
}

/**
 * Where an idea or a practice card stands with moderators. `published`: everyone sees it.
 * `pending`: the moderation pipeline held it for review. `rejected`: a moderator refused it.
 * Pending and rejected items are seen only by their author (with `reason`, so they know why)
 * and by moderators; they count nowhere and nobody can vote on, cite or find them.
 */
export interface ModerationState {
  state: 'published' | 'pending' | 'rejected';
  /** Why it is held, or the moderator's reason for rejecting it; `null` when published. */
  reason: string | null;
}

/** An IT-enabled idea on a board, as seen by the caller. */
export interface Idea {
  id: string;
  /** Slug of the board the idea belongs to. */
  board: string;
  title: string;
  description: string;
  author: Person;
  lane: Lane;
  businessCase: BusinessCase;
  status: IdeaStatus;
  /** Votes in all: on budget boards one person may place several on one idea. */
  votes: number;
  /** People backing the idea. */
  supporters: number;
  /** Distinct business units among the supporters. */
  businessUnits: number;
  /** Whether the caller backs the idea (always `false` when signed out). */
  voted: boolean;
  /** The caller's votes on it. */
  myVotes: number;
  score: IdeaScore;
  /** Done, declined or merged: votes are frozen. */
  closed: boolean;
  /** The idea this one was merged into, as a duplicate. */
  mergedInto: string | null;
  /** Held for review or rejected: only its author and moderators see such an idea. */
  moderation: ModerationState;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

/** A person's vote budget on a board (budget boards only). */
export interface Budget {
  total: number;
  used: number;
  remaining: number;
  /** Most votes one person may place on one idea. */
  perIdea: number;
}

/** How a board takes votes: one per person and idea, or a scarce budget per person. */
export type VotingRules =
  | { mode: 'single' }
  | {
      mode: 'budget';
      budget: number;
      perIdea: number;
      /** Votes return to their owners when an idea closes. */
      refundOnClose: boolean;
    };

export interface BoardSettings {
  /** Ideas may be submitted and backed from… (null: always). */
  opensAt: string | null;
  /** …until (null: no end). */
  closesAt: string | null;
  submitters: 'members' | 'moderators';
  voting: VotingRules;
  requiredFields: IntakeField[];
}

export type CriterionKind = 'scale' | 'tshirt' | 'yesno' | 'fibonacci';

/** One weighted criterion of a board's evaluator scorecard. */
export interface Criterion {
  key: string;
  label: string;
  /** `scale` 1–5; `tshirt` XS–XL (1, 2, 3, 5, 8 points); `yesno` (1, 0); `fibonacci` 1, 2, 3, 5, 8, 13, 20. */
  kind: CriterionKind;
  weight: number;
  /** Value, effort and risk are each the weighted sum of their criteria's average scores. */
  group: 'value' | 'effort' | 'risk';
}

export type ScorecardPreset = 'value-size-risk' | 'wsjf' | 'custom';

export interface Scorecard {
  preset: ScorecardPreset;
  criteria: Criterion[];
}

/** A board (campaign) that collects ideas. */
export interface Board {
  slug: string;
  name: string;
  description: string;
  ideaCount: number;
  /** Within its window: ideas may be submitted and backed. */
  open: boolean;
  settings: BoardSettings;
  statuses: StatusDefinition[];
  scorecard: Scorecard;
  /** The caller's vote budget (budget boards, signed in), else null. */
  budget: Budget | null;
}

/** One page of a cursor-paginated list. Pass `nextCursor` back to get the next page. */
export interface Page<T> {
  items: T[];
  /** `null` on the last page. */
  nextCursor: string | null;
}

/** The idea's support and the caller's vote after a vote or unvote. */
export interface VoteState {
  votes: number;
  supporters: number;
  businessUnits: number;
  voted: boolean;
  myVotes: number;
  /** The caller's budget on the idea's board after the change (budget boards). */
  budget: Budget | null;
}

/**
 * What someone may do in a tenant: members take part; evaluators also score and triage ideas;
 * moderators also moderate and merge; admins also configure.
 */
export type Role = 'member' | 'evaluator' | 'moderator' | 'admin';

/** Who the API believes the caller is, within one tenant. */
export interface Viewer {
  tenant: { slug: string; name: string };
  /**
   * `null` when the request carries no token: the caller may read (if the tenant allows it), not
   * write. `handle` (what others @mention; what owns a card) is `null` until the person first writes.
   */
  user: (Person & { id: string; role: Role; handle: string | null }) | null;
}

/** Input for creating an idea. */
export interface NewIdea {
  /** 3–140 characters after trimming. */
  title: string;
  /** Up to 5,000 characters; may be empty. */
  description?: string;
  /** Default `opportunity`. */
  lane?: Lane;
  /** The short business case; the board says which fields are required. */
  businessCase?: Partial<BusinessCase>;
}

/** A similar idea, suggested while someone types a title. */
export interface SimilarIdea {
  id: string;
  title: string;
  status: Pick<IdeaStatus, 'key' | 'label' | 'category'>;
  supporters: number;
  closed: boolean;
}

/** A recorded status change. */
export interface StatusChange {
  from: string | null;
  to: string;
  reason: string | null;
  link: string | null;
  by: string;
  at: string;
}

export interface StatusUpdate {
  status: string;
  reason?: string;
  link?: string;
}

/** One evaluator's scores, by criterion key: numbers, T-shirt sizes or yes/no. */
export type Evaluation = Record<string, number | EffortSize | boolean>;

export interface RoadmapColumn {
  category: 'under_review' | 'planned' | 'in_progress' | 'done';
  ideas: Idea[];
}

export interface NewBoard {
  slug: string;
  name: string;
  description?: string;
  settings?: Partial<BoardSettings>;
  statuses?: StatusDefinition[];
  scorecardPreset?: 'value-size-risk' | 'wsjf';
}

export interface BoardUpdate {
  name?: string;
  description?: string;
  settings?: Partial<BoardSettings>;
  statuses?: StatusDefinition[];
}

/** Every machine-readable error code. Branch on these, not on messages. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthorized',
  'invalid_token',
  'token_expired',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'voting_closed',
  'vote_budget_exceeded',
  'comment_rejected',
  'idea_rejected',
  'card_rejected',
  'rate_limited',
  'internal_error',
  'unavailable',
  'network_error',
  'invalid_response',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Limits the API enforces, for forms that check before sending. */
export const LIMITS = {
  ideaTitle: { min: 3, max: 140 },
  ideaDescription: { max: 5000 },
  pageSize: { max: 100, default: 20 },
  commentBody: { min: 1, max: 10_000 },
} as const;

/** One problem with one field of a request, as listed in `error.details`. */
export interface FieldIssue {
  /** Where the problem is, e.g. `body.title` or `query.cursor`. */
  path: string;
  message: string;
}

/** The one JSON error shape every failed request returns. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: FieldIssue[];
  };
}

// ——— Administration ———

/** Which values of which token claim make someone a moderator or an admin. */
export interface RoleMapping {
  /** e.g. `roles` (Entra ID app roles) or `groups`. */
  claim: string;
  evaluator?: string[];
  moderator: string[];
  admin: string[];
  /**
   * Whether the mapping applies to embed tokens' claims too, i.e. the host's server vouches for
   * roles as well as for identity. Off by default: embed people then get roles only from grants.
   */
  applyToEmbedTokens?: boolean;
}

/** An embed secret, as listed: never the secret itself. */
export interface EmbedKeyInfo {
  kid: string;
  createdAt: string;
  /** When the key was retired; tokens signed with it are refused since. */
  revokedAt: string | null;
}

/** A new embed secret: shown once, when created. */
export interface NewEmbedKey {
  kid: string;
  /** Give this to the host intranet's server; Bridgekit cannot show it again. */
  secret: string;
  createdAt: string;
}

/** An OpenID Connect issuer a tenant accepts access tokens from. */
export interface OidcProviderConfig {
  /** Short name, e.g. `entra`. */
  id: string;
  issuer: string;
  jwksUri: string;
  audience: string;
  /** A scope the token's `scp` claim must contain, e.g. `access_as_user`. */
  requiredScope: string | null;
  /** Entra ID: the directory (tenant) id the token's `tid` must equal. */
  directoryId: string | null;
  /** Claims that identify a person, joined: `["tid", "oid"]` for Entra ID, `["sub"]` otherwise. */
  subjectClaims: string[];
  nameClaim: string;
  emailClaim: string | null;
  businessUnitClaim: string | null;
  /**
   * Lets people sign in to embedded frames (`/embed/<widget>`) with this provider: a public
   * client (SPA redirect URI `https://<bridgekit>/embed/sign-in/callback`) using the
   * authorization code flow with PKCE. `null`: tokens are accepted, but Bridgekit offers no sign-in.
   */
  signIn: OidcSignInClient | null;
}

/** The identity provider's app registration that Bridgekit's sign-in window uses. */
export interface OidcSignInClient {
  /** The application (client) id. */
  clientId: string;
  /** Scopes to request, space-separated; for Entra ID `api://<app-id-uri>/access_as_user`. */
  scope: string;
  /** Shown as "Sign in with {label}", e.g. `Contoso (Microsoft Entra ID)`: one line of plain text, at most 100 characters. */
  label: string;
  /**
   * Hosts besides the issuer's that its discovery document's authorization and token endpoints
   * may be on (https only), e.g. `oauth2.googleapis.com`. Without them, endpoints elsewhere are refused.
   */
  endpointHosts?: string[];
}

export type OidcProviderInput = Pick<OidcProviderConfig, 'issuer' | 'jwksUri' | 'audience'> &
  Partial<Omit<OidcProviderConfig, 'id' | 'issuer' | 'jwksUri' | 'audience'>>;

/** What an API key may do: `read`; `write` (read too); `admin` (everything). */
export type ApiKeyScope = 'read' | 'write' | 'admin';

export interface ApiKeyInfo {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A new API key: `key` is shown once, when created. */
export interface NewApiKey extends ApiKeyInfo {
  key: string;
}

export interface RoleGrant {
  /** The person's subject, as in their token (`sub`; `oidc:<provider>:<tid>:<oid>` for Entra ID). */
  subject: string;
  role: Exclude<Role, 'member'>;
  grantedBy: string;
  createdAt: string;
}

/** A tenant's configuration, as its admins see it. */
export interface TenantSettings {
  slug: string;
  name: string;
  anonymousRead: boolean;
  roleMapping: RoleMapping | null;
  origins: string[];
  embedKeys: EmbedKeyInfo[];
  oidcProviders: OidcProviderConfig[];
}

export interface TenantSettingsUpdate {
  name?: string;
  anonymousRead?: boolean;
  roleMapping?: RoleMapping | null;
}

/** An embed token minted by the API for testing an integration. */
export interface MintedToken {
  token: string;
  expiresAt: string;
}

export interface TokenRequestBody {
  sub: string;
  name: string;
  email?: string;
  bu?: string;
  /** Lifetime in seconds, 60–3600 (default 900). */
  ttlSeconds?: number;
}

export interface TenantSummary {
  slug: string;
  name: string;
  anonymousRead: boolean;
  createdAt: string;
}

export interface NewTenant {
  slug: string;
  name: string;
  anonymousRead?: boolean;
  origins?: string[];
}

/** A new tenant with its first embed secret (shown once). */
export interface CreatedTenant {
  tenant: TenantSettings;
  embedKey: NewEmbedKey;
}
