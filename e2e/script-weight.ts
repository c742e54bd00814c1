import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface ScriptWeight {
  /** Bridgekit's scripts: the loader and the widget chunks (not the page's own scripts). */
  files: string[];
  /** Their gzip bytes (level 9, as scripts/budgets.ts weighs built files). */
  bytes: number;
}

/**
 * What a page loads of Bridgekit's script before anyone scrolls: opens `url` in `page`, waits
 * until the network has been idle, and adds up the loader's and the widget chunks' responses.
 */
export async function firstLoadScriptWeight(page: Page, url: string): Promise<ScriptWeight> {
  const bodies: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path === '/embed.js' || path.startsWith('/widgets/')) {
      bodies.push(response.body().then((body) => ({ url: path, bytes: gzipSync(body, { level: 9 }).length })));
    }
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  const loaded = await Promise.all(bodies);
  return { files: loaded.map((l) => l.url).sort(), bytes: loaded.reduce((sum, l) => sum + l.bytes, 0) };
}
