import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

const devVars = parseEnv(readFileSync(new URL('../packages/worker/.dev.vars', import.meta.url), 'utf8'));

/** The demo tenant's embed secret, as the dev server (started by global-setup) seeded it. */
export const TEST_DEV_SECRET = devVars.DEMO_EMBED_SECRET ?? '';

/** The platform admin token of the development Worker. */
export const TEST_ADMIN_TOKEN = devVars.BRIDGEKIT_ADMIN_TOKEN ?? '';
