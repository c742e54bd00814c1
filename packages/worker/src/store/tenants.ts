import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { embedKeys, tenants } from '../db/schema.ts';

export interface EmbedKey {
  kid: string;
  secretCiphertext: string;
  createdAt: number;
}

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  /** Newest first. */
  embedKeys: EmbedKey[];
}

/**
 * How long an isolate may reuse a tenant's settings before reading them again. Every request
 * needs them first, before any other query, so caching saves a D1 round trip per request;
 * a change (a new embed secret, a removed tenant) reaches every isolate within this time.
 */
export const TENANT_CACHE_MS = 30_000;
const tenantCache = new Map<string, { tenant: Tenant; until: number }>();

export function clearTenantCache(): void {
  tenantCache.clear();
}

/** The tenant and its embed keys: from this isolate's cache, or in one query. */
export async function findTenantBySlug(db: Database, slug: string, now = Date.now()): Promise<Tenant | null> {
  const cached = tenantCache.get(slug);
  if (cached && cached.until > now) return cached.tenant;
  const tenant = await loadTenant(db, slug);
  if (tenant) {
    if (tenantCache.size > 10_000) tenantCache.clear();
    tenantCache.set(slug, { tenant, until: now + TENANT_CACHE_MS });
  } else {
    tenantCache.delete(slug);
  }
  return tenant;
}

async function loadTenant(db: Database, slug: string): Promise<Tenant | null> {
  const rows = await db
    .select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      kid: embedKeys.kid,
      secretCiphertext: embedKeys.secretCiphertext,
      keyCreatedAt: embedKeys.createdAt,
    })
    .from(tenants)
    .leftJoin(embedKeys, eq(embedKeys.tenantId, tenants.id))
    .where(eq(tenants.slug, slug));
  const first = rows[0];
  if (!first) return null;
  const keys: EmbedKey[] = [];
  for (const row of rows) {
    if (row.kid && row.secretCiphertext && row.keyCreatedAt !== null) {
      keys.push({ kid: row.kid, secretCiphertext: row.secretCiphertext, createdAt: row.keyCreatedAt });
    }
  }
  keys.sort((a, b) => b.createdAt - a.createdAt);
  return { id: first.id, slug: first.slug, name: first.name, embedKeys: keys };
}
