import type { BridgekitClient } from '@bridgekit/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { isFinalClose, LiveFeed, type LiveStatus, parseLiveEvent } from './thread-live.ts';
import './thread.ts';
import type { BkThread } from './thread.component.ts';

const freshKey = () => `widget-live-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function mountThread(attrs: string) {
  const el = await mount<BkThread>(`<bk-thread ${attrs}></bk-thread>`);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}

const liveStatus = (el: Element) => shadow(el).querySelector<HTMLElement>('section')?.dataset.live;
const article = (el: Element, id: string) => shadow(el).querySelector<HTMLElement>(`article[data-comment="${id}"]`);
const articles = (el: Element) => shadow(el).querySelectorAll('article').length;
const newCommentsButton = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[part="new-comments"]');
const announcement = (el: Element) => shadow(el).querySelector('.thread > [role="status"]')?.textContent?.trim() ?? '';

/**
 * Holds back the live tickets (`POST …/threads/{key}/live`) whose number `hold` picks until
 * `release()`: what happens between reading a thread and its socket opening, made to happen.
 */
function holdTickets(hold: (n: number) => boolean) {
  const realFetch = globalThis.fetch;
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tickets = {
    asked: 0,
    release: () => release(),
    restore: () => {
      release();
      globalThis.fetch = realFetch;
    },
  };
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.method === 'POST' && /\/threads\/[^/]+\/live$/.test(new URL(request.url).pathname) && hold(++tickets.asked)) await held;
    return realFetch(request);
  };
  return tickets;
}

/** Records the sockets the page opens (to drop one as a network change would) until `restore()`. */
function recordSockets() {
  const RealSocket = globalThis.WebSocket;
  const sockets: WebSocket[] = [];
  globalThis.WebSocket = class extends RealSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.push(this);
    }
  };
  const restore = () => {
    globalThis.WebSocket = RealSocket;
  };
  return { sockets, restore };
}

describe('<bk-thread> live updates', () => {
  let other: ReturnType<typeof clientAs>;
  beforeEach(async () => {
    signIn(await tokenFor(newPerson('Operations')));
    other = clientAs(await tokenFor(newPerson('Sales')));
  });
  afterEach(cleanup);

  it('hold new comments by others behind a button, insert them when pressed, and apply changes in place', async () => {
    const key = freshKey();
    const root = await other.threads.post({ key, body: 'Started by someone else' });
    const el = await mountThread(`key="${key}"`);
    await until(() => liveStatus(el) === 'socket');

    // The reader's own comment shows at once and is not counted as new.
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), 'My own comment');
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    await until(() => articles(el) === 2);
    const mine = shadow(el).querySelectorAll<HTMLElement>('article')[1]?.dataset.comment ?? '';

    const theirs = await other.threads.post({ key, body: 'Another voice' });
    const button = await until(() => newCommentsButton(el));
    expect(button.textContent?.trim()).toBe('1 new comment');
    expect(button.parentElement?.getAttribute('aria-live')).toBe('polite');
    // Nothing moved under the reader's eyes.
    expect(article(el, theirs.id)).toBeNull();
    expect(articles(el)).toBe(2);
    await expectNoAxeViolations(el);

    const reply = await other.threads.post({ key, body: 'And a reply', parentId: root.id });
    await until(() => newCommentsButton(el)?.textContent?.trim() === '2 new comments');
    await userEvent.click(page.getByRole('button', { name: '2 new comments' }));
    await until(() => article(el, theirs.id) && article(el, reply.id));
    expect(article(el, root.id)?.parentElement?.querySelector('ol.replies')?.contains(article(el, reply.id))).toBe(true);
    // Focus goes to the first new comment in reading order: the reply, under the first comment.
    expect(shadow(el).activeElement).toBe(article(el, reply.id));
    expect(announcement(el)).toBe('2 new comments shown.');
    expect(newCommentsButton(el)).toBeNull();

    // Edits, reactions and removals of comments on screen apply in place.
    await other.comments.edit(root.id, 'Started by someone else, **edited**');
    await until(() => article(el, root.id)?.querySelector('.comment-body strong')?.textContent === 'edited');
    expect(article(el, root.id)?.querySelector('.edited')).not.toBeNull();
    await other.comments.react(mine, 'love');
    await until(() => article(el, mine)?.querySelector('[data-reaction="love"] .count')?.textContent === '1');
    await other.comments.remove(theirs.id);
    await until(() => article(el, theirs.id) === null);
  });

  it('keep the reader’s focus, open menu and scroll when a change arrives for the comment they are on', async () => {
    const key = freshKey();
    const root = await other.threads.post({ key, body: 'Read and answered' });
    const below = await other.threads.post({ key, body: 'Further down' });
    // The thread sits in the middle of a long page, and the reader has scrolled to it.
    const spacers = [document.createElement('div'), document.createElement('div')];
    for (const spacer of spacers) spacer.style.height = '3000px';
    document.body.prepend(spacers[0] as HTMLElement);
    const el = await mountThread(`key="${key}"`);
    document.body.append(spacers[1] as HTMLElement);
    // The first reaction comes as soon as the socket is up, while the catch-up's re-read of the comment may still be on its way.
    await until(() => liveStatus(el) === 'socket');
    const button = (action: string, id: string) =>
      shadow(el).querySelector<HTMLButtonElement>(`button[data-action="${action}"][data-for="${id}"]`) as HTMLButtonElement;
    article(el, below.id)?.scrollIntoView({ block: 'center' });

    // Focus on Reply; someone reacts to the comment: its reactions change, the focus stays on its Reply.
    button('reply', root.id).focus();
    expect(document.scrollingElement?.scrollTop).toBeGreaterThan(1000);
    // Where the reader sees the comment and the button (the header above may still gain its follow control: the page's scroll anchoring keeps them put).
    const onScreen = () => [article(el, root.id)?.getBoundingClientRect().top, button('reply', root.id).getBoundingClientRect().top];
    const seen = onScreen();
    await other.comments.react(root.id, 'like');
    await until(() => article(el, root.id)?.querySelector('[data-reaction="like"] .count')?.textContent === '1');
    expect(shadow(el).activeElement).toBe(button('reply', root.id));
    expect(onScreen()).toEqual(seen);

    // The "…" menu open on its second item; another reaction arrives: the menu stays open, focus on that item.
    await userEvent.click(button('more', root.id));
    await until(() => (shadow(el).activeElement as HTMLElement | null)?.closest('[role="menu"]'));
    await userEvent.keyboard('{ArrowDown}');
    const item = (shadow(el).activeElement as HTMLElement).dataset.action;
    await other.comments.react(root.id, 'love');
    await until(() => article(el, root.id)?.querySelector('[data-reaction="love"] .count')?.textContent === '1');
    expect(button('more', root.id).getAttribute('aria-expanded')).toBe('true');
    const focused = shadow(el).activeElement as HTMLElement;
    expect(focused.closest('[role="menu"]')).not.toBeNull();
    expect(focused.dataset.action).toBe(item);
    expect(onScreen()).toEqual(seen);
    await userEvent.keyboard('{Escape}');
    await until(() => shadow(el).activeElement === button('more', root.id));
    for (const spacer of spacers) spacer.remove();
  });

  it('poll the thread’s activity with live="poll", counting only what can be shown', async () => {
    const key = freshKey();
    await other.threads.post({ key, body: 'First' });
    const offScreen = await other.threads.post({ key, body: 'Second, on the next page' });
    const el = await mountThread(`key="${key}" live="poll" poll-interval="1" page-size="1"`);
    expect(liveStatus(el)).toBe('polling');
    // A reply under a comment not loaded yet is not counted; it comes with that comment.
    const hidden = await other.threads.post({ key, body: 'A reply off screen', parentId: offScreen.id });
    const theirs = await other.threads.post({ key, body: 'Seen by polling' });
    await until(() => newCommentsButton(el)?.textContent?.trim() === '1 new comment');
    await userEvent.click(page.getByRole('button', { name: '1 new comment' }));
    await until(() => article(el, theirs.id));
    expect(announcement(el)).toBe('1 new comment shown.');
    expect(shadow(el).activeElement).toBe(article(el, theirs.id));
    expect(article(el, hidden.id)).toBeNull();
  });

  it('start when the reader’s comment starts the thread, and stay off with live="off"', async () => {
    const key = freshKey();
    const el = await mountThread(`key="${key}"`);
    expect(liveStatus(el)).toBe('off');
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), 'The very first comment');
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    await until(() => liveStatus(el) === 'socket');
    await other.threads.post({ key, body: 'The second comment' });
    await until(() => newCommentsButton(el)?.textContent?.trim() === '1 new comment');
    cleanup();
    const quiet = await mountThread(`key="${key}" live="off"`);
    expect(articles(quiet)).toBe(2);
    expect(liveStatus(quiet)).toBe('off');
  });

  it('say "Reconnecting…" while a dropped socket reconnects, and clear it when back', async () => {
    const key = freshKey();
    await other.threads.post({ key, body: 'Hello' });
    // The browser's sockets, to drop one as a network change would.
    const { sockets, restore } = recordSockets();
    try {
      const el = await mountThread(`key="${key}"`);
      await until(() => liveStatus(el) === 'socket');
      const state = () => shadow(el).querySelector('[part="live-state"]')?.textContent?.trim();
      expect(state()).toBeUndefined();
      sockets[0]?.close();
      await until(() => state() === 'Connection lost. Reconnecting…');
      await until(() => liveStatus(el) === 'socket');
      expect(state()).toBeUndefined();
      expect(sockets).toHaveLength(2);
    } finally {
      restore();
    }
  });

  it('show every comment posted while the socket was down once, caught up from the activity cursor on reconnecting', async () => {
    const key = freshKey();
    const root = await other.threads.post({ key, body: 'Before the drop' });
    const { sockets, restore } = recordSockets();
    // The second ticket waits until the comments are in: they are posted while no socket is open.
    const tickets = holdTickets((n) => n > 1);
    try {
      const el = await mountThread(`key="${key}"`);
      await until(() => liveStatus(el) === 'socket');
      // The Worker's live object restarting drops its sockets the same way (1006, no close frame from it).
      sockets[0]?.close();
      await until(() => tickets.asked === 2);
      const missed = [
        await other.threads.post({ key, body: 'Missed 1' }),
        await other.threads.post({ key, body: 'Missed 2', parentId: root.id }),
      ];
      tickets.release();
      await until(() => liveStatus(el) === 'socket');
      await until(() => newCommentsButton(el)?.textContent?.trim() === '2 new comments');
      // After reconnecting, the new socket announces the next one.
      const after = await other.threads.post({ key, body: 'After reconnecting' });
      await until(() => newCommentsButton(el)?.textContent?.trim() === '3 new comments');
      await userEvent.click(page.getByRole('button', { name: '3 new comments' }));
      await until(() => [...missed, after].every((c) => article(el, c.id)));
      const shown = [...shadow(el).querySelectorAll<HTMLElement>('article')].map((a) => a.dataset.comment);
      expect(shown.toSorted()).toEqual([root.id, ...missed.map((c) => c.id), after.id].toSorted());
      expect(announcement(el)).toBe('3 new comments shown.');
      await expectNoAxeViolations(el);
    } finally {
      tickets.restore();
      restore();
    }
  });

  it('keep a live reaction that lands while an older read of its comment is on the way', async () => {
    const key = freshKey();
    const root = await other.threads.post({ key, body: 'Edited, then liked' });
    const likes = (el: Element) => article(el, root.id)?.querySelector('[data-reaction="like"] .count')?.textContent;
    // Reads of the comment reach the server at once; one answer is held back, as a slow network would.
    const realFetch = globalThis.fetch;
    const reads = { started: 0, finished: 0, hold: false, held: false };
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method !== 'GET' || !new URL(request.url).pathname.endsWith(`/comments/${root.id}`)) return realFetch(request);
      reads.started++;
      const answer = await realFetch(request);
      if (reads.hold) {
        reads.hold = false;
        reads.held = true;
        await gate;
      }
      reads.finished++;
      return answer;
    };
    try {
      const el = await mountThread(`key="${key}"`);
      await until(() => liveStatus(el) === 'socket');
      await until(() => reads.started === reads.finished);
      reads.hold = true;
      // The edit is announced; the widget reads the comment back (before the like), and that answer is slow.
      await other.comments.edit(root.id, 'Edited, then **liked**');
      await until(() => reads.held);
      await other.comments.react(root.id, 'like');
      await until(() => likes(el) === '1');
      release();
      await until(() => article(el, root.id)?.querySelector('.comment-body strong')?.textContent === 'liked');
      expect(likes(el)).toBe('1');
    } finally {
      release();
      globalThis.fetch = realFetch;
    }
  });

  it.each([
    ['in step with the server’s', 0],
    ['a minute ahead of the server’s', 60_000],
  ])('catch up on a reaction made between reading the thread and the socket opening, the browser’s clock %s', async (_, aheadMs) => {
    const key = freshKey();
    const root = await other.threads.post({ key, body: 'Liked before the socket opened' });
    const RealDate = globalThis.Date;
    globalThis.Date = class extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + aheadMs);
        else super(...(args as [string]));
      }
      static override now() {
        return RealDate.now() + aheadMs;
      }
    } as DateConstructor;
    // The socket's ticket waits until the reaction is in: no socket hears it.
    const tickets = holdTickets((n) => n === 1);
    try {
      const el = await mountThread(`key="${key}"`);
      await until(() => tickets.asked === 1);
      await other.comments.react(root.id, 'like');
      tickets.release();
      await until(() => liveStatus(el) === 'socket');
      await until(() => article(el, root.id)?.querySelector('[data-reaction="like"] .count')?.textContent === '1');
    } finally {
      tickets.restore();
      globalThis.Date = RealDate;
    }
  });

  it('stop when the element leaves the page', async () => {
    const key = freshKey();
    await other.threads.post({ key, body: 'Hello' });
    const el = await mountThread(`key="${key}"`);
    await until(() => liveStatus(el) === 'socket');
    el.remove();
    await el.updateComplete;
    expect(liveStatus(el)).toBe('off');
    document.body.append(el);
    await until(() => liveStatus(el) === 'socket');
  });
});

describe('LiveFeed', () => {
  it('falls back to polling when the socket cannot be opened', async () => {
    const statuses: LiveStatus[] = [];
    // No such thread: no ticket, so no socket.
    const feed = new LiveFeed({
      client: clientAs(null),
      threadId: 'no-such-thread',
      mode: 'socket',
      pollIntervalMs: 60_000,
      since: new Date().toISOString(),
      onChanges: () => {},
      onStatus: (s) => statuses.push(s),
    });
    feed.start();
    await until(() => statuses.includes('polling'));
    feed.stop();
    expect(statuses).toEqual(['connecting', 'polling']);
  });

  it('polls, without reconnecting, when the server closes the socket for good', async () => {
    const person = clientAs(await tokenFor(newPerson('Operations')));
    const starter = clientAs(await tokenFor(newPerson('Sales')));
    const thread = (await starter.threads.post({ key: freshKey(), body: 'Read in many tabs' })).threadId;
    // Counts the tickets each feed asks for: a reconnect asks for a new one.
    const feed = () => {
      const tickets = { asked: 0 };
      const client = {
        ...person,
        threads: {
          ...person.threads,
          liveTicket: (...args: Parameters<BridgekitClient['threads']['liveTicket']>) => {
            tickets.asked++;
            return person.threads.liveTicket(...args);
          },
        },
      } as BridgekitClient;
      const statuses: LiveStatus[] = [];
      const live = new LiveFeed({
        client,
        threadId: thread,
        mode: 'socket',
        pollIntervalMs: 60_000,
        since: new Date().toISOString(),
        onChanges: () => {},
        onStatus: (s) => statuses.push(s),
      });
      live.start();
      return { live, statuses, tickets };
    };
    // The Worker keeps 10 sockets per person and thread: the 11th closes the oldest with 4429.
    const tabs: ReturnType<typeof feed>[] = [];
    for (let i = 0; i < 10; i++) {
      const tab = feed();
      tabs.push(tab);
      await until(() => tab.statuses.at(-1) === 'socket');
    }
    const newest = feed();
    const oldest = tabs[0] as ReturnType<typeof feed>;
    await until(() => oldest.statuses.at(-1) === 'polling');
    expect(oldest.statuses).toEqual(['connecting', 'socket', 'polling']);
    expect(oldest.tickets.asked).toBe(1);
    await until(() => newest.statuses.at(-1) === 'socket');
    for (const tab of [...tabs, newest]) tab.live.stop();
    expect(tabs.slice(1).every((tab) => tab.statuses.at(-1) === 'socket' && tab.tickets.asked === 1)).toBe(true);
  });

  it('catches up on every change after a reconnect, past the 500 one activity answer holds', async () => {
    const key = freshKey();
    const first = await clientAs(await tokenFor(newPerson('Sales'))).threads.post({ key, body: 'Busy thread' });
    const { sockets, restore } = recordSockets();
    // The second ticket waits until the comments are in: they are posted while no socket is open.
    const tickets = holdTickets((n) => n > 1);
    const told = new Set<string>();
    const statuses: LiveStatus[] = [];
    const feed = new LiveFeed({
      client: clientAs(await tokenFor(newPerson('Operations'))),
      threadId: first.threadId,
      mode: 'socket',
      pollIntervalMs: 60_000,
      since: new Date().toISOString(),
      onChanges: (changes) => {
        for (const change of changes) if (change.type === 'created') told.add(change.id);
      },
      onStatus: (s) => statuses.push(s),
    });
    try {
      feed.start();
      await until(() => statuses.at(-1) === 'socket');
      sockets[0]?.close();
      await until(() => tickets.asked === 2);
      // 520 comments by 13 people (each stays under the write limit of 60 a minute), 20 at a time.
      const writers = await Promise.all(Array.from({ length: 13 }, async () => clientAs(await tokenFor(newPerson('Sales')))));
      const missed: string[] = [];
      for (let i = 0; i < 520; i += 20) {
        const posted = await Promise.all(
          Array.from({ length: 20 }, (_, j) =>
            (writers[(i + j) % writers.length] as BridgekitClient).threads.post({ key, body: `Missed ${i + j}` }),
          ),
        );
        missed.push(...posted.map((c) => c.id));
      }
      tickets.release();
      await until(() => statuses.at(-1) === 'socket' && statuses.length > 2, 30_000);
      await until(() => missed.every((id) => told.has(id)), 30_000);
      expect(sockets).toHaveLength(2);
    } finally {
      feed.stop();
      tickets.restore();
      restore();
    }
  }, 120_000);

  it('tells closes that end live updates from those that call for a new ticket', () => {
    expect([4403, 4429].map(isFinalClose)).toEqual([true, true]);
    expect([1000, 1001, 1006, 1011, 1012, 4000].map(isFinalClose)).toEqual([false, false, false, false, false, false]);
  });

  it('reads the socket’s messages and ignores anything else', () => {
    expect(parseLiveEvent('{"type":"comment.created","id":"c1","parentId":null,"authorHandle":"ada"}')).toEqual({
      type: 'created',
      id: 'c1',
      parentId: null,
    });
    expect(parseLiveEvent('{"type":"reactions","id":"c1","reactions":{"like":1,"insight":0,"love":2}}')).toEqual({
      type: 'reactions',
      id: 'c1',
      reactions: { like: 1, insight: 0, love: 2 },
    });
    expect(parseLiveEvent('pong')).toBeNull();
    expect(parseLiveEvent('{"type":"comment.exploded","id":"c1"}')).toBeNull();
    expect(parseLiveEvent('null')).toBeNull();
  });
});
