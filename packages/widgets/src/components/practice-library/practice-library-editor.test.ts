/**
 * The card editor's pickers, its contents and sticky Save, singular row labels, "Also mark as
 * reviewed", the visible confirmation, the card's "More" menu, and the card on a 390 px phone.
 */
import type { PracticeCard } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { keepAddress } from '../../../test/address.ts';
import { signInEachTest } from '../../../test/signed-in.ts';
import { clientAs, expectNoAxeViolations, mount, shadow, signIn, until } from '../../../test/support.ts';
import type { BkItemPicker } from '../../shared/item-picker.ts';
import './practice-library.ts';
import type { BkPracticeLibrary } from './practice-library.component.ts';
import { minimalBusinessCase } from './test-cards.ts';

const detailOf = (lib: Element) => shadow(lib).querySelector('bk-card-detail')?.shadowRoot ?? null;
const formOf = (lib: Element) => shadow(lib).querySelector('bk-card-form')?.shadowRoot ?? null;
const action = (lib: Element, name: string) =>
  detailOf(lib)?.querySelector<HTMLButtonElement>(`[data-action="${name}"]`) as HTMLButtonElement;
const liveRegion = (lib: Element) => shadow(lib).querySelector('.base > [role="status"]')?.textContent ?? '';
const confirmation = (lib: Element) => shadow(lib).querySelector('[part="confirmation"]')?.textContent?.trim() ?? '';
const inputOf = (picker: Element) => picker.shadowRoot?.querySelector('input') as HTMLInputElement;
/** A date `days` from today, as `YYYY-MM-DD`. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const unique = () => `${Date.now()} ${Math.random().toString(36).slice(2, 7)}`;

/** The library with `card` opened from a search for its title. */
async function openCard(card: PracticeCard, searchLabel = 'Search practice cards') {
  const lib = await mount<BkPracticeLibrary>('<bk-practice-library></bk-practice-library>');
  await until(() => shadow(lib).querySelector('[part="list"]'));
  await userEvent.fill(page.getByRole('searchbox', { name: searchLabel }), card.title);
  await userEvent.click(await until(() => shadow(lib).querySelector<HTMLAnchorElement>(`a[data-open="${card.id}"]`)));
  await until(() => detailOf(lib)?.activeElement?.id === 'bk-detail-title');
  return lib;
}

async function openForm(lib: Element): Promise<ShadowRoot> {
  await userEvent.click(action(lib, 'edit'));
  return until(() => formOf(lib)?.activeElement?.id === 'bk-form-heading' && formOf(lib));
}

/** Types into the focused picker and takes the match named `title` with ↓ and Enter. */
async function pickByKeyboard(picker: BkItemPicker, typed: string, title: string): Promise<void> {
  await userEvent.keyboard(typed);
  const input = inputOf(picker);
  await until(() => input.getAttribute('aria-expanded') === 'true', 15_000);
  const options = [...(picker.shadowRoot?.querySelectorAll('[role="option"]') ?? [])];
  const index = options.findIndex((o) => o.firstElementChild?.textContent === title);
  expect(index, `${title} among the matches`).toBeGreaterThanOrEqual(0);
  // The first match is highlighted; ↓ moves on.
  for (let i = 0; i < index; i++) await userEvent.keyboard('{ArrowDown}');
  expect(input.getAttribute('aria-activedescendant')).toBe(`bk-option-${index}`);
  await userEvent.keyboard('{Enter}');
  await until(() => picker.value?.title === title);
}

beforeAll(() => import('./card-form.ts'), 120_000);

