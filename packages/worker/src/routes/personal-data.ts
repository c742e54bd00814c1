/** A person's own data: their export, and erasure — by themselves or by an admin (docs/privacy.md). */
import { createRoute } from '@hono/zod-openapi';
import { requireRole, type UserViewer, type Viewer } from '../auth/viewer.ts';
import { ApiError, notFound } from '../errors.ts';
import { bearer, bodyErrors, jsonContent, limitedErrors, TenantParams } from '../schemas/common.ts';
import { jsonBody } from '../schemas/examples.ts';
import { EraseMeInputSchema, PersonalExportSchema, PersonErasureSchema, PersonKeyParams } from '../schemas/personal-data.ts';
import { eraseGrantOnly, erasePerson } from '../store/erasure.ts';
import { moderatorOf } from '../store/moderation.ts';
import { findPerson, personalExport } from '../store/personal-data.ts';
import { createRouter } from './router.ts';

/** The signed-in person, or 401/403: API keys and the platform token have no personal data. */
function requirePerson(viewer: Viewer, action: string): UserViewer {
  if (viewer.kind === 'user') return viewer;
  if (viewer.kind === 'anonymous') throw new ApiError(401, 'unauthorized.sign_in', { action });
  throw new ApiError(403, 'forbidden.not_a_person', { action });
}

const exportDescription =
  'Everything Bridgekit holds about the person, as JSON (`PersonalExport`, version 1): profile, role, ideas, votes, scores given, status changes made, comments with their earlier texts, reactions, flags, mentions, cards authored or owned with the versions they saved, held card edits, "helped" marks, subscriptions, notification settings, notifications and moderation actions. Each list holds at most 5,000 rows (the oldest); a longer one is named in `truncated`. Draws on the export rate limit.';

export const personalDataRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/me/export',
      operationId: 'exportMyData',
      security: bearer,
      tags: ['Identity'],
      summary: 'Export my personal data',
      description: `${exportDescription} Signed-in people only.`,
      request: { params: TenantParams },
      responses: { 200: jsonContent(PersonalExportSchema, 'The export.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'export their personal data');
      const row = await findPerson(db, tenant.id, { subject: me.subject });
      const profile = { name: me.name, email: me.email, businessUnit: me.businessUnit };
      return c.json(await personalExport(db, tenant, { row, subject: me.subject, profile }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/me/erase',
      operationId: 'eraseMyData',
      security: bearer,
      tags: ['Identity'],
      summary: 'Erase my personal data',
      description:
        'Erases the signed-in person\'s personal data; cannot be undone. Their ideas, comments and cards stay, shown under "removed person"; their votes stay as counts; @mentions of them become plain words; their role grant, subscriptions, notifications and settings go. Their next sign-in is a new person. Send `{"confirm": true}`.',
      request: { params: TenantParams, body: jsonBody(EraseMeInputSchema, { confirm: true }) },
      responses: { 200: jsonContent(PersonErasureSchema, 'Erased.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      const me = requirePerson(viewer, 'erase their personal data');
      const row = await findPerson(db, tenant.id, { subject: me.subject });
      const outcome = row ? await erasePerson(db, tenant.id, row, moderatorOf(viewer)) : await eraseGrantOnly(db, tenant.id, me.subject);
      return c.json(outcome, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/people/{person}/export',
      operationId: 'exportPersonData',
      security: bearer,
      tags: ['Administration'],
      summary: "Export a person's personal data (admins)",
      description: `${exportDescription} For a person's request made to the tenant's admins; the person is named by id or subject.`,
      request: { params: PersonKeyParams },
      responses: { 200: jsonContent(PersonalExportSchema, 'The export.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', "export a person's data");
      const { person } = c.req.valid('param');
      const row = await findPerson(db, tenant.id, { idOrSubject: person });
      if (!row) throw notFound('not_found.person', { id: person });
      return c.json(await personalExport(db, tenant, { row, subject: row.subject }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/people/{person}/erase',
      operationId: 'erasePersonData',
      security: bearer,
      tags: ['Administration'],
      summary: "Erase a person's personal data (admins)",
      description:
        'As `POST /me/erase`, for a person named by id or subject; cannot be undone. Erasing an erased person changes nothing (`erasedNow: false`). The audit log records it, naming the person by id only. Send `{"confirm": true}`.',
      request: { params: PersonKeyParams, body: jsonBody(EraseMeInputSchema, { confirm: true }) },
      responses: { 200: jsonContent(PersonErasureSchema, 'Erased (or erased before).'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', "erase a person's data");
      const { person } = c.req.valid('param');
      const row = await findPerson(db, tenant.id, { idOrSubject: person });
      if (!row) throw notFound('not_found.person', { id: person });
      return c.json(await erasePerson(db, tenant.id, row, moderatorOf(viewer)), 200);
    },
  );
