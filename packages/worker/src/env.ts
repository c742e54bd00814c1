import type { Viewer } from './auth/viewer.ts';
import type { Database } from './db/client.ts';
import type { DeliveryMessage } from './delivery/messages.ts';
import type { ThreadLive } from './live/thread-live.ts';
import type { Tenant } from './store/tenants.ts';

/** Bindings and variables, as configured in wrangler.jsonc and `.dev.vars`. */
export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /**
   * `development` in the development Worker (src/dev/index.ts, which alone contains the demo page
   * and token minting); anything else is production.
   */
  BRIDGEKIT_ENV: string;
  /** Base64url AES-256 key that encrypts tenants' embed secrets at rest in D1 (a Worker secret). */
  BRIDGEKIT_SECRET_KEY: string;
  /** The deployment operator's token for the admin API (creating tenants); off when unset. */
  BRIDGEKIT_ADMIN_TOKEN?: string;
  /**
   * The admin console's origins (the docs site): a comma list of exact origins, allowed by CORS
   * on `/v1/admin/*` and every tenant's routes, and as the sign-in window's opener. Unset: none.
   */
  BRIDGEKIT_CONSOLE_ORIGINS?: string;
  /** Development only: the demo tenant's embed secret, written (encrypted) by the seed. */
  DEMO_EMBED_SECRET?: string;
  /** Development only: where `pnpm dev` serves the example intranet (the demo page links to it). */
  BRIDGEKIT_EXAMPLES_ORIGIN?: string;
  /** Development only: `off` disables rate limits (the benchmark's load would trip them). */
  BRIDGEKIT_RATE_LIMITS?: string;
  /** Writes per person or API key (per client address for anonymous callers) per minute. */
  USER_WRITE_LIMIT?: RateLimit;
  /** Writes per client IP per minute; generous, since a whole office may share one address. */
  IP_WRITE_LIMIT?: RateLimit;
  /** Board and card exports per caller per minute. */
  EXPORT_LIMIT?: RateLimit;
  /** Searches (cards, similar ideas, @mention look-up) per caller per minute. */
  SEARCH_LIMIT?: RateLimit;
  /** Live-update tickets per caller per minute. */
  LIVE_TICKET_LIMIT?: RateLimit;
  /** One Durable Object per thread, for live updates (src/live/thread-live.ts). */
  THREAD_LIVE?: DurableObjectNamespace<ThreadLive>;
  /**
   * The delivery queue (webhooks, e-mail, digests; src/delivery/). Without it events stay in the
   * outbox (`events.dispatched_at` null) and nothing is sent.
   */
  EVENTS?: Queue<DeliveryMessage>;
}

/** What middleware puts on the context for the handlers of a tenant's routes. */
export interface Variables {
  tenant: Tenant;
  viewer: Viewer;
  db: Database;
  /** Names the request in the log and in the `x-request-id` header (errors.ts `requestIdOf`). */
  requestId: string;
  /** Development only: the demo people the sign-in window offers (set by src/dev/index.ts). */
  demoPeople?: readonly DemoPerson[];
}

/** A demo person as the sign-in window shows them; the development Worker mints their tokens. */
export interface DemoPerson {
  key: string;
  name: string;
  businessUnit: string;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}

export function isDevelopment(env: Pick<Bindings, 'BRIDGEKIT_ENV'>): boolean {
  return env.BRIDGEKIT_ENV === 'development';
}
