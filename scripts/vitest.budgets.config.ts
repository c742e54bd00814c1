import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'budgets',
    include: ['budgets.test.ts', 'production-bundle.test.ts', 'fresh-clone.test.ts', 'registry.test.ts', 'new-widget.test.ts'],
    environment: 'node',
  },
});
