/**
 * What every admin console e2e test (e2e/admin-console*.e2e.test.ts) does the same way: the
 * platform and operator clients, keyboard helpers, axe in VitePress's light and dark themes, the
 * page's script problems and announcements, signing in with the operator token, opening a screen
 * by its link, and the built docs site served with a browser for a describe block.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createClient, createPlatformClient } from '@bridgekit/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { axeViolations, launch } from './browser.ts';
import { TEST_ADMIN_TOKEN } from './dev-secret.ts';
import { type DocsServer, docsDist, serveDocs } from './docs-server.ts';

/** The development Worker's URL. */
export const base = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const platform = createPlatformClient({ baseUrl: base, token: TEST_ADMIN_TOKEN });
/**
 * The operator's client of one tenant, to read back what the console did.
 * @example expect(await operator(slug).boards.get('finance')).toMatchObject({ name: 'Finance' });
 */
export const operator = (tenant: string) => createClient({ baseUrl: base, tenant, token: TEST_ADMIN_TOKEN });

/** The built docs site and a browser, for the tests of one describe block. */
export interface ConsoleSite {
  docs: DocsServer;
  browser: Browser;
}

/**
 * Serves the built docs site and launches Chromium before the describe block's tests, and closes
 * both after them. `page` is a console page the build must have (`admin/`, `admin/boards`); `at`
 * a fixed port (4173 is a console origin the development Worker allows for the platform routes).
 * @example const site = useConsoleSite('admin/boards'); // then site.docs.origin, site.browser
 */
export function useConsoleSite(page: string, at?: { port: number }): ConsoleSite {
  const site = {} as ConsoleSite;
  beforeAll(async () => {
    const built = page.endsWith('/') ? `${page}index.html` : `${page}.html`;
    if (!existsSync(`${docsDist}${built}`)) {
      throw new Error(`The docs site is not built (${docsDist} has no ${built}): run \`pnpm build\` first.`);
    }
    site.docs = await serveDocs(docsDist, at);
    site.browser = await launch();
  });
  afterAll(async () => {
    await site.browser?.close();
    site.docs?.close();
  });
  return site;
}

/**
 * A fresh tenant whose origins hold the docs site (so the console may call it); answers its slug.
 * @example const slug = await newTenant(site, 'console-hook', 'Console webhooks test');
 */
export async function newTenant(site: ConsoleSite, prefix: string, name: string): Promise<string> {
  const slug = `${prefix}-${Date.now().toString(36)}`;
  await platform.tenants.create({ slug, name, origins: [site.docs.origin] });
  return slug;
}

/**
 * A browser context whose pages on the docs site may read and write the clipboard.
 * @example const context = await clipboardContext(site);
 */
export async function clipboardContext(site: ConsoleSite): Promise<BrowserContext> {
  const context = await site.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.docs.origin });
  return context;
}

/**
 * What the focused element is: its id, else its text.
 * @example expect(await focusedName(page)).toBe('bka-board-name');
 */
export const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.id || el?.textContent?.trim() || '';
  });

/**
 * Presses Tab (or Shift+Tab, `back`) until the element with this id (or this text) has focus.
 * @example await tabTo(page, 'Save the board');
 */
export async function tabTo(page: Page, name: string, { back = false, max = 300 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab did not reach ${name}; focus is on ${await focusedName(page)}`);
}

/**
 * Replaces the focused field's text, as a person does: select all, type.
 * @example await retype(page, 'Finance & Controlling');
 */
export async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Delete');
}

/**
 * Replaces the focused field's text with one input (a paste, without the clipboard): for long text.
 * @example await pasteOver(page, '{ "id": "risk-review" }');
 */
export async function pasteOver(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/**
 * Axe over the page's content in VitePress's light theme, then its dark one. VitePress's colours
 * fade over a quarter second; the fade is switched off first, so axe reads the theme's colours.
 * @example await axeLightAndDark(page);
 */
export async function axeLightAndDark(page: Page): Promise<void> {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  expect(await axeViolations(page, axeSource, '.vp-doc')).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  expect(await axeViolations(page, axeSource, '.vp-doc')).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
}

/**
 * Page errors and console errors of `watchProblems`; refused saves (4xx) are part of the tests.
 * @example expect(scriptProblems(problems)).toEqual([]);
 */
export const scriptProblems = (problems: string[]) => problems.filter((p) => p.startsWith('pageerror') || p.startsWith('console'));

/**
 * Waits for the screen to announce `text` (its status); failing, says what it announced instead.
 * @example await announced(page, 'Board “Finance ideas” saved.');
 */
export async function announced(page: Page, text: string): Promise<void> {
  try {
    await page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 30_000 });
  } catch (err) {
    throw new Error(`Not announced: “${text}”; the status says ${JSON.stringify(await page.getByRole('status').allTextContents())}`, {
      cause: err,
    });
  }
}

/**
 * On the console's first page, by keyboard: the tenant `slug`, the operator's kind of sign-in,
 * `token`, Enter. What follows (signed in, or refused) is the caller's to wait for.
 * @example await sendOperatorToken(page, site, slug, 'not-the-operator-token');
 */
export async function sendOperatorToken(page: Page, site: ConsoleSite, slug: string, token: string): Promise<void> {
  await page.goto(`${site.docs.origin}/admin/?bridgekit=${encodeURIComponent(base)}`);
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  await tabTo(page, 'bka-tenant');
  await page.keyboard.type(slug);
  await tabTo(page, 'bka-kind-person');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('bka-token');
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
}

/**
 * Signs the console in to `slug` with the operator token. The token lives in the page's memory:
 * open screens by their links then (`openScreen`), never by a new page load.
 * @example await signInAsOperator(page, site, slug);
 */
export async function signInAsOperator(page: Page, site: ConsoleSite, slug: string): Promise<void> {
  await sendOperatorToken(page, site, slug, TEST_ADMIN_TOKEN);
  await announced(page, `Signed in to tenant ${slug} as Operator.`);
}

/**
 * Follows the link to a console screen (`admin/<screen>`) by keyboard, in the page — on the
 * console's first page (`overview`) or in the sidebar — and waits for the screen's `heading`.
 * @example await openScreen(page, 'webhooks', 'Create a webhook');
 */
export async function openScreen(page: Page, screen: string, heading: string, from: 'overview' | 'sidebar' = 'overview'): Promise<void> {
  await page.locator(`${from === 'overview' ? '.bka-screen' : '.VPSidebar'} a[href$="/admin/${screen}"]`).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}
