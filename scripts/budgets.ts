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
  /** Loader + Lit + the idea board (with its vote controls) + SDK: what a page with a board loads. */
  ideaBoard: 25 * 1024,
  /** Loader + everything the triage page loads. */
  ideaTriage: 32 * 1024,
  /** Loader + Lit + a discussion thread (composer, live updates, mentions) + SDK. */
  thread: 32 * 1024,
  /**
   * Loader + the moderation queue. 26 KB until the queue took the shared paged-list controller
   * (retry, abort on change): +0.4 KB on this page after minifying the style sheets took 0.8 KB back.
   */
  moderation: 26.5 * 1024,
  /** Loader + comment counts for a list of links: what a news index page pays. */
  commentCount: 18 * 1024,
  /** Loader + an inline practice card (read-only fields, "this helped me"). */
  practiceCard: 28 * 1024,
  /** Loader + the practice library's first screen (search and list; the form, history and queue load when opened). */
  practiceLibrary: 36 * 1024,
  /** Loader + any other element (vote button, idea form, roadmap, a new widget): Lit, the SDK and the element. */
  element: 22 * 1024,
  /** The iframe route's page script (`/frame/frame.js`: height, sign-in, token hand-off), on top of the widget's page weight. */
  frameScript: 3 * 1024,
  /** `embed-resizer.js`, which a host page adds next to its Bridgekit iframes. */
  resizer: 1024,
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

/** What a page with `tag` on it loads before it shows the element: the loader and the element's chunks. */
export function pageWeight(tag: string): number {
  const manifest = JSON.parse(readFileSync(join(CDN_DIR, 'widgets.json'), 'utf8')) as Record<string, { chunks: string[] }>;
  const chunks = manifest[tag]?.chunks;
  if (!chunks) throw new Error(`No <${tag}> in the widget manifest`);
  return gzipSize(join(CDN_DIR, 'embed.js')) + chunks.reduce((sum, file) => sum + gzipSize(join(CDN_DIR, file)), 0);
}

/** The page-weight budget of each element with one of its own; the others share `element`. */
const PAGE_BUDGETS: Record<string, number> = {
  'bk-idea-board': BUDGETS.ideaBoard,
  'bk-idea-triage': BUDGETS.ideaTriage,
  'bk-thread': BUDGETS.thread,
  'bk-moderation': BUDGETS.moderation,
  'bk-comment-count': BUDGETS.commentCount,
  'bk-practice-card': BUDGETS.practiceCard,
  'bk-practice-library': BUDGETS.practiceLibrary,
};

/** What `pageWeight(tag)` may reach: checked for every element of the registry by scripts/registry.test.ts. */
export function pageBudget(tag: string): number {
  return PAGE_BUDGETS[tag] ?? BUDGETS.element;
}
