import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { loadHtmlEntities } from '../src/markdown/entities.ts';
import { seedDemo } from './helpers.ts';

// Runs before each test file (storage is per file): the real migrations, then the demo seed
// (which renders Markdown: the entity table first, as app.ts reads it before a request).
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await loadHtmlEntities(env.ASSETS);
await seedDemo();
