/// <reference types="@vitest/browser-playwright" />
import { afterEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { signInEachTest } from '../../test/signed-in.ts';
import { apiBase, clientAs, expectNoAxeViolations, mount, shadow, until } from '../../test/support.ts';
import '../components/idea-vote/idea-vote.ts';
import '../components/thread/thread.ts';

/**
 * The network to the API, cut and restored through Chromium's DevTools protocol (the test
 * runner's own connection stays up). Cut `before` the API, a request fails as with no connection;
 * cut `after` it, the API does the write but its answer is lost on the way back. Restored, the
 * browser's `online` event fires, as when a connection comes back.
 */
async function network(state: 'up' | 'before' | 'after'): Promise<void> {
  const session = cdp();
  if (state === 'up') {
    await session.send('Fetch.disable');
    window.dispatchEvent(new Event('online'));
    return;
  }
  session.on('Fetch.requestPaused', (event: { requestId: string; request: { method: string } }) => {
    const { requestId } = event;
    // The CORS preflight goes through, so that the write itself reaches the API.
    const pass = state === 'after' && event.request.method === 'OPTIONS';
    const next = pass
      ? session.send('Fetch.continueRequest', { requestId })
      : session.send('Fetch.failRequest', { requestId, errorReason: 'InternetDisconnected' });
    void next.catch(() => {});
  });
  await session.send('Fetch.enable', {
    patterns: [{ urlPattern: `${apiBase()}/*`, requestStage: state === 'after' ? 'Response' : 'Request' }],
  });
}

const status = (el: Element) => shadow(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('a write made offline', () => {
  const token = signInEachTest();
  afterEach(() => network('up'));

  it('is a vote kept while offline, said so, and sent once when the connection is back', async () => {
    const client = clientAs(token());
    const mine = await client.ideas.create({ board: 'people', title: `Offline vote ${Date.now()}` });
    // Backed by its author; take that back so the click below is the one vote.
    await client.ideas.unvote(mine.id);
    const el = await mount(`<bk-idea-vote idea="${mine.id}"></bk-idea-vote>`);
    const button = await until(() => shadow(el).querySelector<HTMLButtonElement>('button'));

    await network('before');
    await userEvent.click(button);
    await until(() => status(el) === 'No connection: your vote will be sent when it is back.');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await expectNoAxeViolations(el);

    await network('up');
    await until(() => status(el).startsWith('Back online: your vote for'));
    expect(status(el)).toBe(`Back online: your vote for “${mine.title}” was sent. 1 vote.`);
    expect(await client.ideas.get(mine.id)).toMatchObject({ voted: true, myVotes: 1, votes: 1 });
  });

  it('is a comment whose answer was lost kept, said so, and posted once when the connection is back', async () => {
    const key = `offline-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const el = await mount(`<bk-thread key="${key}"></bk-thread>`);
    await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
    const box = page.getByRole('textbox', { name: 'Add a comment' });

    // The comment reaches the API, but its answer is lost: the resend must not post it again.
    await network('after');
    await userEvent.fill(box, 'Written on the train');
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    const announced = () => shadow(el).querySelector('.thread > [role="status"]')?.textContent?.trim() ?? '';
    await until(() => announced() === 'No connection: your comment will be sent when it is back.');
    await expectNoAxeViolations(el);

    await network('up');
    await until(() => announced() === 'Back online: your comment was sent.');
    expect(shadow(el).querySelector('.comments')?.textContent).toContain('Written on the train');
    const thread = await clientAs(token()).threads.page({ key });
    expect(thread.items.map((c) => c.body)).toEqual(['Written on the train']);
  });
});
