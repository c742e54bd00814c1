/**
 * Imports an archive (export.ts) into an empty tenant, one chunk of lines per request and one D1
 * batch per chunk: ids kept, `tenant_id` set to the target tenant, the full-text tables filled by
 * the same triggers as any insert, denormalised counts as the archive has them. HTML is never
 * taken from the file: comments and card fields are rendered again from their Markdown.
 *
 * The first chunk starts at line 1 (the header) and needs an empty tenant; each later chunk
 * carries the `continuation` of the answer before, a signed note of where the import is (tenant,
 * next line, last table), so chunks come in order and nobody adds to a tenant in use.
 */
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveImport,
  type ArchiveImportResult,
  type ArchiveRecord,
  type FieldValue,
} from '@bridgekit/sdk';
import { type Column, eq, getTableName, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client.ts';
import { oidcProviders, tenantOrigins, tenants, userRoles } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { fromBase64Url, toBase64Url } from '../lib/base64url.ts';
import { mentionCandidates, renderMarkdown } from '../markdown/render.ts';
import {
  ARCHIVE_TABLES,
  type ArchiveTable,
  CONTENT_TABLES,
  SETTINGS,
  SETTINGS_COLUMNS,
  TABLE_BY_NAME,
  TABLE_NAMES,
  TABLE_RANK,
} from './tables.ts';

/** D1 binds at most 100 values per statement: records of one table go in multi-row inserts up to that. */
const MAX_BOUND_VALUES = 100;
/** How long a continuation stays good. */
const CONTINUATION_MS = 24 * 60 * 60 * 1000;

type Row = Record<string, unknown>;
interface Parsed {
  line: number;
  entry: ArchiveTable | null;
  row: Row;
}

const problem = (line: number, table: string, text: string) =>
  new ApiError(400, 'validation_failed.archive_record', { line, table, problem: text });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A column's value, checked against the column's type, or its default when the record leaves it out. */
function columnValue(name: string, column: Column, value: unknown, fail: (text: string) => ApiError): unknown {
  if (value === undefined) {
    if (column.default !== undefined) return column.default;
    if (!column.notNull) return null;
    throw fail(`"${name}" is required`);
  }
  if (value === null) {
    if (column.notNull) throw fail(`"${name}" must not be null`);
    return null;
  }
  const enumValues = (column as Column & { enumValues?: string[] }).enumValues;
  switch (column.dataType) {
    case 'string':
      if (typeof value !== 'string') throw fail(`"${name}" must be a string`);
      if (enumValues?.length && !enumValues.includes(value)) throw fail(`"${name}" must be one of ${enumValues.join(', ')}`);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail(`"${name}" must be a number`);
      if (column.columnType === 'SQLiteInteger' && !Number.isInteger(value)) throw fail(`"${name}" must be a whole number`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw fail(`"${name}" must be true or false`);
      return value;
    default:
      return value;
  }
}

function recordRow(entry: ArchiveTable, r: Record<string, unknown>, line: number): Row {
  const fail = (text: string) => problem(line, entry.name, text);
  for (const key of Object.keys(r)) {
    if (key !== 'tenantId' && !(key in entry.columns)) throw fail(`it has no column "${key}"`);
  }
  return Object.fromEntries(Object.entries(entry.columns).map(([name, column]) => [name, columnValue(name, column, r[name], fail)]));
}

function settingsRow(r: Record<string, unknown>, line: number): Row {
  const fail = (text: string) => problem(line, SETTINGS, text);
  const known: readonly string[] = SETTINGS_COLUMNS;
  for (const key of Object.keys(r)) if (!known.includes(key)) throw fail(`it has no setting "${key}"`);
  if (r.anonymousRead !== undefined && typeof r.anonymousRead !== 'boolean') throw fail('"anonymousRead" must be true or false');
  for (const key of ['roleMapping', 'moderation', 'itemPages', 'insights']) {
    if (r[key] !== undefined && r[key] !== null && !isObject(r[key])) throw fail(`"${key}" must be an object or null`);
  }
  if (r.demandClasses !== undefined && r.demandClasses !== null && !Array.isArray(r.demandClasses)) {
    throw fail('"demandClasses" must be a list or null');
  }
  return Object.fromEntries(SETTINGS_COLUMNS.filter((c) => r[c] !== undefined).map((c) => [c, r[c]]));
}

// ——— Continuation ———

interface Position {
  tenant: string;
  line: number;
  /** The rank of the last record's table (tables.ts `TABLE_RANK`). */
  rank: number;
  at: number;
}

async function signingKey(secret: string): Promise<CryptoKey> {
  const material = new TextEncoder().encode(`bridgekit-archive-import\u0000${secret}`);
  return crypto.subtle.importKey('raw', material, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

async function sign(secret: string, position: Position): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify(position));
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await signingKey(secret), payload));
  return `${toBase64Url(payload)}.${toBase64Url(mac)}`;
}

