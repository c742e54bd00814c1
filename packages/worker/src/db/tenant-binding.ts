/**
 * The one wrapper around a tenant's D1 binding: every write a request sends — a batch, or a
 * statement run alone — goes out as one batch together with what must commit or fail with it:
 * the bump of the versions of the tables it writes (store/cache-versions.ts; only when the batch
 * changed a row) and, on a request
 * with an `Idempotency-Key`, the key's claim in front of its first write (store/idempotency.ts).
 * Reads pass through unchanged. `tenantContext` wraps `env.DB` with the tenant; the idempotency
 * middleware wraps it again from the raw binding with the claim, so a write is wrapped once.
 */
import { ApiError } from '../errors.ts';
import { type ClaimState, claimStatement, type KeyClaim, keyTaken } from '../store/idempotency.ts';
import type { D1Binding } from './client.ts';

// Named through drizzle's binding type, so the Node type check (docs generator, scripts) sees them too.
type Statement = ReturnType<D1Binding['prepare']>;
type Result = Awaited<ReturnType<D1Binding['batch']>>[number];

export interface TenantBindingOptions {
  tenantId: string;
  /** The request's key: its claim rides in the first write's batch; `state` says what became of it. */
  idempotency?: { claim: KeyClaim; state: ClaimState };
}

const WRITE =
  /^\s*(?:with\b[\s\S]*?\)\s*)?(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+[`"[]?(\w+)/i;

/** Tables whose writes bump no version: the stamps themselves, and the keys (no cached answer reads them). */
const UNVERSIONED = new Set(['cache_versions', 'idempotency_keys']);

/** The table a statement writes, or null for a read. */
const writeTarget = (query: string): string | null => WRITE.exec(query)?.[1]?.toLowerCase() ?? null;

/** The table whose version a statement bumps: the one it writes, unless that bumps none; null for a read. */
export function writtenTable(query: string): string | null {
  const table = writeTarget(query);
  return table === null || UNVERSIONED.has(table) ? null : table;
}

/**
 * A refused or repeated write (guarded statements that change no row) must leave the versions as
 * they were, or every refusal would empty the caches. The batch first notes the connection's
 * `total_changes()` in a row of its own; the bump behind the writes runs only if the count grew
 * by more than that note's own change. (A batch is one transaction on one connection.)
 */
const CHANGES_SCOPE = '#changes';
const MARK = `insert into cache_versions (tenant_id, scope, version) values (?1, '${CHANGES_SCOPE}', total_changes()) on conflict (tenant_id, scope) do update set version = excluded.version`;
const BUMP = `insert into cache_versions (tenant_id, scope, version) select ?1, value, 1 from json_each(?2)
  where total_changes() > (select version + 1 from cache_versions where tenant_id = ?1 and scope = '${CHANGES_SCOPE}')
  on conflict (tenant_id, scope) do update set version = version + 1`;

/**
 * `d1` (the raw binding, or a test's counting or faulty one) as the tenant's requests use it.
 *
 * @example
 * const db = database(tenantBinding(env.DB, { tenantId: tenant.id }));
 * const keyed = database(tenantBinding(env.DB, { tenantId: tenant.id, idempotency: { claim, state } }));
 */
export function tenantBinding(d1: D1Binding, { tenantId, idempotency }: TenantBindingOptions): D1Binding {
  /** Statements this wrapper handed out for writes: the binding's own statement, and the table it writes. */
  const writes = new WeakMap<object, { stmt: Statement; table: string }>();
  const unwrap = (stmt: Statement) => writes.get(stmt)?.stmt ?? stmt;

  /** Sends a write as one batch: the key's claim in front (a keyed request's first write), the bump behind if rows changed. */
  async function send(statements: Statement[], tables: string[]): Promise<Result[]> {
    const versioned = tables.filter((t) => !UNVERSIONED.has(t));
    const [mark, bump] =
      versioned.length > 0
        ? [[d1.prepare(MARK).bind(tenantId)], [d1.prepare(BUMP).bind(tenantId, JSON.stringify([...new Set(versioned)]))]]
        : [[], []];
    const state = idempotency?.state;
    if (!idempotency || !state || state.claimed || state.taken) {
      const results = await d1.batch([...mark, ...statements, ...bump]);
      return results.slice(mark.length, mark.length + statements.length);
    }
    state.claimed = true;
    try {
      // The claim before the mark: it is a change of its own, not one of the write's.
      const results = await d1.batch([claimStatement(d1, idempotency.claim), ...mark, ...statements, ...bump]);
      return results.slice(1 + mark.length, 1 + mark.length + statements.length);
    } catch (err) {
      state.claimed = false;
      if (!keyTaken(err)) throw err;
      state.taken = true;
      throw new ApiError(409, 'conflict.idempotency_key_in_flight', { retryAfter: 1 }, { headers: { 'retry-after': '1' } });
    }
  }

  const alone = async (stmt: Statement, table: string): Promise<Result> => {
    const [result] = await send([stmt], [table]);
    return result as Result;
  };

  const wrap = (stmt: Statement, table: string): Statement => {
    const proxy: Statement = new Proxy(stmt, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
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
              return row === undefined ? null : column === undefined ? row : (row[column] ?? null);
            };
          case 'raw':
            return async () => (await alone(target, table)).results.map((row: unknown) => Object.values(row as object));
          default:
            return value.bind(target);
        }
      },
    });
    writes.set(proxy, { stmt, table });
    return proxy;
  };

  return new Proxy(d1, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'prepare') {
        return (query: string) => {
          const stmt = target.prepare(query);
          const table = writeTarget(query);
          return table === null ? stmt : wrap(stmt, table);
        };
      }
      if (prop === 'batch') {
        return (statements: Statement[]) => {
          const tables = statements.flatMap((s) => writes.get(s)?.table ?? []);
          const real = statements.map(unwrap);
          return tables.length === 0 ? target.batch(real) : send(real, tables);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
