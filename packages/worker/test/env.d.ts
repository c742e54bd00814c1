import type { Bindings } from '../src/env.ts';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
      TEST_OIDC_PRIVATE_JWK: string;
      TEST_OIDC_UNPUBLISHED_JWK: string;
      TEST_OIDC_PUBLIC_JWK: string;
    }
    interface GlobalProps {
      mainModule: typeof import('../src/index.ts');
    }
  }
}
