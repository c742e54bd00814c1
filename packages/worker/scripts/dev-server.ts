/**
 * Starts the same server as `pnpm dev` (migrations, demo seed, `wrangler dev --env dev`) on a
 * free loopback port with its own fresh D1 state, for end-to-end tests, widget tests and
 * benchmarks. Expects `pnpm build` to have run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Node resolves `@bridgekit/sdk` to its TypeScript source under this condition (see the SDK's
 * `exports`), so scripts that import Worker modules run on a fresh clone, before any build.
 * Every `node …ts` the repository starts passes it.
 */
export const SOURCE_CONDITION = '--conditions=@bridgekit/source';

export interface DevServer {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  /** The inspector's port (Chrome DevTools Protocol; bench/profile.ts attaches to it). */
  inspectorPort: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface DevServerOptions {
  timeoutMs?: number;
  /** SQL applied after the demo seed. */
  extraSeedFile?: string;
  /** Off for load tests, whose traffic would trip them. */
  rateLimits?: boolean;
  /** The built production bundle as deployed (`dev.ts --production`) instead of the dev Worker. */
  production?: boolean;
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const persist = await mkdtemp(join(tmpdir(), 'bridgekit-dev-'));
  const url = `http://127.0.0.1:${port}`;
  const script = fileURLToPath(new URL('./dev.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [
      SOURCE_CONDITION,
      script,
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      persist,
      '--no-build',
      '--no-watch',
      '--no-examples',
      ...(options.extraSeedFile ? ['--extra-seed', options.extraSeedFile] : []),
      ...(options.rateLimits === false ? ['--no-rate-limits'] : []),
      ...(options.production ? ['--production'] : []),
    ],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));

  const stop = async () => {
    await killTree(child);
    await rm(persist, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(`${url}/v1/tenants/demo/boards`, child, () => output, options.timeoutMs ?? 300_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, inspectorPort, stop };
}

/** Polls `probeUrl` until it answers 2xx; fails early if `child` exits, with its output. */
export async function waitUntilReady(probeUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(probeUrl)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Nothing answered on ${probeUrl} in time:\n${output()}`);
}

/** Stops a process started with `detached: true` and everything it started (wrangler, workerd). */
export function killTree(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {}
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      resolve();
    }
  });
}
