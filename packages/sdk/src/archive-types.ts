/**
 * A tenant's archive (docs/data.md): NDJSON, one JSON value a line — the header, one line per
 * record in the order of the tables, the trailer with each table's count (a file without it was
 * cut short). `GET /tenants/{tenant}/export` streams it; `POST /tenants/{tenant}/import` takes it
 * back, in chunks of lines, into an empty tenant.
 */

export const ARCHIVE_FORMAT = 'bridgekit-archive';
export const ARCHIVE_VERSION = 1;
export const ARCHIVE_MEDIA_TYPE = 'application/x-ndjson';

/** What one import request may carry. */
export const ARCHIVE_LIMITS = {
  /** Lines per request. */
  lines: 1000,
  /** Bytes of the request's JSON body (the lines, JSON-escaped, and the rest). */
  bodyBytes: 4 * 1024 * 1024,
} as const;

/** Line 1. */
export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  /** ISO 8601. */
  exportedAt: string;
  tenant: { slug: string; name: string };
}

/** One record: a row of `t` (a table's SQL name, or `settings`), its columns by their names in the API (camelCase), `tenantId` left out. */
export interface ArchiveRecord {
  t: string;
  r: Record<string, unknown>;
}

/** The last line: how many records of each table the archive holds. */
export interface ArchiveTrailer {
  end: typeof ARCHIVE_FORMAT;
  counts: Record<string, number>;
}

export type ArchiveLine = ArchiveHeader | ArchiveRecord | ArchiveTrailer;

/** One chunk of an archive to import. */
export interface ArchiveImport {
  /** The archive's format and version, from its header. */
  format: typeof ARCHIVE_FORMAT;
  version: number;
  /** The line number of `lines[0]` in the archive (1: the header), for messages and order. */
  firstLine: number;
  /** The archive's lines, each as it is in the file. */
  lines: string[];
  /** From the answer to the chunk before; not on the first chunk. */
  continuation?: string;
}

export interface ArchiveImportResult {
  /** Records written by this chunk, per table. */
  imported: Record<string, number>;
  /** The line number the next chunk starts with. */
  nextLine: number;
  /** Send with the next chunk. */
  continuation: string;
  /** The trailer was imported and its counts match: the archive is complete. */
  complete: boolean;
}
