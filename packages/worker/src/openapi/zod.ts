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
  coerce,
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
