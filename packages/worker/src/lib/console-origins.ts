/**
 * The admin console's origins (`BRIDGEKIT_CONSOLE_ORIGINS`, a comma list of exact origins): the
 * docs site an operator runs the console from. They pass CORS on `/v1/admin/*` and on every
 * tenant's routes, and may receive a token from the sign-in window. Empty or unset: none.
 */
import type { Bindings } from '../env.ts';
import { normalizeOriginPattern } from './origins.ts';

/**
 * The exact origins listed; an entry with a wildcard, a path or a typo is left out (an origin
 * must be spelled out in full to be trusted with tokens).
 *
 * @example
 * consoleOrigins({ BRIDGEKIT_CONSOLE_ORIGINS: 'https://docs.example.com, http://localhost:5173' });
 * // → ['https://docs.example.com', 'http://localhost:5173']
 */
export function consoleOrigins(env: Pick<Bindings, 'BRIDGEKIT_CONSOLE_ORIGINS'>): string[] {
  const origins: string[] = [];
  for (const entry of (env.BRIDGEKIT_CONSOLE_ORIGINS ?? '').split(',')) {
    const normalized = normalizeOriginPattern(entry);
    if ('pattern' in normalized && !normalized.pattern.includes('*')) origins.push(normalized.pattern);
  }
  return origins;
}

/** Whether `origin` (a browser's Origin header) is one of the console's origins. */
export const isConsoleOrigin = (origin: string, env: Pick<Bindings, 'BRIDGEKIT_CONSOLE_ORIGINS'>): boolean =>
  consoleOrigins(env).includes(origin);
