/**
 * Statements whose SQL is built once per shape. drizzle builds a statement's SQL text on every
 * call, which on a vote was about a third of the Worker's CPU (bench/profile.ts). A shape is
 * built once per isolate with a placeholder for each value that changes between requests; each
 * request binds its own values, through its own binding (so the tenant binding still sees its
 * writes), and drizzle reads the rows back as it would for the statement built in full.
 *
 * The build function sees placeholders where its values will be: it must pass them to SQL as they
 * are — a value computed from one in JavaScript, or a column mapping (boolean, JSON) applied to
 * one, would be built into the shape. Whatever changes the SQL text itself belongs in the shape
 * descriptor, which keys the cache.
 */
import { is, Param, Placeholder, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type D1Binding, type Database, database } from './client.ts';

/** What drizzle's D1 batch asks of an item (drizzle-orm/d1 session `batch`): its prepared query. */
interface PreparedQuery {
  stmt: unknown;
  query: { sql: string; params: unknown[] };
}

// Builds SQL text only: nothing it prepares is ever run.
const builder = database({ prepare: () => ({}) } as unknown as D1Binding);

/**
 * A batch of statements built once per shape: `build(db, values, shape)` with placeholders for
 * `values`, cached by `shape`; the returned function gives a request's batch items, bound to `values`.
 *
 * @example
 * const readIdea = statementShapes((db, v: { tenantId: string; id: string }) => [
 *   db.select().from(ideas).where(and(eq(ideas.tenantId, v.tenantId), eq(ideas.id, v.id))),
 * ] as const);
 * const [rows] = await db.batch(readIdea(db, { tenantId, id }, {}));
 */
export function statementShapes<V extends object, S extends Record<string, boolean>, R extends readonly BatchItem<'sqlite'>[]>(
  build: (db: Database, values: V, shape: S) => R,
): (db: Database, values: V, shape: S) => R {
  const shapes = new Map<string, { template: PreparedQuery; value: (values: V) => unknown }[]>();
  return (db, values, shape) => {
    const key = JSON.stringify(shape);
    let built = shapes.get(key);
    if (built === undefined) {
      const placeholders = new Proxy({}, { get: (_, name) => sql.placeholder(String(name)) }) as V;
      built = build(builder, placeholders, shape).map((item) => {
        const template = (item as unknown as { _prepare(): PreparedQuery })._prepare();
        return { template, value: binder(template.query.params) };
      });
      shapes.set(key, built);
    }
    return built.map(({ template, value }) => ({
      _prepare: (): PreparedQuery =>
        Object.assign(Object.create(template) as PreparedQuery, {
          stmt: db.$client.prepare(template.query.sql),
          query: { sql: template.query.sql, params: value(values) },
        }),
    })) as unknown as R;
  };
}

/** The parameters of a shape, from a request's values: each placeholder's value (mapped as its column maps it), or the constant built in. */
function binder<V>(params: unknown[]): (values: V) => unknown[] {
  const each = params.map((p): ((values: V) => unknown) => {
    if (is(p, Placeholder)) return (values) => (values as Record<string, unknown>)[p.name];
    if (is(p, Param) && is(p.value, Placeholder)) {
      const { encoder } = p;
      const { name } = p.value;
      return (values) => encoder.mapToDriverValue((values as Record<string, unknown>)[name]);
    }
    return () => p;
  });
  return (values) => each.map((f) => f(values));
}
