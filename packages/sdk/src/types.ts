/**
 * The wire types of the Bridgekit HTTP API (`/v1`). The Worker's request and response schemas
 * are checked against these at compile time, so a change on either side fails the type check.
 */
import type { ItemRef } from './community-types.ts';
import type { DemandClassRef, IdeaIntake, ObjectiveRef, PersonRef } from './intake-types.ts';
import type { ErrorReason, Reason, ReasonParams } from './reasons.ts';
import type { Translations } from './translations.ts';
import type { UnitRef, UnitTeamPlace } from './unit-types.ts';
import type { DemandClassDefinition, InsightSettings } from './value-types.ts';

/**
 * How a board's ideas are ordered: `top` most backed; `new` newest; `trending` recent support,
 * decayed by age; `value` highest evaluator value score; `value_per_effort` value ÷ effort.
 * Unscored ideas come last in the value sorts.
 */
export type IdeaSort = 'top' | 'new' | 'trending' | 'value' | 'value_per_effort';

/** A person as other members see them: never an email address or a subject id. */
export interface Person {
  name: string;
  /**
   * The person's business unit as text: the unit's name when their token's claim (`bu`) names
   * one of the tenant's units, else the claim as given, if any.
   */
  businessUnit: string | null;
  /** The tenant's unit that claim names (through the units' aliases), or `null`. */
  unit: UnitRef | null;
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
  /** The label in other languages (Bridgekit's own statuses come with theirs): `{ de: { label: 'Geplant' } }`. */
  translations?: Translations<'label'>;
  category: StatusCategory;
  /** Setting it takes a written reason. */
  requiresReason: boolean;
  /** Deflects demand (e.g. "already available"): closes the idea with a reason. */
  deflection: boolean;
  /** Setting it takes a future revisit date (`StatusUpdate.revisitOn`), as Bridgekit's `deferred` does. */
  requiresRevisitDate?: boolean;
}

/** Where an idea stands, and why. */
export interface IdeaStatus {
  key: string;
  label: string;
  /** The label in other languages, as the board's status has it. */
  translations?: Translations<'label'>;
  category: StatusCategory;
  reason: string | null;
  /** e.g. the practice card that answers the need. */
  link: string | null;
  /** The practice card that answered the request. */
  card: ItemRef | null;
  changedAt: string | null;
  /** Name of who changed it. */
  changedBy: string | null;
  /** The status deflects the request (answered elsewhere, bundled, business-owned…): its requester may say whether that met the need. */
  deflection: boolean;
  /** A deferred idea's revisit date, `YYYY-MM-DD`; `null` otherwise. */
  revisitOn: string | null;
  /** Whether the requester confirmed a deflection met the need (`ideas.confirmNeedMet`); `null` until they say. */
  needMet: boolean | null;
}

