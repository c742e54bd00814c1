/** A tenant's archive: the import's chunk and answer (the export is NDJSON, described in docs/data.md). */
import { ARCHIVE_FORMAT, ARCHIVE_LIMITS, type ArchiveImport, type ArchiveImportResult } from '@bridgekit/sdk';
import { z } from '@hono/zod-openapi';
import { type Exact, expectType, requestType } from './contract.ts';

export const ArchiveImportSchema = z
  .strictObject({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.number().int().openapi({ description: "The archive's version, from its header (1)." }),
    firstLine: z.number().int().min(1).openapi({ description: 'The line number of `lines[0]` in the archive (1: the header).' }),
    lines: z
      .array(z.string())
      .min(1)
      .max(ARCHIVE_LIMITS.lines)
      .openapi({ description: `The archive's lines, each as in the file, at most ${ARCHIVE_LIMITS.lines}.` }),
    continuation: z.string().max(1000).optional().openapi({ description: 'From the answer to the chunk before; not on the first.' }),
  })
  .openapi('ArchiveImport');
requestType<ArchiveImport>()(ArchiveImportSchema, true);

export const ArchiveImportResultSchema = z
  .object({
    imported: z.record(z.string(), z.number().int()).openapi({ description: 'Records written by this chunk, per table.' }),
    nextLine: z.number().int(),
    continuation: z.string(),
    complete: z.boolean().openapi({ description: "The archive's last line was imported and its counts match." }),
  })
  .openapi('ArchiveImportResult');
expectType<Exact<z.infer<typeof ArchiveImportResultSchema>, ArchiveImportResult>>(true);
