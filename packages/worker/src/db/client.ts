import { drizzle } from 'drizzle-orm/d1';

/** The D1 binding's type, as drizzle imports it (so Node scripts that render SQL type-check too). */
export type D1Binding = Parameters<typeof drizzle>[0];

/**
 * A drizzle database over `d1`, made for each request (its binding is the request's). Without
 * drizzle's relational schema: nothing uses `db.query`, and extracting the schema's relations
 * cost every request ~7% of the Worker's CPU (bench/profile.ts).
 */
export function database(d1: D1Binding) {
  return drizzle(d1);
}

export type Database = ReturnType<typeof database>;
