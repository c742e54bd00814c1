/**
 * The admin console's templates screen (docs/admin/templates.md) against the development Worker,
 * by keyboard alone, axe-clean in light and dark: a field typed into a definition shows in the
 * live preview (the real card form); an invalid definition shows its problem at its line and
 * path and saves nothing; a saved template is read back through the API and takes a new card.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type BridgekitError, createClient, createPlatformClient } from '@bridgekit/sdk';
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
async function tabTo(page: Page, name: string, { back = false, max = 200 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab did not reach ${name}; focus is on ${await focusedName(page)}`);
}

/** Replaces the focused field's text: select all, then the text as one input (a paste, without the clipboard). */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}

/** Axe over the page's content in VitePress's light theme, then its dark one (fades off first). */
async function axeLightAndDark(page: Page): Promise<void> {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  expect(await axeViolations(page, axeSource, '.vp-doc')).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  expect(await axeViolations(page, axeSource, '.vp-doc')).toEqual([]);
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
}

const scriptProblems = (problems: string[]) => problems.filter((p) => p.startsWith('pageerror') || p.startsWith('console'));
const announced = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 15_000 });
/** The labels of the preview's template fields (inside the card form's shadow root). */
const previewLabels = (page: Page) => page.locator('bk-card-form #bk-section-template label');

const PROJECT = '{ "key": "project", "label": "Project", "type": "text", "required": true }';
const RISK =
  '{ "key": "risk", "label": "Risk level", "type": "enum", "options": [{ "value": "high", "label": "High" }, { "value": "low", "label": "Low" }] }';
/** A definition as typed: one field a line, the fields' list closed on line `4 + fields.length`. */
const definition = (...fields: string[]) =>
  ['{', '"id": "risk-review",', '"name": "Risk review",', '"fields": [', fields.join(',\n'), ']', '}'].join('\n');

describe('the admin console: templates', () => {
  let browser: Browser;
  let docs: DocsServer;

  beforeAll(async () => {
    if (!existsSync(`${docsDist}admin/templates.html`)) {
      throw new Error(`The docs site is not built (${docsDist} has no admin/templates.html): run \`pnpm build\` first.`);
    }
    docs = await serveDocs(docsDist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    docs?.close();
  });

  it('previews the form of a definition as it is typed, shows a problem at its line, saves a valid one that then takes a card', async () => {
    const slug = `console-tpl-${Date.now().toString(36)}`;
    await platform.tenants.create({ slug, name: 'Console templates test', origins: [docs.origin] });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const problems = watchProblems(page);

    // Signed in with the operator token (memory only), then to the screen by the sidebar.
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
    await page.locator('.VPSidebar a[href$="/admin/templates"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Define a template' }).waitFor();

    // The built-in templates are listed; the starter definition is previewed at once.
    const row = page.locator('.bka-table tbody tr').filter({ hasText: 'business-case' });
    await row.waitFor();
    expect(await row.locator('th, td').allTextContents()).toEqual(expect.arrayContaining(['Business Case', 'Built-in', '1']));
    await announced(page, 'The form of “Lessons learned” as people will see it (version 1 when saved).');
    await axeLightAndDark(page);

    // A definition with one field, then a second field typed into it: both in the preview.
    await tabTo(page, 'bka-template-definition');
    await retype(page, definition(PROJECT));
    await announced(page, 'The form of “Risk review” as people will see it');
    await expect.poll(() => previewLabels(page).allTextContents()).toEqual([expect.stringMatching(/^Project/)]);
    // To the end of the project's line, then a new field after it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.type(`,\n${RISK}`);
    await expect.poll(() => previewLabels(page).allTextContents()).toEqual([expect.stringMatching(/^Project/), 'Risk level']);
    expect(await page.locator('bk-card-form #bk-section-template select option').allTextContents()).toEqual(
      expect.arrayContaining(['High', 'Low']),
    );
    // The preview is the form without saving: no Save button in it.
    expect(await page.locator('bk-card-form [part="submit"]').count()).toBe(0);
    await axeLightAndDark(page);

    // A key outside the rule: the problem at its line and path, the preview keeps the last valid form.
    const bad = definition(PROJECT, RISK.replace('"risk"', '"risk-level"'));
    await retype(page, bad);
    const issues = page.locator('#bka-template-issues');
    await expect.poll(() => issues.textContent()).toContain('fields.1.key');
    expect(await issues.textContent()).toContain('Line 6');
    await announced(page, 'The definition has problems: the preview shows the last valid one.');
    expect(await page.locator('#bka-template-definition').getAttribute('aria-invalid')).toBe('true');
    await tabTo(page, 'Save the template');
    await page.keyboard.press('Enter');
    await announced(page, 'Not saved');
    expect(await focusedName(page)).toBe('bka-template-issues');
    // Its "Line 6" takes the cursor to the key.
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Line 6');
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('bka-template-definition');
    expect(await page.locator('#bka-template-definition').evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
      bad.indexOf('"key": "risk-level"'),
    );
    await axeLightAndDark(page);
    // Nothing was saved.
    expect((await operator(slug).templates.list()).filter((t) => !t.builtIn)).toEqual([]);

    // Fixed and saved: said on the page, and stored as typed.
    await retype(page, definition(PROJECT, RISK));
    await announced(page, 'The form of “Risk review” as people will see it');
    await tabTo(page, 'Save the template');
    await page.keyboard.press('Enter');
    await announced(page, 'Template “Risk review” saved: version 1.');
    const saved = await operator(slug).templates.get('risk-review');
    expect(saved).toMatchObject({ builtIn: false, version: 1, name: 'Risk review' });
    expect(saved.fields.map((f) => f.key)).toEqual(['project', 'risk']);
    const savedRow = page.locator('.bka-table tbody tr').filter({ hasText: 'risk-review' });
    await savedRow.waitFor();
    expect(await savedRow.locator('th, td').allTextContents()).toEqual(expect.arrayContaining(['Risk review', 'Custom', '1', '2']));

    // A new card on it, through the API, under its rules.
    const { token } = await operator(slug).admin.tokens.mint({ sub: 'console|ana', name: 'Ana Silva' });
    const ana = createClient({ baseUrl: base, tenant: slug, token });
    const card = await ana.cards.create({ templateId: 'risk-review', title: 'ERP vendor risk', fields: { project: 'ERP', risk: 'high' } });
    expect(card).toMatchObject({ templateId: 'risk-review', fields: { project: 'ERP', risk: 'high' } });
    const refused = await ana.cards
      .create({ templateId: 'risk-review', title: 'Unknown risk', fields: { project: 'CRM', risk: 'medium' } })
      .catch((err: BridgekitError) => err);
    expect((refused as BridgekitError).status).toBe(400);

    // A template a card uses is not removed: the Worker's reason, announced.
    await tabTo(page, 'bka-template-remove-risk-review', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('bka-template-remove-confirm-risk-review');
    await page.keyboard.press('Enter');
    await announced(page, 'Cards use template "risk-review"; move or delete them first.');
    expect((await operator(slug).templates.get('risk-review')).version).toBe(1);

    expect(scriptProblems(problems)).toEqual([]);
    await context.close();
    // Typing a definition key by key, and axe six times, take longer than most tests.
  }, 180_000);
});
