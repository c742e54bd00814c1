import { createClient } from '@bridgekit/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { apiBase, cleanup, mount, newPerson, shadow, signIn, tokenFor, until } from '../../test/support.ts';
import '../components/idea-board/idea-board.ts';
import '../components/idea-form/idea-form.ts';
import '../components/practice-library/practice-library.ts';
import { viewer } from './viewer.ts';

/** The requests for `/me` this page has finished since the last `clearResourceTimings()`. */
const meRequests = () => performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === '/v1/tenants/demo/me');

describe('the viewer, read once per client', () => {
  afterEach(cleanup);

  it('is read once for a page with a board, the practice library and an idea form', async () => {
    // A moderator: the form shows "On behalf of a business leader" once it knows the role.
    signIn(await tokenFor('mei'));
    performance.clearResourceTimings();
    const host = await mount<HTMLElement>(
      '<div><bk-idea-board board="general"></bk-idea-board><bk-practice-library></bk-practice-library><bk-idea-form board="general"></bk-idea-form></div>',
    );
    const [board, library, form] = [...host.children] as HTMLElement[];
    // Each has what it read /me for: the board its titles linked to the ideas' pages, the
    // library its list (read with the viewer) and its links, the form the moderator's role.
    await until(() => shadow(board as Element).querySelector('.idea-title a[href]'));
    await until(() => shadow(library as Element).querySelector('a.title-button[href]'));
    await until(() => shadow(form as Element).querySelector('[part="on-behalf-of"]'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(meRequests()).toHaveLength(1);
  });

  it('is shared while it stands, and a failed read is tried again on the next call', async () => {
    const token = await tokenFor('mei');
    const sent: string[] = [];
    let offline = true;
    const client = createClient({
      baseUrl: apiBase(),
      tenant: 'demo',
      token,
      // The network, not the API: the first request does not get through.
      fetch: (request) => {
        sent.push(new URL(request.url).pathname);
        return offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(request);
      },
    });
    const first = viewer(client);
    expect(viewer(client)).toBe(first);
    await expect(first).rejects.toMatchObject({ code: 'network_error' });
    offline = false;
    const again = viewer(client);
    expect(again).not.toBe(first);
    expect((await again).user?.name).toBe('Mei Chen');
    expect(await viewer(client)).toBe(await again);
    expect(sent).toEqual(['/v1/tenants/demo/me', '/v1/tenants/demo/me']);
  });

  it('stops a caller’s wait on its signal, not the read others share', async () => {
    const client = createClient({ baseUrl: apiBase(), tenant: 'demo', token: await tokenFor('mei') });
    const stop = new AbortController();
    const waiting = viewer(client, stop.signal);
    stop.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await expect(viewer(client, stop.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect((await viewer(client)).user?.name).toBe('Mei Chen');
  });

  it('is read again for a new sign-in: the form offers what the new person may do', async () => {
    signIn(await tokenFor('mei'));
    const form = await mount<HTMLElement>('<bk-idea-form board="general"></bk-idea-form>');
    await until(() => shadow(form).querySelector('[part="on-behalf-of"]'));
    performance.clearResourceTimings();
    // configure() with another person's token: a new client, whose viewer is a member.
    signIn(await tokenFor(newPerson()));
    await until(() => meRequests().length === 1);
    await until(() => !shadow(form).querySelector('[part="on-behalf-of"]'));
  });
});
