import { ERROR_CODES, type ErrorBody } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { type Exact, expectType } from './contract.ts';

/** Tenant and board slugs: lower-case letters, digits and inner hyphens, at most 64. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export const SlugSchema = z.string().regex(SLUG_PATTERN, 'Use lower-case letters, digits and hyphens (at most 64).');

export const TenantParams = z.object({
  tenant: SlugSchema.openapi({ param: { name: 'tenant', in: 'path' }, example: 'demo', description: 'Tenant slug.' }),
});

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().openapi({ description: 'What went wrong and how to fix it, for people.' }),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');
expectType<Exact<z.infer<typeof ErrorSchema>, ErrorBody>>(true);

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

/** The error answers every tenant route may give. */
export const commonErrors = {
  400: errorResponse('The request is malformed or fails validation; `details` lists each field.'),
  401: errorResponse('The token is missing where required, expired, or invalid.'),
  403: errorResponse('The caller lacks the role or scope, or the page origin is not allowed.'),
  404: errorResponse('The tenant or the resource does not exist.'),
  413: errorResponse('The request body is too large.'),
  415: errorResponse('The body is not sent as application/json.'),
  429: errorResponse('Too many writes; retry after `Retry-After` seconds.'),
} as const;

/** Errors of routes that change state that others may have changed too. */
export const conflictErrors = { ...commonErrors, 409: errorResponse('The change conflicts with the current state.') } as const;

export const bearer = [{ bearerAuth: [] }];

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
