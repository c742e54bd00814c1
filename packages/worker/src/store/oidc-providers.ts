import type { OidcProviderConfig, OidcProviderInput } from '@bridgekit/sdk';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { oidcProviders } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import { type ChangeAuthor, logChange, setFields } from './config-log.ts';
import { clearTenantCache } from './tenants.ts';

type Row = typeof oidcProviders.$inferSelect;

export function toProviderConfig(row: Row): OidcProviderConfig {
  return {
    id: row.id,
    issuer: row.issuer,
    jwksUri: row.jwksUri,
    audience: row.audience,
    requiredScope: row.requiredScope,
    directoryId: row.directoryId,
    subjectClaims: row.subjectClaims,
    nameClaim: row.nameClaim,
    emailClaim: row.emailClaim,
    businessUnitClaim: row.businessUnitClaim,
    signIn: row.signIn,
  };
}

export async function listProviders(db: Database, tenantId: string): Promise<OidcProviderConfig[]> {
  const rows = await db.select().from(oidcProviders).where(eq(oidcProviders.tenantId, tenantId)).orderBy(asc(oidcProviders.id));
  return rows.map(toProviderConfig);
}

/** Creates or replaces the provider `id`. An Entra ID provider (with a directory id) is keyed by `tid` + `oid`. */
export async function putProvider(
  db: Database,
  tenantId: string,
  id: string,
  input: OidcProviderInput,
  by: ChangeAuthor,
): Promise<OidcProviderConfig> {
  const values = {
    issuer: input.issuer,
    jwksUri: input.jwksUri,
    audience: input.audience,
    requiredScope: input.requiredScope ?? null,
    directoryId: input.directoryId ?? null,
    subjectClaims: input.subjectClaims ?? (input.directoryId ? ['tid', 'oid'] : ['sub']),
    nameClaim: input.nameClaim ?? 'name',
    emailClaim: input.emailClaim ?? null,
    businessUnitClaim: input.businessUnitClaim ?? null,
    signIn: input.signIn ?? null,
  };
  const clash = await db
    .select({ id: oidcProviders.id })
    .from(oidcProviders)
    .where(and(eq(oidcProviders.tenantId, tenantId), eq(oidcProviders.issuer, input.issuer)))
    .get();
  if (clash && clash.id !== id) {
    throw new ApiError(409, 'conflict.issuer_taken', { provider: clash.id, issuer: input.issuer });
  }
  const [[row]] = await db.batch([
    db
      .insert(oidcProviders)
      .values({ tenantId, id, ...values })
      .onConflictDoUpdate({ target: [oidcProviders.tenantId, oidcProviders.id], set: values })
      .returning(),
    logChange(db, tenantId, by, { action: 'identity_provider.saved', target: id, changes: setFields(values) }),
  ]);
  clearTenantCache();
  if (!row) throw new Error('upsert returned no row');
  return toProviderConfig(row);
}

export async function removeProvider(db: Database, tenantId: string, id: string, by: ChangeAuthor): Promise<void> {
  const [removed] = await db.batch([
    db
      .delete(oidcProviders)
      .where(and(eq(oidcProviders.tenantId, tenantId), eq(oidcProviders.id, id)))
      .returning(),
    logChange(db, tenantId, by, { action: 'identity_provider.removed', target: id }, { ifChanged: true }),
  ]);
  if (removed.length === 0) throw notFound('not_found.oidc_provider', { id });
  clearTenantCache();
}
