/**
 * The wire types of the Bridgekit HTTP API (`/v1`). The Worker's request and response schemas
 * are checked against these at compile time, so a change on either side fails the type check.
 */

/** How a board's ideas are ordered: most backed first, or most recent first. */
export type IdeaSort = 'top' | 'new';

/** A person as other members see them: never an email address or a subject id. */
export interface Person {
  name: string;
  /** The business unit from the person's sign-in token (`bu` claim), if any. */
  businessUnit: string | null;
}

/** An IT-enabled idea on a board, as seen by the caller. */
export interface Idea {
  id: string;
  /** Slug of the board the idea belongs to. */
  board: string;
  title: string;
  description: string;
  author: Person;
  /** Number of people backing the idea. */
  votes: number;
  /** Whether the caller backs the idea (always `false` when signed out). */
  voted: boolean;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

/** A board (campaign) that collects ideas. */
export interface Board {
  slug: string;
  name: string;
  description: string;
  ideaCount: number;
}

/** One page of a cursor-paginated list. Pass `nextCursor` back to get the next page. */
export interface Page<T> {
  items: T[];
  /** `null` on the last page. */
  nextCursor: string | null;
}

/** The caller's vote on one idea after a vote or unvote. */
export interface VoteState {
  votes: number;
  voted: boolean;
}

/** What someone may do in a tenant: members take part; moderators moderate; admins configure. */
export type Role = 'member' | 'moderator' | 'admin';

/** Who the API believes the caller is, within one tenant. */
export interface Viewer {
  tenant: { slug: string; name: string };
  /** `null` when the request carries no token: the caller may read (if the tenant allows it), not write. */
  user: (Person & { id: string; role: Role }) | null;
}

/** Input for creating an idea. */
export interface NewIdea {
  /** 3–140 characters after trimming. */
  title: string;
  /** Up to 5,000 characters; may be empty. */
  description?: string;
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
  moderator: string[];
  admin: string[];
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
