import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../scripts/chromium.ts';

export function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** Collects what would show a broken embed: CSP violations, page errors, failed requests. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    // Failed loads are reported below with their URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // A request the page itself cancelled (a superseded search while typing) is not a failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
  });
  return problems;
}

/** The vote button of the idea titled `title`, inside the board's shadow root. */
export function voteButtonFor(page: Page, title: string) {
  return page.locator('bk-idea-board').getByRole('button', { name: `Vote for “${title}”` });
}
