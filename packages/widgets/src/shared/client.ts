/**
 * The SDK client the elements call (`BridgekitElement.client`): the full member client's type,
 * but only its core (the transport and `me`) on every page. An element that needs
 * another group of calls for its first screen provides its part up front ({@link usePart});
 * any other group loads the first time one of its calls is made, so no call can go missing.
 */
import type { BridgekitMemberClient, ClientOptions } from '@bridgekit/sdk';
import { coreApi, memberTransport, type Transport } from '@bridgekit/sdk/core';
import { BridgekitError } from '@bridgekit/sdk/errors';

/** A part of the client (`MemberPart`): some of its namespaces, made over the transport. */
type Part = (http: Transport) => object;
type Call = (...args: unknown[]) => unknown;

const ideas = () => import('@bridgekit/sdk/parts/ideas').then((m) => m.ideasPart);
const threads = () => import('@bridgekit/sdk/parts/threads').then((m) => m.threadsPart);
const cards = () => import('@bridgekit/sdk/parts/cards').then((m) => m.cardsPart);
const notifications = () => import('@bridgekit/sdk/parts/notifications').then((m) => m.notificationsPart);
const discovery = () => import('@bridgekit/sdk/parts/discovery').then((m) => m.discoveryPart);
/** Which part makes each namespace that is not in the core: each a chunk of its own. */
const LOADERS: Record<string, () => Promise<Part>> = {
  boards: ideas,
  ideas,
  units: ideas,
  threads,
  comments: threads,
  moderation: threads,
  users: threads,
  cards,
  templates: cards,
  practiceAreas: cards,
  notifications,
  subscriptions: notifications,
  people: discovery,
  search: discovery,
  related: discovery,
  privacy: () => import('@bridgekit/sdk/parts/privacy').then((m) => m.privacyPart),
  health: () => import('@bridgekit/sdk/parts/health').then((m) => m.healthPart),
  objectives: () => import('@bridgekit/sdk/parts/objectives').then((m) => m.objectivesPart),
  intake: () => import('@bridgekit/sdk/parts/intake').then((m) => m.intakePart),
  insights: () => import('@bridgekit/sdk/parts/insights').then((m) => m.insightsPart),
  value: () => import('@bridgekit/sdk/parts/value').then((m) => m.valuePart),
};

const provided = new Set<Part>();

/** Offline, a part's chunk fails to load as a request would: said the same way. */
export const partLoadFailed = (cause: unknown) =>
  new BridgekitError(0, 'network_error', 'Could not load the Bridgekit client.', [], { cause });

/**
 * Puts a part of the SDK client (`threadsPart`, `cardsPart`… of `@bridgekit/sdk/parts`) in the
 * calling element's chunk: for calls its first screen makes, which should not wait for a chunk.
 *
 * @example
 * usePart(threadsPart);
 */
export function usePart(part: Part): void {
  provided.add(part);
}

/**
 * A member client over the core and the parts provided or loaded so far.
 *
 * @example
 * const client = memberClient({ baseUrl: 'https://bridgekit.example.com', tenant: 'acme' });
 * await client.threads.counts(refs); // loads the threads part first, unless provided
 */
export function memberClient(options: ClientOptions): BridgekitMemberClient {
  const http = memberTransport(options);
  const api: Record<string, unknown> = { ...coreApi(http) };
  const applied = new Set<Part>();
  const apply = (part: Part) => {
    if (!applied.has(part)) Object.assign(api, part(http));
    applied.add(part);
  };
  return new Proxy(api, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return Reflect.get(target, name);
      for (const part of provided) apply(part);
      if (name in target) return target[name];
      const load = LOADERS[name];
      if (!load) return undefined;
      const ready = async (): Promise<Record<string, unknown>> => {
        let part: Part;
        try {
          part = await load();
        } catch (cause) {
          throw partLoadFailed(cause);
        }
        apply(part);
        return target;
      };
      // A namespace (`client.cards.get(id)`) or a call (`client.practiceAreas()`): either waits for its part.
      return new Proxy(() => {}, {
        get: (_, method) =>
          typeof method !== 'string' || method === 'then'
            ? undefined
            : (...args: unknown[]) => ready().then((api) => (api[name] as Record<string, Call>)[method]?.(...args)),
        apply: (_, __, args: unknown[]) => ready().then((api) => (api[name] as Call)(...args)),
      });
    },
  }) as unknown as BridgekitMemberClient;
}
