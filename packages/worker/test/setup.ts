import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { seedDemo } from './helpers.ts';

// Runs before each test file (storage is per file): the real migrations, then the demo seed.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seedDemo();
