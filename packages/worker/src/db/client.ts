import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema.ts';

/** The D1 binding's type, as drizzle imports it (so Node scripts that render SQL type-check too). */
export type D1Binding = Parameters<typeof drizzle>[0];

export function database(d1: D1Binding) {
  return drizzle(d1, { schema });
}

export type Database = ReturnType<typeof database>;
