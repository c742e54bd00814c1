import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { HOME, keepAddress } from '../../../test/address.ts';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import './thread.ts';
import type { BkThread } from './thread.component.ts';

const freshKey = () => `widget-story-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
/** A comment in the thread's list (not the linked comment shown above it). */
const article = (el: Element, id: string) => shadow(el).querySelector<HTMLElement>(`[part="list"] article[data-comment="${id}"]`);
const button = (el: Element, action: string, id: string) =>
  shadow(el).querySelector<HTMLButtonElement>(`button[data-action="${action}"][data-for="${id}"]`) as HTMLButtonElement;
/** Opens the comment's "…" menu and answers its item for `action`, if it has one. */
async function menuItem(el: Element, action: string, id: string): Promise<HTMLButtonElement | null> {
  if (button(el, 'more', id).getAttribute('aria-expanded') !== 'true') await userEvent.click(button(el, 'more', id));
  const menu = await until(() => article(el, id)?.querySelector('[role="menu"]'));
  return menu.querySelector<HTMLButtonElement>(`[role="menuitem"][data-action="${action}"]`);
}
const announcement = (el: Element) => shadow(el).querySelector('.thread > [role="status"]')?.textContent?.trim() ?? '';
const dialogOf = (el: Element) => shadow(el).querySelector('bk-promote-dialog')?.shadowRoot?.querySelector('dialog') ?? null;

async function mountThread(attrs: string) {
  const el = await mount<BkThread>(`<bk-thread ${attrs} live="off"></bk-thread>`);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}

/** A war story of `count` top-level comments by a new member, oldest first. */
async function story(count: number) {
  const author = await tokenFor(newPerson('Finance'));
  const key = freshKey();
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const comment = await clientAs(author).threads.post({ key, title: `Story ${key}`, body: `Part ${i} of the story ${key}.` });
    ids.push(comment.id);
  }
  return { author, key, ids };
}

describe('<bk-thread>: links to comments, and stories made practices', () => {
  keepAddress();
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('copies a comment’s link: the thread’s page with #bk-comment=', async () => {
    const { key, ids } = await story(1);
    signIn(null);
    const copied: string[] = [];
    // The clipboard is the browser's: record what would be written to it.
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => {
      copied.push(text);
    });
    const el = await mountThread(`key="${key}"`);
    await userEvent.click((await menuItem(el, 'copy', ids[0] as string)) as HTMLButtonElement);
    await until(() => announcement(el) === 'Link copied.');
    expect(copied).toEqual([`${HOME}#bk-comment=${ids[0]}`]);
  });

  it('scrolls to and highlights the comment the address links to', async () => {
    const { key, ids } = await story(3);
    signIn(null);
    history.replaceState(null, '', `${HOME}#bk-comment=${ids[2]}`);
    const el = await mountThread(`key="${key}"`);
    const linked = await until(() => (article(el, ids[2] as string)?.hasAttribute('data-linked') ? article(el, ids[2] as string) : null));
    expect(shadow(el).activeElement).toBe(linked);
    expect(article(el, ids[0] as string)?.hasAttribute('data-linked')).toBe(false);
  });

  it('shows a linked comment that is not on the first page above the list, as the linked comment', async () => {
    const { key, ids } = await story(3);
    signIn(null);
    history.replaceState(null, '', `${HOME}#bk-comment=${ids[2]}`);
    const el = await mountThread(`key="${key}" page-size="1"`);
    const section = await until(() => shadow(el).querySelector('section[aria-labelledby="bk-linked"]'));
    expect(section.querySelector('#bk-linked')?.textContent).toBe('The linked comment');
    expect(section.querySelector(`article[data-comment="${ids[2]}"] .comment-body`)?.textContent).toContain('Part 3 of the story');
    await until(() => shadow(el).activeElement?.getAttribute('data-comment') === ids[2]);
    // Loading the rest shows it in its place, and only there.
    await userEvent.click(page.getByRole('button', { name: 'Load more comments' }));
    await until(() => shadow(el).querySelectorAll('[part="list"] > .item').length === 2);
    await userEvent.click(page.getByRole('button', { name: 'Load more comments' }));
    await until(() => article(el, ids[2] as string));
    expect(shadow(el).querySelector('section[aria-labelledby="bk-linked"]')).toBeNull();
    expect(shadow(el).querySelectorAll(`article[data-comment="${ids[2]}"]`)).toHaveLength(1);
  });

  it('follows the address after arrival: a comment linked by a followed link, Back or Forward is scrolled to, highlighted and focused', async () => {
    const { key, ids } = await story(3);
    const [first, second, third] = ids as [string, string, string];
    signIn(null);
    // The thread starts below the fold, so showing a comment means scrolling to it.
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(spacer);
    const el = await mountThread(`key="${key}" page-size="2"`);
    const inView = (target: Element) => {
      const box = target.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    };
    expect(inView(article(el, second) as HTMLElement)).toBe(false);
    const linked = () => [...shadow(el).querySelectorAll('article[data-linked]')].map((a) => a.getAttribute('data-comment'));

    // A link that changes only the fragment (a comment's link in a comment, a notification).
    location.hash = `bk-comment=${second}`;
    await until(() => linked().includes(second));
    expect(shadow(el).activeElement).toBe(article(el, second));
    expect(inView(article(el, second) as HTMLElement)).toBe(true);

    // A comment not on the page loaded: read and shown above the list, as on arrival.
    location.hash = `bk-comment=${third}`;
    const section = await until(() => shadow(el).querySelector('section[aria-labelledby="bk-linked"]'));
    expect(section.querySelector(`article[data-comment="${third}"] .comment-body`)?.textContent).toContain('Part 3 of the story');
    await until(() => shadow(el).activeElement?.getAttribute('data-comment') === third);
    expect(linked()).toEqual([third]);

    // Back: the comment linked before, in its place; the one shown above the list is gone.
    history.back();
    await until(() => linked().includes(second));
    expect(linked()).toEqual([second]);
    expect(shadow(el).querySelector('section[aria-labelledby="bk-linked"]')).toBeNull();
    expect(shadow(el).activeElement).toBe(article(el, second));

    // Back to the address without a comment: none is highlighted; Forward links it again.
    history.back();
    await until(() => linked().length === 0);
    history.forward();
    await until(() => linked().includes(second));
    expect(article(el, first)?.hasAttribute('data-linked')).toBe(false);
  });

  it('lets a moderator make a comment a practice: a keyboard-usable dialog, the card linked, “Became a practice” shown', async () => {
    const { key, ids } = await story(2);
    const mei = await tokenFor('mei');
    signIn(mei);
    const el = await mountThread(`key="${key}"`);
    const target = ids[1] as string;
    // Offered on the comments (the last choice of their "…" menu) and on the thread to a moderator.
    await until(() => shadow(el).querySelector('.promote-thread'));
    button(el, 'more', target).focus();
    await userEvent.keyboard('{ArrowUp}');
    await until(() => (shadow(el).activeElement as HTMLElement | null)?.dataset.action === 'promote');
    await userEvent.keyboard('{Enter}');
    const dialog = await until(() => dialogOf(el));
    expect(dialog.open).toBe(true);
    const select = await until(() => dialog.querySelector('select'));
    await until(() => dialog.getRootNode() instanceof ShadowRoot && (dialog.getRootNode() as ShadowRoot).activeElement === select);
    expect(select.value).toBe('practice');
    expect(dialog.textContent).toContain('From the comment by');
    await expectNoAxeViolations(el);

    // Tab to "Create the practice card" and press it.
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{Enter}');
    const open = await until(() => dialog.querySelector<HTMLAnchorElement>('.result a'));
    const thread = (await clientAs(mei).threads.page({ key })).thread;
    const practice = thread?.practices.find((p) => p.comment === target);
    expect(practice).toBeTruthy();
    expect(dialog.textContent).toContain(`The practice card “${practice?.title}” is created.`);
    expect(open.textContent?.trim()).toBe('Open the practice card');
    expect(open.href).toBe(itemUrl(await itemPages(clientAs(mei)), 'card', practice?.id ?? ''));
    expect((dialog.getRootNode() as ShadowRoot).activeElement).toBe(open);
    const card = await clientAs(mei).cards.get(practice?.id ?? '');
    expect(card.source).toMatchObject({ comment: target, thread: { key } });
    await expectNoAxeViolations(el);

    // Escape closes it, and focus returns to the menu it was opened from.
    await userEvent.keyboard('{Escape}');
    await until(() => !dialogOf(el));
    await until(() => shadow(el).activeElement === button(el, 'more', target));

    // The thread shows what the story became, at the top and on the comment.
    const top = await until(() => shadow(el).querySelector('[part="practices"]'));
    expect(top.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Became a practice: ${card.title}`);
    expect(top.querySelector('a')?.href).toBe(open.href);
    expect(article(el, target)?.querySelector('.comment-header a')?.textContent).toBe(card.title);
  });

  it('says so when the story already became a card, which the thread shows from the start', async () => {
    const { key, ids } = await story(1);
    const mei = await tokenFor('mei');
    const thread = (await clientAs(mei).threads.page({ key })).thread;
    const first = await clientAs(mei).threads.promote(thread?.id ?? '', { template: 'practice', comment: ids[0] });
    signIn(mei);
    const el = await mountThread(`key="${key}"`);
    const top = await until(() => shadow(el).querySelector('[part="practices"] a'));
    expect(top.textContent).toBe(first.card.title);
    await userEvent.click((await menuItem(el, 'promote', ids[0] as string)) as HTMLButtonElement);
    const dialog = await until(() => dialogOf(el));
    await until(() => dialog.querySelector('select'));
    await userEvent.click(page.getByRole('button', { name: 'Create the practice card' }));
    await until(() => dialog.querySelector('.result'));
    expect(dialog.textContent).toContain(`This story already became the practice card “${first.card.title}”.`);
    await userEvent.click(page.getByRole('button', { name: 'Close' }));
    await until(() => !dialogOf(el));
  });

  it('offers “Make it a practice” to the author of a comment, not to other members', async () => {
    const { author, key, ids } = await story(1);
    const reader = await tokenFor(newPerson('Sales'));
    signIn(reader);
    let el = await mountThread(`key="${key}"`);
    expect(await menuItem(el, 'promote', ids[0] as string)).toBeNull();
    expect(await menuItem(el, 'copy', ids[0] as string)).not.toBeNull();
    cleanup();
    signIn(author);
    el = await mountThread(`key="${key}"`);
    expect(await menuItem(el, 'promote', ids[0] as string)).not.toBeNull();
    // The author started the thread, too: they may make the whole thread a practice.
    await until(() => shadow(el).querySelector('.promote-thread'));
  });
});
