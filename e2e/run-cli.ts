import { inject } from 'vitest';
import { main } from '../packages/worker/cli/commands.ts';

/** Runs the CLI in-process against the dev server, as `pnpm bridgekit …` would, and collects what it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['--url', inject('baseUrl'), ...argv], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
  });
  return { code, stdout, stderr };
}
