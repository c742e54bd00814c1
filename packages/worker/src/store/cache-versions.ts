/**
 * Version stamps of shared answers (`cache_versions`). A scope is a table name: every write a
 * tenant's request sends through {@link versioned} bumps the scope of each table it writes, in
 * the same D1 batch as the write, so no writer can forget it and a write and its bump commit or
 * fail together. A cached answer (store/read-cache.ts) names the tables it reads and is served
 * only while their versions are the ones it was stamped with.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { D1Binding, Database } from '../db/client.ts';
import { cacheVersions } from '../db/schema.ts';

/** The tables a tenant's settings come from (store/tenants.ts): their versions stamp the isolate's tenant cache. */
export const TENANT_SCOPES = ['tenants', 'tenant_origins', 'embed_keys', 'oidc_providers'] as const;

/** What a board's idea list reads (test/read-cache.test.ts checks this against its SQL). */
export const IDEA_LIST_SCOPES = [
  'ideas',
  'votes',
  'boards',
  'users',
  'business_units',
  'cards',
  'idea_scores',
  'idea_units',
  'objective_links',
  'unit_objectives',
] as const;

/** What the duplicate suggestions read: the board, its ideas (and their full-text index, kept by triggers on `ideas`), the cards answering them. */
export const SIMILAR_SCOPES = ['boards', 'ideas', 'cards'] as const;

/** The versions of `scopes`, keyed by scope; a scope never written is version 0. */
export type Versions = Record<string, number>;

const WRITE =
  /^\s*(?:with\b[\s\S]*?\)\s*)?(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+[`"[]?(\w+)/i;

/** The table a statement writes, or null for a read. */
export function writtenTable(query: string): string | null {
  const table = WRITE.exec(query)?.[1]?.toLowerCase() ?? null;
  return table === 'cache_versions' ? null : table;
}

const BUMP =
  'insert into cache_versions (tenant_id, scope, version) select ?1, value, 1 from json_each(?2) where true on conflict (tenant_id, scope) do update set version = version + 1';

/**
 * One statement that reads the versions of `scopes`, for a batch.
 *
 * @example
 * const [versions, rows] = await db.batch([selectVersions(db, tenantId, ['ideas']), query]);
 */
export function selectVersions(db: Database, tenantId: string, scopes: readonly string[]) {
  return db
    .select({ scope: cacheVersions.scope, version: cacheVersions.version })
    .from(cacheVersions)
    .where(and(eq(cacheVersions.tenantId, tenantId), inArray(cacheVersions.scope, [...scopes])));
}

/** The rows of {@link selectVersions} as a record with every scope (0 when never written). */
export function toVersions(scopes: readonly string[], rows: { scope: string; version: number }[]): Versions {
  const versions: Versions = Object.fromEntries(scopes.map((s) => [s, 0]));
  for (const row of rows) versions[row.scope] = row.version;
  return versions;
}

export const sameVersions = (a: Versions, b: Versions): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([scope, v]) => b[scope] === v);

// Named through drizzle's binding type, so the Node type check (docs generator, scripts) sees them too.
type Statement = ReturnType<D1Binding['prepare']>;
type Result = Awaited<ReturnType<D1Binding['batch']>>[number];

/**
 * The tenant's D1 binding, with every write (a batch, or a statement run alone) sent together
 * with the bump of the tables it writes, as one batch. Reads pass through unchanged.
 *
 * @example
 * const db = database(versioned(env.DB, tenant.id));
 */
export function versioned(d1: D1Binding, tenantId: string): D1Binding {
  const binding = d1;
  const tables = new WeakMap<object, string>();
  const bump = (written: Iterable<string>) => binding.prepare(BUMP).bind(tenantId, JSON.stringify([...new Set(written)]));
  const alone = async (stmt: Statement, table: string): Promise<Result> => {
    const [result] = await binding.batch([stmt, bump([table])]);
    return result as Result;
  };
  const wrap = (stmt: Statement, table: string): Statement => {
    const proxy: Statement = new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        switch (prop) {
          case 'bind':
            return (...args: unknown[]) => wrap(value.apply(target, args), table);
          case 'run':
          case 'all':
            return () => alone(target, table);
          case 'first':
            return async (column?: string) => {
              const row = (await alone(target, table)).results[0] as Record<string, unknown> | undefined;
              return row === undefined ? null : column === undefined ? row : row[column];
            };
          case 'raw':
            return async () => (await alone(target, table)).results.map((row: unknown) => Object.values(row as object));
          default:
            return value.bind(target);
        }
      },
    });
    tables.set(proxy, table);
    return proxy;
  };
  return new Proxy(binding, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'prepare') {
        return (query: string) => {
          const stmt = target.prepare(query);
          const table = writtenTable(query);
          return table === null ? stmt : wrap(stmt, table);
        };
      }
      if (prop === 'batch') {
        return async (statements: Statement[]) => {
          const written = statements.flatMap((s) => tables.get(s) ?? []);
          if (written.length === 0) return target.batch(statements);
          const results = await target.batch([...statements, bump(written)]);
          return results.slice(0, statements.length);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
