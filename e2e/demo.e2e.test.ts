import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUDGETS } from '../scripts/budgets.ts';
import { launch, voteButtonFor, watchProblems } from './browser.ts';
import { firstLoadScriptWeight } from './script-weight.ts';

const IDEA = 'Single sign-on for the supplier portal';

describe('the demo page, served by the dev server', () => {
  let browser: Browser;
  const base = inject('baseUrl');
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows in its embed code the origin it was opened on, and links the example intranet only when one is served', async () => {
    const html = await (await fetch(`${base}/demo/`)).text();
    expect(base).not.toBe('http://localhost:8787');
    expect(html).toContain(`&lt;script src="${base}/embed.js" data-tenant="demo"`);
    expect(html).not.toContain('localhost:8787');
    // The test server runs with --no-examples: no link to an intranet that is not there.
    expect(html).not.toContain('Embedded from another origin');
  });

  it('lets a signed-in colleague back an idea by click; the vote survives a reload and counts for everyone', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    const response = await page.goto(`${base}/demo/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    await expect.poll(() => page.getByLabel('Signed in as').inputValue(), { timeout: 10_000 }).toBe('amara');
    const button = voteButtonFor(page, IDEA);
    await button.waitFor();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    const before = Number(await button.locator('[part="count"]').textContent());

    await button.click();
    await expect.poll(() => button.getAttribute('aria-busy'), { timeout: 10_000 }).toBeNull();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(Number(await button.locator('[part="count"]').textContent())).toBe(before + 1);

    await page.reload();
    const reloaded = voteButtonFor(page, IDEA);
    await reloaded.waitFor();
    await expect.poll(() => reloaded.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(Number(await reloaded.locator('[part="count"]').textContent())).toBe(before + 1);

    // Someone else, in their own browser, sees the new count but not as their own vote.
    const other = await browser.newContext();
    await other.addInitScript(() => localStorage.setItem('bridgekit-demo-user', 'priya'));
    const otherPage = await other.newPage();
    await otherPage.goto(`${base}/demo/`);
    const theirs = voteButtonFor(otherPage, IDEA);
    await theirs.waitFor();
    expect(await theirs.getAttribute('aria-pressed')).toBe('false');
    expect(Number(await theirs.locator('[part="count"]').textContent())).toBe(before + 1);

    expect(problems).toEqual([]);
    await other.close();
    await context.close();
  });

  it(`loads at most ${BUDGETS.demoFirstLoad} bytes of Bridgekit script before anyone scrolls`, async () => {
    const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
    const weight = await firstLoadScriptWeight(await context.newPage(), `${base}/demo/`);
    // The loader and the chunks of the elements near the first screen, not those further down.
    expect(weight.files).toContain('/embed.js');
    expect(weight.files.some((f) => f.startsWith('/widgets/bk-idea-board-'))).toBe(true);
    expect(weight.files.some((f) => f.startsWith('/widgets/bk-value-plan-'))).toBe(false);
    expect(weight.bytes).toBeLessThanOrEqual(BUDGETS.demoFirstLoad);
    await context.close();
  });

  it('switches the signed-in person without a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/demo/`);
    const invoice = voteButtonFor(page, 'Automate invoice matching in accounts payable');
    await expect.poll(() => invoice.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true'); // Amara backs it
    await page.getByLabel('Signed in as').selectOption('tomas');
    await expect
      .poll(() => voteButtonFor(page, 'Automate invoice matching in accounts payable').getAttribute('aria-pressed'), { timeout: 10_000 })
      .toBe('false');
    await context.close();
  });

  it('shows a read-only board to a signed-out reader', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/demo/signed-out.html`);
    await page.locator('bk-idea-board').getByText('Sign in to share and back ideas.').waitFor();
    expect(await page.locator('bk-idea-board').getByRole('button', { name: 'Share an idea' }).count()).toBe(0);
    await page.close();
  });

  it("opens the inline practice card and, below it, the card's own discussion, loaded by the script tag", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => localStorage.setItem('bridgekit-demo-user', 'lukas'));
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/demo/`);
    const card = page.locator('bk-practice-card');
    // The loader defines widgets as they come near the viewport, as a reader scrolling there would.
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('button', { name: 'Show details' }).click();
    const thread = card.locator('bk-thread');
    await thread.getByRole('textbox', { name: 'Add a comment' }).waitFor({ timeout: 15_000 });
    expect(await thread.getAttribute('key')).toBe('card:demo-card-business-case');
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    { width: 390, height: 844, isMobile: true },
    { width: 1000, height: 800, isMobile: false },
  ])('fits a $width px window: nothing widens the page (the snippet scrolls in its box)', async ({ width, height, isMobile }) => {
    const context = await browser.newContext({ viewport: { width, height }, isMobile, hasTouch: isMobile });
    const page = await context.newPage();
    await page.goto(`${base}/demo/`);
    await page.locator('bk-idea-board').first().locator('[part="item"], li').first().waitFor({ timeout: 15_000 });
    const wide = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      session: document.querySelector('.session')?.getBoundingClientRect().right ?? 0,
    }));
    expect(wide.page).toBeLessThanOrEqual(width);
    expect(wide.session).toBeLessThanOrEqual(width);
    await context.close();
  });
});
