import type { DemandClassDefinition, ItemPages, ModerationSettings, RoleMapping } from '@bridgekit/sdk';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { cacheVersions, embedKeys, oidcProviders, tenantOrigins, tenants } from '../db/schema.ts';
import { demandClassesOf } from '../domain/demand-classes.ts';
import { withDefaults } from '../moderation/pipeline.ts';
import { TENANT_SCOPES, toVersions, type Versions } from './cache-versions.ts';

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
  /** The versions of the tables these settings were read from (store/cache-versions.ts), read with them. */
  versions: Versions;
}

/**
 * How long an isolate may reuse a tenant's settings before reading them again. Every request
 * needs them first, before any other query, so caching saves a D1 round trip per request;
 * a change (a new embed secret, a removed origin) reaches every isolate within this time. Cached
 * reads (store/read-cache.ts) check the settings' versions in their own round trip and never
 * answer with stale ones.
 */
export const TENANT_CACHE_MS = 30_000;
const tenantCache = new Map<string, { tenant: Tenant; until: number }>();

/** Forgets every tenant's settings, or one tenant's (by slug). */
export function clearTenantCache(slug?: string): void {
  if (slug === undefined) tenantCache.clear();
  else tenantCache.delete(slug);
}

/** The tenant and its settings from this isolate's cache, if it holds them still. */
export function cachedTenant(slug: string, now = Date.now()): Tenant | undefined {
  const cached = tenantCache.get(slug);
  return cached && cached.until > now ? cached.tenant : undefined;
}

/** The tenant and its settings: from this isolate's cache, or in one D1 round trip. */
export async function findTenantBySlug(db: Database, slug: string, now = Date.now()): Promise<Tenant | null> {
  const cached = cachedTenant(slug, now);
  if (cached) return cached;
  const tenant = await loadTenant(db, slug);
  if (tenant) {
    if (tenantCache.size > 10_000) tenantCache.clear();
    tenantCache.set(slug, { tenant, until: now + TENANT_CACHE_MS });
  } else {
    tenantCache.delete(slug);
  }
  return tenant;
}

/**
 * The tenant's settings read again when the versions of the tables they come from changed since
 * `tenant` was read (another isolate changed them), else null: one round trip, two if changed.
 */
export async function freshTenant(db: Database, tenant: Tenant): Promise<Tenant | null> {
  const rows = await db
    .select({ scope: cacheVersions.scope, version: cacheVersions.version })
    .from(cacheVersions)
    .where(and(eq(cacheVersions.tenantId, tenant.id), inArray(cacheVersions.scope, [...TENANT_SCOPES])));
  const versions = toVersions(TENANT_SCOPES, rows);
  if (TENANT_SCOPES.every((s) => versions[s] === tenant.versions[s])) return null;
  clearTenantCache(tenant.slug);
  return findTenantBySlug(db, tenant.slug);
}

async function loadTenant(db: Database, slug: string): Promise<Tenant | null> {
  const bySlug = eq(tenants.slug, slug);
  const [versions, rows, keys, origins, providers] = await db.batch([
    db
      .select({ scope: cacheVersions.scope, version: cacheVersions.version })
      .from(cacheVersions)
      .innerJoin(tenants, eq(tenants.id, cacheVersions.tenantId))
      .where(and(bySlug, inArray(cacheVersions.scope, [...TENANT_SCOPES]))),
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
    versions: toVersions(TENANT_SCOPES, versions),
  };
}
