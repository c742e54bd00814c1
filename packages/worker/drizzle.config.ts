import { defineConfig } from 'drizzle-kit';

// Only generates SQL; wrangler applies it (`wrangler d1 migrations apply`), so no credentials here.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './migrations',
});
