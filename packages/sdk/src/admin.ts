import type { ArchiveImport, ArchiveImportResult } from './archive-types.ts';
import type { ConfigChange, ConfigLogQuery } from './config-log-types.ts';
import { type CallOptions, callOf, createTransport, type Transport, type TransportOptions } from './http.ts';
import type { Webhook, WebhookDelivery, WebhookInput, WebhookTestResult, WebhookUpdate, WebhookWithSecret } from './notify-types.ts';
import { bareHandle } from './text-rules.ts';
import type {
  ApiKeyInfo,
  ApiKeyInput,
  CreatedTenant,
  EmbedKeyInfo,
  MintedToken,
  NewApiKey,
  NewEmbedKey,
  NewTenant,
  OidcProviderConfig,
  OidcProviderInput,
  OriginInput,
  Page,
  RoleCandidate,
  RoleCandidateQuery,
  RoleGrant,
  RoleInput,
  RoleRevokeQuery,
  TenantSettings,
  TenantSettingsUpdate,
  TenantSummary,
  TokenRequestBody,
} from './types.ts';
import type { BusinessUnit, BusinessUnitUpdate, NewBusinessUnit, PersonUnit, UnitTeamInput, UnmatchedClaim } from './unit-types.ts';

/** A tenant's configuration, for its admins (or an API key with the `admin` scope). */
export interface TenantAdmin {
  settings: {
    get(options?: CallOptions): Promise<TenantSettings>;
    update(update: TenantSettingsUpdate, options?: CallOptions): Promise<TenantSettings>;
  };
  /** Embed secrets. Rotate: `create()`, move the host to the new `kid`, then `retire()` the old one. */
  embedKeys: {
    /** Newest first, retired ones included; never the secrets. */
    list(options?: CallOptions): Promise<EmbedKeyInfo[]>;
    /** The answer's `secret` is shown only once. */
    create(options?: CallOptions): Promise<NewEmbedKey>;
    retire(kid: string, options?: CallOptions): Promise<EmbedKeyInfo>;
  };
  /** Browser origins allowed to use the tenant. Each call answers the whole list. */
  origins: {
    list(options?: CallOptions): Promise<string[]>;
    add(origin: string, options?: CallOptions): Promise<string[]>;
    remove(origin: string, options?: CallOptions): Promise<string[]>;
  };
  oidcProviders: {
    list(options?: CallOptions): Promise<OidcProviderConfig[]>;
    /** Creates or replaces the provider `id`. */
    put(id: string, input: OidcProviderInput, options?: CallOptions): Promise<OidcProviderConfig>;
    remove(id: string, options?: CallOptions): Promise<void>;
  };
  apiKeys: {
    list(options?: CallOptions): Promise<ApiKeyInfo[]>;
    /** The answer's `key` is shown only once. */
    create(input: ApiKeyInput, options?: CallOptions): Promise<NewApiKey>;
    revoke(id: string, options?: CallOptions): Promise<ApiKeyInfo>;
  };
  roles: {
    list(options?: CallOptions): Promise<RoleGrant[]>;
    /** A level replaces the person's granted level; `cio` is granted besides it. */
    grant(subject: string, role: RoleInput['role'], options?: CallOptions): Promise<RoleGrant>;
    /** Takes back the granted level, or with `{ role: 'cio' }` the CIO grant alone. */
    revoke(subject: string, options?: CallOptions & RoleRevokeQuery): Promise<void>;
    /**
     * Members whose name or handle starts with `q`, with the subject a grant takes.
     *
     * @example
     * const [lee] = await bk.admin.roles.candidates('lee');
     * if (lee) await bk.admin.roles.grant(lee.subject, 'moderator');
     */
    candidates(q: string, options?: CallOptions & Omit<RoleCandidateQuery, 'q'>): Promise<RoleCandidate[]>;
  };
  /**
   * Business units (docs/business-units.md): create, change, archive; their relationship team;
   * the token claims that name no unit yet.
   *
   * @example
   * await bk.admin.units.create({ key: 'finance', name: 'Finance', aliases: ['Contoso Finance'] });
   * await bk.admin.units.setTeam('finance', { businessPartners: ['amara.okafor'], relationshipManagers: [] });
   */
  units: {
    create(input: NewBusinessUnit, options?: CallOptions): Promise<BusinessUnit>;
    update(key: string, update: BusinessUnitUpdate, options?: CallOptions): Promise<BusinessUnit>;
    /** Archives the unit: it keeps its history, takes no new people or ideas, and its aliases stop matching claims. */
    archive(key: string, options?: CallOptions): Promise<BusinessUnit>;
    /** Replaces the unit's relationship team (handles of members). */
    setTeam(key: string, team: UnitTeamInput, options?: CallOptions): Promise<BusinessUnit>;
    /** Business-unit claims of people's tokens that name no unit, most people first. */
    unmatched(options?: CallOptions): Promise<UnmatchedClaim[]>;
    /**
     * Puts the member with this handle in a unit (its key), or in none (`null`). A token whose
     * claim names a unit still wins at their next sign-in; one whose claim names none keeps this.
     */
    setPersonUnit(handle: string, unit: string | null, options?: CallOptions): Promise<PersonUnit>;
  };
  /**
   * The tenant's archive (docs/data.md). Its export is a stream: read
   * `GET /v1/tenants/{tenant}/export` with `fetch` and write it where it goes, line by line.
   */
  archive: {
    /** Imports one chunk of an archive's lines into an empty tenant; pass each answer's `continuation` with the next. */
    import(chunk: ArchiveImport, options?: CallOptions): Promise<ArchiveImportResult>;
  };
  tokens: {
    /** An embed token signed with the tenant's newest secret, for testing an integration. */
    mint(request: TokenRequestBody, options?: CallOptions): Promise<MintedToken>;
  };
  /**
   * Webhooks: events of the chosen types POSTed to a URL, signed (`Bridgekit-Signature`), as the
   * raw event, a Microsoft Teams Adaptive Card or Slack Block Kit. See docs/webhooks.md.
   */
  webhooks: {
    list(options?: CallOptions): Promise<Webhook[]>;
    /** The answer's `secret` is shown only once. */
    create(input: WebhookInput, options?: CallOptions): Promise<WebhookWithSecret>;
    /** `{ enabled: true }` re-enables a webhook disabled after repeated failures. */
    update(id: string, update: WebhookUpdate, options?: CallOptions): Promise<Webhook>;
    remove(id: string, options?: CallOptions): Promise<Webhook>;
    /** A new secret, shown only once; the previous one keeps signing too for 24 hours. */
    rotateSecret(id: string, options?: CallOptions): Promise<WebhookWithSecret>;
    /** The latest delivery attempts, newest first. */
    deliveries(id: string, options?: CallOptions): Promise<WebhookDelivery[]>;
    /** Sends a signed `ping` now and tells what the receiver answered. */
    test(id: string, options?: CallOptions): Promise<WebhookTestResult>;
  };
  /**
   * The configuration log (docs/audit-log.md): every change of the tenant's configuration, newest
   * first — who, what, when, the fields set (secrets redacted) and the request.
   *
   * @example
   * const { items } = await bk.admin.configLog({ action: 'origin.added' });
   */
  configLog(options?: CallOptions & Omit<ConfigLogQuery, 'cursor'> & { cursor?: string | null }): Promise<Page<ConfigChange>>;
}

