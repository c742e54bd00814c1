/**
 * Who is calling, and what they may do. Every route decides with these helpers; none looks at
 * credentials itself.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { userRoles } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { apiKeySubject } from './subjects.ts';

export type Role = 'member' | 'evaluator' | 'moderator' | 'admin';
export type ApiKeyScope = 'read' | 'write' | 'admin';

const RANK: Record<Role, number> = { member: 0, evaluator: 1, moderator: 2, admin: 3 };
const higherRole = (a: Role, b: Role): Role => (RANK[a] >= RANK[b] ? a : b);

/** The person (or automation) a write is recorded under. */
export interface Actor {
  subject: string;
  name: string;
  email: string | null;
  businessUnit: string | null;
}

/** A person signed in with an embed token or an OIDC access token. */
export interface UserViewer extends Actor {
  kind: 'user';
  via: 'embed' | 'oidc';
  /** The role from the token's claims (the tenant's role mapping); grants may raise it. */
  claimRole: Role;
  /** Whether the token's claims make the person a CIO (the role mapping's `cio` values); a grant may too. */
  claimCio?: boolean;
}

/** A server-to-server API key; writes are recorded under `apikey:<id>` with the key's name. */
export interface ApiKeyViewer {
  kind: 'apiKey';
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
}

/** The operator of this Bridgekit deployment (the BRIDGEKIT_ADMIN_TOKEN secret). */
export interface PlatformViewer {
  kind: 'platform';
}

export type Viewer = { kind: 'anonymous' } | UserViewer | ApiKeyViewer | PlatformViewer;

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

const hasScope = (viewer: ApiKeyViewer, scope: ApiKeyScope) =>
  viewer.scopes.includes(scope) || viewer.scopes.includes('admin') || (scope === 'read' && viewer.scopes.includes('write'));

/** The actor a write is recorded under, or a 401/403 that says what is missing. */
export function requireWriter(viewer: Viewer, action: string): Actor {
  switch (viewer.kind) {
    case 'user':
      return viewer;
    case 'apiKey':
      if (!hasScope(viewer, 'write')) {
        throw new ApiError(403, 'forbidden.api_key_write', { action });
      }
      return { subject: apiKeySubject(viewer.keyId), name: viewer.name, email: null, businessUnit: null };
    case 'platform':
      throw new ApiError(403, 'forbidden.platform_token', { action });
    default:
      throw new ApiError(401, 'unauthorized.sign_in', { action });
  }
}

/** The roles that are levels (a person has at most one granted); `cio` is granted besides them. */
export const LEVEL_GRANTS = ['evaluator', 'moderator', 'admin'] as const satisfies readonly Role[];

/** The level an admin granted a subject, as a statement to run alone or inside a batch. */
export function selectGrantedRole(db: Database, tenantId: string, subject: string) {
  return db
    .select({ role: sql<Exclude<Role, 'member'>>`${userRoles.role}` })
    .from(userRoles)
    .where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.subject, subject), inArray(userRoles.role, LEVEL_GRANTS)));
}

/** The viewer's effective role, given what `selectGrantedRole` found for them (if anything). */
export function effectiveRole(viewer: Viewer, granted: Role | undefined): Role | null {
  switch (viewer.kind) {
    case 'user':
      return viewer.claimRole === 'admin' ? 'admin' : higherRole(viewer.claimRole, granted ?? 'member');
    case 'apiKey':
      return hasScope(viewer, 'admin') ? 'admin' : null;
    case 'platform':
      return 'admin';
    default:
      return null;
  }
}

export const hasRole = (actual: Role | null, role: Role) => actual !== null && RANK[actual] >= RANK[role];

/** The viewer's effective role in the tenant (one small query, made only when a route needs a role). */
export async function roleOf(db: Database, tenantId: string, viewer: Viewer): Promise<Role | null> {
  const needsGrant = viewer.kind === 'user' && viewer.claimRole !== 'admin';
  const granted = needsGrant ? (await selectGrantedRole(db, tenantId, viewer.subject).get())?.role : undefined;
  return effectiveRole(viewer, granted);
}

/**
 * The signed-in person, or 401 (nobody) / 403 (an API key, the platform token): what is a
 * person's own — their notifications, what they follow, their data — belongs to no automation.
 */
export function requirePerson(viewer: Viewer, action: string): UserViewer {
  if (viewer.kind === 'user') return viewer;
  if (viewer.kind === 'anonymous') throw new ApiError(401, 'unauthorized.sign_in', { action });
  throw new ApiError(403, 'forbidden.not_a_person', { action });
}

/** Throws 401 for nobody and 403 for someone without `role`. */
export async function requireRole(
  db: Database,
  tenantId: string,
  viewer: Viewer,
  role: Exclude<Role, 'member'>,
  action: string,
): Promise<void> {
  if (viewer.kind === 'anonymous') {
    throw new ApiError(401, 'unauthorized.sign_in', { action });
  }
  const actual = await roleOf(db, tenantId, viewer);
  if (hasRole(actual, role)) return;
  throw viewer.kind === 'apiKey'
    ? new ApiError(403, 'forbidden.api_key_role', { action, role })
    : new ApiError(403, 'forbidden.role', { current: actual ?? 'no role', action, role });
}

export function requireReader(viewer: Viewer, anonymousRead: boolean, tenantSlug: string): void {
  if (viewer.kind === 'anonymous' && !anonymousRead) {
    throw new ApiError(401, 'unauthorized.read', { tenant: tenantSlug });
  }
  if (viewer.kind === 'apiKey' && !hasScope(viewer, 'read')) {
    throw new ApiError(403, 'forbidden.api_key_read', {});
  }
}

/** How an admin action is recorded (`createdBy`, `grantedBy`). */
export function auditName(viewer: Viewer): string {
  switch (viewer.kind) {
    case 'user':
      return viewer.subject;
    case 'apiKey':
      return apiKeySubject(viewer.keyId);
    default:
      return viewer.kind;
  }
}