/** The evaluators' view, kept apart from crowd support. `null`s until scored. */
export interface IdeaScore {
  value: number | null;
  effort: number | null;
  risk: number | null;
  /**
   * The ratio the value-for-effort order ranks by: value² ÷ effort (WSJF boards: cost of delay ÷
   * job size). See docs/ideas.md, "Prioritisation".
   */
  valuePerEffort: number | null;
  /** Its value is below the board's value floor: it ranks after every idea at or above it. */
  belowFloor: boolean;
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
  /** Why it is held, or the moderator's reason for rejecting it; `null` when published. English for a hold. */
  reason: string | null;
  /**
   * The pipeline's reason for a hold (`held.links`…), to show in the reader's language with
   * `reasonParams`; `null` when published, and for a moderator's own words (shown as written).
   */
  reasonCode: Reason | null;
  reasonParams: ReasonParams;
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
  /** Distinct demand-side business units among the supporters (IT and other supply-side units never count). */
  businessUnits: number;
  /** The sponsoring business unit (the one that would benefit), or `null`. */
  unit: UnitRef | null;
  /** Other units the idea impacts. */
  impactedUnits: UnitRef[];
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
  /** When its text was last edited (ISO 8601), or `null`; the earlier texts: `ideas.revisions(id)`. */
  editedAt: string | null;
  /**
   * Who recorded the idea on behalf of its author (`author`, a business leader who does not sign
   * in), or `null` when the author submitted it themselves.
   */
  recordedBy: { name: string } | null;
  /**
   * The idea was edited after its last evaluator score: the scores may no longer fit its scope.
   * Always `false` for an idea nobody scored. (How evaluators are told, until notifications exist.)
   */
  scoreOutdated: boolean;
  /** The caller wrote the idea or recorded it on its author's behalf: they may edit and withdraw it. */
  mine: boolean;
  /** The business person who sponsors it (they cannot score it), or `null`. */
  sponsor: PersonRef | null;
  /** Its demand class (run / grow / transform, or one of the tenant's), with the tenant's label; `null` when unset. */
  demandClass: DemandClassRef | null;
  /** The units' objectives it serves (docs/intake.md). */
  objectives: ObjectiveRef[];
  /** Where its intake stands, and the business case made when it was approved. */
  intake: IdeaIntake;
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
  /**
   * The value floor: scored ideas whose value is below it rank after every idea at or above it
   * in the value-for-effort order. `null`: the preset's default (2.5 on value-size-risk, none on
   * WSJF and custom scorecards); `Board.valueFloor` is the floor in effect.
   */
  minValue: number | null;
}

export type CriterionKind = 'scale' | 'tshirt' | 'yesno' | 'fibonacci';

/** One weighted criterion of a board's evaluator scorecard. */
export interface Criterion {
  key: string;
  label: string;
  /** The label in other languages (the presets' criteria come with theirs). */
  translations?: Translations<'label'>;
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
  /** The name and description in other languages, as an admin gave them. */
  translations?: Translations<'name' | 'description'>;
  ideaCount: number;
  /** Within its window: ideas may be submitted and backed. */
  open: boolean;
  settings: BoardSettings;
  statuses: StatusDefinition[];
  scorecard: Scorecard;
  /** The value floor in effect: `settings.minValue`, or the preset's default; `null` for none. */
  valueFloor: number | null;
  /** The lowest and highest value score the scorecard can give (1–5 on value-size-risk): where a floor may lie, and where charts start. */
  valueRange: { min: number; max: number };
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
  user:
    | (Person & {
        id: string;
        role: Role;
        handle: string | null;
        /** Reads every business unit's relationship intelligence (by a claim of the role mapping's `cio` values, or a grant). */
        cio: boolean;
        /** The caller's places on units' relationship teams. */
        teams: UnitTeamPlace[];
      })
    | null;
  /** Where the tenant's intranet shows each kind of item: links are built from these. */
  pages: ItemPages;
  /** The tenant's demand (investment) classes, which an idea may be sorted into: its own, or run / grow / transform. */
  demandClasses: DemandClassDefinition[];
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
  businessCase?: NewBusinessCase;
  /** The id of the published practice card it is proposed from. */
  sourceCard?: string;
  /** The key of the sponsoring business unit (not archived); without it, `businessCase.beneficiary` is matched through the units' aliases. */
  unit?: string;
  /** Keys of other units it impacts (up to 10, not the sponsoring one). */
  impactedUnits?: string[];
  /** The handle of the business person who sponsors it. */
  sponsor?: string;
  /** One of the tenant's demand classes (`run`, `grow`, `transform` by default). */
  demandClass?: string;
  /** Ids of the units' current objectives it serves, at most 5. */
  objectives?: string[];
  /**
   * Record the idea on behalf of a business leader who does not sign in (evaluators, moderators
   * and admins only): they become its author, backing it with one vote, and the caller is shown
   * as `recordedBy`. The same e-mail address names the same person on later ideas.
   */
  onBehalfOf?: OnBehalfOf;
}

