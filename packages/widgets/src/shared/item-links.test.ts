import { LitElement } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, clientAs, newPerson, tokenFor, until } from '../../test/support.ts';
import { copyLink, itemPages, itemUrl, LinkedItemController, linkedItem, showInUrl } from './item-links.ts';

const PAGES = {
  idea: 'https://intranet.example/sites/brm/SitePages/Ideas.aspx#bk-idea={id}',
  card: 'https://intranet.example/sites/brm/SitePages/Practices.aspx?card={id}',
  search: 'https://intranet.example/search/{id}/results',
};

/** A Lit host with the controller, recording each id it was told of. */
class LinkedHost extends LitElement {
  seen: (string | null)[] = [];
  linked = new LinkedItemController(this, 'idea', (id) => this.seen.push(id));
}
customElements.define('test-linked-host', LinkedHost);

/** A step through the history that changes the fragment ends with `hashchange`, after `popstate`. */
const traversed = () => new Promise((resolve) => globalThis.addEventListener('hashchange', resolve, { once: true }));
/** One that changes more than the fragment ends with `popstate`. */
const popped = () => new Promise((resolve) => globalThis.addEventListener('popstate', resolve, { once: true }));

describe('item links', () => {
  let start: string;
  beforeEach(() => {
    start = location.href;
  });
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', start);
  });

  it('put the id, encoded, where the tenant’s pattern says, for each kind', () => {
    expect(itemUrl(PAGES, 'idea', 'a b/c#d')).toBe('https://intranet.example/sites/brm/SitePages/Ideas.aspx#bk-idea=a%20b%2Fc%23d');
    expect(itemUrl(PAGES, 'card', 'demo-card-1')).toBe('https://intranet.example/sites/brm/SitePages/Practices.aspx?card=demo-card-1');
    expect(itemUrl(PAGES, 'search', 'Single sign-on & MFA')).toBe('https://intranet.example/search/Single%20sign-on%20%26%20MFA/results');
    // A pattern without {id} is no pattern.
    expect(itemUrl({ idea: 'https://intranet.example/ideas' }, 'idea', 'x')).toBe(itemUrl({}, 'idea', 'x'));
  });

  it('without a pattern, link to the page the reader is on with the default fragment', () => {
    history.replaceState(null, '', '?view=all&bk-idea=old#top');
    const url = new URL(itemUrl({}, 'idea', 'ünï code'));
    expect(url.origin + url.pathname).toBe(location.origin + location.pathname);
    expect(url.searchParams.get('view')).toBe('all');
    expect(url.searchParams.has('bk-idea')).toBe(false);
    expect(url.hash).toBe(`#top&bk-idea=${encodeURIComponent('ünï code')}`);
    // Another kind's piece of the fragment stays; this kind's is replaced.
    history.replaceState(null, '', '#bk-idea=one&bk-card=c');
    expect(new URL(itemUrl({}, 'idea', 'two')).hash).toBe('#bk-card=c&bk-idea=two');
  });

  it('link a comment to its thread’s page, else to this one', () => {
    expect(itemUrl(PAGES, 'comment', 'c1', { pageUrl: 'https://intranet.example/news/sso.aspx#reply' })).toBe(
      'https://intranet.example/news/sso.aspx#reply&bk-comment=c1',
    );
    const here = new URL(itemUrl(PAGES, 'comment', 'c2', { pageUrl: null }));
    expect(here.pathname).toBe(location.pathname);
    expect(here.hash).toBe('#bk-comment=c2');
  });

  it('read back the id of each link they make', () => {
    for (const [pages, kind, id] of [
      [PAGES, 'idea', 'demo-idea-sso'],
      [PAGES, 'card', 'card with spaces'],
      [PAGES, 'search', 'zero trust'],
      [{}, 'idea', 'a&b=c#d'],
      [{}, 'card', 'demo-card-1'],
      [{}, 'search', 'ä ö ü'],
    ] as const) {
      const url = new URL(itemUrl(pages, kind, id));
      expect(linkedItem(pages, kind, url)).toBe(id);
      // Another kind does not read it.
      expect(linkedItem(pages, kind === 'idea' ? 'card' : 'idea', url)).toBeNull();
    }
    const comment = new URL(itemUrl({}, 'comment', 'cm-1', { pageUrl: 'https://intranet.example/p' }));
    expect(linkedItem({}, 'comment', comment)).toBe('cm-1');
  });

  it('read the parameters and the pattern too, and nothing from other pages', () => {
    expect(linkedItem({}, 'idea', new URL('https://x.example/p?bk-idea=q1'))).toBe('q1');
    expect(linkedItem({}, 'card', new URL('https://x.example/p?card=c9'))).toBe('c9');
    expect(linkedItem({}, 'idea', new URL('https://x.example/p?card=c9'))).toBeNull();
    // The fragment wins over a parameter.
    expect(linkedItem({}, 'idea', new URL('https://x.example/p?bk-idea=old#bk-idea=new'))).toBe('new');
    // The pattern's page, with other parameters and another case in the path.
    expect(linkedItem(PAGES, 'idea', new URL('https://intranet.example/sites/BRM/SitePages/ideas.aspx?x=1#bk-idea=i%202'))).toBe('i 2');
    expect(linkedItem(PAGES, 'search', new URL('https://intranet.example/search/single%20sign-on/results'))).toBe('single sign-on');
    expect(linkedItem(PAGES, 'search', new URL('https://intranet.example/search/x/other'))).toBeNull();
    expect(linkedItem(PAGES, 'card', new URL('https://elsewhere.example/sites/brm/SitePages/Practices.aspx?card=c'))).toBe('c');
    expect(linkedItem(PAGES, 'idea', new URL('https://elsewhere.example/sites/brm/SitePages/Other.aspx?x=c'))).toBeNull();
    expect(linkedItem({}, 'idea', new URL('https://x.example/p#bk-idea=%E0%A4%A'))).toBeNull();
  });

  it('show an item in the address, and Back tells the controller it closed', async () => {
    history.replaceState({ router: 'host' }, '', '#section');
    const host = document.createElement('test-linked-host') as LinkedHost;
    document.body.append(host);

    showInUrl('idea', 'demo-idea-sso');
    expect(location.hash).toBe('#section&bk-idea=demo-idea-sso');
    // The host page's own state stays in the entry.
    expect((history.state as { router: string }).router).toBe('host');
    expect(linkedItem({}, 'idea')).toBe('demo-idea-sso');
    expect(host.linked.id).toBe('demo-idea-sso');
    // What the page opened itself is not reported back; the same item again pushes nothing (one Back below closes it).
    showInUrl('idea', 'demo-idea-sso');
    expect(host.seen).toEqual([]);

    const back = traversed();
    history.back();
    await back;
    await until(() => host.seen.length === 1);
    expect(host.seen).toEqual([null]);
    expect(location.hash).toBe('#section');

    const forward = traversed();
    history.forward();
    await forward;
    await until(() => host.seen.length === 2);
    expect(host.seen).toEqual([null, 'demo-idea-sso']);
  });

  it('close an item in place by stepping back over the entry they pushed, else by a new entry', async () => {
    const host = document.createElement('test-linked-host') as LinkedHost;
    document.body.append(host);
    showInUrl('idea', 'i1');
    const closed = traversed();
    showInUrl('idea', null);
    await closed;
    expect(linkedItem({}, 'idea')).toBeNull();
    // The page closed it itself: the controller has nothing to report.
    await new Promise((r) => setTimeout(r, 50));
    expect(host.seen).toEqual([]);

    // Opened from a link (no entry of ours): closing removes the fragment and parameter in a new entry.
    history.replaceState(null, '', '?bk-idea=i2#bk-idea=i2&keep');
    showInUrl('idea', null);
    expect(location.search).toBe('');
    expect(location.hash).toBe('#keep');
    const back = popped();
    history.back();
    await back;
    expect(linkedItem({}, 'idea')).toBe('i2');
    expect(host.seen).toEqual(['i2']);
  });

  it('close items opened one after another in one step back to the page without them', async () => {
    history.replaceState(null, '', '#top');
    const host = document.createElement('test-linked-host') as LinkedHost;
    document.body.append(host);
    showInUrl('idea', 'first');
    showInUrl('idea', 'second');
    expect(location.hash).toBe('#top&bk-idea=second');
    const closed = traversed();
    showInUrl('idea', null);
    await closed;
    expect(location.hash).toBe('#top');
    await new Promise((r) => setTimeout(r, 50));
    expect(host.seen).toEqual([]);
    // Forward still reaches what was open.
    const forward = traversed();
    history.forward();
    await forward;
    await until(() => host.seen.length === 1);
    expect(host.seen).toEqual(['first']);
  });

  it('tell the controller of a pasted link', async () => {
    const host = document.createElement('test-linked-host') as LinkedHost;
    document.body.append(host);
    location.hash = 'bk-idea=pasted';
    await until(() => host.seen.length === 1);
    expect(host.seen).toEqual(['pasted']);
    host.remove();
    location.hash = 'bk-idea=later';
    await new Promise((r) => setTimeout(r, 50));
    expect(host.seen).toEqual(['pasted']);
  });

  it('take the tenant’s pages from the viewer, once per client', async () => {
    const client = clientAs(await tokenFor(newPerson()));
    const first = itemPages(client);
    expect(itemPages(client)).toBe(first);
    expect(await first).toEqual((await client.me()).pages);
    const aborted = new AbortController();
    aborted.abort();
    expect(await itemPages(client, aborted.signal)).toEqual({});
  });

  it('copy a link to the clipboard', async () => {
    const url = itemUrl(PAGES, 'idea', 'demo-idea-sso');
    const button = document.createElement('button');
    button.textContent = 'Copy';
    let copied: Promise<boolean> | undefined;
    button.addEventListener('click', () => {
      copied = copyLink(url);
    });
    const field = document.createElement('textarea');
    field.setAttribute('aria-label', 'Paste here');
    document.body.append(button, field);
    await userEvent.click(button);
    expect(await until(() => copied)).toBe(true);
    // What the clipboard holds, as pasting shows it.
    field.focus();
    await userEvent.paste();
    expect(field.value).toBe(url);
  });
});
