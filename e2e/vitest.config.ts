import { defineConfig } from 'vitest/config';

// End-to-end: the `pnpm dev` server (built assets, local D1, demo seed) driven by real Chromium
// and by the SDK from Node.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['./global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