/** The business leader an idea is recorded for (`NewIdea.onBehalfOf`). */
export interface OnBehalfOf {
  /** Their name, as others will see it (1–100 characters). */
  name: string;
  /** Their e-mail address: how Bridgekit knows them again (compared case-insensitively; never shown). */
  email: string;
  /** Their business unit: counted among the idea's supporting units. */
  businessUnit?: string;
}

/**
 * Changes to an idea's text (its author, whoever recorded it for them, or a moderator). Leave a
 * field out to keep it. The same rules as a new idea apply, moderation included.
 */
export interface IdeaEdit {
  /** 3–140 characters after trimming. */
  title?: string;
  /** Up to 5,000 characters; may be empty. */
  description?: string;
  lane?: Lane;
  /** The business case fields to change: a field left out is kept, `null` clears it. */
  businessCase?: BusinessCaseEdit;
  /** The key of the sponsoring business unit (not archived); `null` clears it. */
  unit?: string | null;
  /** Keys of the other units it impacts (up to 10, not the sponsoring one): replaces the list. */
  impactedUnits?: string[];
  /** The sponsor's handle (someone who has not scored it); `null` clears it. */
  sponsor?: string | null;
  /** One of the tenant's demand classes; `null` clears it. */
  demandClass?: string | null;
  /** Ids of current objectives, at most 5: replaces the list. */
  objectives?: string[];
}

/** The business case fields an edit changes (`IdeaEdit.businessCase`); `null` clears a field. */
export interface BusinessCaseEdit {
  /** Up to 2,000 characters. */
  problem?: string | null;
  /** The business unit that would benefit; up to 100 characters. */
  beneficiary?: string | null;
  valueType?: ValueType | null;
  effort?: EffortSize | null;
  /** The strategic objective it serves; up to 200 characters. */
  objective?: string | null;
}

/** What an idea said before one of its edits (`ideas.revisions(id)`, newest first). */
export interface IdeaRevision {
  title: string;
  description: string;
  lane: Lane;
  businessCase: BusinessCase;
  /** Evaluators had scored the idea when this text was replaced: their scores were for this text. */
  afterScoring: boolean;
  /** The name of who replaced it. */
  by: string;
  /** When it was replaced (ISO 8601). */
  replacedAt: string;
}

/** Withdrawing one's own idea (`ideas.withdraw`). */
export interface WithdrawInput {
  /** Why, for its supporters; up to 2,000 characters. */
  reason?: string;
}

/**
 * The business case as submitted: leave a field out when it is not given (a stored idea reads
 * `null` there). Problem up to 2,000 characters, beneficiary 100, objective 200.
 */
export interface NewBusinessCase {
  problem?: string;
  /** The business unit that would benefit. */
  beneficiary?: string;
  valueType?: ValueType;
  effort?: EffortSize;
  /** The strategic objective it serves. */
  objective?: string;
}

/** The query of a board's idea list, as the client sends it (`ideas.list` takes `categories` as an array). */
export interface IdeaListQuery {
  sort?: IdeaSort;
  cursor?: string;
  /** 1–100 (default 20). */
  limit?: number;
  /** Status categories, comma-separated: `open,under_review`. */
  category?: string;
  /** Only ideas whose sponsoring business unit has this key. */
  unit?: string;
}

/** The query of the similar-ideas lookup. */
export interface SimilarIdeasQuery {
  /** The title being typed, up to 300 characters. */
  q: string;
  /** 1–10 (default 5). */
  limit?: number;
}

/** The query of a board's export: CSV (default) or JSON. */
export interface BoardExportQuery {
  format?: 'csv' | 'json';
}

/** One page of a cursor-paginated list, as asked for. */
export interface PageQuery {
  /** `nextCursor` of the previous page. */
  cursor?: string;
  limit?: number;
}

/** The caller's votes on an idea (budget boards); 0–100, 0 withdraws. */
export interface VoteInput {
  votes: number;
}

/** Merges a duplicate into the original idea. */
export interface MergeInput {
  /** The original idea's id. */
  into: string;
}

