import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { keepAddress } from '../../../test/address.ts';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import './thread.ts';
import type { BkThread } from './thread.component.ts';

const COMMENTS = 12;

/** A thread of `COMMENTS` top-level comments, the first with a reply. */
async function longThread() {
  const author = await tokenFor(newPerson('Finance'));
  const key = `widget-long-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const ids: string[] = [];
  for (let i = 1; i <= COMMENTS; i++) {
    ids.push((await clientAs(author).threads.post({ key, title: `Long ${key}`, body: `Comment number ${i} of ${key}.` })).id);
  }
  const reply = await clientAs(author).threads.post({ key, body: `A reply in ${key}.`, parentId: ids[0] });
  return { key, ids, reply: reply.id };
}

describe('<bk-thread> with comments far below the fold', () => {
  keepAddress();
  afterEach(() => cleanup());

  it('skips laying them out, yet keeps every one in the page: its text, its link, the count and the keyboard path', async () => {
    const { key, ids, reply } = await longThread();
    const reader = await tokenFor(newPerson('Sales'));
    signIn(reader);
    // The thread starts far below the fold.
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    const el = await mount<BkThread>(`<bk-thread key="${key}" page-size="${COMMENTS}" live="off"></bk-thread>`);
    await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
    const article = (id: string) => shadow(el).querySelector<HTMLElement>(`[part="list"] article[data-comment="${id}"]`) as HTMLElement;
    const last = ids.at(-1) as string;

    // Off screen, so not laid out (from the next frame on); but every comment and its text is in
    // the page and the count says all.
    const body = (id: string) => article(id).querySelector('.comment-body') as HTMLElement;
    await until(() => !body(last).checkVisibility({ contentVisibilityAuto: true }));
    expect(shadow(el).querySelectorAll('[part="list"] > .item')).toHaveLength(COMMENTS);
    expect(article(reply).textContent).toContain(`A reply in ${key}.`);
    expect(article(last).textContent).toContain(`Comment number ${COMMENTS} of ${key}.`);
    expect(shadow(el).querySelector('[part="count"]')?.textContent).toContain(String(COMMENTS + 1));

    // A link to the last comment scrolls to it, lays it out, highlights and focuses it.
    location.hash = `bk-comment=${last}`;
    await until(() => article(last).hasAttribute('data-linked'));
    expect(shadow(el).activeElement).toBe(article(last));
    const box = article(last).getBoundingClientRect();
    expect(box.top >= 0 && box.bottom <= innerHeight).toBe(true);
    expect(body(last).checkVisibility({ contentVisibilityAuto: true })).toBe(true);

    // Tab walks every comment's buttons in order, the ones not laid out included: Add reaction, Reply, "…".
    const buttonOf = (action: string, id: string) =>
      shadow(el).querySelector<HTMLButtonElement>(`[part="list"] button[data-action="${action}"][data-for="${id}"]`);
    buttonOf('more', reply)?.focus();
    for (const id of ids.slice(1)) {
      for (const action of ['react', 'reply', 'more']) {
        await userEvent.keyboard('{Tab}');
        expect(shadow(el).activeElement, `${action} of ${id}`).toBe(buttonOf(action, id));
      }
    }
    // The focused button was scrolled to, and Enter opens its menu, laid out whole.
    const more = buttonOf('more', last) as HTMLButtonElement;
    await userEvent.keyboard('{Enter}');
    const menu = await until(() => article(last).querySelector<HTMLElement>('[role="menu"]'));
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(getComputedStyle(article(last)).contentVisibility).toBe('visible');
    expect(menu.checkVisibility()).toBe(true);
    await userEvent.keyboard('{Escape}');
    await expectNoAxeViolations(el);
  });

  it('reaches every comment of the compact templates, replies and replies to replies included, by its link and by Tab', async () => {
    const author = await tokenFor(newPerson('Finance'));
    const key = `widget-reach-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const post = (body: string, parentId?: string) => clientAs(author).threads.post({ key, title: `Reach ${key}`, body, parentId });
    // Page order: each top-level comment, then its replies (a reply to a reply under its parent).
    const order: string[] = [];
    for (let i = 1; i <= 3; i++) {
      // The first has a link (it comes before the buttons Tab starts at below).
      const root = await post(i === 1 ? `Root 1 with a [link](https://example.com/1) in ${key}.` : `Root ${i} of ${key}.`);
      const reply = await post(`Reply to root ${i} of ${key}.`, root.id);
      const nested = await post(`A reply to that reply ${i} of ${key}.`, reply.id);
      order.push(root.id, reply.id, nested.id);
    }
    signIn(await tokenFor(newPerson('Sales')));
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    const el = await mount<BkThread>(`<bk-thread key="${key}" live="off"></bk-thread>`);
    await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
    const article = (id: string) => shadow(el).querySelector<HTMLElement>(`[part="list"] article[data-comment="${id}"]`) as HTMLElement;
    const buttonOf = (action: string, id: string) =>
      shadow(el).querySelector<HTMLButtonElement>(`[part="list"] button[data-action="${action}"][data-for="${id}"]`);

    // Every comment is there with its text, its byline heading and its body, link set to open outside.
    expect(shadow(el).querySelectorAll('[part="list"] article[data-comment]')).toHaveLength(order.length);
    for (const id of order) {
      expect(article(id).getAttribute('aria-labelledby')).toBe(`bk-c-${id}-by`);
      expect(article(id).querySelector('[part="comment-body"]')?.textContent).toContain(key);
    }
    const link = article(order[0] as string).querySelector('[part="comment-body"] a');
    expect(link?.getAttribute('target')).toBe('_blank');

    // Each one's link scrolls to it, highlights and focuses it.
    for (const id of [...order].reverse()) {
      location.hash = `bk-comment=${id}`;
      await until(() => article(id).hasAttribute('data-linked'));
      expect(shadow(el).activeElement, id).toBe(article(id));
    }

    // Tab walks every comment's buttons in page order: Add reaction, Reply, "…".
    buttonOf('react', order[0] as string)?.focus();
    let first = true;
    for (const id of order) {
      for (const action of ['react', 'reply', 'more']) {
        if (first) first = false;
        else await userEvent.keyboard('{Tab}');
        expect(shadow(el).activeElement, `${action} of ${id}`).toBe(buttonOf(action, id));
      }
    }
    await expectNoAxeViolations(el);
  });
});
