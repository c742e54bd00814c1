import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { clientAs, expectNoAxeViolations, mount, shadow, until } from '../../../test/support.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import type { BkIdea } from '../idea/idea.component.ts';
import './idea-board.ts';
import type { BkIdeaBoard } from './idea-board.component.ts';

/** The board with its list shown and its titles linked. */
async function mountBoard(): Promise<BkIdeaBoard> {
  const el = await mount<BkIdeaBoard>('<bk-idea-board board="general"></bk-idea-board>');
  await until(() => shadow(el).querySelector('.idea-title a'));
  return el;
}

const titleLinks = (el: Element) => [...shadow(el).querySelectorAll<HTMLAnchorElement>('.idea-title a')];
/** The element with focus, inside shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
/** Presses Tab (or Shift+Tab) until `target` has focus: a keyboard path, not a shortcut. */
async function tabTo(target: Element, back = false): Promise<void> {
  for (let i = 0; i < 40 && focused() !== target; i += 1) await userEvent.keyboard(back ? '{Shift>}{Tab}{/Shift}' : '{Tab}');
  expect(focused()).toBe(target);
}
const openView = (el: Element) => shadow(el).querySelector<BkIdea>('bk-idea');
const viewTitle = (view: BkIdea) => view.shadowRoot?.querySelector('#bk-idea-title')?.textContent?.trim();
/** A step through the history that changes only the fragment ends with `hashchange`. */
const traversed = () => new Promise((resolve) => globalThis.addEventListener('hashchange', resolve, { once: true }));

describe('<bk-idea-board> opens an idea in place', () => {
  let start: string;
  beforeEach(() => {
    start = location.href;
  });
  afterEach(() => history.replaceState(null, '', start));
  signInEachTest();

  it('links each title to the idea’s view, for a new tab or a copied link', async () => {
    const el = await mountBoard();
    const pages = await itemPages(clientAs(null));
    const ideas = await clientAs(null).ideas.list({ board: 'general', sort: 'top' });
    const first = titleLinks(el)[0];
    expect(first?.textContent?.trim()).toBe(ideas.items[0]?.title);
    expect(first?.href).toBe(itemUrl(pages, 'idea', ideas.items[0]?.id ?? ''));
  });

  it('from the keyboard alone: a title opens the idea, and "Back to the board" returns to it', async () => {
    const el = await mountBoard();
    const link = titleLinks(el)[1];
    if (!link) throw new Error('the board shows fewer than two ideas');
    const id = link.closest('li')?.dataset.idea ?? '';
    const title = link.textContent?.trim();
    scrollTo(0, 0);
    await tabTo(link);
    await userEvent.keyboard('{Enter}');

    const view = await until(() => openView(el));
    await until(() => viewTitle(view) === title);
    expect(shadow(el).querySelector('.ideas')).toBeNull();
    expect(location.hash).toBe(`#bk-idea=${encodeURIComponent(id)}`);
    // Focus moved to the idea's title.
    await until(() => focused()?.id === 'bk-idea-title');
    await expectNoAxeViolations(el);

    const back = shadow(el).querySelector<HTMLButtonElement>('[part="back"]');
    expect(back?.textContent?.trim()).toBe('Back to the board');
    if (!back) throw new Error('no back button');
    await tabTo(back, true);
    const closed = traversed();
    await userEvent.keyboard('{Enter}');
    await closed;
    await until(() => titleLinks(el).length > 0 && !openView(el));
    expect(location.href).toBe(start);
    // Focus is back on the title that was followed.
    await until(() => focused() === titleLinks(el)[1]);
  });

  it('closes with the browser’s Back, and opens from an address that names an idea', async () => {
    const ideas = await clientAs(null).ideas.list({ board: 'general', sort: 'top' });
    const idea = ideas.items[2] ?? ideas.items[0];
    if (!idea) throw new Error('no ideas on the board');
    history.pushState(null, '', `#bk-idea=${encodeURIComponent(idea.id)}`);
    const el = await mount<BkIdeaBoard>('<bk-idea-board board="general"></bk-idea-board>');
    const view = await until(() => openView(el));
    await until(() => viewTitle(view) === idea.title);
    expect(shadow(el).querySelector('.ideas')).toBeNull();

    const back = traversed();
    history.back();
    await back;
    await until(() => titleLinks(el).length > 0 && !openView(el));
    expect(titleLinks(el).map((a) => a.textContent?.trim())).toContain(idea.title);
  });

  it('opens from a click, and Back closes it where the list was', async () => {
    const el = await mountBoard();
    const link = titleLinks(el)[0];
    if (!link) throw new Error('no ideas on the board');
    await userEvent.click(link);
    await until(() => openView(el));
    expect(location.hash).toMatch(/^#bk-idea=/);
    const back = traversed();
    history.back();
    await back;
    await until(() => titleLinks(el).length > 0 && !openView(el));
    expect(location.href).toBe(start);
    await until(() => focused() === titleLinks(el)[0]);
  });
});
