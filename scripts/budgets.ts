/**
 * Size budgets: stable numbers (gzip bytes of built files), checked by `pnpm test` and printed
 * by `pnpm bench`. They fail on growth, never on a slow machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** The script-tag loader. */
  loader: 3 * 1024,
  /** Loader + Lit + the idea widgets + the SDK: everything a page with an idea board loads. */
  ideaWidgets: 25 * 1024,
  /** The Worker bundle (production configuration). */
  worker: 300 * 1024,
};

const root = fileURLToPath(new URL('..', import.meta.url));
export const CDN_DIR = join(root, 'packages/widgets/dist/cdn');
export const WORKER_BUNDLE = join(root, 'packages/worker/dist/bundle/index.js');

export const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** gzip size of embed.js and of each widget chunk, by file name. */
export function widgetSizes(): Record<string, number> {
  const sizes: Record<string, number> = { 'embed.js': gzipSize(join(CDN_DIR, 'embed.js')) };
  for (const file of readdirSync(join(CDN_DIR, 'widgets'))) {
    if (file.endsWith('.js')) sizes[`widgets/${file}`] = gzipSize(join(CDN_DIR, 'widgets', file));
  }
  return sizes;
}
