import type { Idea } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { clientAs, expectNoAxeViolations, mount, newPerson, shadow, tokenFor, until } from '../../../test/support.ts';
import { BkCancelEvent } from '../../events/cancel.ts';
import { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import './idea-form.ts';
import type { BkIdeaForm } from './idea-form.component.ts';

async function mountForm(board = 'general') {
  const el = await mount<BkIdeaForm>(`<bk-idea-form board="${board}"></bk-idea-form>`);
  await until(() => shadow(el).querySelector('form'));
  return el;
}

describe('<bk-idea-form>', () => {
  const token = signInEachTest('Finance');

  it('suggests similar ideas while the title is typed, closed ones included', async () => {
    const el = await mountForm('finance-ops');
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), 'retire the expense tool');
    const box = await until(() => shadow(el).querySelector('[part="similar"]'));
    expect(box.textContent).toContain('Retire the legacy expense tool');
    expect(box.textContent).toContain('Already available');
    // The suggestions are announced, and described on the title field.
    expect(shadow(el).querySelector('#bk-similar')?.getAttribute('role')).toBe('status');
    expect(shadow(el).querySelector('#bk-title')?.getAttribute('aria-describedby')).toContain('bk-similar');
  });

  it('submits a change request with its business case', async () => {
    const el = await mountForm('general');
    const created: Idea[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e.idea));
    await userEvent.click(page.getByRole('radio', { name: /A change request/ }));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), `Add a cost-centre field ${Date.now()}`);
    await userEvent.fill(page.getByRole('textbox', { name: /^The problem it solves/ }), 'Travel requests lack the cost centre.');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Who benefits (business unit)' }), 'finance');
    await userEvent.click(page.getByRole('checkbox', { name: 'Sales' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: /^Kind of value/ }), 'compliance');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Rough effort' }), 'XS');
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => created.length === 1);
    const stored = await clientAs(token()).ideas.get(created[0]?.id ?? '');
    expect(stored).toMatchObject({
      lane: 'change_request',
      unit: { key: 'finance', name: 'Finance', side: 'demand' },
      impactedUnits: [{ key: 'sales', name: 'Sales', side: 'demand' }],
      businessCase: {
        problem: 'Travel requests lack the cost centre.',
        beneficiary: 'Finance',
        valueType: 'compliance',
        effort: 'XS',
        objective: null,
      },
    });
  });

  it("picks the benefiting unit from the tenant's demand-side units, by keyboard too", async () => {
    const el = await mountForm('general');
    const select = await until(() => shadow(el).querySelector<HTMLSelectElement>('select#bk-beneficiary'));
    const options = [...select.options].map((o) => o.textContent?.trim());
    expect(options).toEqual(expect.arrayContaining(['Finance', 'Operations', 'People & HR', 'Sales', 'Supply chain']));
    // IT is the supply side: support, never demand.
    expect(options).not.toContain('IT');
    const created: Idea[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e.idea));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), `Shared supplier calendar ${Date.now()}`);
    select.focus();
    await userEvent.keyboard('{ArrowDown}');
    await until(() => select.value !== '');
    const sponsor = select.value;
    // The impacted units' checkboxes, by keyboard: Tab to the first, Space to tick it.
    const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('input[name="impacted"]')];
    const other = boxes.find((b) => b.value !== sponsor);
    other?.focus();
    await userEvent.keyboard(' ');
    expect(other?.checked).toBe(true);
    // Ticking the sponsoring unit too is harmless: it is left out of the impacted ones.
    boxes.find((b) => b.value === sponsor)?.click();
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => created.length === 1);
    expect(created[0]?.unit?.key).toBe(sponsor);
    expect(created[0]?.impactedUnits.map((u) => u.key)).toEqual([other?.value]);
    await expectNoAxeViolations(el);
  });

  it('marks the fields the board requires', async () => {
    const el = await mountForm('finance-ops');
    await until(() => shadow(el).querySelector('label[for="bk-problem"] .required'));
    expect(shadow(el).querySelector('label[for="bk-valueType"]')?.textContent).toContain('(required)');
    expect(shadow(el).querySelector('label[for="bk-beneficiary"]')?.textContent).not.toContain('(required)');
  });

  it('asks its host to close on Escape', async () => {
    const el = await mountForm();
    let cancelled = 0;
    el.addEventListener(BkCancelEvent.type, () => cancelled++);
    el.focus();
    await until(() => shadow(el).activeElement?.id === 'bk-title');
    await userEvent.keyboard('{Escape}');
    expect(cancelled).toBe(1);
  });

  it('has no axe violations, with suggestions showing', async () => {
    const el = await mountForm('general');
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), 'invoice matching');
    await until(() => shadow(el).querySelector('[part="similar"]'));
    await expectNoAxeViolations(el);
  });

  it('tells the author their idea waits for a moderator, and why; nobody else sees it', async () => {
    const el = await mountForm('general');
    const created: Idea[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e.idea));
    // The demo pipeline holds the suspect word "vendor".
    const title = `Let a vendor run the help desk ${Date.now()}`;
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), title);
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    const held = await until(() => shadow(el).querySelector('[part="held"]'));
    expect(held.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `Your idea “${title}” waits for a moderator before others see it: Contains a word moderators review before it is published`,
    );
    expect(held.closest('[role="status"]')).not.toBeNull();
    expect(created[0]?.moderation).toEqual({
      state: 'pending',
      reason: 'Contains a word moderators review before it is published',
      reasonCode: 'held.suspect_word_hidden',
      reasonParams: {},
    });
    const other = clientAs(await tokenFor(newPerson()));
    await expect(other.ideas.get(created[0]?.id ?? '')).rejects.toMatchObject({ status: 404 });
    await expectNoAxeViolations(el);

    // The same idea again at once is refused; the reason shows at the form.
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), title);
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    const error = await until(() => shadow(el).querySelector('.form-error')?.textContent?.trim());
    expect(error).toMatch(/You submitted the same text a moment ago/);
    expect(shadow(el).querySelector('[part="held"]')).toBeNull();
  });
});