/** An evaluator's scores for an idea, by criterion key. */
export interface EvaluationInput {
  scores: Evaluation;
}

/** A similar idea, suggested while someone types a title. */
export interface SimilarIdea {
  id: string;
  title: string;
  status: Pick<IdeaStatus, 'key' | 'label' | 'translations' | 'category'>;
  supporters: number;
  closed: boolean;
  /** Why it was deflected or declined. */
  reason: string | null;
  /** The practice card that answered it. */
  answeredBy: ItemRef | null;
}

/** A recorded status change. */
export interface StatusChange {
  from: string | null;
  to: string;
  reason: string | null;
  link: string | null;
  /** The practice card named as the answer. */
  card: ItemRef | null;
  by: string;
  at: string;
}

/** A new status for an idea; a deflection takes a reason. */
export interface StatusUpdate {
  /** The key of one of the board's statuses. */
  status: string;
  /** Up to 2,000 characters. */
  reason?: string;
  /** An http(s) URL, e.g. a page that answers the need. */
  link?: string;
  /** The id of the published practice card that answers the need (a deflection's answer). */
  card?: string;
  /** `YYYY-MM-DD`, after today: when to look at a deferred idea again (statuses that take one, and only those). */
  revisitOn?: string;
}

/** The requester's word on a deflection: did the answer meet the need? */
export interface NeedMetInput {
  met: boolean;
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
  /** The name and description in other languages. */
  translations?: Translations<'name' | 'description'>;
  settings?: Partial<BoardSettings>;
  statuses?: StatusDefinition[];
  scorecardPreset?: 'value-size-risk' | 'wsjf';
}

export interface BoardUpdate {
  name?: string;
  description?: string;
  /** Replaces the name's and description's translations. */
  translations?: Translations<'name' | 'description'>;
  settings?: Partial<BoardSettings>;
  statuses?: StatusDefinition[];
}

/**
 * Every machine-readable error code the API sends (`error.code`). Branch on these, not on
 * messages. The client adds its own two (`CLIENT_ERROR_CODES`).
 */
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
] as const;

/** A code the API sends. */
export type ApiErrorCode = (typeof ERROR_CODES)[number];

/**
 * The codes only the SDK's client gives, never the API: `network_error` (the API could not be
 * reached, `status` 0) and `invalid_response` (an answer that is not the API's JSON).
 */
export const CLIENT_ERROR_CODES = ['network_error', 'invalid_response'] as const;

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Every code a `BridgekitError` may carry: the API's and the client's own. */
export type ErrorCode = ApiErrorCode | ClientErrorCode;

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
  /** English, for people; show the reason in the reader's language instead where you can. */
  message: string;
  /** What is wrong, stable for programs and translations: `field.too_long`, `field.required`… (see `REASONS`). */
  reason: Reason;
  /** The values the reason's text names, e.g. `{ count: 140 }` for `field.too_long`. */
  params: ReasonParams;
}

/**
 * The one JSON error shape every failed request returns. `code` is the broad kind to branch on;
 * `reason` names the exact situation (it starts with the code) and, with `params`, is what a
 * client translates; `message` is the same in English, written from the reason's text.
 */
export interface ErrorBody {
  error: {
    code: ApiErrorCode;
    reason: ErrorReason;
    params: ReasonParams;
    message: string;
    details?: FieldIssue[];
    /** Names this request in the Worker's log (the `x-request-id` header): quote it when reporting a failure. */
    requestId: string;
  };
}

// ——— Administration ———

/**
 * Where a tenant's intranet shows each kind of item, as absolute URL patterns holding `{id}`:
 * `https://contoso.sharepoint.com/sites/brm/SitePages/Ideas.aspx#bk-idea={id}` or
 * `…/Practices.aspx?card={id}`. Links in widgets, mails and chats are built from them; a kind
 * without a pattern links to the page the reader is on.
 */
