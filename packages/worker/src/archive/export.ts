/**
 * A tenant's archive as a stream: the header, each table page by page (keyset pagination on its
 * primary key, one statement a page of at most `EXPORT_PAGE_ROWS` rows), the trailer. A page is
 * read only when the reader has taken the one before, so memory stays one page whatever the
 * tenant's size. A failure half-way ends the stream without its trailer: the import refuses such
 * a file.
 */
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveHeader, type ArchiveRecord, type ArchiveTrailer } from '@bridgekit/sdk';
import { and, asc, type Column, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { tenants } from '../db/schema.ts';
import { ARCHIVE_TABLES, type ArchiveTable, SETTINGS, SETTINGS_COLUMNS } from './tables.ts';

export const EXPORT_PAGE_ROWS = 200;

type Row = Record<string, unknown>;

/** `(a, b) > (x, y)`: rows after `after` in the order of `key`. */
function after(key: Column[], last: Row, names: string[]): SQL {
  const columns = sql.join(
    key.map((c) => sql`${c}`),
    sql`, `,
  );
  const values = sql.join(
    names.map((n, i) => sql`${key[i]?.mapToDriverValue(last[n])}`),
    sql`, `,
  );
  return sql`(${columns}) > (${values})`;
}

/** One page of `entry`'s rows of the tenant after `last` (from the start when null): one statement. */
export function pageQuery(db: Database, tenantId: string, entry: ArchiveTable, last: Row | null) {
  const tenantColumn = (entry.table as unknown as { tenantId: Column }).tenantId;
  const names = entry.key.map((k) => Object.entries(entry.columns).find(([, c]) => c === k)?.[0] ?? k.name);
  return db
    .select(entry.columns)
    .from(entry.table)
    .where(and(eq(tenantColumn, tenantId), last ? after(entry.key, last, names) : undefined))
    .orderBy(...entry.key.map((k) => asc(k)))
    .limit(EXPORT_PAGE_ROWS);
}

function settingsQuery(db: Database, tenantId: string) {
  return db
    .select(
      Object.fromEntries(SETTINGS_COLUMNS.map((c) => [c, tenants[c]])) as { [K in (typeof SETTINGS_COLUMNS)[number]]: (typeof tenants)[K] },
    )
    .from(tenants)
    .where(eq(tenants.id, tenantId));
}

const line = (value: ArchiveHeader | ArchiveRecord | ArchiveTrailer) => `${JSON.stringify(value)}\n`;

export interface ExportTenant {
  id: string;
  slug: string;
  name: string;
}

/**
 * Writes the archive of `tenant` into `writable`, a page at a time: each write waits until the
 * reader has taken the one before, so memory stays one page. A failure aborts the stream (no
 * trailer: the file is seen as cut short).
 */
export async function writeArchive(
  db: Database,
  tenant: ExportTenant,
  writable: WritableStream<Uint8Array>,
  now = new Date(),
): Promise<void> {
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  const write = async (text: string) => {
    await writer.ready;
    await writer.write(encoder.encode(text));
  };
  try {
    const header: ArchiveHeader = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: now.toISOString(),
      tenant: { slug: tenant.slug, name: tenant.name },
    };
    await write(line(header));
    const counts: Record<string, number> = {};
    const [settings] = await settingsQuery(db, tenant.id);
    counts[SETTINGS] = settings ? 1 : 0;
    if (settings) await write(line({ t: SETTINGS, r: settings }));
    for (const entry of ARCHIVE_TABLES) {
      let count = 0;
      let last: Row | null = null;
      do {
        const rows = (await pageQuery(db, tenant.id, entry, last)) as Row[];
        count += rows.length;
        if (rows.length > 0) await write(rows.map((r) => line({ t: entry.name, r })).join(''));
        last = rows.length === EXPORT_PAGE_ROWS ? (rows[rows.length - 1] ?? null) : null;
      } while (last);
      counts[entry.name] = count;
    }
    await write(line({ end: ARCHIVE_FORMAT, counts }));
    await writer.close();
  } catch (err) {
    await writer.abort(err).catch(() => {});
    throw err;
  }
}
