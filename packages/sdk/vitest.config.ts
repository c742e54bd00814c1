import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_BINDINGS } from '../worker/test/bindings.ts';

// The SDK is tested against the real Worker: the tests run inside workerd next to it, with a
// real local D1, and the client's `fetch` is the Worker's own fetch handler.
export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: '../worker/wrangler.jsonc', environment: 'dev' },
      miniflare: {
        bindings: { ...TEST_BINDINGS, TEST_MIGRATIONS: await readD1Migrations(new URL('../worker/migrations', import.meta.url).pathname) },
      },
    }),
  ],
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    setupFiles: ['../worker/test/setup.ts'],
  },
}));
