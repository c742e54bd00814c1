import { ERROR_CODES, type ErrorBody, type ErrorReason, type ItemRef, type ReasonParams } from '@bridgekit/sdk';
import { REASON_LIST } from '@bridgekit/sdk/reasons';
import { z } from '@hono/zod-openapi';
import { type Exact, expectType } from './contract.ts';

/** Tenant and board slugs: lower-case letters, digits and inner hyphens, at most 64. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export const SlugSchema = z.string().regex(SLUG_PATTERN, 'Use lower-case letters, digits and hyphens (at most 64).');

export const TenantParams = z.object({
  tenant: SlugSchema.openapi({ param: { name: 'tenant', in: 'path' }, example: 'demo', description: 'Tenant slug.' }),
});

/** The params of a reason: the values its text names (`{ "retryAfter": 60 }`). */
export const ReasonParamsSchema = z.record(z.string(), z.union([z.string(), z.number()])).openapi('ReasonParams', {
  description: 'The values the reason’s text names, e.g. `{ "retryAfter": 60 }`.',
  example: { retryAfter: 60 },
});
expectType<Exact<z.infer<typeof ReasonParamsSchema>, ReasonParams>>(true);

/** Any reason of the registry (the SDK's `REASONS`): an error's, a field issue's or a moderation hold's. */
export const ReasonSchema = z.enum(REASON_LIST).openapi('Reason', {
  description:
    'A stable name for one situation, with params: what a client translates. Errors’ reasons start with their code (`rate_limited.writes`), field issues’ with `field.`, moderation holds’ with `held.`.',
});

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      reason: z
        .enum(
          REASON_LIST.filter((r): r is ErrorReason => ERROR_CODES.some((c) => r.startsWith(`${c}.`))) as [ErrorReason, ...ErrorReason[]],
        )
        .openapi({
          description: 'The exact situation, starting with `code` (`rate_limited.writes`); translate it with `params`. See docs/api.md.',
          example: 'rate_limited.writes',
        }),
      params: ReasonParamsSchema,
      message: z.string().openapi({ description: 'The reason’s text in English, with its params: what went wrong and how to fix it.' }),
      details: z
        .array(
          z.object({
            path: z.string().openapi({ example: 'body.title' }),
            message: z.string(),
            reason: ReasonSchema,
            params: ReasonParamsSchema,
          }),
        )
        .optional(),
      requestId: z.string().openapi({
        description: 'Names the request in the Worker’s log (also the `x-request-id` header); quote it when reporting a failure.',
        example: '8f2c1a7b9d3e4f60',
      }),
    }),
  })
  .openapi('Error');
expectType<Exact<z.infer<typeof ErrorSchema>, ErrorBody>>(true);

/** A response in the one error shape. */
export const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

/*
 * Error answers, to spread into a route's `responses` by what the operation does. Every
 * operation has `default` (any status not listed: 5xx `internal_error` and `unavailable`, or a
 * 4xx a middleware gives, such as 415 for a body sent where none is read); 413 and 415 are listed
 * only where a body is read; 429 only where a rate limit applies (writes, exports, searches and
 * live tickets: middleware/rate-limit.ts). test/openapi.test.ts holds every operation to this.
 */

/** The errors of every operation. */
export const readErrors = {
  400: errorResponse('The request is malformed or fails validation; `details` lists each field.'),
  401: errorResponse('The token is missing where required, expired, or invalid.'),
  403: errorResponse('The caller lacks the role or scope, or the page origin is not allowed.'),
  404: errorResponse('The tenant or the resource does not exist.'),
  default: errorResponse('Any other error, in the same shape: `internal_error` (500), `unavailable` (503: try again shortly)…'),
} as const;

/** Writes, and the reads that draw on a rate limit (exports, searches, live tickets). */
export const limitedErrors = {
  ...readErrors,
  429: {
    ...errorResponse('Too many requests of this kind in a minute; retry after `Retry-After` seconds.'),
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before trying again.',
        required: true,
        schema: { type: 'integer' as const, minimum: 1, example: 60 },
      },
    },
  },
} as const;

/** The errors of reading a request body: too large, or not JSON. */
export const payloadErrors = {
  413: errorResponse('The request body is too large (64 KB; a card save 256 KB).'),
  415: errorResponse('The body is not sent as `application/json`.'),
} as const;

/** Writes that take a body. */
export const bodyErrors = { ...limitedErrors, ...payloadErrors } as const;

/** Changes that may conflict with the current state. */
export const conflictError = { 409: errorResponse('The change conflicts with the current state.') } as const;

/** Writes whose text passes the moderation pipeline. */
export const rejectedError = (what: string) =>
  ({ 422: errorResponse(`The moderation pipeline refused the ${what}; the message says what to change.`) }) as const;

/** A redirect, with its target in `Location`. */
export const redirectResponse = (description: string) => ({
  description,
  headers: {
    Location: { description: 'Where the resource is now.', required: true, schema: { type: 'string' as const, format: 'uri-reference' } },
  },
});

/** A bearer credential is required (the global default, `app.ts`). */
export const bearer: Record<string, string[]>[] = [{ bearerAuth: [] }];
/** Reading without a credential works where the tenant allows anonymous reading: the bearer credential is optional. */
export const optionalBearer: Record<string, string[]>[] = [{}, { bearerAuth: [] }];

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * `schema` or null, for a named schema in a response: documented as `anyOf: [{ $ref }, { type:
 * "null" }]`. zod-to-openapi documents `Named.nullable()` wrongly — it drops the null, or makes
 * the named schema itself nullable wherever it is used. Request schemas keep `.nullable()` on an
 * unnamed schema (the union's messages are vaguer); test/openapi.test.ts checks every null.
 */
export const orNull = <T extends z.ZodType>(schema: T) =>
  // Through `z.lazy`, so that a named union stays one `$ref` (zod-to-openapi inlines a union's union members).
  z.union([z.lazy(() => schema), z.null()]);

/** Enough of an item of another kind (an idea, a card) to name it and open its view. */
/** A calendar date, `YYYY-MM-DD`. */
export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD, e.g. 2027-03-31.')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'Not a calendar date.',
  );

export const ItemRefSchema = z.object({ id: z.string(), title: z.string() }).openapi('ItemRef');
expectType<Exact<z.infer<typeof ItemRefSchema>, ItemRef>>(true);
