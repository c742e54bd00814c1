import type { TestProject } from 'vitest/node';
import { startDevServer } from '../packages/worker/scripts/dev-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startDevServer();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