export interface ItemPages {
  idea?: string;
  card?: string;
  /** `{id}` is the search text. */
  search?: string;
  /** `{id}` is the person's handle: where @mentions lead. */
  person?: string;
  /** `{id}` is a health round's id: the page with `<bk-health>`, where invitations lead. */
  health?: string;
}

/** Which values of which token claim make someone a moderator or an admin. */
export interface RoleMapping {
  /** e.g. `roles` (Entra ID app roles) or `groups`. */
  claim: string;
  evaluator?: string[];
  moderator: string[];
  admin: string[];
  /** Values that make someone a CIO: reads every business unit's relationship intelligence, besides their role. */
  cio?: string[];
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

/** An API key to create. */
export interface ApiKeyInput {
  /** Up to 100 characters, e.g. `Portfolio sync`. */
  name: string;
  /** At least one. */
  scopes: ApiKeyScope[];
}

/** An allowed browser origin to add (body) or remove (query). */
export interface OriginInput {
  /** `https://host`, `https://*.host` or `http://localhost:*`, up to 300 characters. */
  origin: string;
}

/** A role to grant someone. */
export interface RoleInput {
  /** A level (evaluator, moderator, admin) replaces the person's granted level; `cio` is granted besides it. */
  role: Exclude<Role, 'member'> | 'cio';
}

/** Which grant `DELETE /roles/{subject}` takes back: the level (left out), or `cio` alone. */
export interface RoleRevokeQuery {
  role?: 'cio';
}

export interface RoleGrant {
  /** The person's subject, as in their token (`sub`; `oidc:<provider>:<tid>:<oid>` for Entra ID). */
  subject: string;
  /** The member's name, or `null` while nobody with this subject has used the tenant (a grant may come first). */
  name: string | null;
  /** The handle others type after `@` to mention them, or `null` (as `name`). */
  handle: string | null;
  /** A level (evaluator, moderator, admin: at most one per person), or `cio`, granted besides a level. */
  role: Exclude<Role, 'member'> | 'cio';
  grantedBy: string;
  createdAt: string;
}

/** A member an admin may grant a role to, found by the start of their name or handle. */
export interface RoleCandidate {
  /** What `PUT /roles/{subject}` takes. */
  subject: string;
  name: string;
  handle: string;
  businessUnit: string | null;
}

/** The query of `GET /roles/candidates`: the start of a name or handle, 1–60 characters; 1–20 answers (default 8). */
export interface RoleCandidateQuery {
  q: string;
  limit?: number;
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
  itemPages: ItemPages;
  /** Where notification e-mail goes (the tenant's mail webhook; its secret is never shown), or null: no e-mail. */
  mail: MailSettings | null;
  /** The demand (investment) classes ideas are sorted into: the tenant's own, or run / grow / transform. */
  demandClasses: DemandClassDefinition[];
  /** The cockpit's privacy: the minimum group size, and whether per-person figures are shown (docs/insights.md). */
  insights: InsightSettings;
}

/** The tenant's mail webhook: Bridgekit POSTs each e-mail to it as signed JSON (docs/webhooks.md#mail). */
export interface MailSettings {
  /** https only (http on loopback for development). */
  webhook: string;
}

export interface MailSettingsInput extends MailSettings {
  /** Signs each call (`Bridgekit-Signature`); at least 32 characters. Write-only: never answered. */
  secret: string;
}

export interface TenantSettingsUpdate {
  name?: string;
  anonymousRead?: boolean;
  roleMapping?: RoleMapping | null;
  /** Replaces all patterns; `{}` clears them. */
  itemPages?: ItemPages;
  /** The mail webhook and its secret; `null` turns e-mail off. */
  mail?: MailSettingsInput | null;
  /** 1–12 classes with unique keys, replacing the list; `null` goes back to run / grow / transform. */
  demandClasses?: DemandClassDefinition[] | null;
  /** The cockpit's privacy settings; each one left out keeps its value. */
  insights?: Partial<InsightSettings>;
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
