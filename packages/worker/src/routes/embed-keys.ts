/** Embed secrets: list them (never a secret), create a new one (rotation), retire an old one. */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/viewer.ts';
import { EmbedKeyInfoSchema, EmbedKeyListSchema, KidParams, NewEmbedKeySchema } from '../schemas/admin.ts';
import { bearer, conflictError, jsonContent, limitedErrors, readErrors, TenantParams } from '../schemas/common.ts';
import { createEmbedKey, listEmbedKeys, retireEmbedKey } from '../store/embed-keys.ts';
import { changeAuthorOf } from './change-author.ts';
import { createRouter } from './router.ts';

export const embedKeysRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/tenants/{tenant}/embed-keys',
      operationId: 'listEmbedKeys',
      security: bearer,
      tags: ['Administration'],
      summary: 'List embed secrets (admins)',
      description: 'Their key ids, when each was created and retired, newest first; never the secrets themselves.',
      request: { params: TenantParams },
      responses: { 200: jsonContent(EmbedKeyListSchema, 'The secrets, newest first.'), ...readErrors },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'list embed secrets');
      return c.json({ items: await listEmbedKeys(db, tenant.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tenants/{tenant}/embed-keys',
      operationId: 'createEmbedKey',
      security: bearer,
      tags: ['Administration'],
      summary: 'Create an embed secret (admins)',
      description:
        'Rotation: create a new secret, switch the host to it (tokens carry its `kid`), then retire the old one. Tokens without `kid` use the newest secret. The secret is shown only in this answer.',
      request: { params: TenantParams },
      responses: { 201: jsonContent(NewEmbedKeySchema, 'The new secret.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'create embed secrets');
      return c.json(await createEmbedKey(db, c.env.BRIDGEKIT_SECRET_KEY, tenant.id, changeAuthorOf(c)), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tenants/{tenant}/embed-keys/{kid}',
      operationId: 'retireEmbedKey',
      security: bearer,
      tags: ['Administration'],
      summary: 'Retire an embed secret (admins)',
      description:
        'Tokens signed with it are refused from then on (within 30 seconds on every server). The last active secret cannot be retired.',
      request: { params: KidParams },
      responses: { 200: jsonContent(EmbedKeyInfoSchema, 'The retired secret.'), ...limitedErrors, ...conflictError },
    }),
    async (c) => {
      const { db, tenant, viewer } = c.var;
      await requireRole(db, tenant.id, viewer, 'admin', 'retire embed secrets');
      return c.json(await retireEmbedKey(db, tenant.id, c.req.valid('param').kid, changeAuthorOf(c)), 200);
    },
  );
