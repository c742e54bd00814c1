/** OpenID Connect issuers (Entra ID, Okta, Keycloak…) whose access tokens a tenant accepts. */
import { createRoute, z } from '@hono/zod-openapi';
import { assertProviderInput } from '../auth/oidc-endpoints.ts';
import { requireRole } from '../auth/viewer.ts';
import { isDevelopment } from '../env.ts';
import { OidcProviderInputSchema, OidcProviderSchema, ProviderParams } from '../schemas/admin.ts';
import { bearer, bodyErrors, conflictError, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import { examples, jsonBody } from '../schemas/examples.ts';
import { listProviders, putProvider, removeProvider } from '../store/oidc-providers.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const oidcProvidersRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/oidc-providers',
      operationId: 'listOidcProviders',
      security: bearer,
      tags: ['Administration'],
      summary: 'List OIDC issuers (admins)',
      request: { params: TenantParams },
      responses: { 200: jsonContent(z.object({ items: z.array(OidcProviderSchema) }), 'The providers.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'list OIDC providers');
      return c.json({ items: await listProviders(db, tenant.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tenants/{tenant}/oidc-providers/{id}',
      operationId: 'putOidcProvider',
      security: bearer,
      tags: ['Administration'],
      summary: 'Create or replace an OIDC issuer (admins)',
      description:
        "Tokens whose `iss` equals `issuer` are verified against `jwksUri` (RS256, PS256 or ES256 only), with `audience`, and — when set — `directoryId` (Entra ID `tid`) and `requiredScope` (in `scp`). With a `directoryId`, people are keyed by `tid` + `oid`. `issuer` and `jwksUri` must use https (plain http only for localhost, and only in development). With `signIn`, the sign-in window takes the authorization and token endpoints from the issuer's discovery document and uses them only if they are https and on the issuer's host or one of `signIn.endpointHosts`.",
      request: { params: ProviderParams, body: jsonBody(OidcProviderInputSchema, examples.oidcProvider) },
      responses: { 200: jsonContent(OidcProviderSchema, 'The provider.'), ...bodyErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'configure OIDC providers');
      const input = c.req.valid('json');
      assertProviderInput(input, isDevelopment(c.env));
      return c.json(await putProvider(db, tenant.id, c.req.valid('param').id, input, changeAuthorOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/oidc-providers/{id}',
      operationId: 'deleteOidcProvider',
      security: bearer,
      tags: ['Administration'],
      summary: 'Remove an OIDC issuer (admins)',
      request: { params: ProviderParams },
      responses: { 204: { description: 'Removed.' }, ...limitedErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'remove OIDC providers');
      await removeProvider(db, tenant.id, c.req.valid('param').id, changeAuthorOf(c));
      return c.body(null, 204);
    },
  );
