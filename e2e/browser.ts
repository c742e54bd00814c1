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
  return page.locator('bk-idea-board').getByRole('button', { name: `Back “${title}”` });
}

/** The element that has focus, looking into open shadow roots, described for assertions. */
export interface Focused {
  tag: string;
  text: string;
  part: string | null;
  /** The `data-comment` of the element itself, or of the comment or queue item it is in. */
  comment: string | null;
  /** The custom element whose shadow root holds it, if any. */
  host: string | null;
}

export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const root = el.getRootNode();
    return {
      tag: el.tagName.toLowerCase(),
      text: el.textContent?.trim() ?? '',
      part: el.getAttribute('part'),
      comment: el.closest<HTMLElement>('[data-comment]')?.dataset.comment ?? null,
      host: root instanceof ShadowRoot ? root.host.tagName.toLowerCase() : null,
    };
  });
}

/** Presses Tab until `reached` holds for the focused element; fails after `max` presses. */
export async function tabUntil(page: Page, reached: (f: Focused) => boolean, max = 40): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && reached(now)) return now;
  }
  throw new Error(`Tab did not reach the element in ${max} presses; focus is on ${JSON.stringify(await focused(page))}`);
}

/**
 * Runs axe-core over the first element matching `selector`, shadow roots included, and answers
 * its violations as one line each. The source goes in through the DevTools protocol, which the
 * page's Content-Security-Policy does not govern.
 */
export async function axeViolations(page: Page, axeSource: string, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const target = document.querySelector(sel);
    if (!target) throw new Error(`nothing matches ${sel}`);
    const result = await axe.run(target, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join('; ')})`);
  }, selector);
}

/**
 * Counts the page's `securitypolicyviolation` events (in every frame), from before its first
 * script runs. Read the list with `cspViolations(page)`.
 */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __bkViolations: string[] }).__bkViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __bkViolations?: string[] }).__bkViolations ?? ['not recorded']);
}
