import type { EmbedKeyInfo, NewEmbedKey } from '@bridgekit/sdk';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { encryptSecret } from '../auth/secrets.ts';
import type { Database } from '../db/client.ts';
import { embedKeys } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import { toBase64Url } from '../lib/base64url.ts';
import { newId } from '../lib/ids.ts';
import { isoTime, isoTimeOrNull } from '../lib/time.ts';
import { type ChangeAuthor, logChange } from './config-log.ts';
import { clearTenantCache } from './tenants.ts';

/** A fresh secret and its encrypted row: 32 random bytes, base64url. */
export async function newEmbedKey(masterKey: string, tenantId: string, now = Date.now()) {
  const kid = `k-${newId().slice(0, 10)}`;
  const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const row = { tenantId, kid, secretCiphertext: await encryptSecret(masterKey, tenantId, kid, secret), createdAt: now };
  const shown: NewEmbedKey = { kid, secret, createdAt: isoTime(now) };
  return { row, shown };
}

/** Adds a secret; older ones stay valid until retired, so hosts can switch without downtime. */
export async function createEmbedKey(db: Database, masterKey: string, tenantId: string, by: ChangeAuthor): Promise<NewEmbedKey> {
  const { row, shown } = await newEmbedKey(masterKey, tenantId);
  await db.batch([db.insert(embedKeys).values(row), logChange(db, tenantId, by, { action: 'embed_key.created', target: shown.kid })]);
  clearTenantCache();
  return shown;
}

export function toEmbedKeyInfo(row: { kid: string; createdAt: number; revokedAt: number | null }): EmbedKeyInfo {
  return { kid: row.kid, createdAt: isoTime(row.createdAt), revokedAt: isoTimeOrNull(row.revokedAt) };
}

/** The tenant's secrets, newest first, retired ones included; never a secret itself. */
export async function listEmbedKeys(db: Database, tenantId: string): Promise<EmbedKeyInfo[]> {
  const rows = await db
    .select({ kid: embedKeys.kid, createdAt: embedKeys.createdAt, revokedAt: embedKeys.revokedAt })
    .from(embedKeys)
    .where(eq(embedKeys.tenantId, tenantId))
    .orderBy(desc(embedKeys.createdAt), desc(embedKeys.kid));
  return rows.map(toEmbedKeyInfo);
}

/** Retires a secret. Refuses to retire the last active one, which would lock every host page out. */
export async function retireEmbedKey(db: Database, tenantId: string, kid: string, by: ChangeAuthor): Promise<EmbedKeyInfo> {
  const active = await db
    .select({ kid: embedKeys.kid })
    .from(embedKeys)
    .where(and(eq(embedKeys.tenantId, tenantId), isNull(embedKeys.revokedAt)));
  if (!active.some((k) => k.kid === kid)) throw notFound('not_found.active_embed_secret', { id: kid });
  if (active.length === 1) throw new ApiError(409, 'conflict.last_embed_secret', { kid });
  const [[row]] = await db.batch([
    db
      .update(embedKeys)
      .set({ revokedAt: Date.now() })
      .where(and(eq(embedKeys.tenantId, tenantId), eq(embedKeys.kid, kid)))
      .returning(),
    logChange(db, tenantId, by, { action: 'embed_key.retired', target: kid }, { ifChanged: true }),
  ]);
  clearTenantCache();
  if (!row) throw notFound('not_found.embed_secret', { id: kid });
  return toEmbedKeyInfo(row);
}
