/**
 * Starts the baseline Worker (baseline/index.ts) on its own local D1, seeded with `seedFiles`, as
 * `pnpm bench` (run.ts) and the profiler (profile.ts) compare Bridgekit against it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, killTree, waitUntilReady } from '../scripts/dev-server.ts';
import { runWrangler, wrangler } from '../scripts/wrangler.ts';

export interface BaselineServer {
  url: string;
  /** The inspector's port (Chrome DevTools Protocol; profile.ts attaches to it). */
  inspectorPort: number;
  stop(): Promise<void>;
}

export async function startBaseline(seedFiles: string[]): Promise<BaselineServer> {
  const cwd = fileURLToPath(new URL('./baseline/', import.meta.url));
  const persist = await mkdtemp(join(tmpdir(), 'bridgekit-baseline-'));
  const local = ['--local', '--persist-to', persist];
  await runWrangler(['d1', 'migrations', 'apply', 'DB', ...local], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  for (const file of seedFiles)
    await runWrangler(['d1', 'execute', 'DB', ...local, '--file', file], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const child = wrangler(
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--persist-to', persist],
    {
      cwd,
      stdio: 'ignore',
      detached: true,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await killTree(child);
    await rm(persist, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(`${url}/ideas`, child, () => '', 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, inspectorPort, stop };
}
