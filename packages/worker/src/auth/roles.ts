import type { RoleMapping } from '@bridgekit/sdk';
import type { Role } from './viewer.ts';

/** The values of the mapping's claim in a token. */
function claimValues(claims: Record<string, unknown>, mapping: RoleMapping): string[] {
  const raw = claims[mapping.claim];
  return Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
}

/** The role a token's claims give under the tenant's mapping (`member` without one). */
export function roleFromClaims(claims: Record<string, unknown>, mapping: RoleMapping | null): Role {
  if (!mapping) return 'member';
  const values = claimValues(claims, mapping);
  if (values.some((v) => mapping.admin.includes(v))) return 'admin';
  if (values.some((v) => mapping.moderator.includes(v))) return 'moderator';
  if (values.some((v) => mapping.evaluator?.includes(v))) return 'evaluator';
  return 'member';
}

/** Whether a token's claims make the person a CIO under the tenant's mapping (its `cio` values). */
export function cioFromClaims(claims: Record<string, unknown>, mapping: RoleMapping | null): boolean {
  if (!mapping?.cio?.length) return false;
  const cio = mapping.cio;
  return claimValues(claims, mapping).some((v) => cio.includes(v));
}

/** Whether an embed token's claims make the person a CIO: as {@link embeddedRole}, only when the tenant opted in. */
export function embeddedCio(claims: Record<string, unknown>, mapping: RoleMapping | null): boolean {
  return mapping?.applyToEmbedTokens === true && cioFromClaims(claims, mapping);
}

/**
 * The role an embed token's claims give: through the mapping only when the tenant opted in
 * (`applyToEmbedTokens`), since a mapping is usually written for an identity provider's claims
 * and an embed secret would otherwise also be a way to make anyone an admin. Without it, embed
 * people are members unless an admin granted them a role (which is recorded with who granted it).
 */
export function embeddedRole(claims: Record<string, unknown>, mapping: RoleMapping | null): Role {
  return mapping?.applyToEmbedTokens === true ? roleFromClaims(claims, mapping) : 'member';
}
