import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../test/support.ts';
import type { BkItemPickEvent } from '../events/item-pick.ts';
import type { BkItemPicker } from './item-picker.ts';
import './item-picker.ts';

const combobox = (name: string) => page.getByRole('combobox', { name });
const options = (el: Element) => [...shadow(el).querySelectorAll('[role="option"]')];
const input = (el: Element) => shadow(el).querySelector('input') as HTMLInputElement;
const statusText = (el: Element) => shadow(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('the item picker', () => {
  let token: string;
  let tag: string;
  let ideas: { id: string; title: string }[];

  beforeAll(async () => {
    token = await tokenFor(newPerson());
    const author = clientAs(token);
    tag = `pk${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    ideas = [];
    for (const title of [`First ${tag}`, `Second ${tag}`, `Third ${tag}`]) {
      ideas.push(await author.ideas.create({ board: 'people', title }));
    }
  });
  afterEach(cleanup);

  it('picks a practice card from the keyboard: type, arrows, Enter', async () => {
    signIn(token);
    const el = await mount<BkItemPicker>('<bk-item-picker kind="card" label="Answering card"></bk-item-picker>');
    const picked: BkItemPickEvent[] = [];
    el.addEventListener('bk-item-pick', (e) => picked.push(e));
    await userEvent.click(combobox('Answering card'));
    expect(input(el).getAttribute('aria-expanded')).toBe('false');
    await userEvent.keyboard('business case');
    await until(() => options(el).length > 0);
    const box = input(el);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-controls')).toBe(shadow(el).querySelector('[role="listbox"]')?.id);
    expect(box.getAttribute('aria-activedescendant')).toBe(options(el)[0]?.id);
    expect(statusText(el)).toMatch(/^\d+ match(es)?\. Up and down arrows to choose, Enter to pick\.$/);
    await expectNoAxeViolations(el);

    // Arrows move the highlighted option (wrapping), focus stays in the box.
    const count = options(el).length;
    await userEvent.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options(el)[Math.min(1, count - 1) % count]?.id);
    await userEvent.keyboard('{ArrowUp}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options(el)[0]?.id);
    expect(shadow(el).activeElement).toBe(box);
    const first = options(el)[0]?.querySelector('span')?.textContent;
    await userEvent.keyboard('{Enter}');
    expect(picked).toHaveLength(1);
    expect(picked[0]?.kind).toBe('card');
    expect(picked[0]?.item?.title).toBe(first);
    expect(picked[0]?.item?.id).toMatch(/\S/);
    expect(el.value).toEqual(picked[0]?.item);
    expect(box.value).toBe(first);
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);
    expect(statusText(el)).toBe(`Chosen: ${first}`);

    // Typing over the choice takes it back; Escape closes the list, then clears the box.
    await userEvent.keyboard('{Backspace}');
    expect(picked.at(-1)?.item).toBeNull();
    expect(el.value).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(box.value).toBe('');
  });

  it('picks an idea of one board, never the one excluded, and says when nothing matches', async () => {
    signIn(token);
    const [first, second, third] = ideas;
    const el = await mount<BkItemPicker>(
      `<bk-item-picker kind="idea" board="people" exclude="${first?.id}" label="Merge into"></bk-item-picker>`,
    );
    await userEvent.click(combobox('Merge into'));
    await userEvent.keyboard(tag);
    await until(() => options(el).length === 2);
    expect(options(el).map((o) => o.querySelector('span')?.textContent)).toEqual(expect.arrayContaining([second?.title, third?.title]));
    expect(options(el)[0]?.querySelector('.meta')?.textContent).toBe(', Open');
    await userEvent.keyboard('{Escape}');
    expect(input(el).getAttribute('aria-expanded')).toBe('false');
    // ↓ opens the matches again.
    await userEvent.keyboard('{ArrowDown}');
    expect(input(el).getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(page.getByRole('option', { name: new RegExp(second?.title ?? '') }));
    expect(el.value).toEqual({ id: second?.id, title: second?.title });

    const other = await mount<BkItemPicker>('<bk-item-picker kind="idea" board="general" label="On another board"></bk-item-picker>');
    await userEvent.click(combobox('On another board'));
    await userEvent.keyboard(tag);
    await until(() => statusText(other) === `No matches for “${tag}”.`);
    expect(input(other).getAttribute('aria-expanded')).toBe('false');
    await expectNoAxeViolations(other);
  });
});
