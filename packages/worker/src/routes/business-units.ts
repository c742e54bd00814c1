/** Business units: members read them; admins create, change and archive them, set their teams and see unmatched claims. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import {
  BusinessUnitSchema,
  BusinessUnitUpdateSchema,
  NewBusinessUnitSchema,
  UnitParams,
  UnitTeamInputSchema,
  UnmatchedClaimSchema,
} from '../schemas/business-units.ts';
import {
  bearer,
  bodyErrors,
  conflictError,
  jsonContent,
  limitedErrors,
  optionalBearer,
  readErrors,
  TenantParams,
} from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { archiveUnit, createUnit, getUnit, listUnits, setUnitTeam, unmatchedClaims, updateUnit } from '../store/business-units.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

const tags = ['Business units'];

export const businessUnitsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/units',
      operationId: 'listUnits',
      security: optionalBearer,
      tags,
      summary: 'List business units',
      description:
        "Every unit, archived ones too (`archivedAt`), by name: its key, name, side (`supply`: IT, never counted as demand), parent, aliases and relationship team. Anyone who may read the tenant reads them; the units' relationship intelligence (health, account plans) has its own rules.",
      request: { params: TenantParams },
      responses: { 200: jsonContent(z.object({ items: z.array(BusinessUnitSchema) }), 'The units.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant } = c.var;
      return c.json({ items: await listUnits(db, tenant.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/units',
      operationId: 'createUnit',
      security: bearer,
      tags,
      summary: 'Create a business unit (admins)',
      description:
        'The name is always one of its aliases. An alias another unit has: 409 `conflict.unit_alias_taken`, naming that unit; a key another unit has: 409 `conflict.unit_key_taken`. A key not in the key rule, an unknown parent: 400. People whose token claim names one of its aliases move to it at once.',
      request: { params: TenantParams, body: jsonBody(NewBusinessUnitSchema, examples.newUnit) },
      responses: { 201: jsonContent(BusinessUnitSchema, 'The new unit.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'create business units');
      return c.json(await createUnit(db, tenant.id, c.req.valid('json'), changeAuthorOf(c)), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/units/unmatched',
      operationId: 'listUnmatchedUnitClaims',
      security: bearer,
      tags,
      summary: 'Business-unit claims that name no unit (admins)',
      description:
        "What people's last tokens said their business unit was, where no current unit has that alias, with how many people said it: add each as an alias of the right unit (`PATCH /units/{key}`).",
      request: { params: TenantParams },
      responses: { 200: jsonContent(z.object({ items: z.array(UnmatchedClaimSchema) }), 'Most people first.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'list unmatched business-unit claims');
      return c.json({ items: await unmatchedClaims(db, tenant.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/units/{key}',
      operationId: 'getUnit',
      security: optionalBearer,
      tags,
      summary: 'Read a business unit',
      request: { params: UnitParams },
      responses: { 200: jsonContent(BusinessUnitSchema, 'The unit.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant } = c.var;
      return c.json(await getUnit(db, tenant.id, c.req.valid('param').key), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tenants/{tenant}/units/{key}',
      operationId: 'updateUnit',
      security: bearer,
      tags,
      summary: 'Change a business unit (admins)',
      description:
        "A field left out is kept. `aliases` replaces the list; the name stays an alias whatever it says (a new name is added to the aliases). A parent that would make the unit part of itself: 400 `validation_failed.unit_cycle`. People's units follow the new aliases at once.",
      request: { params: UnitParams, body: jsonBody(BusinessUnitUpdateSchema, examples.unitUpdate) },
      responses: { 200: jsonContent(BusinessUnitSchema, 'The unit.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'change business units');
      return c.json(await updateUnit(db, tenant.id, c.req.valid('param').key, c.req.valid('json'), changeAuthorOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/units/{key}/archive',
      operationId: 'archiveUnit',
      security: bearer,
      tags,
      summary: 'Archive a business unit (admins)',
      description:
        'An archived unit keeps its history (its people, ideas and cards still name it) but takes no new ideas, and its aliases no longer match claims at sign-in. Units are never deleted.',
      request: { params: UnitParams },
      responses: { 200: jsonContent(BusinessUnitSchema, 'The archived unit.'), ...limitedErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'archive business units');
      return c.json(await archiveUnit(db, tenant.id, c.req.valid('param').key, changeAuthorOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/units/{key}/team',
      operationId: 'setUnitTeam',
      security: bearer,
      tags,
      summary: "Set a business unit's relationship team (admins)",
      description:
        "Replaces the unit's business partners and relationship managers with the members of these handles (400 `field.unknown_owner` for a handle no member has). The team reads the unit's relationship intelligence.",
      request: { params: UnitParams, body: jsonBody(UnitTeamInputSchema, examples.unitTeam) },
      responses: { 200: jsonContent(BusinessUnitSchema, 'The unit with its team.'), ...bodyErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', "set business units' teams");
      return c.json(await setUnitTeam(db, tenant.id, c.req.valid('param').key, c.req.valid('json'), changeAuthorOf(c)), 200);
    },
  );
