/**
 * The identity screen's forms as plain values: an OIDC provider (every field of
 * OidcProviderInput) and the tenant's role mapping as rows of claim value and role, and what
 * they send through the SDK.
 */
import type { OidcProviderConfig, OidcProviderInput, RoleMapping } from '@bridgekit/sdk';

export interface ProviderForm {
  id: string;
  issuer: string;
  jwksUri: string;
  audience: string;
  requiredScope: string;
  directoryId: string;
  /** Space-separated; empty takes the default (`tid oid` with a directory id, else `sub`). */
  subjectClaims: string;
  nameClaim: string;
  emailClaim: string;
  businessUnitClaim: string;
  signIn: boolean;
  signInClientId: string;
  signInScope: string;
  signInLabel: string;
  /** Space-separated hosts. */
  signInHosts: string;
}

export const blankProvider = (): ProviderForm => ({
  id: '',
  issuer: '',
  jwksUri: '',
  audience: '',
  requiredScope: '',
  directoryId: '',
  subjectClaims: '',
  nameClaim: 'name',
  emailClaim: '',
  businessUnitClaim: '',
  signIn: false,
  signInClientId: '',
  signInScope: '',
  signInLabel: '',
  signInHosts: '',
});

export function providerForm(p: OidcProviderConfig): ProviderForm {
  return {
    id: p.id,
    issuer: p.issuer,
    jwksUri: p.jwksUri,
    audience: p.audience,
    requiredScope: p.requiredScope ?? '',
    directoryId: p.directoryId ?? '',
    subjectClaims: p.subjectClaims.join(' '),
    nameClaim: p.nameClaim,
    emailClaim: p.emailClaim ?? '',
    businessUnitClaim: p.businessUnitClaim ?? '',
    signIn: p.signIn !== null,
    signInClientId: p.signIn?.clientId ?? '',
    signInScope: p.signIn?.scope ?? '',
    signInLabel: p.signIn?.label ?? '',
    signInHosts: (p.signIn?.endpointHosts ?? []).join(' '),
  };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const orNull = (text: string) => text.trim() || null;

/** What `oidcProviders.put` takes: empty optional fields as `null` (or left out, for the defaults). */
export function providerInput(form: ProviderForm): OidcProviderInput {
  const subjectClaims = words(form.subjectClaims);
  const hosts = words(form.signInHosts);
  return {
    issuer: form.issuer.trim(),
    jwksUri: form.jwksUri.trim(),
    audience: form.audience.trim(),
    requiredScope: orNull(form.requiredScope),
    directoryId: orNull(form.directoryId),
    ...(subjectClaims.length > 0 ? { subjectClaims } : {}),
    ...(form.nameClaim.trim() ? { nameClaim: form.nameClaim.trim() } : {}),
    emailClaim: orNull(form.emailClaim),
    businessUnitClaim: orNull(form.businessUnitClaim),
    signIn: form.signIn
      ? {
          clientId: form.signInClientId.trim(),
          scope: form.signInScope.trim(),
          label: form.signInLabel.trim(),
          ...(hosts.length > 0 ? { endpointHosts: hosts } : {}),
        }
      : null,
  };
}

export type MappedRole = 'evaluator' | 'moderator' | 'admin' | 'cio';

export const MAPPED_ROLES: { value: MappedRole; label: string }[] = [
  { value: 'evaluator', label: 'Evaluator' },
  { value: 'moderator', label: 'Moderator' },
  { value: 'admin', label: 'Admin' },
  { value: 'cio', label: 'CIO (besides the role)' },
];

/** One row of the mapping: a claim value and the role it gives. */
export interface MappingRow {
  value: string;
  role: MappedRole;
}

export interface MappingForm {
  claim: string;
  rows: MappingRow[];
  applyToEmbedTokens: boolean;
}

export const blankMapping = (): MappingForm => ({ claim: 'roles', rows: [], applyToEmbedTokens: false });

export function mappingForm(mapping: RoleMapping | null): MappingForm {
  if (!mapping) return blankMapping();
  const rows = MAPPED_ROLES.flatMap(({ value: role }) => (mapping[role] ?? []).map((value) => ({ value, role })));
  return { claim: mapping.claim, rows, applyToEmbedTokens: mapping.applyToEmbedTokens ?? false };
}

/**
 * The mapping the settings take, and where each value went (`roleMapping.moderator.0` → its
 * row), so an error the Worker gives for a value is shown at its row.
 */
export function roleMapping(form: MappingForm): { mapping: RoleMapping; rowOf: Record<string, number> } {
  const lists: Record<MappedRole, string[]> = { evaluator: [], moderator: [], admin: [], cio: [] };
  const rowOf: Record<string, number> = {};
  form.rows.forEach((row, index) => {
    const list = lists[row.role];
    rowOf[`roleMapping.${row.role}.${list.length}`] = index;
    list.push(row.value.trim());
  });
  return {
    mapping: { claim: form.claim.trim(), ...lists, applyToEmbedTokens: form.applyToEmbedTokens },
    rowOf,
  };
}
