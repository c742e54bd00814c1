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

/** Who the API believes the caller is, within one tenant. */
export interface Viewer {
  tenant: { slug: string; name: string };
  /** `null` when the request carries no token: the caller may read, not write. */
  user: (Person & { id: string }) | null;
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
