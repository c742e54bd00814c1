import type { PracticeCard } from '@bridgekit/sdk';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { keepAddress } from '../../../test/address.ts';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkCardSaveEvent } from '../../events/card-save.ts';
import type { BkItemPicker } from '../../shared/item-picker.ts';
import './practice-library.ts';
import type { BkPracticeLibrary } from './practice-library.component.ts';

/** The card's detail, inside the library. */
const detailOf = (lib: Element) => shadow(lib).querySelector('bk-card-detail')?.shadowRoot ?? null;

const BUILT_IN = [
  'business-partner-profile',
  'business-case',
  'strategic-account-plan',
  'value-realization-plan',
  'stakeholder-map',
  'relationship-health-assessment',
  'practice',
] as const;

async function mountLibrary() {
  const el = await mount<BkPracticeLibrary>('<bk-practice-library></bk-practice-library>');
  await until(() => shadow(el).querySelector('[part="list"]'));
  return el;
}

const formOf = (lib: Element) => shadow(shadow(lib).querySelector('bk-card-form') as Element);

/** "New card", then the template, by keyboard: the chooser's radios take the arrow keys. */
async function openFormByKeyboard(lib: BkPracticeLibrary, templateId: string): Promise<ShadowRoot> {
  shadow(lib).querySelector<HTMLButtonElement>('[part="new-button"]')?.focus();
  await userEvent.keyboard('{Enter}');
  await until(() => shadow(lib).activeElement?.id === 'bk-choose-heading');
  await userEvent.keyboard('{Tab}');
  for (let i = 0; i < BUILT_IN.length + 2; i++) {
    const radio = shadow(lib).activeElement as HTMLInputElement | null;
    if (radio?.type === 'radio' && radio.checked && radio.value === templateId) break;
    await userEvent.keyboard('{ArrowDown}');
  }
  expect((shadow(lib).activeElement as HTMLInputElement).value).toBe(templateId);
  await userEvent.keyboard('{Tab}{Enter}');
  // The form is loaded on demand: the first test of a cold run waits for the dev server to build it.
  await until(() => shadow(lib).querySelector('bk-card-form')?.shadowRoot?.activeElement?.id === 'bk-form-heading', 30_000);
  return formOf(lib);
}

const labelOf = (form: ShadowRoot, el: HTMLElement) => form.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '';
const legendOf = (group: Element | null) => group?.querySelector(':scope > legend')?.textContent ?? '';

/**
 * Whether the keyboard user must fill the focused control: its label says "(required)", it is
 * the main input of a required person, amount or link, or it belongs to a row the user added.
 */
function mustFill(form: ShadowRoot, el: HTMLElement): boolean {
  if (labelOf(form, el).includes('(required)')) return true;
  const group = el.closest('fieldset');
  if (/-(name|amount|id)$/.test(el.id) && group?.matches('.person, .money, .link')) {
    return legendOf(group).includes('(required)') || Boolean(group.parentElement?.matches('li.row'));
  }
  return Boolean(el.closest('.field')?.parentElement?.matches('li.row'));
}

/** What to type into a link picker to find a demo item of its kind. */
const FIND: Record<string, string> = { card: 'Contoso', idea: 'invoice matching', thread: 'invoice' };

/**
 * Fills a generated form from the keyboard only: Tab from control to control, typing into the
 * required ones, Enter on "Add to …" of a required list that has no row yet (focus then moves
 * into the new row), Space on one practice area; stops on the Save button. A required link is
 * picked by typing words of a demo item's title, then Enter on the first match; a required
 * person is a name typed in full.
 */
