import type { TestProject } from 'vitest/node';
import { startDevServer } from '../../worker/scripts/dev-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiBase: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startDevServer();
  project.provide('apiBase', server.url);
  return () => server.stop();
}
