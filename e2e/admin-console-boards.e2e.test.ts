/**
 * The admin console's boards screen beyond statuses (docs/admin/boards.md), against the
 * development Worker, signed in with the operator token: a board's intake (a required field the
 * Worker then enforces on submit), and its scorecard — weights with their shares, criteria moved,
 * added and removed, the value floor, each refusal at its field. By keyboard alone, axe-clean in
 * light and dark; what the console did is read back through the API.
 */
import { createClient, isBridgekitError } from '@bridgekit/sdk';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  announced,
  axeLightAndDark,
  base,
  type ConsoleSite,
  focusedName,
  newTenant,
  openScreen,
  operator,
  retype,
  scriptProblems,
  signInAsOperator,
  tabTo,
  useConsoleSite,
} from './admin-console-support.ts';
import { watchProblems } from './browser.ts';

/** A fresh tenant whose origins hold the docs site, with one board made through the API. */
async function tenantWithBoard(site: ConsoleSite, prefix: string): Promise<string> {
  const slug = await newTenant(site, prefix, 'Console boards test');
  await operator(slug).boards.create({ slug: 'finance', name: 'Finance ideas' });
  return slug;
}

/** Signs in to `slug` with the operator token, opens the boards screen by its link, then the board's editor or its scorecard. */
async function openBoard(page: Page, site: ConsoleSite, slug: string, part: 'edit' | 'scorecard'): Promise<void> {
  await signInAsOperator(page, site, slug);
  await openScreen(page, 'boards', 'Create a board');
  await page.locator(`#bka-board-${part}-finance`).waitFor();
  await tabTo(page, `bka-board-${part}-finance`);
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toBe(part === 'edit' ? 'bka-board-edit-heading' : 'bka-scorecard-heading');
}

describe('the admin console: boards', () => {
  const site = useConsoleSite('admin/boards');

  it('makes an intake field required, which the Worker then enforces on submit', { timeout: 180_000 }, async () => {
    const slug = await tenantWithBoard(site, 'console-intake');
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    await openBoard(page, site, slug, 'edit');

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
    const slug = await tenantWithBoard(site, 'console-score');
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
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    await openBoard(page, site, slug, 'scorecard');
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
