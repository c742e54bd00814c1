/** The caller, as the API sees them. */
import type { Viewer } from '@bridgekit/sdk';
import { createRoute } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { effectiveRole, selectGrantedRole } from '../auth/viewer.ts';
import { tenants, userRoles, users } from '../db/schema.ts';
import { jsonContent, optionalBearer, readErrors, TenantParams } from '../schemas/common.ts';
import { ViewerSchema } from '../schemas/viewer.ts';
import { selectTeamPlaces, toPerson, toTeamPlaces, viewerUnitId } from '../store/business-units.ts';
import { unitRefColumn } from '../store/unit-access.ts';
import { createRouter } from './router.ts';

export const meRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/tenants/{tenant}/me',
    operationId: 'getMe',
    security: optionalBearer,
    tags: ['Identity'],
    summary: 'Who am I',
    description:
      "The tenant and the caller with their role; `user` is null without a token. `user.id` is the subject roles are granted to. `unit`: the business unit the caller's claim names; `cio`: reads every unit's relationship intelligence; `teams`: their places on units' relationship teams. `pages`: where the tenant's intranet shows each kind of item (`{}` when unset), for links that open an item's view.",
    request: { params: TenantParams },
    responses: { 200: jsonContent(ViewerSchema, 'The caller.'), ...readErrors },
  }),
  async (c) => {
    const { db, tenant, viewer } = c.var;
    let user: Viewer['user'] = null;
    if (viewer.kind === 'user') {
      const [grant, rows, unitRows, cioGrant, places] = await db.batch([
        selectGrantedRole(db, tenant.id, viewer.subject),
        db
          .select({ handle: users.handle })
          .from(users)
          .where(and(eq(users.tenantId, tenant.id), eq(users.subject, viewer.subject))),
        // What the current token's claim names, else an admin's choice (the person's row follows on their next write).
        db
          .select({ unit: unitRefColumn(viewerUnitId(tenant.id, viewer)).as('me_unit') })
          .from(tenants)
          .where(eq(tenants.id, tenant.id)),
        db
          .select({ one: sql<number>`1` })
          .from(userRoles)
          .where(and(eq(userRoles.tenantId, tenant.id), eq(userRoles.subject, viewer.subject), eq(userRoles.role, 'cio'))),
        selectTeamPlaces(db, tenant.id, viewer),
      ]);
      user = {
        id: viewer.subject,
        ...toPerson(viewer.name, viewer.businessUnit, unitRows[0]?.unit ?? null),
        role: effectiveRole(viewer, grant[0]?.role) ?? 'member',
        handle: rows[0]?.handle ?? null,
        cio: viewer.claimCio === true || cioGrant.length > 0,
        teams: toTeamPlaces(places),
      };
    } else if (viewer.kind === 'apiKey' || viewer.kind === 'platform') {
      const role = effectiveRole(viewer, undefined) ?? 'member';
      const id = viewer.kind === 'apiKey' ? `apikey:${viewer.keyId}` : 'platform';
      const name = viewer.kind === 'apiKey' ? viewer.name : 'Platform admin';
      user = { id, name, businessUnit: null, unit: null, role, handle: null, cio: false, teams: [] };
    }
    return c.json(
      { tenant: { slug: tenant.slug, name: tenant.name }, user, pages: tenant.itemPages, demandClasses: tenant.demandClasses },
      200,
    );
  },
);
