import type { Comment, Idea } from '@bridgekit/sdk';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkItemOpenEvent } from '../../events/item-open.ts';
import { itemUrl } from '../../shared/item-links.ts';
import { commentUrl } from '../../shared/thread-page.ts';
import './person.ts';
import { BkPerson } from './person.component.ts';

/** An element's text as laid out (blocks apart), with runs of whitespace as one space. */
// biome-ignore lint/performance/useDomNodeTextContent: the text as read, with a space between blocks, is what is checked.
const text = (el: Element | null | undefined) => ((el as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();

async function mountPerson(attrs: string): Promise<BkPerson> {
  const el = await mount<BkPerson>(`<bk-person ${attrs}></bk-person>`);
  await until(() => shadow(el).querySelector('article, [role="alert"], p.notice'));
  return el;
}

const name = (el: Element) => text(shadow(el).querySelector('#bk-person-name'));
const section = (el: Element, id: string) => shadow(el).querySelector(`section[aria-labelledby="bk-person-${id}"]`);
/** A step through the history that changes only the fragment ends with `hashchange`. */
const traversed = () => new Promise((resolve) => globalThis.addEventListener('hashchange', resolve, { once: true }));

describe('<bk-person>', () => {
  let handle = '';
  let idea: Idea;
  let comment: Comment;
  let key = '';
  let start: string;

  beforeAll(async () => {
    const person = newPerson('Legal');
    const api = clientAs(await tokenFor(person));
    const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    idea = await api.ideas.create({ board: 'general', title: `Contract review checklist ${tag}` });
    key = `person-widget-${tag}`;
    comment = await api.threads.post({
      key,
      title: `Legal intake ${tag}`,
      body: 'We triage **every** contract request\n\nwithin two days.',
    });
    handle = (await api.me()).user?.handle ?? '';
    expect(handle).not.toBe('');
  });

  beforeEach(() => {
    start = location.href;
  });

  afterEach(() => {
    cleanup();
    history.replaceState(null, '', start);
  });

  it('is registered under its tag', () => {
    expect(customElements.get('bk-person')).toBe(BkPerson);
  });

  it('shows who they are, what they contributed and links to each item, with no accessibility violation', async () => {
    signIn(null);
    const el = await mountPerson(`handle="${handle}"`);
    await until(() => name(el));
    expect(name(el)).toMatch(/^Tester \d+$/);
    const meta = text(shadow(el).querySelector('[part="meta"]'));
    expect(meta).toContain(`@${handle}`);
    expect(meta).toContain('Member');
    expect(meta).toContain('Legal');
    expect(meta).toMatch(/Joined /);
    expect(text(shadow(el).querySelector('[part="counts"]'))).toBe('1 idea 1 comment 0 practice cards owned');

    const ideaLink = section(el, 'ideas')?.querySelector('a');
    expect(text(ideaLink)).toBe(idea.title);
    expect(ideaLink?.getAttribute('href')).toBe(itemUrl({}, 'idea', idea.id));
    expect(text(section(el, 'ideas')?.querySelector('.badge'))).toBe('Open');

    const commentLink = section(el, 'comments')?.querySelector('a');
    expect(text(commentLink)).toBe('We triage every contract request within two days.');
    expect(commentLink?.getAttribute('href')).toBe(commentUrl({}, comment.id, { key, url: null }));
    expect(text(section(el, 'comments'))).toContain('in Legal intake');
    expect(text(section(el, 'cards'))).toContain('No practice cards yet.');
    await expectNoAxeViolations(el);
  });

  it('is keyboard usable: Tab reaches each link, Enter follows it and tells the page first', async () => {
    signIn(null);
    const el = await mountPerson(`handle="${handle}"`);
    await until(() => section(el, 'ideas')?.querySelector('a'));
    const opened: BkItemOpenEvent[] = [];
    // The page shows the item itself: the browser stays where it is.
    el.addEventListener(BkItemOpenEvent.type, (e) => {
      opened.push(e);
      e.preventDefault();
    });
    const before = document.createElement('button');
    before.textContent = 'Before';
    document.body.prepend(before);
    before.focus();
    await userEvent.tab();
    expect(shadow(el).activeElement?.textContent?.trim()).toBe(idea.title);
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(opened.map((e) => [e.kind, e.id])).toEqual([
      ['idea', idea.id],
      ['comment', comment.id],
    ]);
    expect(opened[0]?.url).toBe(itemUrl({}, 'idea', idea.id));
    expect(location.href).toBe(start);
  });

  it('lists the latest of many and says so', async () => {
    const api = clientAs(await tokenFor(newPerson()));
    const key = `person-many-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    for (let i = 1; i <= 11; i++) await api.threads.post({ key, body: `Note number ${i} on the rollout.` });
    const many = (await api.me()).user?.handle ?? '';
    signIn(null);
    const el = await mountPerson(`handle="${many}"`);
    await until(() => section(el, 'comments')?.querySelector('a'));
    const comments = section(el, 'comments');
    expect(comments?.querySelectorAll('li')).toHaveLength(10);
    expect(text(comments?.querySelector('a'))).toBe('Note number 11 on the rollout.');
    expect(text(comments)).toContain('The latest 10 of 11.');
  });

  it('names the role a person was granted, and links the practice cards they own', async () => {
    signIn(null);
    const el = await mountPerson('handle="mei.chen"');
    await until(() => name(el) === 'Mei Chen');
    expect(text(shadow(el).querySelector('[part="role"]'))).toBe('Moderator');
    const cards = section(el, 'cards');
    expect(cards?.querySelectorAll('li').length).toBeGreaterThan(0);
    for (const link of cards?.querySelectorAll('a') ?? []) expect(link.getAttribute('href')).toContain('#bk-card=');
  });

  it('without a handle, shows the person the address opens, follows Back, and says when there is none', async () => {
    signIn(null);
    const none = await mountPerson('');
    expect(text(shadow(none).querySelector('.notice'))).toContain('No one chosen yet');
    cleanup();

    history.replaceState(null, '', `#bk-person=${encodeURIComponent(handle)}`);
    const el = await mountPerson('');
    await until(() => name(el).startsWith('Tester'));
    const moved = traversed();
    location.hash = 'bk-person=amara.okafor';
    await moved;
    await until(() => name(el) === 'Amara Okafor');
    // Opened from the address: focus goes to the name.
    expect(shadow(el).activeElement?.id).toBe('bk-person-name');
    const back = traversed();
    history.back();
    await back;
    await until(() => name(el).startsWith('Tester'));

    location.hash = 'bk-person=nobody.with.this.handle';
    await until(() => text(shadow(el).querySelector('[role="alert"]')) === 'There is no one with this handle in this community.');
  });

  it('speaks the reader’s language', async () => {
    signIn(await tokenFor(newPerson()), { locale: 'de' });
    const el = await mountPerson(`handle="${handle}"`);
    await until(() => text(section(el, 'ideas')?.querySelector('h3')) === 'Neueste Ideen');
    expect(text(shadow(el).querySelector('[part="counts"]'))).toBe('1 Idee 1 Kommentar 0 Praxiskarten verantwortet');
    expect(text(shadow(el).querySelector('[part="role"]'))).toBe('Mitglied');
  });
});
