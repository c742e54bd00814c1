import type { Comment } from '@bridgekit/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  cleanup,
  clientAs,
  expectNoAxeViolations,
  expiredToken,
  mount,
  newPerson,
  shadow,
  signIn,
  tokenFor,
  until,
} from '../../../test/support.ts';
import { BkCommentPostEvent } from '../../events/comment-post.ts';
import './thread.ts';
import type { BkThread } from './thread.component.ts';

const freshKey = () => `widget-thread-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function mountThread(attrs: string) {
  const el = await mount<BkThread>(`<bk-thread ${attrs}></bk-thread>`);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}

const article = (el: Element, id: string) => shadow(el).querySelector<HTMLElement>(`article[data-comment="${id}"]`);
const mustArticle = (el: Element, id: string) => {
  const found = article(el, id);
  if (!found) throw new Error(`comment ${id} is not shown`);
  return found;
};
const button = (el: Element, action: string, id: string) =>
  shadow(el).querySelector<HTMLButtonElement>(`button[data-action="${action}"][data-for="${id}"]`) as HTMLButtonElement;
const reaction = (el: Element, id: string, r: string) =>
  mustArticle(el, id).querySelector<HTMLButtonElement>(`button[data-reaction="${r}"]`) as HTMLButtonElement;
/** Opens the comment's "…" menu (its code loads on first use) and answers its item for `action`, if it has one. */
async function menuItem(el: Element, action: string, id: string): Promise<HTMLButtonElement | null> {
  if (button(el, 'more', id).getAttribute('aria-expanded') !== 'true') await userEvent.click(button(el, 'more', id));
  const menu = await until(() => mustArticle(el, id).querySelector('[role="menu"]'));
  return menu.querySelector<HTMLButtonElement>(`[role="menuitem"][data-action="${action}"]`);
}
async function choose(el: Element, action: string, id: string): Promise<void> {
  const item = await menuItem(el, action, id);
  if (!item) throw new Error(`no ${action} in the menu of ${id}`);
  await userEvent.click(item);
}
const confirmation = (root: ParentNode) => root.querySelector<HTMLElement>(':scope > [part="confirmation"]');
const announcement = (el: Element) => shadow(el).querySelector('.thread > [role="status"]')?.textContent?.trim() ?? '';
const composerOf = (root: ParentNode) => shadow(root.querySelector('bk-comment-composer') as Element);
const authors = (el: Element) => [...shadow(el).querySelectorAll('.comments h3')].map((h) => h.textContent?.trim());

describe('<bk-thread>', () => {
  let person: ReturnType<typeof newPerson>;
  let token: string;
  beforeEach(async () => {
    person = newPerson('Operations');
    token = await tokenFor(person);
    signIn(token);
  });
  afterEach(() => {
    cleanup();
    for (const link of document.head.querySelectorAll('link[rel="canonical"]')) link.remove();
  });

  it('shows the demo discussion: replies nested under their comment, the server’s HTML, badges and the count', async () => {
    signIn(null);
    const expected = await clientAs(null).threads.page({ key: 'demo-war-stories' });
    const el = await mountThread('key="demo-war-stories" live="off"');
    await expect.element(page.getByRole('heading', { level: 2, name: /^Discussion/ })).toBeVisible();
    expect(shadow(el).querySelector('[part="count"]')?.textContent).toBe(`${expected.thread?.commentCount} comments`);
    // Lukas and Mei answer Amara: their comments sit in the list of replies inside hers.
    const amara = mustArticle(el, 'demo-comment-1');
    const replies = amara.parentElement?.querySelector(':scope > ol.replies');
    expect(replies?.getAttribute('aria-label')).toBe('Replies to Amara Okafor');
    expect(replies?.contains(article(el, 'demo-comment-2'))).toBe(true);
    expect(replies?.contains(article(el, 'demo-comment-3'))).toBe(true);
    expect(amara.querySelector('h3')?.textContent?.trim()).toBe('Amara Okafor, Finance');
    expect(amara.querySelector('time')?.getAttribute('datetime')).toBe(expected.items[0]?.createdAt);
    // Markdown rendered by the server, as HTML.
    expect(amara.querySelector('.comment-body strong')?.textContent).toBe('new report');
    expect(article(el, 'demo-comment-2')?.querySelectorAll('.comment-body ol > li')).toHaveLength(3);
    const mei = mustArticle(el, 'demo-comment-3');
    expect(mei.querySelector('.comment-body blockquote')?.textContent).toContain('The best deflection is a better conversation.');
    expect(mei.querySelector('.comment-body .bk-mention')?.textContent).toBe('@amara.okafor');
    expect(mei.querySelector('.badge')?.textContent).toContain('Accepted answer');
    // Read-only: counts without buttons, and an invitation to sign in.
    expect(shadow(el).textContent).toContain('Sign in to join the discussion.');
    // Initials avatars, decorative, a colour per person.
    const avatar = amara.querySelector('[part="avatar"]');
    expect(avatar?.textContent).toBe('AO');
    expect(avatar?.getAttribute('aria-hidden')).toBe('true');
    expect(getComputedStyle(avatar as Element).color).toBe('rgb(255, 255, 255)');
    // Only the "…" menu, which holds the comment's link to copy.
    expect([...mei.querySelectorAll('button')].map((b) => b.dataset.action)).toEqual(['more']);
    expect((await menuItem(el, 'copy', 'demo-comment-3'))?.textContent?.trim()).toBe('Copy link');
    expect([...mei.querySelectorAll('[role="menuitem"]')].map((b) => (b as HTMLElement).dataset.action)).toEqual(['copy']);
    // Reactions at 0 are not shown.
    expect([...mei.querySelectorAll('.reaction')].every((r) => r.querySelector('.count')?.textContent !== '0')).toBe(true);
    const insight = mei.querySelector('.reaction');
    expect(insight?.querySelector('.visually-hidden')?.textContent).toBe('Insightful');
    expect(insight?.querySelector('.count')?.textContent).toBe('3');
    // Held for review: not shown to others.
    expect(article(el, 'demo-comment-5')).toBeNull();
  });

  it('shows its author a comment held for review, with the reason', async () => {
    const jonah = await tokenFor('jonah');
    signIn(jonah);
    const { pendingReason } = await clientAs(jonah).comments.get('demo-comment-5');
    const el = await mountThread('key="demo-war-stories" live="off"');
    const held = mustArticle(el, 'demo-comment-5');
    expect(pendingReason).toBeTruthy();
    expect(held.querySelector('[part="pending"]')?.textContent).toBe(`Waiting for a moderator: ${pendingReason}`);
  });

  it('takes a new comment from the text box and Post button, and shows it at once', async () => {
    const key = freshKey();
    const el = await mountThread(`key="${key}"`);
    expect(shadow(el).textContent).toContain('No comments yet. Start the discussion.');
    const posted: BkCommentPostEvent[] = [];
    el.addEventListener(BkCommentPostEvent.type, (e) => posted.push(e));
    const box = page.getByRole('textbox', { name: 'Add a comment' });
    await userEvent.fill(box, 'Hello **world**');
    await expect.element(page.getByText('15 of 10,000 characters')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    await until(() => posted.length === 1);
    const comment = posted[0]?.comment as Comment;
    expect(mustArticle(el, comment.id).querySelector('.comment-body strong')?.textContent).toBe('world');
    expect(shadow(el).querySelector('[part="count"]')?.textContent).toBe('1 comment');
    expect(announcement(el)).toBe('Your comment was posted.');
    // Said where it happened too, under the composer, for people who do not hear the announcement.
    const shown = confirmation(shadow(el).querySelector('section.thread') as Element);
    expect(shown?.textContent).toBe('Your comment was posted.');
    expect(shown?.checkVisibility()).toBe(true);
    expect(composerOf(shadow(el)).querySelector('textarea')?.value).toBe('');
    const stored = await clientAs(null).threads.page({ key });
    expect(stored.thread).toMatchObject({ commentCount: 1, startedByMe: false });
    expect(stored.items[0]).toMatchObject({ id: comment.id, body: 'Hello **world**', author: { name: person.name } });
  });

  it('starts the thread with the page title cut to 200 characters, never through an emoji', async () => {
    const key = freshKey();
    const el = await mountThread(`key="${key}" page-title="${'a'.repeat(199)}😀 and more"`);
    const posted: BkCommentPostEvent[] = [];
    el.addEventListener(BkCommentPostEvent.type, (e) => posted.push(e));
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), 'The first comment');
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    await until(() => posted.length === 1);
    expect((await clientAs(null).threads.page({ key })).thread?.title).toBe('a'.repeat(199));
  });

  it('finds its thread from the canonical link when it has no key or url', async () => {
    const url = `https://intranet.contoso.example/sites/brm/${freshKey()}`;
    const link = Object.assign(document.createElement('link'), { rel: 'canonical', href: url });
    document.head.append(link);
    const other = await tokenFor(newPerson());
    const comment = await clientAs(other).threads.post({ url: `${url}?web=1#comments`, body: 'Found by the canonical URL' });
    const el = await mountThread('live="off"');
    expect(mustArticle(el, comment.id).textContent).toContain('Found by the canonical URL');
  });

  it('nests a reply under the comment it answers and moves focus to it', async () => {
    const key = freshKey();
    const root = await clientAs(await tokenFor(newPerson('Sales'))).threads.post({ key, body: 'What do you think?' });
    const el = await mountThread(`key="${key}" live="off"`);
    await userEvent.click(button(el, 'reply', root.id));
    expect(button(el, 'reply', root.id).getAttribute('aria-expanded')).toBe('true');
    const box = await until(() => composerOf(mustArticle(el, root.id)).activeElement);
    expect(box.localName).toBe('textarea');
    await expect.element(page.getByRole('textbox', { name: /^Reply to Tester/ })).toBeVisible();
    await userEvent.keyboard('I agree.');
    await userEvent.click(page.getByRole('button', { name: 'Post reply' }));
    const answer = await until(() => mustArticle(el, root.id).parentElement?.querySelector('ol.replies article'));
    expect(answer.textContent).toContain('I agree.');
    expect(shadow(el).activeElement).toBe(answer);
    expect(mustArticle(el, root.id).querySelector('bk-comment-composer')).toBeNull();
  });

  it('edits the person’s own comment in place and marks it edited', async () => {
    const key = freshKey();
    const mine = await clientAs(token).threads.post({ key, body: 'First version' });
    const el = await mountThread(`key="${key}" live="off"`);
    await choose(el, 'edit', mine.id);
    const box = page.getByRole('textbox', { name: 'Edit your comment' });
    await expect.element(box).toHaveValue('First version');
    await userEvent.fill(box, 'Second *version*');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await until(() => mustArticle(el, mine.id).querySelector('.comment-body em')?.textContent === 'version');
    expect(mustArticle(el, mine.id).querySelector('.edited')?.textContent).toBe('(edited)');
    expect(shadow(el).activeElement).toBe(button(el, 'more', mine.id));
    expect(confirmation(mustArticle(el, mine.id))?.textContent).toBe('Your changes were saved.');
    expect((await clientAs(token).comments.get(mine.id)).body).toBe('Second *version*');
  });

  it('opens Edit from a reply half written with the comment’s own text, not the draft', async () => {
    const key = freshKey();
    const mine = await clientAs(token).threads.post({ key, body: 'What I wrote' });
    const el = await mountThread(`key="${key}" live="off"`);
    await userEvent.click(button(el, 'reply', mine.id));
    await userEvent.fill(page.getByRole('textbox', { name: /^Reply to / }), 'A reply not sent');
    await choose(el, 'edit', mine.id);
    await expect.element(page.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue('What I wrote');
    expect(mustArticle(el, mine.id).querySelectorAll('bk-comment-composer')).toHaveLength(1);
  });

  it('deletes after a confirmation in the widget: a placeholder keeps the replies, a leaf goes', async () => {
    const key = freshKey();
    const mine = await clientAs(token).threads.post({ key, body: 'Deleting this one' });
    const answer = await clientAs(await tokenFor(newPerson())).threads.post({ key, body: 'An answer that stays', parentId: mine.id });
    const leaf = await clientAs(token).threads.post({ key, body: 'A leaf' });
    const el = await mountThread(`key="${key}" live="off"`);
    await choose(el, 'delete', mine.id);
    const confirm = mustArticle(el, mine.id).querySelector('[part="confirm"]');
    expect(confirm?.textContent).toContain('Delete this comment? This cannot be undone.');
    // Focus starts on the harmless choice.
    expect(shadow(el).activeElement?.textContent?.trim()).toBe('Cancel');
    await userEvent.click(page.getByRole('button', { name: 'Delete comment' }));
    await until(() => mustArticle(el, mine.id).textContent?.trim() === 'Comment removed');
    expect(mustArticle(el, mine.id).parentElement?.querySelector('ol.replies')?.contains(article(el, answer.id))).toBe(true);
    expect(announcement(el)).toBe('Your comment was deleted.');
    await choose(el, 'delete', leaf.id);
    await userEvent.click(page.getByRole('button', { name: 'Delete comment' }));
    await until(() => article(el, leaf.id) === null);
    expect(shadow(el).querySelector('[part="count"]')?.textContent).toBe('1 comment');
  });

  it('adds a reaction from the picker, shows only reactions above 0, and toggles it off', async () => {
    const key = freshKey();
    const theirs = await clientAs(await tokenFor(newPerson())).threads.post({ key, body: 'React to this' });
    const el = await mountThread(`key="${key}" live="off"`);
    expect(mustArticle(el, theirs.id).querySelectorAll('.reaction')).toHaveLength(0);
    const add = button(el, 'react', theirs.id);
    expect(add.getAttribute('aria-label')).toBe('Add reaction');
    await userEvent.click(add);
    // The picker's code loads on first use (import()): it opens once that is here.
    await until(() => add.getAttribute('aria-expanded') === 'true');
    const picker = await until(() => mustArticle(el, theirs.id).querySelector('[role="group"][data-menu]'));
    expect(picker.getAttribute('aria-label')).toBe('Reactions');
    // Icons drawn inline (no colour-emoji font needed), named in words.
    expect([...picker.querySelectorAll('button')].map((b) => [b.querySelector('svg') !== null, b.textContent?.trim()])).toEqual([
      [true, 'Like'],
      [true, 'Insightful'],
      [true, 'Love'],
    ]);
    await userEvent.click(page.getByRole('button', { name: 'Like', exact: true }));
    await until(() => reaction(el, theirs.id, 'like')?.getAttribute('aria-pressed') === 'true');
    expect(mustArticle(el, theirs.id).querySelector('[data-menu]')).toBeNull();
    expect(reaction(el, theirs.id, 'like').querySelector('.count')?.textContent).toBe('1');
    expect(mustArticle(el, theirs.id).querySelectorAll('.reaction')).toHaveLength(1);
    expect((await clientAs(token).comments.get(theirs.id)).myReactions).toEqual(['like']);
    await userEvent.click(reaction(el, theirs.id, 'like'));
    await until(() => mustArticle(el, theirs.id).querySelectorAll('.reaction').length === 0);
    expect((await clientAs(token).comments.get(theirs.id)).myReactions).toEqual([]);
  });

  it('says a comment written offline was sent when its retry learns the first try was done and its answer lost', async () => {
    const el = await mountThread(`key="${freshKey()}" live="off"`);
    // The post's answers never arrive; then the Worker answers as for a claim whose request died after writing.
    const realFetch = globalThis.fetch;
    let tries = 0;
    globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/threads/comments')) return realFetch(request);
      if (++tries <= 2) throw new TypeError('Failed to fetch');
      const error = { code: 'conflict', reason: 'conflict.idempotency_key_applied', params: {}, message: 'Done once.', requestId: 'f00d' };
      return Response.json({ error }, { status: 409 });
    };
    try {
      await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), 'Written on the train');
      await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
      await until(() => announcement(el) === 'Back online: your comment was sent.', 10_000);
      expect(tries).toBe(3);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('says when a comment waits for a moderator, and shows a refusal as an alert', async () => {
    const el = await mountThread(`key="${freshKey()}" live="off"`);
    const posted: BkCommentPostEvent[] = [];
    el.addEventListener(BkCommentPostEvent.type, (e) => posted.push(e));
    const box = page.getByRole('textbox', { name: 'Add a comment' });
    // "vendor" is a suspect word of the demo tenant.
    await userEvent.fill(box, 'Shall we ask a vendor?');
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    const held = await until(() => shadow(el).querySelector('p[part="pending"]'));
    expect(posted[0]?.comment).toMatchObject({ state: 'pending', pendingReason: expect.any(String) });
    expect(held.textContent).toBe(`Waiting for a moderator: ${posted[0]?.comment.pendingReason}`);
    expect(announcement(el)).toBe('Your comment was sent. A moderator reviews it before others see it.');
    // The same text twice in a row is refused (422 comment_rejected): the server's message shows.
    const again = 'Posting the very same words twice.';
    await userEvent.fill(box, again);
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    await until(() => shadow(el).querySelectorAll('article').length === 2);
    await userEvent.fill(box, again);
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    const alert = await until(() => composerOf(shadow(el)).querySelector('[role="alert"]:not(:empty)'));
    expect(alert.textContent).toContain('You posted the same text a moment ago.');
    expect(composerOf(shadow(el)).querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(el);
  });

  it('checks the text before sending: empty, and over the limit', async () => {
    const el = await mountThread(`key="${freshKey()}" live="off"`);
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    expect(composerOf(shadow(el)).querySelector('[role="alert"]')?.textContent).toBe('Write something first.');
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), 'x'.repeat(10_005));
    expect(composerOf(shadow(el)).querySelector('.counter.over')?.textContent).toBe('10,005 of 10,000 characters');
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    expect(composerOf(shadow(el)).querySelector('[role="alert"]')?.textContent).toBe(
      'A comment can have at most 10,000 characters. Shorten it by 5.',
    );
    expect(shadow(el).querySelector('article')).toBeNull();
  });

  it('works from the keyboard: Tab to Post and press Enter, then Tab to "Add reaction", arrows in the picker, Space', async () => {
    const key = freshKey();
    const el = await mountThread(`key="${key}" live="off"`);
    composerOf(shadow(el)).querySelector('textarea')?.focus();
    await userEvent.keyboard('Typed without a mouse');
    await userEvent.keyboard('{Tab}');
    expect(composerOf(shadow(el)).activeElement?.textContent?.trim()).toBe('Post');
    await userEvent.keyboard('{Enter}');
    const posted = await until(() => shadow(el).querySelector('article'));
    expect(posted.textContent).toContain('Typed without a mouse');
    const id = posted.dataset.comment ?? '';
    await userEvent.keyboard('{Tab}');
    expect(shadow(el).activeElement).toBe(button(el, 'react', id));
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).activeElement?.getAttribute('data-pick') === 'like');
    // Escape closes the picker and puts focus back on its button.
    await userEvent.keyboard('{Escape}');
    await until(() => shadow(el).activeElement === button(el, 'react', id));
    expect(article(el, id)?.querySelector('[data-menu]')).toBeNull();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).activeElement?.getAttribute('data-pick') === 'like');
    await userEvent.keyboard('{ArrowRight}');
    expect(shadow(el).activeElement?.getAttribute('data-pick')).toBe('insight');
    await userEvent.keyboard(' ');
    await until(() => reaction(el, id, 'insight')?.getAttribute('aria-pressed') === 'true');
    expect(reaction(el, id, 'insight').querySelector('.count')?.textContent).toBe('1');
    expect(shadow(el).activeElement).toBe(button(el, 'react', id));
    // Ctrl+Enter sends from the text box.
    composerOf(shadow(el)).querySelector('textarea')?.focus();
    await userEvent.keyboard('Second, with Ctrl+Enter');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await until(() => shadow(el).querySelectorAll('article').length === 2);
  });

  it('keeps secondary actions in a "…" menu button: arrows, Home, End, Escape and Tab as the APG menu button does', async () => {
    const key = freshKey();
    const mine = await clientAs(token).threads.post({ key, body: 'A menu of my own' });
    const el = await mountThread(`key="${key}" live="off"`);
    const more = button(el, 'more', mine.id);
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    expect(more.getAttribute('aria-label')).toBe(`Actions on the comment by ${person.name}`);
    // Only Reply stays beside the reactions; the rest waits in the menu.
    expect([...mustArticle(el, mine.id).querySelectorAll('[part="actions"] button')].map((b) => (b as HTMLElement).dataset.action)).toEqual(
      ['react', 'reply', 'more'],
    );
    const focused = () => (shadow(el).activeElement as HTMLElement | null)?.dataset.action;
    more.focus();
    await userEvent.keyboard('{ArrowDown}');
    await until(() => focused() === 'edit');
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const items = [...mustArticle(el, mine.id).querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((i) => i.textContent?.trim())).toEqual(['Edit', 'Delete', 'Mark as answer', 'Copy link', 'Make it a practice']);
    await userEvent.keyboard('{ArrowDown}');
    expect(focused()).toBe('delete');
    await userEvent.keyboard('{End}');
    expect(focused()).toBe('promote');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused()).toBe('edit');
    await userEvent.keyboard('{ArrowUp}');
    expect(focused()).toBe('promote');
    await userEvent.keyboard('{Home}');
    expect(focused()).toBe('edit');
    await userEvent.keyboard('{Escape}');
    await until(() => shadow(el).activeElement === more);
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(mustArticle(el, mine.id).querySelector('[role="menu"]')).toBeNull();
    // ↑ opens it on its last item; Tab leaves and closes it.
    await userEvent.keyboard('{ArrowUp}');
    await until(() => focused() === 'promote');
    await userEvent.keyboard('{Tab}');
    await until(() => mustArticle(el, mine.id).querySelector('[role="menu"]') === null);
    // Enter opens it; a choice opens its panel, and closing the panel puts focus back on the menu button.
    more.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => focused() === 'edit');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await until(() => shadow(el).activeElement?.textContent?.trim() === 'Cancel');
    expect(mustArticle(el, mine.id).querySelector('[part="confirm"]')).not.toBeNull();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).activeElement === more);
    expect(mustArticle(el, mine.id).querySelector('[part="confirm"]')).toBeNull();
  });

  it('says "Ctrl+Enter sends" only where there is a keyboard: the hint hides on touch screens', async () => {
    const el = await mountThread(`key="${freshKey()}" live="off"`);
    const composer = composerOf(shadow(el));
    const keys = composer.querySelector('#bk-hint .keys') as HTMLElement;
    expect(keys.textContent).toBe('Ctrl+Enter sends.');
    const rules = composer.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const touch = rules.find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('pointer: coarse'));
    expect(touch?.conditionText).toBe('(pointer: coarse), (any-hover: none)');
    expect([...(touch?.cssRules ?? [])].map((r) => r.cssText)).toEqual(['.keys { display: none; }']);
    expect(keys.checkVisibility()).toBe(!matchMedia('(pointer: coarse), (any-hover: none)').matches);
  });

  it('suggests members to @mention: the list is reachable from the text box, Enter inserts the handle', async () => {
    const el = await mountThread(`key="${freshKey()}" live="off"`);
    const composer = composerOf(shadow(el));
    const box = composer.querySelector('textarea') as HTMLTextAreaElement;
    box.focus();
    await userEvent.keyboard('Thanks @mei');
    const listbox = await until(() => composer.querySelector('[role="listbox"]'));
    const options = [...listbox.querySelectorAll('[role="option"]')];
    expect(options[0]?.textContent).toContain('Mei Chen');
    expect(box.getAttribute('aria-controls')).toBe(listbox.id);
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    await expectNoAxeViolations(el);
    await userEvent.keyboard('{Enter}');
    expect(box.value).toBe('Thanks @mei.chen ');
    expect(composer.querySelector('[role="listbox"]')).toBeNull();
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);
    // Escape closes the list and keeps the text.
    await userEvent.keyboard('and @mei');
    await until(() => composer.querySelector('[role="listbox"]'));
    await userEvent.keyboard('{Escape}');
    expect(composer.querySelector('[role="listbox"]')).toBeNull();
    expect(box.value).toBe('Thanks @mei.chen and @mei');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    const mention = await until(() => shadow(el).querySelector('article .bk-mention'));
    expect(mention.textContent).toBe('@mei.chen');
  });

  it('reports a comment with a reason chosen in the widget', async () => {
    const key = freshKey();
    const theirs = await clientAs(await tokenFor(newPerson())).threads.post({ key, body: 'Buy my stuff' });
    const el = await mountThread(`key="${key}" live="off"`);
    await choose(el, 'flag', theirs.id);
    const form = mustArticle(el, theirs.id).querySelector('[part="flag"]') as HTMLElement;
    expect(form.querySelector('legend')?.textContent).toBe('Why should a moderator look at this comment?');
    expect(shadow(el).activeElement).toBe(form.querySelector('input[value="spam"]'));
    await userEvent.click(page.getByRole('radio', { name: 'Off topic' }));
    await userEvent.click(page.getByRole('button', { name: 'Send report' }));
    await until(() => announcement(el) === 'Thank you. A moderator will look at the comment.');
    expect(mustArticle(el, theirs.id).querySelector('[part="flag"]')).toBeNull();
    // Shown under the comment as well, and focus back on the menu the report came from.
    const shown = confirmation(mustArticle(el, theirs.id));
    expect(shown?.textContent).toBe('Thank you. A moderator will look at the comment.');
    expect(shown?.checkVisibility()).toBe(true);
    expect(shadow(el).activeElement).toBe(button(el, 'more', theirs.id));
    const queue = await clientAs(await tokenFor('mei')).moderation.queue({ reason: 'flagged', thread: theirs.threadId });
    expect(queue.items.find((i) => i.kind === 'comment' && i.comment.id === theirs.id)?.flags).toEqual([{ reason: 'off_topic', count: 1 }]);
  });

  it('lets the thread starter mark the accepted answer, one at a time', async () => {
    const key = freshKey();
    const question = await clientAs(token).threads.post({ key, body: 'How do you triage requests?' });
    const other = clientAs(await tokenFor(newPerson()));
    const a1 = await other.threads.post({ key, body: 'A weekly council', parentId: question.id });
    const a2 = await other.threads.post({ key, body: 'A scoring sheet', parentId: question.id });
    const el = await mountThread(`key="${key}" live="off"`);
    await choose(el, 'accept', a1.id);
    await until(() => mustArticle(el, a1.id).querySelector('.badge')?.textContent?.includes('Accepted answer'));
    expect(shadow(el).activeElement).toBe(button(el, 'more', a1.id));
    expect((await menuItem(el, 'accept', a1.id))?.textContent?.trim()).toBe('Unmark answer');
    await userEvent.keyboard('{Escape}');
    await choose(el, 'accept', a2.id);
    await until(() => mustArticle(el, a2.id).querySelector('.badge')?.textContent?.includes('Accepted answer'));
    expect(mustArticle(el, a1.id).querySelector('.badge')).toBeNull();
    expect((await clientAs(null).threads.page({ key })).thread?.acceptedCommentId).toBe(a2.id);
  });

  it('gives moderators Pin; others do not see it', async () => {
    const key = freshKey();
    const root = await clientAs(token).threads.post({ key, body: 'Pin me' });
    const asMember = await mountThread(`key="${key}" live="off"`);
    expect(await menuItem(asMember, 'pin', root.id)).toBeNull();
    cleanup();
    signIn(await tokenFor('mei'));
    const el = await mountThread(`key="${key}" live="off"`);
    await choose(el, 'pin', root.id);
    await until(() => mustArticle(el, root.id).querySelector('.badge')?.textContent === 'Pinned');
    expect((await menuItem(el, 'pin', root.id))?.textContent?.trim()).toBe('Unpin');
  });

  it('loads more comments and more replies on request, moving focus to the first new one', async () => {
    const key = freshKey();
    const writers = await Promise.all([1, 2, 3].map(async () => clientAs(await tokenFor(newPerson()))));
    const [w1, w2, w3] = writers as [ReturnType<typeof clientAs>, ReturnType<typeof clientAs>, ReturnType<typeof clientAs>];
    const first = await w1.threads.post({ key, body: 'Root 1' });
    // More replies than a page carries (50 per top-level comment).
    for (let i = 0; i < 52; i++) await writers[i % 3]?.threads.post({ key, body: `Reply number ${i}`, parentId: first.id });
    await w2.threads.post({ key, body: 'Root 2' });
    const third = await w3.threads.post({ key, body: 'Root 3' });
    const el = await mountThread(`key="${key}" live="off" page-size="2"`);
    expect(shadow(el).querySelectorAll('.comments > li')).toHaveLength(2);
    expect(mustArticle(el, first.id).parentElement?.querySelectorAll('ol.replies article')).toHaveLength(50);
    await userEvent.click(page.getByRole('button', { name: 'Show more replies' }));
    await until(() => mustArticle(el, first.id).parentElement?.querySelectorAll('ol.replies article').length === 52);
    expect(shadow(el).activeElement?.textContent).toContain('Reply number 50');
    expect(shadow(el).querySelector('[part="more-replies"]')).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Load more comments' }));
    await until(() => article(el, third.id));
    expect(shadow(el).activeElement).toBe(article(el, third.id));
    expect(shadow(el).querySelector('[part="load-more"]')).toBeNull();
  });

  it('re-sorts from the sort menu', async () => {
    const key = freshKey();
    const writer = clientAs(await tokenFor(newPerson()));
    const older = await writer.threads.post({ key, body: 'Older' });
    const newer = await writer.threads.post({ key, body: 'Newer' });
    const el = await mountThread(`key="${key}" live="off"`);
    const order = () => [...shadow(el).querySelectorAll<HTMLElement>('.comments > li > article')].map((a) => a.dataset.comment);
    expect(order()).toEqual([older.id, newer.id]);
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sort by' }), 'newest');
    await until(() => el.getAttribute('sort') === 'newest' && order()[0] === newer.id);
    expect(order()).toEqual([newer.id, older.id]);
  });

  it('renders hostile text as text: no script, no event handlers, no javascript: links', async () => {
    const key = freshKey();
    const author = clientAs(token);
    const hostile = [
      '<img src=x onerror="window.__bkPwned=1">',
      '[click](javascript:window.__bkPwned=1)',
      '<script>window.__bkPwned=1</script>',
      '<a href="javascript:window.__bkPwned=1">a</a> <svg onload="window.__bkPwned=1"></svg>',
      '[x](JaVaScRiPt:window.__bkPwned=1) ![i](javascript:window.__bkPwned=1) <iframe src="javascript:1"></iframe>',
      '<style>*{display:none}</style> [d](data:text/html,<script>window.__bkPwned=1</script>)',
    ];
    for (const body of hostile) await author.threads.post({ key, body });
    const el = await mountThread(`key="${key}" live="off"`);
    expect(shadow(el).querySelectorAll('.comment-body')).toHaveLength(hostile.length);
    const root = shadow(el);
    // (The widget's own icons are SVG: none may come from a comment.)
    expect(root.querySelectorAll('.comment-body :is(script, iframe, svg, img, style, object, embed)')).toHaveLength(0);
    const everything = [...root.querySelectorAll('.comment-body *')];
    for (const node of everything) {
      expect(node.getAttributeNames().filter((n) => n.toLowerCase().startsWith('on'))).toEqual([]);
    }
    const hrefs = [...root.querySelectorAll('.comment-body [href]')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => !/^(https?:|mailto:)/i.test(h.trim()))).toEqual([]);
    // The raw HTML shows as the text it is.
    expect(root.querySelector('.comment-body')?.textContent).toContain('<img src=x onerror="window.__bkPwned=1">');
    expect((window as { __bkPwned?: unknown }).__bkPwned).toBeUndefined();
  });

  it('has no axe violations: loaded, replying, the menu, reporting, confirming a delete and the picker', async () => {
    signIn(await tokenFor('amara'));
    const el = await mountThread('key="demo-war-stories" live="off"');
    await expectNoAxeViolations(el);
    await userEvent.click(button(el, 'reply', 'demo-comment-3'));
    await userEvent.fill(page.getByRole('textbox', { name: 'Reply to Mei Chen' }), 'Thanks, Mei.');
    await expectNoAxeViolations(el);
    await menuItem(el, 'flag', 'demo-comment-4');
    await expectNoAxeViolations(el);
    await choose(el, 'flag', 'demo-comment-4');
    await expectNoAxeViolations(el);
    await choose(el, 'delete', 'demo-comment-1');
    await expectNoAxeViolations(el);
    await userEvent.click(button(el, 'react', 'demo-comment-3'));
    await until(() => mustArticle(el, 'demo-comment-3').querySelector('[data-menu]'));
    await expectNoAxeViolations(el);
  });

  it('explains an unreachable API, retrying by itself, and loads once it answers', async () => {
    signIn(token, { apiBase: 'http://127.0.0.1:9' });
    const el = await mountThread('key="demo-war-stories" live="off"');
    const banner = await until(() => shadow(el).querySelector('[part="outage"]'));
    expect(banner.textContent).toContain('Can’t reach the service.');
    expect(banner.textContent).not.toContain('Bridgekit');
    await expectNoAxeViolations(el);
    signIn(token);
    await until(() => article(el, 'demo-comment-1'));
  });

  it('turns read-only with a notice when the sign-in has expired', async () => {
    signIn(await expiredToken(newPerson()));
    const el = await mountThread('key="demo-war-stories" live="off"');
    await until(() => shadow(el).querySelector('[part="session-notice"]'));
    await until(() => article(el, 'demo-comment-1'));
    expect(shadow(el).querySelector('bk-comment-composer')).toBeNull();
    expect(authors(el)).toContain('Amara Okafor, Finance');
  });
});
