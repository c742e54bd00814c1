import { defineConfig } from 'vitest/config';
import { workerTestPlugin } from './test/worker-config.ts';

// Worker tests run inside workerd with a real local D1, configured from wrangler.jsonc's
// `dev` environment. Storage is isolated per test file.
export default defineConfig(async () => ({
  plugins: [await workerTestPlugin('dev')],
  test: {
    name: 'worker',
    include: ['test/**/*.test.ts'],
    exclude: ['test/production/**'],
    setupFiles: ['./test/setup.ts'],
  },
}));
