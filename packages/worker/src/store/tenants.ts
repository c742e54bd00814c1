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

/** The tenant and its embed keys, in one query. */
export async function findTenantBySlug(db: Database, slug: string): Promise<Tenant | null> {
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