describe('<bk-practice-library> card editor', () => {
  const token = signInEachTest('Finance');
  keepAddress();

  it('picks links and people by name from the keyboard, shows a linked item by its title, and numbers rows singly', {
    timeout: 90_000,
  }, async () => {
    const api = clientAs(token());
    const input = minimalBusinessCase(`Picker case ${unique()}`);
    const card = (await api.cards.create({
      ...input,
      fields: { ...input.fields, strategicAlignment: [{ kind: 'idea', id: 'demo-idea-invoice' }] },
    })) as PracticeCard;
    const idea = await api.ideas.get('demo-idea-invoice');
    const lib = await openCard(card);
    const form = await openForm(lib);

    // The stored link shows the idea's title, not its id.
    const rows = form.querySelectorAll('#bk-f-strategicAlignment > .rows > li');
    expect(rows).toHaveLength(1);
    const linked = rows[0]?.querySelector('bk-item-picker') as BkItemPicker;
    await until(() => inputOf(linked)?.value === idea.title);
    expect(linked.value).toEqual({ id: 'demo-idea-invoice', title: idea.title });

    // Rows are numbered with the template's word for one item, and Remove sits in its row.
    const firstOption = form.querySelector('#bk-f-options > .rows > li') as HTMLElement;
    expect(firstOption.querySelector(':scope > fieldset > legend')?.textContent).toBe('Option 1');
    expect(firstOption.querySelector(':scope > fieldset > button[data-remove]')?.getAttribute('aria-label')).toBe('Remove Option 1');

    // A second link: the kind, then a card by its title.
    const add = form.querySelector<HTMLButtonElement>('[data-add="strategicAlignment"]') as HTMLButtonElement;
    add.focus();
    await userEvent.keyboard('{Enter}');
    const second = await until(() => form.querySelector('#bk-f-strategicAlignment > .rows > li:nth-child(2)'));
    expect(second.querySelector('legend')?.textContent).toBe('Objective 2');
    const kind = second.querySelector('select') as HTMLSelectElement;
    expect(form.activeElement).toBe(kind);
    expect(kind.value).toBe('card');
    await userEvent.keyboard('{Tab}');
    const cardPicker = second.querySelector('bk-item-picker') as BkItemPicker;
    expect(form.activeElement).toBe(cardPicker);
    const profile = await api.cards.get('demo-card-business-partner-profile');
    await pickByKeyboard(cardPicker, 'Contoso', profile.title);

    // The sponsor: a member, picked by name; the owner: another member.
    const sponsor = form.querySelector('#bk-f-sponsor-name') as BkItemPicker;
    expect(sponsor.text).toBe('Helena Fischer');
    sponsor.focus();
    await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
    await pickByKeyboard(sponsor, 'Amara', 'Amara Okafor');
    const owner = form.querySelector('#bk-c-owner') as BkItemPicker;
    owner.focus();
    await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
    await pickByKeyboard(owner, 'Priya', 'Priya Raman');
    await expectNoAxeViolations(lib);

    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);
    await until(() => detailOf(lib)?.activeElement?.id === 'bk-detail-title', 15_000);
    const stored = await api.cards.get(card.id);
    expect(stored.fields.strategicAlignment).toEqual([
      { kind: 'idea', id: 'demo-idea-invoice' },
      { kind: 'card', id: 'demo-card-business-partner-profile' },
    ]);
    expect(stored.fields.sponsor).toEqual({ name: 'Amara Okafor', handle: 'amara.okafor' });
    expect(stored.owner).toEqual({ handle: 'priya.raman', name: 'Priya Raman' });
  });

  it('keeps Save in view at the bottom of the window, and its section links move focus to a field', { timeout: 60_000 }, async () => {
    await page.viewport(1000, 700);
    const card = (await clientAs(token()).cards.create(minimalBusinessCase(`Sticky case ${unique()}`))) as PracticeCard;
    const lib = await openCard(card);
    const form = await openForm(lib);
    const save = form.querySelector('[part="submit"]') as HTMLElement;
    // The form is far taller than the window, yet Save is inside it from the start.
    expect(form.querySelector('form')?.getBoundingClientRect().height).toBeGreaterThan(2 * window.innerHeight);
    expect(getComputedStyle(form.querySelector('[part="action-bar"]') as Element).position).toBe('sticky');
    const inView = () => {
      const box = save.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    };
    expect(inView()).toBe(true);

    // A link of the contents, by keyboard: focus moves to the field, and Save is still in view.
    const contents = form.querySelector('[part="contents"]') as HTMLElement;
    expect(contents.getAttribute('aria-label')).toBe('Sections of the form');
    const risks = [...contents.querySelectorAll('a')].find((a) => a.textContent === 'Major risks') as HTMLAnchorElement;
    risks.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => form.activeElement?.closest('#bk-f-majorRisks'));
    expect(inView()).toBe(true);
    await expectNoAxeViolations(lib);
  });

  it('lets the owner of a card due for review also mark it reviewed on save, and shows what was done', { timeout: 60_000 }, async () => {
    const api = clientAs(token());
    const card = (await api.cards.create({ ...minimalBusinessCase(`Due case ${unique()}`), reviewBy: inDays(10) })) as PracticeCard;
    expect(card.freshness).toBe('due');
    const lib = await openCard(card);
    const form = await openForm(lib);
    const check = form.querySelector('#bk-c-mark-reviewed') as HTMLInputElement;
    expect(form.querySelector(`label:has(#bk-c-mark-reviewed)`)?.textContent?.trim()).toBe('Also mark as reviewed');
    await userEvent.fill(form.querySelector('#bk-c-summary') as HTMLTextAreaElement, 'Checked again with finance.');
    check.focus();
    await userEvent.keyboard(' ');
    expect(check.checked).toBe(true);
    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);

    await until(() => detailOf(lib)?.activeElement?.id === 'bk-detail-title', 15_000);
    const stored = await api.cards.get(card.id);
    expect(stored).toMatchObject({ version: 2, summary: 'Checked again with finance.', freshness: 'current' });
    expect(stored.lastVerifiedAt).not.toBeNull();
    // The live region's text, shown above the card too.
    await until(() => confirmation(lib).startsWith(`“${card.title}” is saved as version 2. “${card.title}” is verified.`));
    expect(confirmation(lib)).toBe(liveRegion(lib));
    // Gone once the person moves on.
    await userEvent.click(page.getByRole('button', { name: 'Back to the list' }));
    await until(() => !shadow(lib).querySelector('[part="confirmation"]'));
  });

  it('does not offer "Also mark as reviewed" on a card that is not due', async () => {
    const card = (await clientAs(token()).cards.create(minimalBusinessCase(`Fresh case ${unique()}`))) as PracticeCard;
    const lib = await openCard(card);
    const form = await openForm(lib);
    expect(form.querySelector('#bk-c-mark-reviewed')).toBeNull();
  });
});

