import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export const DEFAULT_URL = 'http://localhost:8787';

/**
 * The credential to use: --token, then BRIDGEKIT_TOKEN, then — for a Worker on this machine —
 * the development admin token in packages/worker/.dev.vars (which `pnpm dev` creates).
 */
export function resolveToken(url: string, flag: string | undefined, env: Record<string, string | undefined>): string | undefined {
  if (flag) return flag;
  if (env.BRIDGEKIT_TOKEN) return env.BRIDGEKIT_TOKEN;
  const host = new URL(url).hostname;
  if (host !== 'localhost' && host !== '127.0.0.1') return undefined;
  try {
    return parseEnv(readFileSync(new URL('../.dev.vars', import.meta.url), 'utf8')).BRIDGEKIT_ADMIN_TOKEN;
  } catch {
    return undefined;
  }
}
