import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { TestProject } from 'vitest/node';
import { startDevServer } from '../../worker/scripts/dev-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiBase: string;
    /** The demo tenant's embed secret, to sign tokens the dev route will not (expired ones). */
    demoEmbedSecret: string;
    /** The dev Worker's platform admin token (.dev.vars), for setting up what only admins can (a unit's team). */
    adminToken: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startDevServer();
  project.provide('apiBase', server.url);
  const vars = parseEnv(readFileSync(new URL('../../worker/.dev.vars', import.meta.url), 'utf8'));
  project.provide('demoEmbedSecret', vars.DEMO_EMBED_SECRET ?? '');
  project.provide('adminToken', vars.BRIDGEKIT_ADMIN_TOKEN ?? '');
  return () => server.stop();
}
