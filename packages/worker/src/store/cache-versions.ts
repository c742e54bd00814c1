/**
 * Version stamps of shared answers (`cache_versions`). A scope is a table name: every write
 * statement a tenant's request sends through its binding (db/tenant-binding.ts) that changes a
 * row of a table in {@link CACHED_SCOPES} bumps that table's scope, right behind the statement
 * in the same D1 batch, so no writer can forget it and a write and its bump commit or fail
 * together. A cached answer (routes/read-cache.ts) names the tables it reads and is served only
 * while their versions are the ones it was stamped with.
 */
import { sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { D1Binding, Database } from '../db/client.ts';
import { cacheVersions } from '../db/schema.ts';
import { statementShapes } from '../db/statement-shapes.ts';
import { tenantBinding } from '../db/tenant-binding.ts';

export { writtenTable } from '../db/tenant-binding.ts';

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

/** What an idea's view reads (store/idea-view.ts; test/read-cache.test.ts checks this against its SQL). */
export const IDEA_VIEW_SCOPES = [
  'ideas',
  'boards',
  'users',
  'votes',
  'business_units',
  'cards',
  'card_links',
  'business_unit_people',
  'idea_revisions',
  'idea_status_changes',
  'idea_scores',
  'idea_units',
  'board_criteria',
  'threads',
  'user_roles',
  'objective_links',
  'unit_objectives',
] as const;

/** What the duplicate suggestions read: the board, its ideas (and their full-text index, kept by triggers on `ideas`), the cards answering them. */
export const SIMILAR_SCOPES = ['boards', 'ideas', 'cards'] as const;

/** What one search reads: each kind's table (its full-text index kept by triggers on it), boards, threads, authors, template names (test/search-cache.test.ts checks this against its SQL). */
export const SEARCH_SCOPES = ['ideas', 'boards', 'cards', 'card_templates', 'comments', 'threads', 'users'] as const;

/** What related content reads: the three kinds, a thread's comments, and the links between cards and the rest. */
export const RELATED_SCOPES = ['ideas', 'cards', 'threads', 'comments', 'card_links'] as const;

/** What the cockpit reads besides the tenant's settings (test/insights-cache.test.ts checks this against its SQL). */
export const INSIGHT_SCOPES = [
  'business_units',
  // Named in the readers' condition, which is true for the answer's reader of every unit whatever the teams.
  'business_unit_people',
  'unit_rollups',
  'rollup_runs',
  'users',
  'ideas',
  'cards',
  'value_benefits',
  'value_actuals',
  'health_rounds',
  'health_invitations',
  'health_answers',
] as const;

/**
 * What the card library's list and search read: the cards (and their full-text index, kept by
 * triggers on `cards`), owners' names, units, tenant templates' names, links for `cites`, and
 * unit teams (named by the visibility rule, though the shared answer is the anonymous reader's).
 */
export const CARD_LIST_SCOPES = ['cards', 'users', 'business_units', 'business_unit_people', 'card_templates', 'card_links'] as const;

/**
 * What a thread page reads as the anonymous reader sees it: the thread, its comments, their
 * authors (and units), the practice cards it became, and an idea's or card's own discussion's
 * item (test/read-cache.test.ts checks this against its SQL).
 */
export const THREAD_PAGE_SCOPES = [
  'threads',
  'comments',
  'comment_reactions',
  'users',
  'business_units',
  'business_unit_people',
  'cards',
  'ideas',
] as const;

/**
 * Every table some cached answer reads: the union of the lists above (test/tenant-binding.test.ts
 * checks that it holds each of them). Writes to other tables (events, notifications, deliveries,
 * …) send no bump.
 */
export const CACHED_SCOPES: ReadonlySet<string> = new Set([
  ...TENANT_SCOPES,
  ...IDEA_LIST_SCOPES,
  ...IDEA_VIEW_SCOPES,
  ...SIMILAR_SCOPES,
  ...SEARCH_SCOPES,
  ...RELATED_SCOPES,
  ...INSIGHT_SCOPES,
  ...CARD_LIST_SCOPES,
  ...THREAD_PAGE_SCOPES,
]);

/** The versions of `scopes`, keyed by scope; a scope never written is version 0. */
export type Versions = Record<string, number>;

/**
 * One statement that reads the versions of `scopes`, for a batch.
 *
 * @example
 * const [versions, rows] = await db.batch([selectVersions(db, tenantId, ['ideas']), query]);
 */
export function selectVersions(db: Database, tenantId: string, scopes: readonly string[]) {
  const [statement] = versionsShape(db, { tenantId, scopes: scopesJson(scopes) }, {});
  return statement;
}

// Built once per isolate (every read sends it): the scopes as one JSON parameter, the same primary-key look-ups.
const versionsShape = statementShapes(
  (db, v: { tenantId: string; scopes: string }) =>
    [
      db
        .select({ scope: cacheVersions.scope, version: cacheVersions.version })
        .from(cacheVersions)
        .where(sql`${cacheVersions.tenantId} = ${v.tenantId} and ${cacheVersions.scope} in (select value from json_each(${v.scopes}))`),
    ] as const,
);

/** What the D1 batch asks of an item (drizzle-orm/d1 session `batch`): its prepared query. */
interface PreparedItem {
  stmt: unknown;
  getQuery(): { sql: string; params: unknown[] };
  mapResult(result: unknown, isFromBatch?: boolean): unknown;
}

const VERSIONS_COLUMN = 'bk_versions';
/** {@link selectVersions} as one JSON column: `[[scope, version], …]`. */
const VERSIONS_SQL = `(select json_group_array(json_array(scope, version)) from cache_versions
  where tenant_id = ? and scope in (select value from json_each(?))) as ${VERSIONS_COLUMN}`;
/** The wrapped SQL of each statement wrapped (a statement's text is one per shape of viewer: a few per route). */
const wrappedSql = new Map<string, string>();

/**
 * `item` (a one-row statement) with the versions of `scopes` as a column of its row: one
 * statement for what {@link selectVersions} and `item` read, so a cached read for a signed-in
 * viewer sends D1 one statement, not two. Its result is `{ rows, result }`: the versions' rows
 * and `item`'s own result as drizzle maps it.
 *
 * @example
 * const [{ rows, result }] = await db.batch([withVersions(db, tenant.id, scopes, ownIdeaState(…))]);
 */
export function withVersions<T>(db: Database, tenantId: string, scopes: readonly string[], item: BatchItem<'sqlite'>) {
  const json = scopesJson(scopes);
  return {
    _prepare(): PreparedItem {
      const inner = (item as unknown as { _prepare(): PreparedItem })._prepare();
      const query = inner.getQuery();
      let sqlText = wrappedSql.get(query.sql);
      if (sqlText === undefined) {
        sqlText = `select ${VERSIONS_SQL}, m.* from (${query.sql}) m`;
        if (wrappedSql.size >= 100) wrappedSql.clear();
        wrappedSql.set(query.sql, sqlText);
      }
      const wrapped = { sql: sqlText, params: [tenantId, json, ...query.params] };
      return Object.assign(Object.create(inner) as PreparedItem, {
        stmt: db.$client.prepare(sqlText),
        getQuery: () => wrapped,
        mapResult: (response: { results: Record<string, unknown>[] }, isFromBatch?: boolean) => {
          // The viewer's part is one row of `tenants` (e.g. store/viewer-state.ts): a second row would be dropped here.
          if (response.results.length > 1) throw new Error(`withVersions expects a one-row statement, got ${response.results.length} rows`);
          const [row] = response.results;
          if (!row) return { rows: [], result: inner.mapResult(response, isFromBatch) };
          const { [VERSIONS_COLUMN]: versions, ...rest } = row;
          const rows = (JSON.parse(String(versions)) as [string, number][]).map(([scope, version]) => ({ scope, version }));
          return { rows, result: inner.mapResult({ ...response, results: [rest] }, isFromBatch) as T };
        },
      });
    },
  } as unknown as BatchItem<'sqlite'>;
}

const scopeLists = new WeakMap<readonly string[], string>();
/** `scopes` as JSON, once per list (route lists are constants). */
function scopesJson(scopes: readonly string[]): string {
  let json = scopeLists.get(scopes);
  if (json === undefined) {
    json = JSON.stringify(scopes);
    scopeLists.set(scopes, json);
  }
  return json;
}

/** The rows of {@link selectVersions} as a record with every scope (0 when never written). */
export function toVersions(scopes: readonly string[], rows: { scope: string; version: number }[]): Versions {
  // Loops, not Object.fromEntries and every(): every cached read runs these (bench/profile.ts).
  const versions: Versions = {};
  for (const scope of scopes) versions[scope] = 0;
  for (const row of rows) versions[row.scope] = row.version;
  return versions;
}

export function sameVersions(a: Versions, b: Versions): boolean {
  let count = 0;
  for (const scope in a) {
    if (b[scope] !== a[scope]) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

/**
 * The tenant's D1 binding with the version bumps alone: {@link tenantBinding} without a key.
 *
 * @example
 * await versioned(env.DB, DEMO_TENANT.id).prepare('update cards set state = ? where id = ?').bind('pending', id).run();
 */
export const versioned = (d1: D1Binding, tenantId: string): D1Binding => tenantBinding(d1, { tenantId });
