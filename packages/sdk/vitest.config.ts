import { defineConfig } from 'vitest/config';
import { workerTestPlugin } from '../worker/test/worker-config.ts';

// The SDK is tested against the real Worker: the tests run inside workerd next to it, with a
// real local D1, and the client's `fetch` is the Worker's own fetch handler.
export default defineConfig(async () => ({
  plugins: [await workerTestPlugin('dev')],
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    setupFiles: ['../worker/test/setup.ts'],
  },
}));
