/**
 * The admin console's templates screen (docs/admin/templates.md) against the development Worker,
 * by keyboard alone, axe-clean in light and dark: a field typed into a definition shows in the
 * live preview (the real card form); an invalid definition shows its problem at its line and
 * path and saves nothing; a saved template is read back through the API and takes a new card.
 */
import { type BridgekitError, createClient } from '@bridgekit/sdk';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  announced,
  axeLightAndDark,
  base,
  focusedName,
  newTenant,
  openScreen,
  operator,
  pasteOver,
  scriptProblems,
  signInAsOperator,
  tabTo,
  useConsoleSite,
} from './admin-console-support.ts';
import { watchProblems } from './browser.ts';

/** The labels of the preview's template fields (inside the card form's shadow root). */
const previewLabels = (page: Page) => page.locator('bk-card-form #bk-section-template label');

const PROJECT = '{ "key": "project", "label": "Project", "type": "text", "required": true }';
const RISK =
  '{ "key": "risk", "label": "Risk level", "type": "enum", "options": [{ "value": "high", "label": "High" }, { "value": "low", "label": "Low" }] }';
/** A definition as typed: one field a line, the fields' list closed on line `4 + fields.length`. */
const definition = (...fields: string[]) =>
  ['{', '"id": "risk-review",', '"name": "Risk review",', '"fields": [', fields.join(',\n'), ']', '}'].join('\n');

describe('the admin console: templates', () => {
  const site = useConsoleSite('admin/templates');

  it('previews the form of a definition as it is typed, shows a problem at its line, saves a valid one that then takes a card', async () => {
    const slug = await newTenant(site, 'console-tpl', 'Console templates test');
    const context = await site.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const problems = watchProblems(page);

    // Signed in with the operator token (memory only), then to the screen by the sidebar.
    await signInAsOperator(page, site, slug);
    await openScreen(page, 'templates', 'Define a template', 'sidebar');

    // The built-in templates are listed; the starter definition is previewed at once.
    const row = page.locator('.bka-table tbody tr').filter({ hasText: 'business-case' });
    await row.waitFor();
    expect(await row.locator('th, td').allTextContents()).toEqual(expect.arrayContaining(['Business Case', 'Built-in', '1']));
    await announced(page, 'The form of “Lessons learned” as people will see it (version 1 when saved).');
    await axeLightAndDark(page);

    // A definition with one field, then a second field typed into it: both in the preview.
    await tabTo(page, 'bka-template-definition');
    await pasteOver(page, definition(PROJECT));
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
    await pasteOver(page, bad);
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
    await pasteOver(page, definition(PROJECT, RISK));
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
