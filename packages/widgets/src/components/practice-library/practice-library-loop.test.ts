import type { Idea } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { HOME, keepAddress, withQuery } from '../../../test/address.ts';
import { signInEachTest } from '../../../test/signed-in.ts';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, tokenFor, until } from '../../../test/support.ts';
import { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import './practice-library.ts';
import type { BkPracticeLibrary } from './practice-library.component.ts';
import { createStoryCard, createTestCard, type StoryCard } from './test-cards.ts';

const detailOf = (lib: Element) => shadow(lib).querySelector('bk-card-detail')?.shadowRoot ?? null;
const detailTitle = (lib: Element) => detailOf(lib)?.querySelector('#bk-detail-title')?.textContent?.trim();
const status = (el: Element) => shadow(el).querySelector('.base > [role="status"]')?.textContent ?? '';
const popped = () => new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));

async function mountLibrary(attrs = '') {
  const el = await mount<BkPracticeLibrary>(`<bk-practice-library ${attrs}></bk-practice-library>`);
  await until(() => shadow(el).querySelector('.results')?.getAttribute('aria-busy') === 'false' || detailOf(el));
  return el;
}

describe('<bk-practice-library>: a card’s story, outcomes and links', () => {
  let story: StoryCard;

  beforeAll(async () => {
    const author = await tokenFor(newPerson('Finance'));
    story = await createStoryCard(clientAs(author), clientAs(await tokenFor(newPerson('Sales'))), clientAs(await tokenFor('mei')));
  });
  keepAddress();
  afterEach(() => vi.restoreAllMocks());
  const token = signInEachTest('Operations');

  it('opens the card of ?card= and shows its war story, the requests it answered and the ideas it sparked, each a link', async () => {
    history.replaceState(null, '', withQuery(`card=${encodeURIComponent(story.card.id)}`));
    const el = await mountLibrary();
    await until(() => detailTitle(el) === story.card.title);
    const detail = detailOf(el) as ShadowRoot;
    const pages = await itemPages(clientAs(token()));

    const from = await until(() => detail.querySelector('[part="story"]'));
    expect(from.textContent?.replace(/\s+/g, ' ').trim()).toBe(`From the war story: ${story.threadTitle}`);
    expect(from.querySelector('a')?.href).toBe(`${story.pageUrl}#bk-comment=${story.commentId}`);

    const answered = await until(() => detail.querySelector('[part="answers"]'));
    expect(answered.querySelector('h4')?.textContent).toBe('Answered 1 request');
    const answeredLink = await until(() => answered.querySelector('a'));
    expect(answeredLink.textContent).toBe(story.answered.title);
    expect(answeredLink.href).toBe(itemUrl(pages, 'idea', story.answered.id));

    const sparked = detail.querySelector('[part="sparked"]') as HTMLElement;
    expect(sparked.querySelector('h4')?.textContent).toBe('Sparked 1 idea');
    expect(sparked.querySelector('a')?.textContent).toBe(story.sparked.title);
    expect(sparked.querySelector('a')?.href).toBe(itemUrl(pages, 'idea', story.sparked.id));
    await expectNoAxeViolations(el);
  });

  it('copies the card’s link', async () => {
    const copied: string[] = [];
    // The clipboard is the browser's: record what would be written to it.
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => {
      copied.push(text);
    });
    history.replaceState(null, '', `${HOME}#bk-card=${encodeURIComponent(story.card.id)}`);
    const el = await mountLibrary();
    await until(() => detailTitle(el) === story.card.title);
    await userEvent.click(page.getByRole('button', { name: 'More' }));
    await userEvent.click(page.getByRole('menuitem', { name: 'Copy link' }));
    await until(() => status(el) === 'Link copied.');
    expect(copied).toEqual([itemUrl(await itemPages(clientAs(token())), 'card', story.card.id)]);
  });

  it('proposes an idea from the card, on a board the reader picks, and the idea names the card', async () => {
    history.replaceState(null, '', `${HOME}#bk-card=${encodeURIComponent(story.card.id)}`);
    const el = await mountLibrary();
    await until(() => detailTitle(el) === story.card.title);
    const created: Idea[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e.idea));

    await userEvent.click(page.getByRole('button', { name: 'Propose an idea' }));
    // The demo tenant has two open boards: the reader picks one, with the keyboard.
    const board = await until(() => detailOf(el)?.querySelector('bk-card-propose')?.shadowRoot?.querySelector('select'));
    await until(() => detailOf(el)?.querySelector('bk-card-propose')?.shadowRoot?.activeElement === board);
    expect(page.getByRole('button', { name: 'Propose an idea' }).element().getAttribute('aria-expanded')).toBe('true');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Board' }), 'general');
    await expect.element(page.getByText(`Proposed from the practice card: ${story.card.title}`)).toBeVisible();
    await expectNoAxeViolations(el);

    const title = `Report catalogue for sales ${Date.now()}`;
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), title);
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => created.length === 1);
    const idea = created[0] as Idea;
    const view = await clientAs(token()).ideas.view(idea.id);
    expect(view.sourceCard).toEqual({ id: story.card.id, title: story.card.title });
    expect(view.board.slug).toBe('general');

    // The form closes, focus goes back to its button, and the card says what became of the idea.
    await until(() => !detailOf(el)?.querySelector('bk-card-propose'));
    await until(() => detailOf(el)?.activeElement?.getAttribute('data-action') === 'propose');
    expect(status(el)).toBe(`Your idea “${title}” was submitted.`);
    const proposed = detailOf(el)?.querySelector('.proposed a') as HTMLAnchorElement;
    expect(proposed.textContent).toBe('Open the idea');
    expect(proposed.href).toBe(itemUrl(await itemPages(clientAs(token())), 'idea', idea.id));
    // The card now counts it among the ideas it sparked.
    await until(() => detailOf(el)?.querySelector('[part="sparked"] h4')?.textContent === 'Sparked 2 ideas');
  });

  it('puts the open card in the address: Back closes it, and Back again to a card the address named reopens it', async () => {
    const other = await createTestCard(clientAs(token()));
    history.replaceState(null, '', `${HOME}#bk-card=${encodeURIComponent(story.card.id)}`);
    const el = await mountLibrary();
    await until(() => detailTitle(el) === story.card.title);

    // Back to the list: the card leaves the address.
    await userEvent.click(page.getByRole('button', { name: 'Back to the list' }));
    await until(() => !location.href.includes('bk-card='));
    // A card opened from the list: a real link, followed in place.
    const link = await until(() => shadow(el).querySelector<HTMLAnchorElement>(`a[data-open="${other.id}"]`));
    expect(link.href).toBe(itemUrl(await itemPages(clientAs(token())), 'card', other.id));
    await userEvent.click(link);
    await until(() => detailTitle(el) === other.title);
    expect(location.hash).toBe(`#bk-card=${other.id}`);

    // Browser Back closes it, and focus returns to its title in the list.
    const back = popped();
    history.back();
    await back;
    await until(() => !detailOf(el) && shadow(el).activeElement?.getAttribute('data-open') === other.id);
    expect(location.href).not.toContain('bk-card=');

    // Back once more: the address names the first card again, and the library opens it.
    const again = popped();
    history.back();
    await again;
    await until(() => detailTitle(el) === story.card.title);
  });

  it('opens a pasted link to another card while it is open', async () => {
    const other = await createTestCard(clientAs(token()));
    history.replaceState(null, '', `${HOME}#bk-card=${encodeURIComponent(story.card.id)}`);
    const el = await mountLibrary();
    await until(() => detailTitle(el) === story.card.title);
    location.hash = `bk-card=${encodeURIComponent(other.id)}`;
    await until(() => detailTitle(el) === other.title);
  });
});

