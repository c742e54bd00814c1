/**
 * The admin console's boards screen beyond statuses (docs/admin/boards.md), against the
 * development Worker, signed in with the operator token: a board's intake (a required field the
 * Worker then enforces on submit), and its scorecard — weights with their shares, criteria moved,
 * added and removed, the value floor, each refusal at its field. By keyboard alone, axe-clean in
 * light and dark; what the console did is read back through the API.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createClient, createPlatformClient, isBridgekitError } from '@bridgekit/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, watchProblems } from './browser.ts';
import { TEST_ADMIN_TOKEN } from './dev-secret.ts';
import { type DocsServer, docsDist, serveDocs } from './docs-server.ts';

const base = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const platform = createPlatformClient({ baseUrl: base, token: TEST_ADMIN_TOKEN });
const operator = (tenant: string) => createClient({ baseUrl: base, tenant, token: TEST_ADMIN_TOKEN });

/** What the focused element is: its id, else its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.id || el?.textContent?.trim() || '';
  });

/** Presses Tab (or Shift+Tab, `back`) until the element with this id (or this text) has focus. */
async function tabTo(page: Page, name: string, { back = false, max = 300 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab did not reach ${name}; focus is on ${await focusedName(page)}`);
}

/** Replaces the focused field's text, as a person does: select all, type. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Delete');
}

/** Axe over the page's content in VitePress's light theme, then its dark one (the colour fade off). */
async function axeLightAndDark(page: Page): Promise<void> {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  expect(await axeViolations(page, axeSource, '.vp-doc')).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  expect(await axeViolations(page, axeSource, '.vp-doc')).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
}

/** Page errors and console errors; refused saves (4xx) are part of the tests. */
const scriptProblems = (problems: string[]) => problems.filter((p) => p.startsWith('pageerror') || p.startsWith('console'));

const announced = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 15_000 });

/** A fresh tenant whose origins hold the docs site, with one board made through the API. */
async function tenantWithBoard(docs: DocsServer, prefix: string): Promise<string> {
  const slug = `${prefix}-${Date.now().toString(36)}`;
  await platform.tenants.create({ slug, name: 'Console boards test', origins: [docs.origin] });
  await operator(slug).boards.create({ slug: 'finance', name: 'Finance ideas' });
  return slug;
}

/** Signs in to `slug` with the operator token, opens the boards screen by its link, then the board's editor or its scorecard. */
async function openBoard(page: Page, docs: DocsServer, slug: string, part: 'edit' | 'scorecard'): Promise<void> {
  await page.goto(`${docs.origin}/admin/?bridgekit=${encodeURIComponent(base)}`);
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  await tabTo(page, 'bka-tenant');
  await page.keyboard.type(slug);
  await tabTo(page, 'bka-kind-person');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type(TEST_ADMIN_TOKEN);
  await page.keyboard.press('Enter');
  await announced(page, `Signed in to tenant ${slug} as Operator.`);
  // The operator token lives in this page's memory: the screen is opened in the page, not loaded anew.
  await page.locator('.bka-screen a[href$="/admin/boards"]').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Create a board' }).waitFor();
  await page.locator(`#bka-board-${part}-finance`).waitFor();
  await tabTo(page, `bka-board-${part}-finance`);
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toBe(part === 'edit' ? 'bka-board-edit-heading' : 'bka-scorecard-heading');
}

describe('the admin console: boards', () => {
  let browser: Browser;
  let docs: DocsServer;

  beforeAll(async () => {
    if (!existsSync(`${docsDist}admin/boards.html`)) {
      throw new Error(`The docs site is not built (${docsDist} has no admin/boards.html): run \`pnpm build\` first.`);
    }
    docs = await serveDocs(docsDist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    docs?.close();
  });

  it('makes an intake field required, which the Worker then enforces on submit', { timeout: 180_000 }, async () => {
    const slug = await tenantWithBoard(docs, 'console-intake');
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await openBoard(page, docs, slug, 'edit');

    await tabTo(page, 'bka-board-edit-intake-submitters');
    expect(await page.locator('#bka-board-edit-intake-submitters').inputValue()).toBe('members');
    await tabTo(page, 'bka-board-edit-intake-required-problem');
    expect(await page.locator('#bka-board-edit-intake-required-problem').isChecked()).toBe(false);
    await page.keyboard.press('Space');
    await tabTo(page, 'bka-board-edit-intake-required-effort');
    await page.keyboard.press('Space');
    await axeLightAndDark(page);
    await tabTo(page, 'Save the board');
    await page.keyboard.press('Enter');
    await announced(page, 'Board “Finance ideas” saved.');
    await expect.poll(() => focusedName(page)).toBe('bka-board-edit-finance');
    expect((await operator(slug).boards.get('finance')).settings.requiredFields).toEqual(['problem', 'effort']);

    // A member's submission without them is refused, naming each; with them it is taken.
    const member = await operator(slug).admin.tokens.mint({ sub: 'console|amara', name: 'Amara Okafor' });
    const amara = createClient({ baseUrl: base, tenant: slug, token: member.token });
    const refused = await amara.ideas.create({ board: 'finance', title: 'Match invoices automatically' }).catch((err: unknown) => err);
    expect(isBridgekitError(refused)).toBe(true);
    if (!isBridgekitError(refused)) return;
    expect([refused.status, refused.reason]).toEqual([400, 'validation_failed.required_fields']);
    expect(refused.details.map((d) => d.path)).toEqual(['body.businessCase.problem', 'body.businessCase.effort']);
    const idea = await amara.ideas.create({
      board: 'finance',
      title: 'Match invoices automatically',
      businessCase: { problem: 'Clerks match 4,000 invoices a month by hand.', effort: 'M' },
    });
    expect(idea.businessCase.problem).toBe('Clerks match 4,000 invoices a month by hand.');

    // Unticked again, the field is optional again.
    await page.keyboard.press('Enter');
    await tabTo(page, 'bka-board-edit-intake-required-problem');
    expect(await page.locator('#bka-board-edit-intake-required-problem').isChecked()).toBe(true);
    await page.keyboard.press('Space');
    await tabTo(page, 'Save the board');
    await page.keyboard.press('Enter');
    await announced(page, 'Board “Finance ideas” saved.');
    expect((await operator(slug).boards.get('finance')).settings.requiredFields).toEqual(['effort']);
    expect(scriptProblems(problems)).toEqual([]);
    await page.close();
  });

  it('edits the scorecard: weights with their shares, criteria moved, added and removed, and the value floor', {
    timeout: 240_000,
  }, async () => {
    const slug = await tenantWithBoard(docs, 'console-score');
    const before = await operator(slug).boards.get('finance');
    expect(before.scorecard.criteria.map((c) => c.key)).toEqual([
      'impact',
      'financial',
      'strategic_alignment',
      'size',
      'new_technology',
      'third_party',
      'ways_of_working',
    ]);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await openBoard(page, docs, slug, 'scorecard');
    const share = (index: number) => page.locator(`#bka-criterion-${index}-share`).textContent();

    // The preset's weights, as shares of their group.
    expect(await share(0)).toBe('40% of value');
    expect(await share(2)).toBe('30% of value');
    expect(await share(3)).toBe('100% of effort');
    expect(await share(4)).toBe('33.3% of risk');
    await tabTo(page, 'bka-criterion-0-weight');
    expect(await page.locator('#bka-criterion-0-weight').getAttribute('aria-describedby')).toBe('bka-criterion-0-share');
    await retype(page, '0.5');
    await expect.poll(() => share(0)).toBe('45.5% of value');
    expect(await share(1)).toBe('27.3% of value');

    // Fit with the unit's objectives moves up one place; the keyboard stays on its Move up.
    await tabTo(page, 'bka-criterion-2-up');
    await page.keyboard.press('Enter');
    await announced(page, "“Fit with the unit's objectives” moved to position 2 of 7.");
    await expect.poll(() => focusedName(page)).toBe('bka-criterion-1-up');
    expect(await page.locator('#bka-criterion-1-label').inputValue()).toBe("Fit with the unit's objectives");

    // Remove the last risk question.
    await tabTo(page, 'bka-criterion-6-remove');
    await page.keyboard.press('Enter');
    await announced(page, '“Changes how people work” removed from the form; save to apply.');
    await expect.poll(() => focusedName(page)).toBe('bka-criterion-5-label');

    // Add a criterion, its weight out of range first: refused at the weight, nothing saved.
    await tabTo(page, 'bka-criterion-add');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-criterion-6-label');
    await page.keyboard.type('Regulatory urgency');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-criterion-6-key');
    await page.keyboard.type('regulatory');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-criterion-6-kind');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-criterion-6-group');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('bka-criterion-6-weight');
    await retype(page, '150');
    await tabTo(page, 'bka-scorecard-floor', { back: true });
    await page.keyboard.type('3');
    await tabTo(page, 'Save the scorecard');
    await page.keyboard.press('Enter');
    await page.locator('#bka-criterion-6-weight-error').waitFor();
    expect(await focusedName(page)).toBe('bka-criterion-6-weight');
    expect(await page.locator('#bka-criterion-6-weight').getAttribute('aria-describedby')).toBe(
      'bka-criterion-6-weight-error bka-criterion-6-share',
    );
    expect((await operator(slug).boards.get('finance')).scorecard).toEqual(before.scorecard);
    await axeLightAndDark(page);
    await retype(page, '0.2');
    await tabTo(page, 'Save the scorecard');
    await page.keyboard.press('Enter');
    await announced(page, 'Scorecard of “Finance ideas” saved.');

    const saved = await operator(slug).boards.get('finance');
    expect(saved.scorecard.criteria.map((c) => [c.key, c.weight, c.group])).toEqual([
      ['impact', 0.5, 'value'],
      ['strategic_alignment', 0.3, 'value'],
      ['financial', 0.3, 'value'],
      ['size', 1, 'effort'],
      ['new_technology', 1 / 3, 'risk'],
      ['third_party', 1 / 3, 'risk'],
      ['regulatory', 0.2, 'value'],
    ]);
    expect(saved.scorecard.criteria.at(-1)).toMatchObject({ label: 'Regulatory urgency', kind: 'scale' });
    expect(saved.settings.minValue).toBe(3);
    expect(saved.valueFloor).toBe(3);
    expect(saved.valueRange).toEqual({ min: 1.3, max: 6.5 });
    // The form now shows what was saved: the new criterion's key and kind are fixed.
    await expect.poll(() => page.locator('#bka-criterion-6-key').count()).toBe(0);

    // A floor outside the saved scorecard's value range: refused at the floor, the criteria untouched.
    await tabTo(page, 'bka-scorecard-floor', { back: true });
    await retype(page, '9');
    await tabTo(page, 'Save the scorecard');
    await page.keyboard.press('Enter');
    await page.locator('#bka-scorecard-floor-error').waitFor();
    expect(await page.locator('#bka-scorecard-floor-error').textContent()).toContain('1.3 to 6.5');
    expect(await focusedName(page)).toBe('bka-scorecard-floor');
    expect(await operator(slug).boards.get('finance')).toMatchObject({ settings: { minValue: 3 }, scorecard: saved.scorecard });
    // Emptied, the floor goes back to the model's default.
    await retype(page, '');
    await tabTo(page, 'Save the scorecard');
    await page.keyboard.press('Enter');
    await announced(page, 'Scorecard of “Finance ideas” saved.');
    expect(await operator(slug).boards.get('finance')).toMatchObject({ settings: { minValue: null }, valueFloor: 2.5 });

    // One scorecard replacement in the configuration log: the refused saves wrote nothing.
    const log = await operator(slug).admin.configLog({ action: 'scorecard.replaced' });
    expect(log.items.map((c) => c.target)).toEqual(['finance']);
    // Closed, the keyboard goes back to the board's Scorecard button.
    await tabTo(page, 'Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-board-scorecard-finance');
    expect(scriptProblems(problems)).toEqual([]);
    await page.close();
  });
});
