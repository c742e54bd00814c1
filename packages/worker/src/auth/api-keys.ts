/**
 * Server-to-server API keys: `bk_<id>_<secret>`. The id finds the key; only a SHA-256 hash of
 * the whole key is stored, so a database leak yields no usable key. Shown once, when created.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { apiKeys } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { toBase64Url } from '../lib/base64url.ts';
import { sha256Hex } from '../lib/digest.ts';
import { newId } from '../lib/ids.ts';
import type { Tenant } from '../store/tenants.ts';
import { secretsEqual } from './compare.ts';
import type { ApiKeyViewer } from './viewer.ts';

const KEY = /^bk_([0-9a-z]{16})_([A-Za-z0-9_-]{43})$/;
/** Last-used times are written at most this often per key. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const looksLikeApiKey = (token: string) => token.startsWith('bk_');

export async function generateApiKey(): Promise<{ id: string; key: string; hash: string }> {
  const id = newId();
  const key = `bk_${id}_${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
  return { id, key, hash: await sha256Hex(key) };
}

/**
 * The key's viewer, or a 401 that says why not. `defer` receives the last-used update, so it
 * can run after the response (ExecutionContext.waitUntil).
 */
export async function verifyApiKey(
  db: Database,
  tenant: Tenant,
  key: string,
  defer: (work: Promise<unknown>) => void,
): Promise<ApiKeyViewer> {
  const match = KEY.exec(key);
  if (!match?.[1]) throw new ApiError(401, 'invalid_token.api_key_malformed', {});
  const row = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, match[1]), eq(apiKeys.tenantId, tenant.id)))
    .get();
  if (!row || !secretsEqual(row.secretHash, await sha256Hex(key))) {
    throw new ApiError(401, 'invalid_token.api_key_unknown', { tenant: tenant.slug });
  }
  if (row.revokedAt !== null) {
    throw new ApiError(401, 'invalid_token.api_key_revoked', { name: row.name, revokedAt: new Date(row.revokedAt).toISOString() });
  }
  const now = Date.now();
  if (row.lastUsedAt === null || row.lastUsedAt < now - LAST_USED_RESOLUTION_MS) {
    defer(
      db
        .update(apiKeys)
        .set({ lastUsedAt: now })
        .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, now - LAST_USED_RESOLUTION_MS))))
        .run(),
    );
  }
  return { kind: 'apiKey', keyId: row.id, name: row.name, scopes: row.scopes };
}
