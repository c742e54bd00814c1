import { type SpawnOptions, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// wrangler exports no bin path; find it next to its package.json.
const wranglerBin = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin/wrangler.js');

/** Environment for every wrangler run here: no telemetry, no interactive prompts. */
// CLOUDFLARE_CF_FETCH_ENABLED=false: Miniflare would otherwise try to download `Request.cf` data on every start.
export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_LOG: process.env.WRANGLER_LOG ?? 'warn',
};

/** Starts the project's own wrangler with `args`, in the worker package. */
export function wrangler(args: string[], options: SpawnOptions = {}) {
  return spawn(process.execPath, [wranglerBin, ...args], {
    cwd: new URL('..', import.meta.url),
    env: wranglerEnv,
    stdio: 'inherit',
    ...options,
  });
}

/** Runs wrangler to completion; rejects with its exit code. */
export function runWrangler(args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = wrangler(args, options);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wrangler ${args.join(' ')} exited with ${code}`))));
  });
}