async function verify(secret: string, token: string | undefined): Promise<Position | null> {
  const [payload, mac] = (token ?? '').split('.');
  if (!payload || !mac) return null;
  try {
    const bytes = fromBase64Url(payload);
    if (!(await crypto.subtle.verify('HMAC', await signingKey(secret), fromBase64Url(mac), bytes))) return null;
    return JSON.parse(new TextDecoder().decode(bytes)) as Position;
  } catch {
    return null;
  }
}

// ——— Reading the lines ———

function parseLine(raw: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new ApiError(400, 'validation_failed.archive_line', { line, problem: (err as Error).message });
  }
  if (!isObject(value)) throw new ApiError(400, 'validation_failed.archive_line', { line, problem: 'it is not an object' });
  return value;
}

function checkHeader(value: Record<string, unknown>): void {
  if (value.format !== ARCHIVE_FORMAT) {
    throw new ApiError(400, 'validation_failed.archive_header', {
      problem: `its "format" is ${JSON.stringify(value.format) ?? 'missing'}`,
    });
  }
  if (value.version !== ARCHIVE_VERSION) {
    throw new ApiError(400, 'validation_failed.archive_version', { format: ARCHIVE_FORMAT, version: String(value.version) });
  }
}

interface Chunk {
  records: Parsed[];
  trailer: { line: number; counts: Record<string, number> } | null;
  rank: number;
}

function readLines(body: ArchiveImport, startRank: number): Chunk {
  const records: Parsed[] = [];
  let trailer: Chunk['trailer'] = null;
  let rank = startRank;
  for (const [i, raw] of body.lines.entries()) {
    const line = body.firstLine + i;
    const value = parseLine(raw, line);
    if (line === 1) {
      checkHeader(value);
      continue;
    }
    if (trailer) throw new ApiError(400, 'validation_failed.archive_line', { line, problem: 'it follows the last line (the counts)' });
    if ('end' in value) {
      const counts = value.counts;
      if (value.end !== ARCHIVE_FORMAT || !isObject(counts) || !Object.values(counts).every((n) => Number.isInteger(n))) {
        throw new ApiError(400, 'validation_failed.archive_line', {
          line,
          problem: 'the last line must be {"end":"bridgekit-archive","counts":{…}}',
        });
      }
      trailer = { line, counts: counts as Record<string, number> };
      continue;
    }
    const { t, r } = value as Partial<ArchiveRecord>;
    if (typeof t !== 'string' || !TABLE_RANK.has(t)) {
      throw new ApiError(400, 'validation_failed.archive_table', { line, table: String(t), tables: TABLE_NAMES.join(', ') });
    }
    const tableRank = TABLE_RANK.get(t) ?? 0;
    if (tableRank < rank) {
      throw new ApiError(400, 'validation_failed.archive_order', { line, table: t, previous: TABLE_NAMES[rank] ?? '' });
    }
    rank = tableRank;
    if (!isObject(r)) throw problem(line, t, '"r" must be an object');
    const entry = TABLE_BY_NAME.get(t) ?? null;
    records.push({ line, entry, row: entry ? recordRow(entry, r, line) : settingsRow(r, line) });
  }
  return { records, trailer, rank };
}

// ——— What the tenant holds ———

/** Which of the content tables have rows of the tenant (one statement). */
async function contentOf(db: Database, tenantId: string): Promise<string[]> {
  const checks = CONTENT_TABLES.map((t) => sql`exists (select 1 from ${t} where tenant_id = ${tenantId})`);
  const [row] = await db.all<Record<string, number>>(
    sql`select ${sql.join(
      checks.map((c, i) => sql`${c} as ${sql.identifier(`c${i}`)}`),
      sql`, `,
    )}`,
  );
  return CONTENT_TABLES.filter((_, i) => row?.[`c${i}`]).map((t) => getTableName(t));
}

