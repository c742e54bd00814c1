/**
 * Idempotency keys (docs/api.md "Retrying writes"): the first answer to a caller's write with a
 * key, kept a day and replayed on a retry with the same key.
 *
 * A key is claimed by an insert that rides in the request's first D1 write (`idempotentD1`):
 * the write and the claim commit together or not at all, so a retry can never write twice —
 * not even when the first request's Worker died between its write and storing its answer. A
 * second request with the key finds the claim taken (the primary key refuses the insert, which
 * rolls its batch back) and is answered from the stored row instead.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { D1Binding, Database } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { ApiError } from '../errors.ts';

/** How long a key and its answer are kept: a day. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** Who holds a key, and the request it was first sent with. */
export interface KeyClaim {
  tenantId: string;
  caller: string;
  key: string;
  /** `METHOD /path?query sha256:<body hash>`: a retry must send the same. */
  request: string;
}

/** What the wrapped binding did with the claim. */
export interface ClaimState {
  /** The claim committed with a write of this request. */
  claimed: boolean;
  /** Another request holds the key: this request's write was rolled back. */
  taken: boolean;
}

const WRITE = /^\s*(?:with\b[\s\S]*?\)\s*)?(?:insert|replace|update|delete)\b/i;
const TAKEN = /UNIQUE constraint failed: idempotency_keys\./;

/** Statements the wrapper handed out: the runtime's own statement each stands for, and its SQL. */
const handedOut = new WeakMap<object, { stmt: D1PreparedStatement; sql: string }>();
const unwrap = (stmt: D1PreparedStatement) => handedOut.get(stmt)?.stmt ?? stmt;

/**
 * The D1 binding a keyed write's request runs on: its first write (a single statement or a
 * batch) goes out as one batch with the claim's insert in front. Everything else passes through.
 * `d1` is the request's binding (it may wrap the raw one, as `versioned` does); the claim is
 * prepared on `raw`, so no wrapper treats it as the request's own write.
 *
 * @example
 * const state = { claimed: false, taken: false };
 * c.set('db', database(idempotentD1(c.var.db.$client, c.env.DB, claim, state)));
 */
export function idempotentD1(d1: D1Binding, raw: D1Binding, claim: KeyClaim, state: ClaimState): D1Binding {
  const binding = d1 as D1Database;
  const claimStatement = () =>
    (raw as D1Database)
      .prepare('insert into idempotency_keys (tenant_id, caller, key, request) values (?, ?, ?, ?)')
      .bind(claim.tenantId, claim.caller, claim.key, claim.request);

  async function withClaim(statements: D1PreparedStatement[]): Promise<D1Result[]> {
    state.claimed = true;
    try {
      const [, ...results] = await binding.batch([claimStatement(), ...statements]);
      return results;
    } catch (err) {
      state.claimed = false;
      if (!TAKEN.test(String(err))) throw err;
      state.taken = true;
      throw new ApiError(409, 'conflict.idempotency_key_in_flight', { retryAfter: 1 }, { headers: { 'retry-after': '1' } });
    }
  }
  const needsClaim = (sqlText: string) => !state.claimed && !state.taken && WRITE.test(sqlText);

  const wrapStatement = (stmt: D1PreparedStatement, sqlText: string): D1PreparedStatement => {
    const wrapped = new Proxy(stmt, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        if (prop === 'bind') return (...args: unknown[]) => wrapStatement(value.apply(target, args), sqlText);
        if (!['run', 'all', 'raw', 'first'].includes(String(prop))) return value.bind(target);
        return async (...args: unknown[]) => {
          if (!needsClaim(sqlText)) return value.apply(target, args);
          const [result] = (await withClaim([target])) as [D1Result<Record<string, unknown>>];
          if (prop === 'raw') return result.results.map((row) => Object.values(row));
          if (prop === 'first') {
            const row = result.results[0] ?? null;
            return typeof args[0] === 'string' ? (row?.[args[0]] ?? null) : row;
          }
          return result;
        };
      },
    });
    handedOut.set(wrapped, { stmt, sql: sqlText });
    return wrapped;
  };

  return new Proxy(binding, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'prepare') return (query: string) => wrapStatement(target.prepare(query), query);
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          const real = statements.map(unwrap);
          const writes = statements.some((s) => WRITE.test(handedOut.get(s)?.sql ?? ''));
          return writes && !state.claimed && !state.taken ? withClaim(real) : target.batch(real);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as D1Binding;
}

/** The stored row of a key, or null. */
export async function findKey(db: Database, tenantId: string, caller: string, key: string) {
  const [row] = await db
    .select({ request: idempotencyKeys.request, status: idempotencyKeys.status, body: idempotencyKeys.body })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.caller, caller), eq(idempotencyKeys.key, key)));
  return row ?? null;
}

/** Stores the answer of a request whose write claimed the key. */
export async function storeClaimedAnswer(db: Database, claim: KeyClaim, status: number, body: string): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status, body })
    .where(and(eq(idempotencyKeys.tenantId, claim.tenantId), eq(idempotencyKeys.caller, claim.caller), eq(idempotencyKeys.key, claim.key)));
}

/** Stores the answer of a request that wrote nothing; false when another request holds the key. */
export async function storeUnclaimedAnswer(db: Database, claim: KeyClaim, status: number, body: string): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ ...claim, status, body })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return inserted.length > 0;
}

/** Deletes every key older than a day (the scheduled handler, hourly). */
export async function deleteExpiredKeys(db: Database, now = Date.now()): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_KEY_TTL_MS));
}

/** A person's keys, for erasure (store/erasure.ts). */
export function deleteKeysOf(db: Database, tenantId: string, caller: string) {
  return db.delete(idempotencyKeys).where(sql`tenant_id = ${tenantId} and caller = ${caller}`);
}
