import type { Viewer } from './auth/viewer.ts';
import type { Tenant } from './store/tenants.ts';

/** Bindings and variables, as configured in wrangler.jsonc and `.dev.vars`. */
export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /** `development` enables the demo page and token minting; anything else is production. */
  BRIDGEKIT_ENV: string;
  /** Base64url AES-256 key that encrypts tenants' embed secrets at rest in D1 (a Worker secret). */
  BRIDGEKIT_SECRET_KEY: string;
  /** Development only: the demo tenant's embed secret, written (encrypted) by the seed. */
  DEMO_EMBED_SECRET?: string;
}

/** What middleware puts on the context for the handlers of a tenant's routes. */
export interface Variables {
  tenant: Tenant;
  viewer: Viewer;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}

export function isDevelopment(env: Pick<Bindings, 'BRIDGEKIT_ENV'>): boolean {
  return env.BRIDGEKIT_ENV === 'development';
}