describe('<bk-practice-library> a card on a phone, and its "More" menu', () => {
  const token = signInEachTest('Finance');
  keepAddress();
  afterEach(() => page.viewport(1000, 700));

  it('at 390 px: tables become label and value blocks, amounts stay on one line, zeros are left out', { timeout: 60_000 }, async () => {
    await page.viewport(390, 800);
    const card = (await clientAs(token()).cards.create(minimalBusinessCase(`Phone case ${unique()}`))) as PracticeCard;
    const lib = await openCard(card);
    const detail = detailOf(lib) as ShadowRoot;
    const cell = detail.querySelector('td[data-label="Cost"]') as HTMLElement;
    expect(getComputedStyle(cell).display).toBe('block');
    expect(getComputedStyle(cell, '::before').content).toBe('"Cost"');
    expect(getComputedStyle(detail.querySelector('thead') as Element).display).toBe('none');
    const money = cell.querySelector('.money') as HTMLElement;
    expect(money.textContent).toBe('€1,200.00');
    expect(money.getClientRects()).toHaveLength(1);
    // Nothing is wider than the phone.
    expect(detail.querySelector('table')?.getBoundingClientRect().width).toBeLessThanOrEqual(390);
    // A new card: no "0 people found this helpful · 0 views".
    const facts = [...detail.querySelectorAll('p.facts')].map((p) => p.textContent ?? '').join(' ');
    expect(facts).not.toMatch(/\b0 (people|views)/);
    expect(facts).toContain('Version 1');
    // The toolbar keeps one row of its main actions; the rest is under "More".
    const actions = detail.querySelector('[part="actions"]') as HTMLElement;
    const tops = new Set(
      [...actions.querySelectorAll(':scope > button, :scope > .more > button')].map((b) => Math.round(b.getBoundingClientRect().top)),
    );
    expect(tops.size).toBeLessThanOrEqual(2);
    await expectNoAxeViolations(lib);
  });

  it('"More" opens by keyboard as a menu, moves with the arrow keys, runs an item and closes with Escape', async () => {
    const card = (await clientAs(token()).cards.create(minimalBusinessCase(`Menu case ${unique()}`))) as PracticeCard;
    const lib = await openCard(card);
    const detail = detailOf(lib) as ShadowRoot;
    const more = action(lib, 'more');
    const menu = detail.querySelector('#bk-more-menu') as HTMLElement;
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(menu.hidden).toBe(true);
    more.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => detail.activeElement?.getAttribute('data-action') === 'history');
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent?.trim())).toEqual([
      'History',
      'Export as Markdown',
      'Export as JSON',
      'Print',
      'Copy link',
      'Mark obsolete',
    ]);
    await expectNoAxeViolations(lib);
    await userEvent.keyboard('{ArrowDown}');
    expect(detail.activeElement?.getAttribute('data-action')).toBe('export-markdown');
    await userEvent.keyboard('{End}');
    expect(detail.activeElement?.getAttribute('data-action')).toBe('obsolete');
    await userEvent.keyboard('{ArrowDown}');
    expect(detail.activeElement?.getAttribute('data-action')).toBe('history');
    await userEvent.keyboard('{Escape}');
    expect(menu.hidden).toBe(true);
    expect(detail.activeElement).toBe(more);
    // ↑ opens it on its last item; Enter runs it: "Mark obsolete" asks for a reason.
    await userEvent.keyboard('{ArrowUp}');
    await until(() => detail.activeElement?.getAttribute('data-action') === 'obsolete');
    await userEvent.keyboard('{Enter}');
    await until(() => detail.activeElement?.id === 'bk-obsolete-reason');
    expect(menu.hidden).toBe(true);
  });

  it('speaks German: "Mehr", and the form numbers rows with the German word for one item', { timeout: 60_000 }, async () => {
    signIn(token(), { locale: 'de-DE' });
    const card = (await clientAs(token()).cards.create(minimalBusinessCase(`Deutsch ${unique()}`))) as PracticeCard;
    const lib = await openCard(card, 'Praxiskarten durchsuchen');
    await until(() => action(lib, 'more')?.textContent?.trim().startsWith('Mehr'));
    await userEvent.click(action(lib, 'edit'));
    const form = await until(() => formOf(lib)?.querySelector('#bk-f-majorRisks > .rows > li legend') && formOf(lib));
    await until(() => form.querySelector('#bk-f-majorRisks > .rows > li legend')?.textContent === 'Risiko 1');
    expect(form.querySelector('[part="contents"]')?.getAttribute('aria-label')).toBe('Abschnitte des Formulars');
    expect((form.querySelector('#bk-c-owner') as BkItemPicker).label).toBe('Verantwortliche Person');
  });
});
