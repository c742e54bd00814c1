import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** The demo tenant's embed secret, as the dev server (started by global-setup) seeded it. */
export const TEST_DEV_SECRET =
  parseEnv(readFileSync(new URL('../packages/worker/.dev.vars', import.meta.url), 'utf8')).DEMO_EMBED_SECRET ?? '';
