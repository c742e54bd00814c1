import { defineConfig } from 'vitest/config';

// `pnpm test` runs every project: the Worker in workerd with real D1 (development and
// production configurations), the SDK against the Worker, the widgets in Chromium against a
// running Worker, the end-to-end suite, and the bundle-size budgets.
export default defineConfig({
  test: {
    projects: [
      'packages/worker/vitest.config.ts',
      'packages/worker/vitest.production.config.ts',
      'packages/sdk/vitest.config.ts',
      'packages/widgets/vitest.config.ts',
      'e2e/vitest.config.ts',
      'scripts/vitest.budgets.config.ts',
    ],
  },
});
