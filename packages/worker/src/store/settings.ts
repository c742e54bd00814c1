/** Tenants as their admins and the platform operator see them. */
import type { CreatedTenant, ItemPages, NewTenant, TenantSettings, TenantSettingsUpdate, TenantSummary } from '@bridgekit/sdk';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client.ts';
import { embedKeys, oidcProviders, tenantOrigins, tenants } from '../db/schema.ts';
import { demandClassesOf } from '../domain/demand-classes.ts';
import { ApiError, notFound } from '../errors.ts';
import { insightSettings } from '../insights/settings.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { type ChangeAuthor, logChange, setFields } from './config-log.ts';
import { newEmbedKey, toEmbedKeyInfo } from './embed-keys.ts';
import { toProviderConfig } from './oidc-providers.ts';
import { clearTenantCache } from './tenants.ts';

/** Every setting, including retired embed secrets (never the secrets themselves): one round trip. */
export async function readSettings(db: Database, tenantId: string): Promise<TenantSettings> {
  const [rows, keys, origins, providers] = await db.batch([
    db.select().from(tenants).where(eq(tenants.id, tenantId)),
    db
      .select({ kid: embedKeys.kid, createdAt: embedKeys.createdAt, revokedAt: embedKeys.revokedAt })
      .from(embedKeys)
      .where(eq(embedKeys.tenantId, tenantId))
      .orderBy(desc(embedKeys.createdAt)),
    db
      .select({ origin: tenantOrigins.origin })
      .from(tenantOrigins)
      .where(eq(tenantOrigins.tenantId, tenantId))
      .orderBy(asc(tenantOrigins.origin)),
    db.select().from(oidcProviders).where(eq(oidcProviders.tenantId, tenantId)).orderBy(asc(oidcProviders.id)),
  ]);
  const row = rows[0];
  if (!row) throw notFound('not_found.own_tenant', {});
  return {
    slug: row.slug,
    name: row.name,
    anonymousRead: row.anonymousRead,
    roleMapping: row.roleMapping ?? null,
    origins: origins.map((o) => o.origin),
    embedKeys: keys.map(toEmbedKeyInfo),
    oidcProviders: providers.map(toProviderConfig),
    itemPages: row.itemPages ?? {},
    mail: row.mail ? { webhook: row.mail.webhook } : null,
    demandClasses: demandClassesOf(row.demandClasses),
    insights: insightSettings(row.insights),
  };
}

/** The patterns as stored: only those given; none at all is stored as null. */
function storedItemPages(pages: ItemPages): ItemPages | null {
  const given = Object.fromEntries(Object.entries(pages).filter(([, pattern]) => pattern !== undefined)) as ItemPages;
  return Object.keys(given).length > 0 ? given : null;
}

export async function updateSettings(
  db: Database,
  tenantId: string,
  update: TenantSettingsUpdate,
  by: ChangeAuthor,
): Promise<TenantSettings> {
  const set: SQLiteUpdateSetSource<typeof tenants> = {};
  if (update.name !== undefined) set.name = update.name;
  if (update.anonymousRead !== undefined) set.anonymousRead = update.anonymousRead;
  if (update.roleMapping !== undefined) set.roleMapping = update.roleMapping;
  if (update.itemPages !== undefined) set.itemPages = storedItemPages(update.itemPages);
  if (update.mail !== undefined) set.mail = update.mail && { webhook: update.mail.webhook, secret: update.mail.secret };
  if (update.demandClasses !== undefined) set.demandClasses = update.demandClasses;
  // Merged into what is stored, in the statement: each setting left out keeps its value.
  if (update.insights !== undefined)
    set.insights = sql`json_patch(coalesce(${tenants.insights}, '{}'), ${JSON.stringify(update.insights)})`;
  if (Object.keys(set).length > 0) {
    await db.batch([
      db.update(tenants).set(set).where(eq(tenants.id, tenantId)),
      logChange(db, tenantId, by, { action: 'settings.updated', target: tenantId, changes: setFields({ ...update }) }),
    ]);
    clearTenantCache();
  }
  return readSettings(db, tenantId);
}

/** Creates the tenant, its first embed secret and its allowed origins, all in one batch. */
export async function createTenant(db: Database, masterKey: string, input: NewTenant, by: ChangeAuthor): Promise<CreatedTenant> {
  const existing = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug)).get();
  if (existing) throw new ApiError(409, 'conflict.tenant_slug_taken', { slug: input.slug });
  const id = newId();
  const now = Date.now();
  const key = await newEmbedKey(masterKey, id, now);
  const origins = [...new Set(input.origins ?? [])];
  await db.batch([
    db.insert(tenants).values({ id, slug: input.slug, name: input.name, anonymousRead: input.anonymousRead ?? false, createdAt: now }),
    db.insert(embedKeys).values(key.row),
    ...origins.map((origin) => db.insert(tenantOrigins).values({ tenantId: id, origin, createdAt: now })),
    logChange(db, id, by, { action: 'tenant.created', target: id, changes: setFields({ ...input, embedKey: key.shown.kid }) }, { now }),
  ]);
  clearTenantCache();
  return { tenant: await readSettings(db, id), embedKey: key.shown };
}

export async function listTenants(db: Database): Promise<TenantSummary[]> {
  const rows = await db.select().from(tenants).orderBy(asc(tenants.slug));
  return rows.map((t) => ({ slug: t.slug, name: t.name, anonymousRead: t.anonymousRead, createdAt: isoTime(t.createdAt) }));
}
