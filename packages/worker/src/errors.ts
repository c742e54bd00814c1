/**
 * The one error shape of the API,
 * `{ "error": { "code", "reason", "params", "message", "details"?, "requestId" } }`, and the one
 * place every failure is mapped to it. `reason` and `params` name the situation for programs and
 * translations (the registry is the SDK's `REASONS`); `message` is the reason's English text.
 */
import type { CodeOf, ErrorReason, FieldIssue, ParamsOf, Reason, ReasonParams } from '@bridgekit/sdk';
import { formatReason } from '@bridgekit/sdk/reasons';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/**
 * The part of the app's context (env.ts `AppEnv`) this module reads; spelled here so that code
 * outside the Worker (the CLI, scripts) can use the error helpers without the Workers types.
 */
type RequestIdEnv = { Variables: { requestId: string } };

/** `[params]` when the reason's text takes some, `[]` or `[{}]` when it takes none. */
type ParamsArg<R extends Reason> = keyof ParamsOf<R> extends never ? [params?: ParamsOf<R>] : [params: ParamsOf<R>];

/** A field issue with its reason and params, and the message written from them. */
export function fieldIssue<R extends Reason>(path: string, reason: R, ...[params]: ParamsArg<R>): FieldIssue {
  const values: ReasonParams = params ?? {};
  return { path, message: formatReason(reason, values), reason, params: values };
}

/**
 * Throw from anywhere in a request; `onError` turns it into the JSON error shape.
 *
 * @example
 * throw new ApiError(409, 'voting_closed.merged', { into: idea.mergedInto });
 */
export class ApiError<R extends ErrorReason = ErrorReason> extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: CodeOf<R>;
  readonly reason: R;
  readonly params: ReasonParams;
  readonly details: FieldIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: ContentfulStatusCode,
    reason: R,
    params: ParamsOf<R>,
    options: { details?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(formatReason(reason, params));
    this.status = status;
    this.code = reason.slice(0, reason.indexOf('.')) as CodeOf<R>;
    this.reason = reason;
    this.params = params;
    this.details = options.details;
    this.headers = options.headers;
  }
}

/** The 404 of a missing resource, e.g. `notFound('not_found.idea', { id })`. */
export const notFound = <R extends Extract<ErrorReason, `not_found.${string}`>>(reason: R, params: ParamsOf<R>) =>
  new ApiError(404, reason, params);

export const routeNotFound = (method: string, path: string) => new ApiError(404, 'not_found.route', { method, path });

/**
 * The reason of a zod issue and its params. Our own refinements name theirs (`params.reason`,
 * see schemas/text.ts); zod's built-in checks map to the `field.*` reasons.
 */
function issueReason(issue: ZodError['issues'][number]): { reason: Reason; params: ReasonParams } {
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as { reason?: Reason } & ReasonParams;
      const { reason, ...rest } = params;
      return reason ? { reason, params: rest } : { reason: 'field.invalid', params: {} };
    }
    case 'invalid_type':
      // zod drops the input from its issues; its own message says when nothing was given.
      return /received undefined$/.test(issue.message)
        ? { reason: 'field.required', params: {} }
        : { reason: 'field.invalid_type', params: { expected: issue.expected } };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { reason: 'field.blank', params: {} } : { reason: 'field.too_short', params: { count: min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'field.too_few', params: { count: min } };
      return { reason: 'field.too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'field.too_long', params: { count: max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'field.too_many', params: { count: max } };
      return { reason: 'field.too_big', params: { max } };
    }
    case 'invalid_value':
      return { reason: 'field.invalid_value', params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      return { reason: 'field.invalid_format', params: { format: issue.format } };
    case 'not_multiple_of':
      return { reason: 'field.not_integer', params: {} };
    case 'unrecognized_keys':
      return { reason: 'field.unknown_keys', params: { keys: issue.keys.join(', ') } };
    default:
      return { reason: 'field.invalid', params: {} };
  }
}

/** Field issues from a failed schema check, with paths such as `body.title` or `query.sort`. */
export function zodIssues(error: ZodError, target: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [target === 'json' ? 'body' : target, ...issue.path.map(String)].join('.'),
    message: issue.message,
    ...issueReason(issue),
  }));
}

/** The 400 for field issues, its message listing each. */
export function invalidFields(details: FieldIssue[]): ApiError<'validation_failed.fields'> {
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return new ApiError(400, 'validation_failed.fields', { summary }, { details });
}

export const validationError = (error: ZodError, target: string) => invalidFields(zodIssues(error, target));

