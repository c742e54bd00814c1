import type { z } from '@hono/zod-openapi';

/**
 * Compile-time check that a schema's output is exactly an SDK wire type:
 * `expectType<Exact<z.infer<typeof IdeaSchema>, Idea>>(true)` fails the type check when the two drift.
 */
export type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export function expectType<T extends true>(_value: T): void {}

/** Every value of `A` is a value of `B`. */
type Within<A, B> = [A] extends [B] ? true : false;

/** `T` with every field required, at every depth, so that comparing two types compares their fields too. */
type AllFields<T> = T extends readonly (infer E)[] ? AllFields<E>[] : T extends object ? { [K in keyof T]-?: AllFields<T[K]> } : T;

/**
 * `Exact`, and the same fields at every depth. `Exact` alone lets either side have an optional
 * field the other lacks — an SDK field a strict schema refuses, or a schema field the SDK cannot send.
 */
export type ExactFields<A, B> = [Exact<A, B>, Exact<AllFields<A>, AllFields<B>>] extends [true, true] ? true : false;

/**
 * The request schemas (bodies and queries) tied to the SDK types that callers build them with.
 * test/request-types.test.ts checks that every route's body and query schema is in here, so a
 * new route cannot leave its request type untied.
 */
export const tiedRequestSchemas = new Set<z.ZodType>();

/**
 * Ties a request body schema to its SDK type. The type check fails unless what the schema accepts
 * — its *input* type, before defaults and transforms — is exactly the SDK type, field by field at
 * every depth: the SDK must not let through what the API refuses (`businessCase: { problem: null }`,
 * a field a strict schema does not know), nor leave out what it takes.
 *
 * @example
 * requestType<NewIdea>()(NewIdeaSchema, true);
 */
export const requestType =
  <Sdk>() =>
  <S extends z.ZodType>(schema: S, _exact: ExactFields<z.input<S>, Sdk>): void => {
    tiedRequestSchemas.add(schema);
  };

/**
 * Ties a query schema to the SDK type of the query the SDK sends, and a body the schema checks
 * only in part: a refinement such as "exactly one of `key` and `url`" (which the SDK's type
 * spells as a union), or values the handler checks against data (a score against its criterion's
 * kind, which the SDK's type narrows to the values some kind takes). The type check fails unless
 * every value of the SDK type is one the schema accepts and both name the same fields. Query
 * numbers travel as text and are coerced, so the schema accepts anything there at the type level;
 * the SDK's type says what is meant.
 *
 * @example
 * requestTypeWithin<IdeaListQuery>()(ListIdeasQuery, true);
 */
export const requestTypeWithin =
  <Sdk>() =>
  <S extends z.ZodType>(
    schema: S,
    _within: [Within<Sdk, z.input<S>>, Exact<keyof Sdk, keyof z.input<S>>] extends [true, true] ? true : false,
  ): void => {
    tiedRequestSchemas.add(schema);
  };