const seg = encodeURIComponent;
const items = async <T>(promise: Promise<{ items: T[] }>) => (await promise).items;

export function createTenantAdmin(http: Transport): TenantAdmin {
  return {
    settings: {
      get: (o) => http.request('GET', '/settings', { signal: o?.signal }),
      update: (update, o) => http.request('PATCH', '/settings', { body: update, ...callOf(o) }),
    },
    embedKeys: {
      list: (o) => items(http.request('GET', '/embed-keys', { signal: o?.signal })),
      create: (o) => http.request('POST', '/embed-keys', { ...callOf(o) }),
      retire: (kid, o) => http.request('DELETE', `/embed-keys/${seg(kid)}`, { ...callOf(o) }),
    },
    origins: {
      list: (o) => items(http.request('GET', '/origins', { signal: o?.signal })),
      add: (origin, o) =>
        items(
          http.request('POST', '/origins', {
            body: { origin } satisfies OriginInput,
            ...callOf(o),
          }),
        ),
      remove: (origin, o) =>
        items(
          http.request('DELETE', '/origins', {
            query: { origin } satisfies OriginInput,
            ...callOf(o),
          }),
        ),
    },
    oidcProviders: {
      list: (o) => items(http.request('GET', '/oidc-providers', { signal: o?.signal })),
      put: (id, input, o) => http.request('PUT', `/oidc-providers/${seg(id)}`, { body: input, ...callOf(o) }),
      remove: (id, o) => http.request('DELETE', `/oidc-providers/${seg(id)}`, { ...callOf(o) }),
    },
    apiKeys: {
      list: (o) => items(http.request('GET', '/api-keys', { signal: o?.signal })),
      create: (input, o) => http.request('POST', '/api-keys', { body: input, ...callOf(o) }),
      revoke: (id, o) => http.request('DELETE', `/api-keys/${seg(id)}`, { ...callOf(o) }),
    },
    roles: {
      list: (o) => items(http.request('GET', '/roles', { signal: o?.signal })),
      grant: (subject, role, o) =>
        http.request('PUT', `/roles/${seg(subject)}`, {
          body: { role } satisfies RoleInput,
          ...callOf(o),
        }),
      revoke: (subject, o) =>
        http.request('DELETE', `/roles/${seg(subject)}`, {
          query: { role: o?.role } satisfies RoleRevokeQuery,
          ...callOf(o),
        }),
      candidates: (q, o) =>
        items(http.request('GET', '/roles/candidates', { query: { q, limit: o?.limit } satisfies RoleCandidateQuery, signal: o?.signal })),
    },
    units: {
      create: (input, o) => http.request('POST', '/units', { body: input, ...callOf(o) }),
      update: (key, update, o) => http.request('PATCH', `/units/${seg(key)}`, { body: update, ...callOf(o) }),
      archive: (key, o) => http.request('POST', `/units/${seg(key)}/archive`, { ...callOf(o) }),
      setTeam: (key, team, o) => http.request('PUT', `/units/${seg(key)}/team`, { body: team, ...callOf(o) }),
      unmatched: (o) => items(http.request('GET', '/units/unmatched', { signal: o?.signal })),
      setPersonUnit: (handle, unit, o) =>
        http.request('PUT', `/people/${seg(bareHandle(handle))}/unit`, {
          body: { unit },
          ...callOf(o),
        }),
    },
    archive: {
      import: (chunk, o) => http.request('POST', '/import', { body: chunk, ...callOf(o) }),
    },
    tokens: {
      mint: (request, o) => http.request('POST', '/tokens', { body: request, ...callOf(o) }),
    },
    webhooks: {
      list: (o) => items(http.request('GET', '/webhooks', { signal: o?.signal })),
      create: (input, o) => http.request('POST', '/webhooks', { body: input, ...callOf(o) }),
      update: (id, update, o) => http.request('PATCH', `/webhooks/${seg(id)}`, { body: update, ...callOf(o) }),
      remove: (id, o) => http.request('DELETE', `/webhooks/${seg(id)}`, { ...callOf(o) }),
      rotateSecret: (id, o) => http.request('POST', `/webhooks/${seg(id)}/rotate-secret`, { ...callOf(o) }),
      deliveries: (id, o) => items(http.request('GET', `/webhooks/${seg(id)}/deliveries`, { signal: o?.signal })),
      test: (id, o) => http.request('POST', `/webhooks/${seg(id)}/test`, { ...callOf(o) }),
    },
    configLog: (o) =>
      http.request('GET', '/config-log', {
        query: { cursor: o?.cursor ?? undefined, limit: o?.limit, action: o?.action, target: o?.target } satisfies ConfigLogQuery,
        signal: o?.signal,
      }),
  };
}

export interface PlatformClientOptions extends Omit<TransportOptions, 'pathPrefix' | 'token'> {
  /** The deployment's BRIDGEKIT_ADMIN_TOKEN. */
  token: string;
}

/** The deployment operator's client: tenants. Needs the platform admin token. */
export interface PlatformClient {
  tenants: {
    list(options?: CallOptions): Promise<TenantSummary[]>;
    /** The answer's `embedKey.secret` is shown only once. */
    create(input: NewTenant, options?: CallOptions): Promise<CreatedTenant>;
  };
}

/**
 * @example
 * const platform = createPlatformClient({ baseUrl: 'https://bridgekit.example.com', token: process.env.BRIDGEKIT_ADMIN_TOKEN! });
 * const { tenant, embedKey } = await platform.tenants.create({ slug: 'acme', name: 'Acme', origins: ['https://acme.sharepoint.com'] });
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const http = createTransport({ ...options, pathPrefix: '/v1/admin' });
  return {
    tenants: {
      list: (o) => items(http.request('GET', '/tenants', { signal: o?.signal })),
      create: (input, o) => http.request('POST', '/tenants', { body: input, ...callOf(o) }),
    },
  };
}