async function fillByKeyboard(form: ShadowRoot): Promise<void> {
  let dates = 0;
  for (let step = 0; step < 500; step++) {
    const el = form.activeElement as HTMLElement | null;
    if (el?.getAttribute('part') === 'submit') return;
    if (el instanceof HTMLButtonElement && el.dataset.add) {
      const list = el.closest('fieldset');
      if (legendOf(list).includes('(required)') && !list?.querySelector(':scope > .rows > li')) {
        await userEvent.keyboard('{Enter}');
        await until(() => form.activeElement !== el && form.activeElement?.closest('li.row'));
        continue;
      }
    } else if (el?.localName === 'bk-item-picker') {
      const picker = el as BkItemPicker;
      if (mustFill(form, el) && !picker.text) {
        if (picker.kind === 'person') {
          await userEvent.keyboard('Helena Fischer');
          expect(picker.text).toBe('Helena Fischer');
        } else {
          await userEvent.keyboard(FIND[picker.kind] ?? '');
          const input = picker.shadowRoot?.querySelector('input') as HTMLInputElement;
          await until(() => input.getAttribute('aria-expanded') === 'true', 15_000);
          await userEvent.keyboard('{Enter}');
          await until(() => picker.value);
        }
      }
    } else if (el instanceof HTMLInputElement && el.type === 'checkbox') {
      if (el.value === 'value-realization') await userEvent.keyboard(' ');
    } else if (el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
      if (mustFill(form, el) && el.value === '') {
        if (el instanceof HTMLSelectElement) {
          await userEvent.keyboard('{ArrowDown}');
        } else if (el.type === 'date') {
          dates += 1;
          const month = String(dates).padStart(2, '0');
          await userEvent.keyboard(`${month}152027`);
          expect(el.value).toBe(`2027-${month}-15`);
        } else if (el.type === 'number') {
          await userEvent.keyboard(el.id.endsWith('-amount') ? '1250' : '3');
        } else {
          await userEvent.keyboard(`Typed ${labelOf(form, el).replace(' (required)', '')}`);
        }
        expect(el.value).not.toBe('');
      }
    }
    await userEvent.keyboard('{Tab}');
  }
  throw new Error('The Save button was never reached with Tab.');
}

// The library loads its form on demand; a cold dev server builds that chunk (and what it imports) on the first
// request, which took over 30 s on a loaded machine. Load it once here, so each test times the form, not the build.
beforeAll(() => import('./card-form.ts'), 120_000);

