/**
 * The members of zod the Worker's code reaches as `z.…` (through `@hono/zod-openapi`'s `z`),
 * for the production runtime (openapi/runtime.ts): a namespace of these alone lets the bundler
 * drop the rest of zod (JSON Schema conversion, the compiler…), which `z` itself, one object
 * of every export, would keep (~28 KB gzip). test/openapi-runtime.test.ts checks that every
 * `z.<member>` in src/ is here.
 */
export {
  array,
  boolean,
  discriminatedUnion,
  enum,
  lazy,
  literal,
  NEVER,
  null,
  number,
  object,
  partialRecord,
  preprocess,
  record,
  strictObject,
  string,
  tuple,
  union,
  unknown,
  ZodNumber,
  ZodString,
  ZodType,
} from 'zod';

import { ZodNumber } from 'zod';
import { _coercedNumber } from 'zod/v4/core';

/**
 * `z.coerce` with the one member the Worker calls, as zod's `coerce.number` builds it: zod's
 * `coerce`, one object, keeps its bigint and date schemas (~1 KB gzip).
 */
export const coerce = { number: (params?: Parameters<typeof _coercedNumber>[1]) => _coercedNumber(ZodNumber, params) };
