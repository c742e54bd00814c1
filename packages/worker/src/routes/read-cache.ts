/**
 * Shared answers of hot reads, kept in this isolate's memory (a bounded LRU) and stamped with
 * the versions of the tables they were read from (store/cache-versions.ts). A cached answer is
 * served only after one round trip has read those versions, together with the tenant's settings'
 * versions and whatever belongs to the viewer alone (their votes, their own ideas), so a write
 * anywhere — in any isolate — is seen by the next read, and one viewer's state never reaches
 * another. Answers shared between viewers are computed as the anonymous reader sees them.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import type { Context } from 'hono';
import { database } from '../db/client.ts';
import type { AppEnv } from '../env.ts';
import { notFound } from '../errors.ts';
import { enterTenant } from '../middleware/tenant-context.ts';
import { sameVersions, selectVersions, TENANT_SCOPES, toVersions, type Versions, withVersions } from '../store/cache-versions.ts';
import { clearTenantCache, findTenantBySlug } from '../store/tenants.ts';

interface Entry {
  versions: Versions;
  value: unknown;
}

/** Entries per isolate; an isolate has 128 MB, and an answer is a page (20–100 items) or a few suggestions. */
export const READ_CACHE_ENTRIES = 2000;
const entries = new Map<string, Entry>();

/** Forgets every cached answer (tests). */
export function clearReadCache(): void {
  entries.clear();
}