/** Rows of the tenant in every table of the archive (one statement, once per import: at its last line). */
async function storedCounts(db: Database, tenantId: string): Promise<Record<string, number>> {
  const counts = ARCHIVE_TABLES.map(
    (t) => sql`(select count(*) from ${t.table} where tenant_id = ${tenantId}) as ${sql.identifier(t.name)}`,
  );
  const [row] = await db.all<Record<string, number>>(sql`select ${sql.join(counts, sql`, `)}`);
  return row ?? {};
}

/** Tables the import merges into what the target has (its own origins, providers and grants stay). */
const MERGED = new Set<string>([getTableName(tenantOrigins), getTableName(oidcProviders), getTableName(userRoles)]);

function checkCounts(trailer: NonNullable<Chunk['trailer']>, stored: Record<string, number>, chunk: Parsed[]): void {
  const missing: string[] = [];
  const settingsInChunk = chunk.some((p) => !p.entry);
  for (const name of TABLE_NAMES) {
    const expected = trailer.counts[name] ?? 0;
    if (name === SETTINGS) {
      // The settings record is the first line after the header: in this chunk, or in the first.
      if (expected > 1 || (expected === 0 && settingsInChunk)) missing.push(`${name}: ${expected}`);
      continue;
    }
    const have = stored[name] ?? 0;
    if (MERGED.has(name) ? have < expected : have !== expected) missing.push(`${name}: ${have} of ${expected}`);
  }
  if (missing.length > 0) {
    throw new ApiError(400, 'validation_failed.archive_counts', { line: trailer.line, problem: missing.slice(0, 5).join(', ') });
  }
}

// ——— Writing ———

/** Handles of the tenant's members, and of the people of this chunk, that the chunk's comments may @mention. */
async function knownHandles(db: Database, tenantId: string, records: Parsed[]): Promise<Set<string>> {
  const candidates = new Set<string>();
  for (const p of records) {
    if (p.entry?.name === 'comments' || p.entry?.name === 'comment_revisions') {
      for (const h of mentionCandidates(String(p.row.body))) candidates.add(h);
    }
  }
  const known = new Set<string>();
  for (const p of records) if (p.entry?.name === 'users' && typeof p.row.handle === 'string') known.add(p.row.handle.toLowerCase());
  if (candidates.size === 0) return known;
  const rows = await db.all<{ handle: string }>(
    sql`select lower(handle) as handle from users where tenant_id = ${tenantId} and lower(handle) in (select value from json_each(${JSON.stringify([...candidates])}))`,
  );
  for (const r of rows) known.add(r.handle);
  return known;
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** A card's HTML by path, rendered again from the Markdown of its fields. */
function rerendered(fields: unknown, rendered: unknown): Record<string, string> {
  if (!isObject(rendered)) return {};
  const html: Record<string, string> = {};
  for (const path of Object.keys(rendered)) {
    const source = valueAt(fields, path);
    if (typeof source === 'string') html[path] = renderMarkdown(source).html;
  }
  return html;
}

/** The row as stored: the target tenant's id, and HTML from the Markdown, never from the file. */
function storedRow(p: Parsed, tenantId: string, handles: Set<string>): Row {
  const row: Row = { ...p.row, tenantId };
  switch (p.entry?.name) {
    case 'comments':
    case 'comment_revisions':
      row.html = renderMarkdown(String(row.body), { knownHandles: handles }).html;
      break;
    case 'cards':
      row.rendered = rerendered(row.fields, row.rendered);
      break;
    case 'card_edits':
      if (isObject(row.content)) {
        const content = row.content as { fields?: Record<string, FieldValue>; rendered?: unknown };
        row.content = { ...content, rendered: rerendered(content.fields, content.rendered) };
      }
      break;
  }
  return row;
}

function insertStatements(db: Database, entry: ArchiveTable, rows: Row[]): BatchItem<'sqlite'>[] {
  const table = entry.table as SQLiteTable & Record<string, Column>;
  if (MERGED.has(entry.name)) {
    // The target's own stay; the archive's replace those of the same key.
    return rows.map((row) => {
      const insert = db.insert(table).values(row);
      if (entry.name === getTableName(tenantOrigins)) return insert.onConflictDoNothing();
      const target = [table.tenantId as Column, ...entry.key];
      const keys = new Set(['tenantId', ...entry.key.map((k) => Object.keys(entry.columns).find((n) => entry.columns[n] === k))]);
      return insert.onConflictDoUpdate({
        target: target as SQLiteColumn[],
        set: Object.fromEntries(Object.entries(row).filter(([k]) => !keys.has(k))),
      });
    });
  }
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_VALUES / (Object.keys(entry.columns).length + 1)));
  const statements: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += perStatement) statements.push(db.insert(table).values(rows.slice(i, i + perStatement)));
  return statements;
}

