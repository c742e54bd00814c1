/** Builds an archive (docs/data.md) from converted records: the header, the records in the order of the tables, the trailer. */
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveHeader } from '@bridgekit/sdk';
import { TABLE_RANK } from '../../src/archive/tables.ts';

export type Row = Record<string, unknown>;

/** The archive's lines from `records`, which must come in the archive's order of tables (checked). */
export async function* archiveLines(
  source: { slug: string; name: string },
  records: AsyncIterable<[string, Row]> | Iterable<[string, Row]>,
) {
  const header: ArchiveHeader = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: new Date().toISOString(), tenant: source };
  yield JSON.stringify(header);
  const counts: Record<string, number> = {};
  let rank = 0;
  for await (const [t, r] of records) {
    const next = TABLE_RANK.get(t);
    if (next === undefined || next < rank) throw new Error(`Converter bug: "${t}" out of the archive's order.`);
    rank = next;
    counts[t] = (counts[t] ?? 0) + 1;
    yield JSON.stringify({ t, r });
  }
  yield JSON.stringify({ end: ARCHIVE_FORMAT, counts });
}

/** A short, stable id part from any text (FNV-1a, base 36), for ids made from e-mails or names. */
export function idPart(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