function remember(key: string, entry: Entry): void {
  entries.delete(key);
  entries.set(key, entry);
  if (entries.size > READ_CACHE_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
}

function recall(key: string): Entry | undefined {
  const entry = entries.get(key);
  if (entry) remember(key, entry);
  return entry;
}

/** The tenant's settings were stale: read them again, and check the caller against them again. */
async function refreshTenant(c: Context<AppEnv>): Promise<void> {
  const slug = c.get('tenant').slug;
  clearTenantCache(slug);
  const tenant = await findTenantBySlug(database(c.env.DB), slug);
  if (!tenant) throw notFound('not_found.tenant', { id: slug });
  await enterTenant(c, tenant);
}

/** Encoded answers, by the answer: a shared answer served unchanged is serialised once per isolate. */
const encoded = new WeakMap<object, Uint8Array>();
/** Larger answers are encoded per request: kept beside their cached answers, they would crowd the isolate's memory. */
const ENCODED_MAX_BYTES = 64 * 1024;

/**
 * `c.json(value, 200)` for an answer of {@link cachedRead}: the same bytes and content type, but
 * a shared answer that reaches the viewer unchanged (no state of their own merged in) is
 * serialised and encoded once, not on every request. Answers are never changed once made (a
 * merge makes a new one), so the bytes stay the answer's.
 *
 * @example
 * return jsonAnswer(c, await cachedRead(c, { … }));
 */
export function jsonAnswer<T extends object>(c: Context<AppEnv>, value: T) {
  let body = encoded.get(value);
  if (!body) {
    body = new TextEncoder().encode(JSON.stringify(value));
    if (body.byteLength <= ENCODED_MAX_BYTES) encoded.set(value, body);
  }
  return jsonBytes<T>(c, body);
}

/**
 * An answer already serialised (e.g. store/thread-page-bytes.ts), as `c.json` would answer the
 * value `T` it is the JSON of.
 */
export function jsonBytes<T>(c: Context<AppEnv>, body: Uint8Array) {
  // Typed as c.json's answer, for the route's declared response.
  return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/json' }) as unknown as ReturnType<
    typeof c.json<T, 200>
  >;
}

/** A read as statements for a batch, and how to read the answer off their results (e.g. `listIdeasQuery`). */
export interface Batched<T> {
  statements: readonly BatchItem<'sqlite'>[];
  answer: (results: readonly unknown[]) => T;
}

/**
 * `build()` as a {@link Batched} that builds its statements only when first asked for them: on
 * a cache hit, a shared answer's statements are never sent, and building drizzle queries is a
 * good part of a request's CPU (bench/profile.ts).
 *
 * @example
 * cachedRead(c, { key, scopes, shared: lazily(() => listIdeasQuery(db, tenant.id, ANONYMOUS, query)), uncached: … });
 */
export function lazily<T>(build: () => Batched<T>): Batched<T> {
  let built: Batched<T> | undefined;
  const get = () => {
    built ??= build();
    return built;
  };
  return {
    get statements() {
      return get().statements;
    },
    answer: (results) => get().answer(results),
  };
}

/** A read: batched with the version check, or run after it. */
type Compute<T> = Batched<T> | (() => Promise<T>);

export interface CachedRead<T, M> {
  /** Names the answer within the tenant: the route and everything of the request that changes it. */
  key: string;
  /** The tables the answer is read from. */
  scopes: readonly string[];
  /** The shared answer, as anyone may see it. */
  shared: Compute<T>;
  /** The viewer's own part, for the answer at hand (none for an anonymous reader): read in the round trip that checks the versions. */
  mine?: ((value: T) => BatchItem<'sqlite'>) | undefined;
  /** The answer for this viewer from the shared one and their own part; `null`: answer without the cache. */
  merge?: ((value: T, mine: M) => T | null) | undefined;
  /** The answer for this viewer without the cache, built when needed (after a refresh of the tenant's settings, for the viewer as identified again). */
  uncached: () => Compute<T>;
}

type VersionRow = { scope: string; version: number };

/** The answers of a batch of {@link withVersions} alone, as those of the version check and the viewer's part. */
function versionsAndOwn(answers: unknown[]): [VersionRow[], unknown] {
  const { rows, result } = answers[0] as { rows: VersionRow[]; result: unknown };
  return [rows, result];
}

/** Runs `compute` alone. */
async function run<T>(c: Context<AppEnv>, compute: Compute<T>): Promise<T> {
  if (typeof compute === 'function') return compute();
  return compute.answer(await c.get('db').batch(compute.statements as [BatchItem<'sqlite'>]));
}

const scopeLists = new WeakMap<readonly string[], readonly string[]>();
/** The tenant's settings' scopes and `scopes`: one list per route's constant list, so its SQL parameter is made once. */
function withTenantScopes(scopes: readonly string[]): readonly string[] {
  let all = scopeLists.get(scopes);
  if (!all) {
    all = [...TENANT_SCOPES, ...scopes];
    scopeLists.set(scopes, all);
  }
  return all;
}

/**
 * The answer of `read`: the shared answer from this isolate's cache when its versions are
 * current, else computed and cached. A current cached answer costs one round trip (the versions
 * and the viewer's own part); so does a batched one that is not.
 *
 * @example
 * const page = await cachedRead(c, { key, scopes: ['ideas'], shared: listIdeasQuery(…), uncached: listIdeasQuery(…) });
 */
export async function cachedRead<T, M = unknown>(c: Context<AppEnv>, read: CachedRead<T, M>): Promise<T> {
  // c.get, not c.var: `c.var` builds an object of every variable on each access.
  const tenant = c.get('tenant');
  const db = c.get('db');
  const scopes = withTenantScopes(read.scopes);
  const key = `${tenant.id}\u0000${read.key}`;
  const entry = recall(key);
  const personal = read.mine !== undefined && read.merge !== undefined;
  // The round trip's statements: the version check, with the viewer's part of a cached answer as
  // columns of its one statement; or, without a cached answer, the check, the shared answer and
  // for a signed-in viewer their own.
  const sent: BatchItem<'sqlite'>[] = [];
  const shared = typeof read.shared === 'function' ? undefined : read.shared;
  // Built only without a cached answer: a hit never needs it.
  const mineUncached = personal && !entry ? read.uncached() : undefined;
  const uncached = typeof mineUncached === 'function' ? undefined : mineUncached;
  const batchedMiss = !entry && shared !== undefined && (!personal || uncached !== undefined);
  const ownWithCheck = entry !== undefined && personal && read.mine !== undefined;
  if (ownWithCheck && read.mine) sent.push(withVersions(db, tenant.id, scopes, read.mine(entry?.value as T)));
  else sent.push(selectVersions(db, tenant.id, scopes));
  if (batchedMiss && shared) sent.push(...shared.statements, ...(personal && uncached ? uncached.statements : []));
  const answers = (await db.batch(sent as [BatchItem<'sqlite'>])) as unknown[];
  const [rows, ...results] = ownWithCheck ? versionsAndOwn(answers) : (answers as [VersionRow[], ...unknown[]]);
  const versions = toVersions(scopes, rows);
  if (TENANT_SCOPES.some((s) => versions[s] !== tenant.versions[s])) {
    await refreshTenant(c);
    return run(c, read.uncached());
  }
  if (entry && sameVersions(entry.versions, versions)) {
    const value = entry.value as T;
    if (!personal || !read.merge) return value;
    return read.merge(value, results[0] as M) ?? run(c, read.uncached());
  }
  if (entry && shared) {
    // Stale: once more as a miss, whose round trip reads the versions and the answers together.
    entries.delete(key);
    return cachedRead(c, read);
  }
  if (batchedMiss && shared) {
    const sharedCount = shared.statements.length;
    const value = shared.answer(results.slice(0, sharedCount));
    remember(key, { versions, value });
    return personal && uncached ? uncached.answer(results.slice(sharedCount)) : value;
  }
  // Versions read before the answer: a write in between leaves the stamp older than the answer, never newer.
  const value = await run(c, read.shared);
  remember(key, { versions, value });
  if (!personal || !read.mine || !read.merge) return value;
  const [own] = (await db.batch([read.mine(value)])) as [M];
  return read.merge(value, own) ?? run(c, read.uncached());
}
