/** A tenant's whole data set: export as an NDJSON archive, import into an empty tenant (docs/data.md). */
import { ARCHIVE_MEDIA_TYPE } from '@bridgekit/sdk';
import { createRoute, z } from '@hono/zod-openapi';
import { writeArchive } from '../archive/export.ts';
import { importChunk } from '../archive/import.ts';
import { requireRole } from '../auth/viewer.ts';
import { ArchiveImportResultSchema, ArchiveImportSchema } from '../schemas/archive.ts';
import { bearer, bodyErrors, conflictError, jsonContent, limitedErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { createRouter } from './router.ts';

export const archiveRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/export',
      operationId: 'exportTenant',
      security: bearer,
      tags: ['Administration'],
      summary: "Export the tenant's whole data set (admins)",
      description:
        'A versioned archive, streamed as NDJSON: a header line, one line per record (`{"t": table, "r": row}`) table by table, and a last line with the count of each table — a file without it was cut short. Secrets (API keys, embed secrets, webhook secrets, the mail webhook) are not in it. Format and contents: docs/data.md.',
      request: { params: TenantParams },
      responses: {
        200: { description: 'The archive.', content: { [ARCHIVE_MEDIA_TYPE]: { schema: z.string() } } },
        ...limitedErrors,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'export the tenant');
      const stamp = new Date().toISOString().slice(0, 10);
      // Written page by page as the caller reads (export.ts); the request lives until it is done.
      const { readable, writable } = new IdentityTransformStream();
      c.executionCtx.waitUntil(writeArchive(db, tenant, writable).catch((err) => console.error('export failed', tenant.slug, err)));
      // A stream: the route's typing takes a media type with "json" in it for a JSON body.
      return c.body(readable, 200, {
        'content-type': `${ARCHIVE_MEDIA_TYPE}; charset=utf-8`,
        'content-disposition': `attachment; filename="${tenant.slug}-${stamp}.ndjson"`,
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/import',
      operationId: 'importTenant',
      security: bearer,
      tags: ['Administration'],
      summary: 'Import an archive into an empty tenant, a chunk at a time (admins)',
      description:
        "Send the archive's lines in order, at most 1,000 a request: the first chunk from line 1 (the header) into a tenant without people, boards, templates, cards or threads; each later one with the `continuation` of the answer before. Each chunk is written in one transaction, or not at all. Ids are kept and the records become the tenant's. A malformed line is a 400 that names it.",
      request: { params: TenantParams, body: jsonBody(ArchiveImportSchema, examples.archiveImport) },
      responses: {
        200: jsonContent(ArchiveImportResultSchema, 'What this chunk imported, and how to go on.'),
        ...bodyErrors,
        ...conflictError,
      },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'import into the tenant');
      return c.json(await importChunk(db, c.env.BRIDGEKIT_SECRET_KEY, tenant, c.req.valid('json')), 200);
    },
  );
