import type { DemandClassDefinition, ItemPages, ModerationSettings, RoleMapping } from '@bridgekit/sdk';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { embedKeys, oidcProviders, tenantOrigins, tenants } from '../db/schema.ts';
import { demandClassesOf } from '../domain/demand-classes.ts';
import { withDefaults } from '../moderation/pipeline.ts';

export interface EmbedKey {
  kid: string;
  secretCiphertext: string;
  createdAt: number;
}

export type OidcProvider = typeof oidcProviders.$inferSelect;

/** Everything a request needs to know about its tenant before it runs. */
export interface Tenant {
  id: string;
  slug: string;
  name: string;
  anonymousRead: boolean;
  roleMapping: RoleMapping | null;
  /** The moderation pipeline's settings, defaults filled in. */
  moderation: ModerationSettings;
  /** Active (not retired) embed keys, newest first. */
  embedKeys: EmbedKey[];
  /** Allowed browser origins (patterns). */
  origins: string[];
  oidcProviders: OidcProvider[];
  /** Where the intranet shows each kind of item (`{}` when unset). */
  itemPages: ItemPages;
  /** The demand classes ideas are sorted into (domain/demand-classes.ts). */
  demandClasses: DemandClassDefinition[];
}

/**
 * How long an isolate may reuse a tenant's settings before reading them again. Every request
 * needs them first, before any other query, so caching saves a D1 round trip per request;
 * a change (a new embed secret, a removed origin) reaches every isolate within this time.
 */
export const TENANT_CACHE_MS = 30_000;
const tenantCache = new Map<string, { tenant: Tenant; until: number }>();

export function clearTenantCache(): void {
  tenantCache.clear();
}

/** The tenant and its settings: from this isolate's cache, or in one D1 round trip. */
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
  const bySlug = eq(tenants.slug, slug);
  const [rows, keys, origins, providers] = await db.batch([
    db.select().from(tenants).where(bySlug),
    db
      .select({ kid: embedKeys.kid, secretCiphertext: embedKeys.secretCiphertext, createdAt: embedKeys.createdAt })
      .from(embedKeys)
      .innerJoin(tenants, eq(tenants.id, embedKeys.tenantId))
      .where(and(bySlug, isNull(embedKeys.revokedAt)))
      .orderBy(desc(embedKeys.createdAt), desc(embedKeys.kid)),
    db
      .select({ origin: tenantOrigins.origin })
      .from(tenantOrigins)
      .innerJoin(tenants, eq(tenants.id, tenantOrigins.tenantId))
      .where(bySlug),
    db.select({ provider: oidcProviders }).from(oidcProviders).innerJoin(tenants, eq(tenants.id, oidcProviders.tenantId)).where(bySlug),
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    anonymousRead: row.anonymousRead,
    roleMapping: row.roleMapping ?? null,
    moderation: withDefaults(row.moderation),
    embedKeys: keys,
    origins: origins.map((o) => o.origin),
    oidcProviders: providers.map((p) => p.provider),
    itemPages: row.itemPages ?? {},
    demandClasses: demandClassesOf(row.demandClasses),
  };
}
