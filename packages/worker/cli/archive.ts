/**
 * `tenant export` and `tenant import` (docs/data.md): a tenant's archive to a file and back, as
 * streams — the file is read and written a line at a time — with the records per table on stderr.
 * Fider backups and Disqus XML exports are converted on the way in (convert/).
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { ARCHIVE_FORMAT, ARCHIVE_LIMITS, type ArchiveImportResult, isBridgekitError, type TenantAdmin } from '@bridgekit/sdk';
import { disqusArchive } from './convert/disqus.ts';
import { fiderArchive } from './convert/fider.ts';

export interface ArchiveIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** `users 12, ideas 40` */
const summary = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ') || 'nothing';

/** The table of an archive line, without parsing it (`{"t":"users",…`). */
const tableOf = (line: string) => /^\{"t":"([a-z_]+)"/.exec(line)?.[1];

/**
 * Streams the tenant's archive into `out` (a file, or stdout when absent), telling on stderr how
 * many records of each table went by. Fails when the archive ends without its last line.
 */
export async function exportTenant(
  url: string,
  slug: string,
  token: string | undefined,
  out: string | undefined,
  io: ArchiveIo,
): Promise<Record<string, number>> {
  const res = await fetch(`${url.replace(/\/+$/, '')}/v1/tenants/${encodeURIComponent(slug)}/export`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new Error(`Error (${res.status} ${body?.error?.code ?? 'export_failed'}): ${body?.error?.message ?? res.statusText}`);
  }
  const file = out ? createWriteStream(out) : null;
  const write = async (text: string) => {
    if (!file) return io.stdout(text);
    if (!file.write(text)) await once(file, 'drain');
  };
  const counts: Record<string, number> = {};
  let current: string | undefined;
  let rest = '';
  let last = '';
  const decoder = new TextDecoder();
  const count = (line: string) => {
    if (line === '') return;
    last = line;
    const table = tableOf(line);
    if (!table) return;
    if (current && table !== current) io.stderr(`${current}: ${counts[current]}\n`);
    current = table;
    counts[table] = (counts[table] ?? 0) + 1;
  };
  for await (const chunk of res.body) {
    const text = decoder.decode(chunk, { stream: true });
    await write(text);
    const lines = (rest + text).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) count(line);
  }
  count(rest + decoder.decode());
  if (current) io.stderr(`${current}: ${counts[current]}\n`);
  if (file) {
    file.end();
    await once(file, 'close');
  }
  if (!last.startsWith(`{"end":"${ARCHIVE_FORMAT}"`))
    throw new Error('The export ended before its last line: the archive is incomplete. Try again.');
  return counts;
}

export type ImportFormat = 'bridgekit' | 'fider' | 'disqus';

/** The archive's lines from `from`, converted from Fider or Disqus when asked. */
export function archiveSource(format: ImportFormat, from: string, board: string | undefined): AsyncIterable<string> {
  const source = { slug: 'import', name: `Imported from ${format}` };
  switch (format) {
    case 'bridgekit':
      return createInterface({ input: createReadStream(from, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
    case 'disqus':
      return disqusArchive(() => createReadStream(from, { encoding: 'utf8', highWaterMark: 64 * 1024 }), source);
    case 'fider':
      return fiderArchive(from, source, { slug: board ?? 'fider', name: board ? board : 'Fider' });
  }
}

/** Sends one chunk, waiting out a rate limit (the import is many writes in a row). */
async function send(
  admin: TenantAdmin,
  chunk: Parameters<TenantAdmin['archive']['import']>[0],
  io: ArchiveIo,
): Promise<ArchiveImportResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.archive.import(chunk);
    } catch (err) {
      if (!isBridgekitError(err) || err.status !== 429 || attempt >= 10) throw err;
      const seconds = Number(err.params.retryAfter) || 10;
      io.stderr(`Rate limited: waiting ${seconds} s…\n`);
      await sleep(seconds * 1000);
    }
  }
}

/** Imports the lines of an archive into the tenant, a chunk at a time (at most 1,000 lines and ~4 MB a request). */
export async function importTenant(admin: TenantAdmin, lines: AsyncIterable<string>, io: ArchiveIo): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  let chunk: string[] = [];
  let bytes = 0;
  let firstLine = 1;
  let continuation: string | undefined;
  let version = 1;
  let complete = false;
  const flush = async () => {
    if (chunk.length === 0) return;
    const result = await send(
      admin,
      { format: ARCHIVE_FORMAT, version, firstLine, lines: chunk, ...(continuation ? { continuation } : {}) },
      io,
    );
    for (const [t, n] of Object.entries(result.imported)) totals[t] = (totals[t] ?? 0) + n;
    io.stderr(`lines ${firstLine}–${result.nextLine - 1}: ${summary(result.imported)}\n`);
    continuation = result.continuation;
    complete = result.complete;
    firstLine = result.nextLine;
    chunk = [];
    bytes = 0;
  };
  let n = 0;
  for await (const line of lines) {
    n++;
    if (n === 1) {
      // The header's version goes with every chunk; the Worker checks it.
      const header = (() => {
        try {
          return JSON.parse(line) as { version?: unknown };
        } catch {
          return {};
        }
      })();
      if (typeof header.version === 'number') version = header.version;
    }
    // JSON escaping of the line within the request body, and room for the rest of it.
    const size = Buffer.byteLength(JSON.stringify(line)) + 1;
    if (chunk.length >= ARCHIVE_LIMITS.lines || (chunk.length > 0 && bytes + size > ARCHIVE_LIMITS.bodyBytes - 4096)) await flush();
    chunk.push(line);
    bytes += size;
  }
  await flush();
  if (!complete)
    throw new Error('The archive ended before its last line (the counts): it is incomplete, and what came before it was imported.');
  return totals;
}

export { summary as describeCounts };
