import { createTenantAdmin, type TenantAdmin } from './admin.ts';
import { type CallOptions, createTransport, type Middleware, type TokenSource } from './http.ts';
import type { Board, Idea, IdeaSort, NewIdea, Page, Viewer, VoteState } from './types.ts';

export interface ClientOptions {
  /** Origin of the Bridgekit Worker, e.g. `https://bridgekit.example.com` (a trailing `/v1` is fine). */
  baseUrl: string;
  /** Tenant slug, e.g. `demo`. */
  tenant: string;
  /** The signed-in user's token, or a callback that returns one. Omit for read-only access. */
  token?: TokenSource;
  /**
   * Replaces the global `fetch`: inject a Worker's `fetch`, a test server's handler, or a
   * fetch with your own agent. Receives a fully built `Request`.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  middleware?: Middleware[];
}

export interface ListIdeasOptions extends CallOptions {
  board: string;
  sort?: IdeaSort;
  /** `nextCursor` from the previous page. */
  cursor?: string | null;
  /** Page size, 1–100 (default 20). */
  limit?: number;
}

export interface CreateIdeaOptions extends NewIdea, CallOptions {
  board: string;
}

/** The typed Bridgekit client. Create one per tenant and user with {@link createClient}. */
export interface BridgekitClient {
  /** Who the API believes the caller is. */
  me(options?: CallOptions): Promise<Viewer>;
  boards: {
    list(options?: CallOptions): Promise<Board[]>;
    get(slug: string, options?: CallOptions): Promise<Board>;
  };
  ideas: {
    /** One page of a board's ideas, each with the caller's own vote state. */
    list(options: ListIdeasOptions): Promise<Page<Idea>>;
    /** Every idea of a board, page by page. */
    iterate(options: Omit<ListIdeasOptions, 'cursor'>): AsyncGenerator<Idea, void, undefined>;
    create(options: CreateIdeaOptions): Promise<Idea>;
    get(id: string, options?: CallOptions): Promise<Idea>;
    /** Back an idea. Idempotent: voting twice counts once. */
    vote(id: string, options?: CallOptions): Promise<VoteState>;
    /** Withdraw support. Idempotent. */
    unvote(id: string, options?: CallOptions): Promise<VoteState>;
    /** Remove an idea and its votes. Takes the moderator role. */
    remove(id: string, options?: CallOptions): Promise<void>;
  };
  /** The tenant's configuration. Takes the admin role (or an API key with the `admin` scope). */
  admin: TenantAdmin;
}

/**
 * Creates a client for one tenant of a Bridgekit Worker. No runtime dependencies: works in
 * browsers, Node.js 22+ and Workers.
 *
 * @example
 * import { createClient } from '@bridgekit/sdk';
 * const bk = createClient({ baseUrl: 'https://bridgekit.example.com', tenant: 'acme', token: () => getToken() });
 * const { items } = await bk.ideas.list({ board: 'general', sort: 'top' });
 * await bk.ideas.vote(items[0].id);
 */
export function createClient(options: ClientOptions): BridgekitClient {
  const http = createTransport({ ...options, pathPrefix: `/v1/tenants/${encodeURIComponent(options.tenant)}` });
  const seg = encodeURIComponent;

  const ideas: BridgekitClient['ideas'] = {
    list: ({ board, sort, cursor, limit, signal }) =>
      http.request('GET', `/boards/${seg(board)}/ideas`, { query: { sort, cursor: cursor ?? undefined, limit }, signal }),
    async *iterate({ board, sort, limit, signal }) {
      let cursor: string | null = null;
      do {
        const page: Page<Idea> = await ideas.list({ board, sort, cursor, limit, signal } as ListIdeasOptions);
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor);
    },
    create: ({ board, title, description, signal }) =>
      http.request('POST', `/boards/${seg(board)}/ideas`, { body: { title, description: description ?? '' }, signal }),
    get: (id, o) => http.request('GET', `/ideas/${seg(id)}`, { signal: o?.signal }),
    vote: (id, o) => http.request('PUT', `/ideas/${seg(id)}/vote`, { signal: o?.signal }),
    unvote: (id, o) => http.request('DELETE', `/ideas/${seg(id)}/vote`, { signal: o?.signal }),
    remove: (id, o) => http.request('DELETE', `/ideas/${seg(id)}`, { signal: o?.signal }),
  };

  return {
    me: (o) => http.request('GET', '/me', { signal: o?.signal }),
    boards: {
      list: async (o) => (await http.request<{ items: Board[] }>('GET', '/boards', { signal: o?.signal })).items,
      get: (slug, o) => http.request('GET', `/boards/${seg(slug)}`, { signal: o?.signal }),
    },
    ideas,
    admin: createTenantAdmin(http),
  };
}
