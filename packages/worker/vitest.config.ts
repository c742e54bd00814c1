import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_BINDINGS } from './test/bindings.ts';

// Worker tests run inside workerd with a real local D1, configured from wrangler.jsonc's
// `dev` environment. Storage is isolated per test file.
export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc', environment: 'dev' },
      miniflare: {
        bindings: { ...TEST_BINDINGS, TEST_MIGRATIONS: await readD1Migrations(new URL('./migrations', import.meta.url).pathname) },
      },
    }),
  ],
  test: {
    name: 'worker',
    include: ['test/**/*.test.ts'],
    exclude: ['test/production/**'],
    setupFiles: ['./test/setup.ts'],
  },
}));
