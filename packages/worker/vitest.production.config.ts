import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_BINDINGS } from './test/bindings.ts';

// The same Worker with wrangler.jsonc's top-level (production) configuration.
export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        bindings: { ...TEST_BINDINGS, TEST_MIGRATIONS: await readD1Migrations(new URL('./migrations', import.meta.url).pathname) },
      },
    }),
  ],
  test: {
    name: 'worker-production',
    include: ['test/production/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
  },
}));
