/**
 * Idempotency keys (docs/api.md "Retrying writes"): the first answer to a caller's write with a
 * key, kept a day and replayed on a retry with the same key.
 *
 * A key is claimed by an insert that rides in the request's first D1 write (`tenantBinding`):
 * the write and the claim commit together or not at all, so a retry can never write twice —
 * not even when the first request's Worker died between its write and storing its answer. A
 * second request with the key finds the claim taken (the primary key refuses the insert, which
 * rolls its batch back) and is answered from the stored row instead.
 *
 * A claim with no answer is the first request running — or gone, its write done and its answer
 * lost. After a lease of 30 s it is taken for gone: a retry of a PUT or DELETE (idempotent:
 * running it again leaves what one run leaves) takes the key over in its own write's batch and
 * stores its answer; a retry of a POST or PATCH, which would write twice, is told the write was
 * done (`conflict.idempotency_key_applied`).
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { D1Binding, Database } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema.ts';

/** How long a key and its answer are kept: a day. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** How long a claim without an answer counts as its request still running. */
export const IDEMPOTENCY_LEASE_MS = 30_000;

/** Methods whose second run leaves what the first left (RFC 9110 §9.2.2): their retries may take over a lapsed claim. */
export const RERUNNABLE = /^(PUT|DELETE) /;

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

const TAKEN = /UNIQUE constraint failed: idempotency_keys\./;

/**
 * The statements that claim the key, in front of the batch of the request's first write
 * (db/tenant-binding.ts): the insert, and for a PUT or DELETE first the removal of its own claim
 * if that lapsed without an answer. A claim within its lease, or answered, still refuses the insert.
 *
 * @example
 * await d1.batch([...claimStatements(d1, claim), ...write]);
 */
export function claimStatements(d1: D1Binding, claim: KeyClaim) {
  const insert = d1
    .prepare('insert into idempotency_keys (tenant_id, caller, key, request) values (?, ?, ?, ?)')
    .bind(claim.tenantId, claim.caller, claim.key, claim.request);
  if (!RERUNNABLE.test(claim.request)) return [insert];
  const lapsed = d1
    .prepare(
      "delete from idempotency_keys where tenant_id=? and caller=? and key=? and request=? and status is null and created_at<unixepoch('subsec')*1000-?",
    )
    .bind(claim.tenantId, claim.caller, claim.key, claim.request, IDEMPOTENCY_LEASE_MS);
  return [lapsed, insert];
}

/** Whether a claim without an answer, made at `createdAt`, has outlived its lease. */
export const claimLapsed = (createdAt: number, now = Date.now()): boolean => createdAt < now - IDEMPOTENCY_LEASE_MS;

/** Whether a batch failed because another request already holds its claim's key. */
export const keyTaken = (err: unknown): boolean => TAKEN.test(String(err));

/** The stored row of a key, or null. */
export async function findKey(db: Database, tenantId: string, caller: string, key: string) {
  const [row] = await db
    .select({
      request: idempotencyKeys.request,
      status: idempotencyKeys.status,
      body: idempotencyKeys.body,
      createdAt: idempotencyKeys.createdAt,
    })
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