describe('<bk-practice-library>: a business case’s idea and a value plan’s benefits', () => {
  keepAddress();
  const token = signInEachTest('Finance');

  it('shows the idea the demo’s business case was made for, and its value plan’s benefits below the fields', async () => {
    const approved = await clientAs(token()).ideas.get('demo-idea-close');
    history.replaceState(null, '', `${HOME}#bk-card=demo-card-case-close`);
    const el = await mountLibrary();
    await until(() => detailOf(el)?.querySelector('[part="case-for"]'));
    const detail = detailOf(el) as ShadowRoot;
    const line = detail.querySelector('[part="case-for"]') as HTMLElement;
    expect(line.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Business case for the idea: ${approved.title}`);
    expect(line.querySelector('a')?.href).toBe(itemUrl(await itemPages(clientAs(token())), 'idea', approved.id));
    expect(detail.querySelector('bk-value-plan')).toBeNull();
    await expectNoAxeViolations(el);

    cleanup();
    history.replaceState(null, '', `${HOME}#bk-card=demo-card-plan-close`);
    const plan = await mountLibrary();
    const benefits = await until(() => detailOf(plan)?.querySelector('bk-value-plan'));
    expect(benefits.getAttribute('card-id')).toBe('demo-card-plan-close');
    // The plan sits below the card's level-3 title: its outline continues at 4 and 5 in every state.
    await expectNoAxeViolations(plan);
    await until(() => benefits.shadowRoot?.querySelector('[part="table"]'));
    expect(benefits.shadowRoot?.querySelector('h4')?.id).toBe('bk-value-plan-heading');
    expect(benefits.shadowRoot?.querySelector('h2, h3')).toBeNull();
    await expectNoAxeViolations(plan);
  });
});