/** What Hono's own middleware throws, by status: our reason for it. */
const REASONS_BY_STATUS: Partial<Record<number, Extract<ErrorReason, `${string}.http`>>> = {
  400: 'bad_request.http',
  401: 'unauthorized.http',
  403: 'forbidden.http',
  404: 'not_found.http',
  405: 'method_not_allowed.http',
  413: 'payload_too_large.http',
  415: 'unsupported_media_type.http',
  429: 'rate_limited.http',
};

/**
 * The id of the request in the Worker's log and in every answer (`x-request-id`): Cloudflare's
 * `cf-ray` when it is there (so it also finds the request in Cloudflare's logs), else a random one.
 */
export function requestIdOf<E extends RequestIdEnv>(c: Context<E>): string {
  const context = c as unknown as Context<RequestIdEnv>;
  let id = context.get('requestId') as string | undefined;
  if (!id) {
    id = c.req.header('cf-ray') || crypto.randomUUID().replaceAll('-', '').slice(0, 16);
    context.set('requestId', id);
  }
  return id;
}

/**
 * D1's errors for trouble that passes by itself (Cloudflare's "List of D1_ERRORs" whose action is
 * to retry, and its overloads), with the seconds to wait. Memory and CPU limits are not here: the
 * same query would hit them again, so they stay a 500 to fix.
 */
const TRANSIENT_D1: readonly (readonly [RegExp, number])[] = [
  [/Network connection lost/, 2],
  [/reset because its code was updated/, 2],
  // "Internal error while starting up D1 DB storage…" and "Internal error in D1 DB storage…".
  [/D1 DB storage caused object to be reset/, 2],
  [/transient issue on remote node/, 2],
  [/storage operation exceeded timeout/, 5],
  [/D1 DB is overloaded/, 5],
];

/**
 * The seconds to wait if `err` (or what it wraps: drizzle wraps D1's error as its `cause`) is a
 * transient D1 failure, else `null`.
 *
 * @example
 * transientDatabaseRetry(new Error('D1_ERROR: Network connection lost.')); // 2
 * transientDatabaseRetry(new Error('D1_ERROR: UNIQUE constraint failed: votes.id: SQLITE_CONSTRAINT')); // null
 */
export function transientDatabaseRetry(err: unknown): number | null {
  return transientD1(err)?.seconds ?? null;
}

/**
 * Reads the answer of a write D1 has committed, once more if D1 failed for a moment: a 503 there
 * would have its client send the write again.
 *
 * @example
 * await db.batch(writes);
 * return readAfterWrite(() => getCard(db, tenantId, actor, id));
 */
export async function readAfterWrite<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (!transientD1(err)) throw err;
    return read();
  }
}

function transientD1(err: unknown): { seconds: number; message: string } | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (!e.message.startsWith('D1_ERROR')) continue;
    for (const [pattern, seconds] of TRANSIENT_D1) if (pattern.test(e.message)) return { seconds, message: e.message };
  }
  return null;
}

export function toErrorResponse<E extends RequestIdEnv>(err: unknown, c: Context<E>): Response {
  let apiError: ApiError;
  const transient = err instanceof ApiError ? null : transientD1(err);
  if (err instanceof ApiError) {
    apiError = err;
  } else if (transient) {
    const retryAfter = transient.seconds;
    apiError = new ApiError(503, 'unavailable.database', { retryAfter }, { headers: { 'retry-after': String(retryAfter) } });
  } else if (err instanceof HTTPException && err.status < 500) {
    const status = err.status as ContentfulStatusCode;
    // Hono's JSON validator throws this one; name it so clients can branch on it.
    apiError = /malformed json/i.test(err.message)
      ? new ApiError(status, 'malformed_json.body', {})
      : new ApiError(status, REASONS_BY_STATUS[status] ?? 'bad_request.http', {
          detail: err.message || 'The request could not be processed.',
        });
  } else {
    apiError = new ApiError(500, 'internal_error.unexpected', {});
  }
  const requestId = requestIdOf(c);
  if (transient) {
    // Passes by itself: a line to count, not a stack to read.
    console.warn(`[request ${requestId}] ${c.req.method} ${c.req.path} failed with 503 unavailable.database: ${transient.message}`);
  } else if (apiError.status >= 500) {
    // The id the answer shows the reader, so that whoever reads this log finds their failure.
    console.error(`[request ${requestId}] ${c.req.method} ${c.req.path} failed with ${apiError.status} ${apiError.reason}:`, err);
  }
  const { code, reason, params, message, details } = apiError;
  const body = { error: { code, reason, params, message, ...(details ? { details } : {}), requestId } };
  return c.json(body, apiError.status, { ...apiError.headers, 'x-request-id': requestId });
}
