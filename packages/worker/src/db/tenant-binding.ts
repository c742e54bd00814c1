/**
 * The one wrapper around a tenant's D1 binding: every write a request sends — a batch, or a
 * statement run alone — goes out as one batch together with what must commit or fail with it:
 * behind each statement that writes a table some cached answer reads, the bump of that table's
 * version (store/cache-versions.ts; only when that statement changed a row) and, on a request
 * with an `Idempotency-Key`, the key's claim in front of its first write (store/idempotency.ts).
 * Reads pass through unchanged. `tenantContext` wraps `env.DB` with the tenant; the idempotency
 * middleware wraps it again from the raw binding with the claim, so a write is wrapped once.
 */
import { ApiError } from '../errors.ts';
import { CACHED_SCOPES } from '../store/cache-versions.ts';
import { type ClaimState, claimStatements, type KeyClaim, keyTaken } from '../store/idempotency.ts';
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

/** The table a statement writes, or null for a read. */
const writeTarget = (query: string): string | null => WRITE.exec(query)?.[1]?.toLowerCase() ?? null;

/** The table whose version a statement bumps: the one it writes, if some cached answer reads it; else null. */
export function writtenTable(query: string): string | null {
  const table = writeTarget(query);
  return table !== null && CACHED_SCOPES.has(table) ? table : null;
}

/**
 * The bump behind a write: a refused or repeated write (a guarded statement that changes no row)
 * must leave the version as it was, or every refusal would empty the caches. `changes()` is the
 * count of the statement just before it in the batch (a batch is one transaction on one
 * connection), and the bump's own count is 1 exactly when that one's was above 0 — so a
 * statement after the pair that asks `changes()` (store/config-log.ts) still gets its answer.
 */
const BUMP = `insert into cache_versions (tenant_id, scope, version) select ?1, ?2, 1 where changes() > 0
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

  /**
   * Sends a write as one batch: the key's claim in front (a keyed request's first write), each
   * statement that writes a cached table followed by its bump. `tables[i]` is what statement i writes (null: a read).
   */
  async function send(statements: Statement[], tables: (string | null)[]): Promise<Result[]> {
    const state = idempotency?.state;
    const claiming = idempotency !== undefined && state !== undefined && !state.claimed && !state.taken;
    const sent: Statement[] = claiming ? claimStatements(d1, idempotency.claim) : [];
    /** Where each of `statements` is in `sent`. */
    const at = statements.map((stmt, i) => {
      const index = sent.push(stmt) - 1;
      const table = tables[i];
      if (table != null && CACHED_SCOPES.has(table)) sent.push(d1.prepare(BUMP).bind(tenantId, table));
      return index;
    });
    const theirs = (results: Result[]) => at.map((i) => results[i] as Result);
    if (!claiming) return theirs(await d1.batch(sent));
    state.claimed = true;
    try {
      return theirs(await d1.batch(sent));
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
          const tables = statements.map((s) => writes.get(s)?.table ?? null);
          const real = statements.map(unwrap);
          return tables.every((t) => t === null) ? target.batch(real) : send(real, tables);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
