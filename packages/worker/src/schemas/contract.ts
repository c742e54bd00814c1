/**
 * Compile-time check that a schema's output is exactly an SDK wire type:
 * `expectType<Exact<z.infer<typeof IdeaSchema>, Idea>>(true)` fails the type check when the two drift.
 */
export type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export function expectType<T extends true>(_value: T): void {}