function writeStatements(db: Database, tenantId: string, records: Parsed[], handles: Set<string>): BatchItem<'sqlite'>[] {
  // Runs of records of one table, in order: the settings record alone.
  const runs: { entry: ArchiveTable | null; records: Parsed[] }[] = [];
  for (const p of records) {
    const last = runs.at(-1);
    if (last && p.entry && last.entry === p.entry) last.records.push(p);
    else runs.push({ entry: p.entry, records: [p] });
  }
  return runs.flatMap(({ entry, records: run }) =>
    entry
      ? insertStatements(
          db,
          entry,
          run.map((p) => storedRow(p, tenantId, handles)),
        )
      : run.map((p) => db.update(tenants).set(p.row).where(eq(tenants.id, tenantId))),
  );
}

function counted(records: Parsed[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of records) {
    const name = p.entry?.name ?? SETTINGS;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

export interface ImportTarget {
  id: string;
  slug: string;
}

/** Imports one chunk; throws the API's 4xx for what it cannot take, having written nothing. */
export async function importChunk(db: Database, secret: string, tenant: ImportTarget, body: ArchiveImport): Promise<ArchiveImportResult> {
  if (body.format !== ARCHIVE_FORMAT || body.version !== ARCHIVE_VERSION) {
    throw new ApiError(400, 'validation_failed.archive_version', { format: body.format, version: String(body.version) });
  }
  let startRank = 0;
  if (body.firstLine === 1) {
    const content = await contentOf(db, tenant.id);
    if (content.length > 0) throw new ApiError(409, 'conflict.import_not_empty', { tenant: tenant.slug, what: content.join(', ') });
  } else {
    const position = await verify(secret, body.continuation);
    if (!position || position.tenant !== tenant.id || position.line !== body.firstLine || Date.now() - position.at > CONTINUATION_MS) {
      throw new ApiError(409, 'conflict.import_continuation', { line: body.firstLine });
    }
    startRank = position.rank;
  }
  const chunk = readLines(body, startRank);
  const handles = await knownHandles(db, tenant.id, chunk.records);
  const statements = writeStatements(db, tenant.id, chunk.records, handles);
  if (chunk.trailer) {
    const stored = await storedCounts(db, tenant.id);
    const chunkCounts = counted(chunk.records);
    const after = Object.fromEntries(TABLE_NAMES.map((n) => [n, (stored[n] ?? 0) + (MERGED.has(n) ? 0 : (chunkCounts[n] ?? 0))]));
    for (const n of MERGED) after[n] = Math.max(after[n] ?? 0, chunkCounts[n] ?? 0);
    checkCounts(chunk.trailer, after, chunk.records);
  }
  if (statements.length > 0) {
    try {
      // A unit may come before the unit it is part of (records are in id order): foreign keys are checked at the chunk's end.
      await db.batch([db.run(sql`PRAGMA defer_foreign_keys = on`), ...statements] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    } catch (err) {
      if (!/constraint|UNIQUE|FOREIGN KEY/i.test(String((err as Error)?.message ?? err))) throw err;
      const lines = chunk.records.map((p) => p.line);
      throw new ApiError(409, 'conflict.import_clash', { from: lines[0] ?? body.firstLine, to: lines.at(-1) ?? body.firstLine });
    }
  }
  const nextLine = body.firstLine + body.lines.length;
  return {
    imported: counted(chunk.records),
    nextLine,
    continuation: await sign(secret, { tenant: tenant.id, line: nextLine, rank: chunk.rank, at: Date.now() }),
    complete: chunk.trailer !== null,
  };
}
