import type { BridgekitClient, Idea } from '@bridgekit/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import type { BkNotificationOpenEvent } from '../../events/notification-open.ts';
import '../idea/idea.ts';
import './inbox.ts';
import { BkInbox } from './inbox.component.ts';

const bell = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('button.bell');
/** The bell's accessible name: its visually hidden text (the icon and the badge are hidden from assistive technology). */
const bellName = (el: Element) => bell(el)?.querySelector('.visually-hidden')?.textContent;
const dialog = (el: Element) => shadow(el).querySelector('dialog') as HTMLDialogElement;
const items = (el: Element) => [...shadow(el).querySelectorAll<HTMLLIElement>('li.item')];
const itemWith = (el: Element, text: string) => items(el).find((li) => li.textContent?.includes(text));
/** The focused element inside the inbox's shadow root. */
const focused = (el: Element) => shadow(el).activeElement;
const freshKey = () => `widget-inbox-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** Requests the page made for notifications since the buffer was last cleared. */
const inboxRequests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/notifications')).length;

async function mountInbox(attrs = 'poll="2"') {
  const el = await mount<BkInbox>(`<bk-inbox ${attrs}></bk-inbox>`);
  await until(() => bell(el));
  return el;
}

async function openPanel(el: BkInbox) {
  bell(el)?.click();
  await until(() => dialog(el).open && shadow(el).querySelector('section, ul.items, p.empty, .notice'));
  await until(() => !shadow(el).querySelector('.skeleton'));
}

/** Someone else, signed in, who writes where the test says. */
async function otherPerson(): Promise<BridgekitClient> {
  return clientAs(await tokenFor(newPerson('HR')));
}

describe('<bk-inbox>', () => {
  const token = signInEachTest();
  let me: BridgekitClient;
  let idea: Idea;
  let discussion: string;

  beforeEach(async () => {
    me = clientAs(token());
    idea = await me.ideas.create({ board: 'people', title: `Inbox idea ${Date.now()}` });
    discussion = (await me.ideas.view(idea.id)).discussion.key;
    await me.subscriptions.follow('idea', idea.id);
  });

  afterEach(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    // An opened notification may have put its item in the address.
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('is registered under its tag', () => {
    expect(customElements.get('bk-inbox')).toBe(BkInbox);
  });

  it('shows nothing to people who are not signed in', async () => {
    signIn(null);
    const el = await mount<BkInbox>('<bk-inbox></bk-inbox>');
    await el.updateComplete;
    expect(bell(el)).toBeNull();
  });

  it('counts a comment on a followed idea and a mention, announces the count, and lists them newest first', async () => {
    const el = await mountInbox();
    await until(() => bellName(el) === 'Notifications');
    expect(shadow(el).querySelector('.badge')).toBeNull();

    const other = await otherPerson();
    await other.threads.post({ key: discussion, body: 'Useful for HR too.' });
    await until(() => bellName(el) === 'Notifications, 1 unread', 10_000);
    expect(shadow(el).querySelector('.badge')?.textContent).toBe('1');
    expect(shadow(el).querySelector('[role="status"]')?.textContent).toBe('1 unread notification');

    const handle = (await me.me()).user?.handle;
    expect(handle).toBeTruthy();
    const thread = freshKey();
    await other.threads.post({ key: thread, title: 'Onboarding checklist', body: `@${handle} could you look at this?` });
    await until(() => bellName(el) === 'Notifications, 2 unread', 10_000);

    await openPanel(el);
    const [first, second] = items(el);
    expect(first?.textContent).toContain('mentioned you on');
    expect(first?.classList.contains('unread')).toBe(true);
    expect(first?.querySelector('time')?.textContent?.trim()).toMatch(/now|second|minute/);
    expect(second?.textContent).toContain(`commented on “${idea.title}”`);
    expect(second?.textContent).toContain('You follow it');
    await expectNoAxeViolations(el);
  });

  it('marks one read when it is opened and goes to its item; "Mark all read" clears the count', async () => {
    const other = await otherPerson();
    await other.threads.post({ key: discussion, body: 'First thought.' });
    const comment = await other.threads.post({ key: discussion, body: 'Second thought.' });
    const el = await mountInbox();
    await until(() => bellName(el) === 'Notifications, 2 unread', 10_000);
    await openPanel(el);

    const opened: BkNotificationOpenEvent[] = [];
    el.addEventListener('bk-notification-open', (e) => {
      opened.push(e);
      // Only a link within this page may be followed here: the test runs in this page.
      if (new URL(e.url).pathname !== location.pathname) e.preventDefault();
    });
    const link = items(el)[0]?.querySelector('a') as HTMLAnchorElement;
    const url = link.href;
    link.click();
    await until(() => opened.length === 1);
    expect(opened[0]).toMatchObject({ kind: 'comment', id: comment.id, url, event: 'comment.created' });
    expect(url).toContain(`bk-comment=${comment.id}`);
    await until(() => !dialog(el).open);
    await until(() => bellName(el) === 'Notifications, 1 unread');
    if (new URL(url).pathname === location.pathname) expect(location.href).toBe(url);
    expect((await me.notifications.inbox({ unread: true })).unread).toBe(1);

    await openPanel(el);
    expect(items(el)[0]?.classList.contains('unread')).toBe(false);
    expect(items(el)[1]?.classList.contains('unread')).toBe(true);
    (shadow(el).querySelector('[part="mark-all"]') as HTMLButtonElement).click();
    // Any message first, then which one: a failure names what the panel said instead.
    await until(() => shadow(el).querySelector('.message')?.textContent, 10_000);
    expect(shadow(el).querySelector('.message')?.textContent).toBe('All notifications are marked read.');
    expect(items(el).some((li) => li.classList.contains('unread'))).toBe(false);
    expect(bellName(el)).toBe('Notifications');
    expect((await me.notifications.inbox()).unread).toBe(0);
  });

  it('opens an idea in place when the page shows ideas (<bk-idea>)', async () => {
    await me.subscriptions.follow('board', 'people');
    const other = await otherPerson();
    const theirs = await other.ideas.create({ board: 'people', title: `A new idea for people ${Date.now()}` });
    const el = await mountInbox();
    const view = await mount<HTMLElement>('<bk-idea></bk-idea>');
    await openPanel(el);
    const item = await until(() => itemWith(el, theirs.title));
    expect(item.textContent).toContain(`shared the idea “${theirs.title}”`);
    (item.querySelector('a') as HTMLAnchorElement).click();
    await until(() => location.hash.includes(`bk-idea=${encodeURIComponent(theirs.id)}`));
    await until(() => shadow(view).querySelector('#bk-idea-title')?.textContent === theirs.title);
  });

  it('works with the keyboard alone: Enter opens, Tab reaches the notifications, Escape closes and focus returns', async () => {
    await (await otherPerson()).threads.post({ key: discussion, body: 'Keyboard check.' });
    const el = await mountInbox();
    await until(() => bellName(el) === 'Notifications, 1 unread', 10_000);
    await userEvent.tab();
    expect(focused(el)).toBe(bell(el));
    await userEvent.keyboard('{Enter}');
    await until(() => dialog(el).open && items(el).length === 1);
    expect(focused(el)?.id).toBe('bk-inbox-heading');
    await userEvent.tab(); // Close
    await userEvent.tab(); // Mark all read
    await userEvent.tab(); // E-mail settings
    await userEvent.tab();
    expect(focused(el)).toBe(items(el)[0]?.querySelector('a'));
    await userEvent.keyboard('{Escape}');
    await until(() => !dialog(el).open);
    await until(() => focused(el) === bell(el));
  });

  it('saves the e-mail cadence of each kind with native selects', async () => {
    const el = await mountInbox();
    await openPanel(el);
    [...shadow(el).querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => b.textContent?.trim() === 'E-mail settings')?.click();
    const select = await until(() => shadow(el).querySelector<HTMLSelectElement>('#bk-inbox-mentions'));
    expect(shadow(el).querySelector('label[for="bk-inbox-mentions"]')?.textContent).toBe('When someone mentions you');
    expect([...select.options].map((o) => o.value)).toEqual(['immediate', 'daily', 'weekly', 'off']);
    expect(shadow(el).querySelectorAll('select')).toHaveLength(6);
    select.value = 'weekly';
    (shadow(el).querySelector('#bk-inbox-replies') as HTMLSelectElement).value = 'off';
    (shadow(el).querySelector('.settings button[type="submit"]') as HTMLButtonElement).click();
    await until(() => shadow(el).querySelector('.settings-message')?.textContent === 'Your e-mail settings are saved.');
    await expectNoAxeViolations(el);
    const saved = await me.notifications.settings();
    expect(saved.email.mentions).toBe('weekly');
    expect(saved.email.replies).toBe('off');
  });

  it('looks at the count only while the page is visible', async () => {
    performance.clearResourceTimings();
    const el = await mountInbox();
    // Its first look has come back (a request is listed once it is complete).
    await until(() => inboxRequests() === 1);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    performance.clearResourceTimings();
    await (await otherPerson()).threads.post({ key: discussion, body: 'While you were away.' });
    await new Promise((r) => setTimeout(r, 4500));
    expect(inboxRequests()).toBe(0);
    expect(bellName(el)).toBe('Notifications');

    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => bellName(el) === 'Notifications, 1 unread');
    expect(inboxRequests()).toBe(1);
  });

  it('turns dark with the page theme and stays axe-clean; speaks German', async () => {
    await (await otherPerson()).threads.post({ key: discussion, body: 'Dark and German.' });
    signIn(token(), { theme: 'dark', locale: 'de' });
    const el = await mountInbox();
    await until(() => bellName(el) === 'Benachrichtigungen, 1 ungelesen', 10_000);
    await openPanel(el);
    expect(getComputedStyle(dialog(el)).backgroundColor).toBe('rgb(31, 31, 31)');
    expect(items(el)[0]?.textContent).toContain(`hat „${idea.title}“ kommentiert`);
    await expectNoAxeViolations(el);
  });
});
