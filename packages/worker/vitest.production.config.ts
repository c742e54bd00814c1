import { defineConfig } from 'vitest/config';
import { workerTestPlugin } from './test/worker-config.ts';

// The same Worker with wrangler.jsonc's top-level (production) configuration.
export default defineConfig(async () => ({
  plugins: [await workerTestPlugin(undefined)],
  test: {
    name: 'worker-production',
    include: ['test/production/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
  },
}));
