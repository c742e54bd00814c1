/**
 * The one error shape of the API, `{ "error": { "code", "message", "details"? } }`, and the one
 * place every failure is mapped to it.
 */
import type { ErrorCode, FieldIssue } from '@bridgekit/sdk';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** Throw from anywhere in a request; `onError` turns it into the JSON error shape. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly details: FieldIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    options: { details?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);

export const routeNotFound = (method: string, path: string) =>
  new ApiError(404, 'not_found', `There is nothing at ${method} ${path}. The API is described at /v1/openapi.json.`);

/** Field issues from a failed schema check, with paths such as `body.title` or `query.sort`. */
export function zodIssues(error: ZodError, target: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [target === 'json' ? 'body' : target, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

export function validationError(error: ZodError, target: string): ApiError {
  const details = zodIssues(error, target);
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return new ApiError(400, 'validation_failed', `The request is not valid — ${summary}`, { details });
}

/** Status codes Hono's own middleware throws, mapped to our codes. */
const CODES_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function toErrorResponse(err: unknown, c: Context): Response {
  let apiError: ApiError;
  if (err instanceof ApiError) {
    apiError = err;
  } else if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    // Hono's JSON validator throws this one; name it so clients can branch on it.
    const code: ErrorCode = /malformed json/i.test(err.message) ? 'malformed_json' : (CODES_BY_STATUS[status] ?? 'bad_request');
    const message =
      code === 'malformed_json' ? 'The request body is not valid JSON.' : err.message || 'The request could not be processed.';
    apiError = new ApiError(status, code, message);
  } else {
    console.error('Unhandled error', err);
    apiError = new ApiError(
      500,
      'internal_error',
      'Something went wrong on our side. Try again; if it keeps failing, tell your Bridgekit admin.',
    );
  }
  const body = { error: { code: apiError.code, message: apiError.message, ...(apiError.details ? { details: apiError.details } : {}) } };
  return c.json(body, apiError.status, apiError.headers);
}