describe('<bk-practice-library> card form', () => {
  let token: string;
  beforeEach(async () => {
    token = await tokenFor(newPerson('Finance'));
    signIn(token);
  });
  afterEach(cleanup);
  keepAddress();

  for (const templateId of BUILT_IN) {
    it(`creates a ${templateId} card from its generated form, by keyboard only`, { timeout: 120_000 }, async () => {
      const api = clientAs(token);
      const template = await api.templates.get(templateId);
      const lib = await mountLibrary();
      const saved: PracticeCard[] = [];
      lib.addEventListener(BkCardSaveEvent.type, (e) => saved.push(e.card));
      const form = await openFormByKeyboard(lib, templateId);
      expect(form.querySelector('h3')?.textContent).toBe(`New card: ${template.name}`);

      const title = `Keyboard ${templateId} ${Date.now()}`;
      // The links to the form's sections come first.
      await userEvent.keyboard('{Tab}');
      expect(form.activeElement?.closest('[part="contents"]')).not.toBeNull();
      while (form.activeElement?.closest('[part="contents"]')) await userEvent.keyboard('{Tab}');
      expect(form.activeElement?.id).toBe('bk-c-title');
      await userEvent.keyboard(title);
      await fillByKeyboard(form);
      await userEvent.keyboard('{Enter}');

      await until(() => saved.length === 1, 15_000);
      await until(() => detailOf(lib)?.activeElement?.id === 'bk-detail-title');
      expect(detailOf(lib)?.querySelector('#bk-detail-title')?.textContent).toBe(title);
      const stored = await api.cards.get(saved[0]?.id ?? '');
      expect(stored).toMatchObject({ templateId, title, tags: ['value-realization'], version: 1 });
      // Left empty, the review date is the server's default, and the author owns the card.
      expect(stored.reviewBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(stored.owner?.name).toMatch(/^Tester /);
      // Every required field of the template was reached by keyboard and stored.
      for (const def of template.fields.filter((f) => f.required)) expect(stored.fields[def.key], def.key).toBeDefined();
      for (const def of template.fields.filter((f) => f.required && f.type === 'list')) expect(stored.fields[def.key]).toHaveLength(1);
    });
  }

  it('adds and removes rows from the keyboard, moving focus to the new row and back', async () => {
    const lib = await mountLibrary();
    const form = await openFormByKeyboard(lib, 'business-case');
    const add = form.querySelector<HTMLButtonElement>('[data-add="options"]') as HTMLButtonElement;
    add.focus();
    await userEvent.keyboard('{Enter}');
    const first = await until(() => form.querySelector('#bk-f-options > .rows > li:nth-child(1)'));
    expect(form.activeElement).toBe(first.querySelector('select'));
    expect(legendOf(first.querySelector('fieldset'))).toBe('Option 1');
    add.focus();
    await userEvent.keyboard('{Enter}');
    const second = await until(() => form.querySelector('#bk-f-options > .rows > li:nth-child(2)'));
    expect(form.activeElement).toBe(second.querySelector('select'));
    const remove = second.querySelector<HTMLButtonElement>('button[data-remove]') as HTMLButtonElement;
    expect(remove.getAttribute('aria-label')).toBe('Remove Option 2');
    // Remove is at the end of its row, inside the row's group.
    expect(remove.parentElement).toBe(second.querySelector(':scope > fieldset'));
    remove.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => form.querySelectorAll('#bk-f-options > .rows > li').length === 1);
    // Focus goes back to the previous row; removing the only row leaves it on "Add".
    expect(form.activeElement).toBe(first.querySelector('select'));
    first.querySelector<HTMLButtonElement>('button[data-remove]')?.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => form.querySelectorAll('#bk-f-options > .rows > li').length === 0);
    expect(form.activeElement).toBe(add);
  });

  it('points at the required fields left empty, without sending anything', async () => {
    const lib = await mountLibrary();
    const saved: PracticeCard[] = [];
    lib.addEventListener(BkCardSaveEvent.type, (e) => saved.push(e.card));
    const form = await openFormByKeyboard(lib, 'business-case');
    form.querySelector<HTMLElement>('[part="submit"]')?.click();
    const summary = await until(() => form.querySelector('[part="error-summary"]'));
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.querySelector('h4')?.textContent).toMatch(/^There are \d+ problems with the card$/);
    expect(summary.textContent).toContain('Title: Fill this in.');
    expect(summary.textContent).toContain('Options: Add at least one.');
    // Focus goes to the first invalid field, which says what is wrong and is described by it.
    const title = form.querySelector('#bk-c-title') as HTMLInputElement;
    await until(() => form.activeElement === title);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toContain('bk-c-title-error');
    expect(form.querySelector('#bk-c-title-error')?.textContent).toBe('Fill this in.');
    expect(form.querySelector('#bk-f-executiveSummary')?.getAttribute('aria-invalid')).toBe('true');
    const sponsor = form.querySelector('#bk-f-sponsor-name') as BkItemPicker;
    expect(sponsor.shadowRoot?.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
    expect(sponsor.shadowRoot?.querySelector('#bk-pick-error')?.textContent).toBe('Fill this in.');
    const options = form.querySelector('#bk-f-options') as HTMLFieldSetElement;
    expect(options.getAttribute('aria-describedby')).toContain('bk-f-options-error');
    expect(form.querySelector('#bk-f-options-error')?.textContent).toBe('Add at least one.');
    // A summary entry takes focus to its field.
    const link = [...summary.querySelectorAll('a')].find((a) => a.textContent?.startsWith('Sponsor'));
    link?.click();
    expect(form.activeElement?.id).toBe('bk-f-sponsor-name');
    expect(saved).toEqual([]);
    await expectNoAxeViolations(lib);
  });

  it("shows the server's field error at the input it concerns: a negative amount in the second option", { timeout: 120_000 }, async () => {
    const lib = await mountLibrary();
    const form = await openFormByKeyboard(lib, 'business-case');
    (form.querySelector('#bk-c-title') as HTMLInputElement).focus();
    await userEvent.keyboard(`Server check ${Date.now()}`);
    await fillByKeyboard(form);
    // A second option whose cost the server refuses.
    const add = form.querySelector<HTMLButtonElement>('[data-add="options"]') as HTMLButtonElement;
    await userEvent.click(add);
    const row = await until(() => form.querySelector('#bk-f-options > .rows > li:nth-child(2)'));
    await userEvent.selectOptions(row.querySelector('select') as HTMLSelectElement, 'do-minimum');
    await userEvent.fill(row.querySelector('textarea') as HTMLTextAreaElement, 'Hire a temporary clerk.');
    const amount = row.querySelector<HTMLInputElement>('input[id$="-cost-amount"]') as HTMLInputElement;
    await userEvent.fill(amount, '-45000');
    form.querySelector<HTMLElement>('[part="submit"]')?.click();
    await until(() => amount.getAttribute('aria-invalid') === 'true');
    expect(form.querySelector(`#${amount.id}-error`)?.textContent).toBe('Options › 2 › Cost: the amount cannot be negative.');
    expect(amount.getAttribute('aria-describedby')).toBe(`${amount.id}-error`);
    await until(() => form.activeElement === amount);
    expect(form.querySelector('[part="error-summary"]')?.textContent).toContain('Options › 2 › Cost: the amount cannot be negative.');
    // Everything typed is still there.
    expect((row.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Hire a temporary clerk.');
    await expectNoAxeViolations(lib);
  });

  it('closes with Escape and returns focus to "New card"', async () => {
    const lib = await mountLibrary();
    await openFormByKeyboard(lib, 'stakeholder-map');
    await userEvent.keyboard('{Tab}{Escape}');
    await until(() => shadow(lib).activeElement?.getAttribute('part') === 'new-button');
    expect(shadow(lib).querySelector('bk-card-form')).toBeNull();
  });
});
