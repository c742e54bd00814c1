import type { ApiKeyInfo, ApiKeyScope, NewApiKey } from '@bridgekit/sdk';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { generateApiKey } from '../auth/api-keys.ts';
import type { Database } from '../db/client.ts';
import { apiKeys } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { type ChangeAuthor, logChange, setFields } from './config-log.ts';

type Row = typeof apiKeys.$inferSelect;

function toInfo(row: Row): ApiKeyInfo {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdBy: row.createdBy,
    createdAt: isoTime(row.createdAt),
    lastUsedAt: isoTimeOrNull(row.lastUsedAt),
    revokedAt: isoTimeOrNull(row.revokedAt),
  };
}

export async function listApiKeys(db: Database, tenantId: string): Promise<ApiKeyInfo[]> {
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.tenantId, tenantId)).orderBy(desc(apiKeys.createdAt));
  return rows.map(toInfo);
}

export async function createApiKey(
  db: Database,
  tenantId: string,
  input: { name: string; scopes: ApiKeyScope[]; createdBy: string },
  by: ChangeAuthor,
): Promise<NewApiKey> {
  const { id, key, hash } = await generateApiKey();
  const scopes = [...new Set(input.scopes)];
  const [[row]] = await db.batch([
    db
      .insert(apiKeys)
      .values({ id, tenantId, name: input.name, scopes, secretHash: hash, createdBy: input.createdBy, createdAt: Date.now() })
      .returning(),
    logChange(db, tenantId, by, { action: 'api_key.created', target: id, changes: setFields({ name: input.name, scopes }) }),
  ]);
  if (!row) throw new Error('insert returned no row');
  return { ...toInfo(row), key };
}

/** Idempotent: revoking a revoked key keeps its first revocation time. */
export async function revokeApiKey(db: Database, tenantId: string, id: string, by: ChangeAuthor): Promise<ApiKeyInfo> {
  const row = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)))
    .get();
  if (!row) throw notFound('not_found.api_key', { id });
  if (row.revokedAt !== null) return toInfo(row);
  const [[updated]] = await db.batch([
    db
      .update(apiKeys)
      .set({ revokedAt: Date.now() })
      .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning(),
    logChange(db, tenantId, by, { action: 'api_key.revoked', target: id, changes: setFields({ name: row.name }) }, { ifChanged: true }),
  ]);
  return toInfo(updated ?? row);
}
