/**
 * The core of the member client (`@bridgekit/sdk/core`): a tenant's transport and `me`. With
 * the parts (`@bridgekit/sdk/parts`: ideas, threads, cards…) it makes what `createMemberClient`
 * returns; a bundle that imports them one by one takes only the calls it uses.
 */
import type { BridgekitMemberClient, ClientOptions } from './client.ts';
import { createTransport, type Transport } from './http.ts';

export type { Transport };

/**
 * The transport of one tenant's calls, for a client built from parts.
 *
 * @example
 * const http = memberTransport({ baseUrl: 'https://bridgekit.example.com', tenant: 'acme' });
 * const { me } = coreApi(http);
 */
export const memberTransport = (options: ClientOptions): Transport =>
  createTransport({ ...options, pathPrefix: `/v1/tenants/${encodeURIComponent(options.tenant)}` });

/** The namespaces of the member client that {@link coreApi} makes; the others come from parts. */
export type CoreNamespace = 'me';
/** What {@link coreApi} makes. */
export type CoreApi = Pick<BridgekitMemberClient, CoreNamespace>;

/**
 * A part of the member client: a function of the transport that makes some of its namespaces.
 *
 * @example
 * const client = { ...coreApi(http), ...threadsPart(http) }; // client.threads.page({ key })
 */
export type MemberPart<K extends keyof BridgekitMemberClient> = (http: Transport) => Pick<BridgekitMemberClient, K>;

/**
 * Who the API believes the caller is (`me`): what every page asks first.
 *
 * @example
 * const { me } = coreApi(memberTransport({ baseUrl, tenant: 'acme', token }));
 * const viewer = await me();
 */
export const coreApi = (http: Transport): CoreApi => ({
  me: (o) => http.request('GET', '/me', { signal: o?.signal }),
});
