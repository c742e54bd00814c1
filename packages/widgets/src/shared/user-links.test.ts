import { html, render } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { apiBase, cleanup, clientAs, newPerson, shadow, signIn, tokenFor, until } from '../../test/support.ts';
import { itemUrl } from './item-links.ts';
import '../components/idea/idea.ts';
import '../components/practice-card/practice-card.ts';
import { minimalBusinessCase } from '../components/practice-library/test-cards.ts';
import '../components/thread/thread.ts';
import { ITEM_LINK_REL, itemLinkOf, withUserLinks } from './user-html.ts';
import { USER_LINK_REL, userHtml, userLink, withOutsideLinks } from './user-links.ts';

/**
 * Navigations of this page's own browsing context — the widget's frame: Vitest runs each test
 * file's page in an iframe, as the iframe route runs a widget. Each is recorded and cancelled,
 * so a link that would replace the frame fails the test instead of unloading it.
 */
function recordOwnNavigations(): { urls: string[]; stop: () => void } {
  const urls: string[] = [];
  const listener = (event: NavigateEvent) => {
    urls.push(event.destination.url);
    event.preventDefault();
  };
  navigation.addEventListener('navigate', listener);
  return { urls, stop: () => navigation.removeEventListener('navigate', listener) };
}

/**
 * A link's navigation starts, and fires `navigate`, while the click is handled; yielding one
 * frame after the click covers any task the browser queues for it.
 */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

const expectOutside = (link: Element | null | undefined) => {
  expect(link?.getAttribute('target')).toBe('_blank');
  expect(link?.getAttribute('rel')?.split(' ').sort()).toEqual(['nofollow', 'noopener', 'noreferrer', 'ugc']);
};

describe('links people wrote', () => {
  let navigations: ReturnType<typeof recordOwnNavigations>;
  beforeEach(() => {
    navigations = recordOwnNavigations();
  });
  afterEach(() => {
    navigations.stop();
    cleanup();
  });

  it('open outside the widget in the server’s HTML, which keeps its text and other markup', () => {
    const source =
      '<p>See <a href="https://phish.example/login" rel="nofollow ugc noopener">the <strong>agenda</strong></a> or <a href="mailto:a@b.example">mail</a>.</p>';
    const container = document.createElement('div');
    container.innerHTML = withOutsideLinks(source);
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(2);
    for (const link of links) expectOutside(link);
    expect(links[0]?.getAttribute('href')).toBe('https://phish.example/login');
    expect(container.textContent).toBe('See the agenda or mail.');
    expect(container.querySelector('a strong')?.textContent).toBe('agenda');
    expect(withOutsideLinks('<p>No links, <em>only</em> text.</p>')).toBe('<p>No links, <em>only</em> text.</p>');
    expect(withUserLinks('<p>No links, <em>only</em> text.</p>')).toBe('<p>No links, <em>only</em> text.</p>');
  });

  it('open outside the widget through userHtml and userLink, re-rendered or not', () => {
    const container = document.createElement('div');
    const view = (body: string) =>
      html`<div class="body">${userHtml(body)}</div>${userLink('https://intranet.example/status', 'Why', 'reason-link')}`;
    render(view('<p><a href="https://a.example/">a</a></p>'), container);
    expectOutside(container.querySelector('.body a'));
    const own = container.querySelector('a[part="reason-link"]');
    expectOutside(own);
    expect(own?.getAttribute('href')).toBe('https://intranet.example/status');
    render(view('<p><a href="https://b.example/">b</a></p>'), container);
    expect(container.querySelector('.body a')?.getAttribute('href')).toBe('https://b.example/');
    expectOutside(container.querySelector('.body a'));
    expect(USER_LINK_REL).toContain('noreferrer');
  });

  it('in a comment: clicking one opens it outside, and the widget’s frame stays where it is', async () => {
    const key = `widget-links-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const token = await tokenFor(newPerson());
    const target = `${apiBase()}/v1/openapi.json`;
    await clientAs(token).threads.post({ key, body: `Log in [here](${target}) to see the agenda, or at ${target}?bare` });
    signIn(token);
    const host = document.createElement('div');
    host.innerHTML = `<bk-thread key="${key}" live="off"></bk-thread>`;
    document.body.append(host);
    const el = host.firstElementChild as HTMLElement;
    const links = await until(() => {
      const found = shadow(el).querySelectorAll<HTMLAnchorElement>('.comment-body a');
      return found.length === 2 && found;
    });
    for (const link of links) expectOutside(link);
    const before = location.href;
    await userEvent.click(page.getByRole('link', { name: 'here' }));
    await nextFrame();
    expect(navigations.urls).toEqual([]);
    expect(location.href).toBe(before);
  });

  it('in a card’s text: clicking one opens it outside, and the widget’s frame stays where it is', async () => {
    const token = await tokenFor(newPerson());
    const target = `${apiBase()}/v1/openapi.json`;
    const input = minimalBusinessCase(`Links ${Date.now()} ${Math.random().toString(36).slice(2, 7)}`);
    const card = await clientAs(token).cards.create({
      ...input,
      fields: { ...input.fields, executiveSummary: `The [supplier offer](${target}) explains it.` },
    });
    expect(card.rendered.executiveSummary).toContain('<a ');
    signIn(token);
    const host = document.createElement('div');
    host.innerHTML = `<bk-practice-card card="${card.id}"></bk-practice-card>`;
    document.body.append(host);
    const el = host.firstElementChild as HTMLElement;
    await until(() => shadow(el).querySelector('article'));
    await userEvent.click(page.getByRole('button', { name: 'Show details' }));
    const link = await until(() => shadow(el).querySelector<HTMLAnchorElement>('.richtext a'));
    expectOutside(link);
    await userEvent.click(page.getByRole('link', { name: 'supplier offer' }));
    await nextFrame();
    expect(navigations.urls).toEqual([]);
  });
});

const expectItemLink = (link: Element | null | undefined, kind: string) => {
  expect(link?.getAttribute('target')).toBeNull();
  expect(link?.getAttribute('rel')).toBe(ITEM_LINK_REL);
  expect(link?.getAttribute('part')).toBe('item-link');
  expect(link?.getAttribute('data-bk-kind')).toBe(kind);
};

/** This page without its fragment: what a link that only changes the fragment starts with. */
const here = () => location.href.replace(/#.*$/, '');

describe('mentions and links to items people wrote', () => {
  let start: string;
  beforeEach(() => {
    start = location.href;
  });
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', start);
  });

  it('make a mention a link to the person’s view, on the tenant’s person page when it has one', () => {
    const source = '<p>Thanks <span class="bk-mention" data-handle="ana.lima">@ana.lima</span>!</p>';
    const container = document.createElement('div');
    container.innerHTML = withUserLinks(source);
    const mention = container.querySelector('a');
    expect(mention?.getAttribute('href')).toBe(itemUrl({}, 'person', 'ana.lima'));
    expect(mention?.getAttribute('href')).toBe(`${here()}#bk-person=ana.lima`);
    expect(mention?.getAttribute('part')).toBe('mention');
    expect(mention?.className).toBe('bk-mention');
    expect(mention?.getAttribute('target')).toBeNull();
    expect(container.textContent).toBe('Thanks @ana.lima!');
    const pages = { person: 'https://intranet.example/people.aspx?who={id}' };
    container.innerHTML = withUserLinks(source, pages);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://intranet.example/people.aspx?who=ana.lima');
  });

  it('keep a link to an item’s view in the page, on this origin or a tenant page’s, and any other outside', () => {
    const pages = { idea: 'https://intranet.example/sites/brm/Ideas.aspx#bk-idea={id}', card: 'https://cards.example/c/{id}' };
    const cases: [string, { kind: string; id: string } | null][] = [
      [`${here()}#bk-idea=demo-idea-sso`, { kind: 'idea', id: 'demo-idea-sso' }],
      [`${location.origin}/other/page#x=1&bk-card=demo-card-practice`, { kind: 'card', id: 'demo-card-practice' }],
      [`${location.origin}/practices?card=demo-card-practice`, { kind: 'card', id: 'demo-card-practice' }],
      [`${location.origin}/news#bk-comment=c1`, { kind: 'comment', id: 'c1' }],
      [`${location.origin}/news#bk-person=ana.lima`, { kind: 'person', id: 'ana.lima' }],
      ['https://intranet.example/sites/brm/Ideas.aspx#bk-idea=i%201', { kind: 'idea', id: 'i 1' }],
      ['https://cards.example/c/k7', { kind: 'card', id: 'k7' }],
      // The tenant's own intranet: its fragments are Bridgekit's too.
      ['https://intranet.example/home#bk-person=ana.lima', { kind: 'person', id: 'ana.lima' }],
      // Other sites faking the fragment, a look-alike host, a user name before the host, other schemes.
      ['https://evil.example/#bk-idea=demo-idea-sso', null],
      ['https://evil.example/?card=demo-card-practice', null],
      ['https://intranet.example.evil.example/sites/brm/Ideas.aspx#bk-idea=x', null],
      [`https://${location.host}@evil.example/#bk-idea=x`, null],
      [`http://intranet.example/sites/brm/Ideas.aspx#bk-idea=x`, null],
      ['javascript:alert(1)//#bk-idea=x', null],
      [`javascript:location='${location.origin}/#bk-idea=x'`, null],
      ['data:text/html,<a href="#bk-idea=x">x</a>', null],
      [`//${location.host}/#bk-idea=x`, null],
      ['/relative#bk-idea=x', null],
      ['mailto:someone@example.com?body=#bk-idea=x', null],
      // This origin, but nothing of Bridgekit's in it.
      [`${location.origin}/about#team`, null],
    ];
    for (const [href, expected] of cases) expect(itemLinkOf(href, pages), href).toEqual(expected);

    const source = cases.map(([href], i) => `<a href="${href.replaceAll('"', '&quot;')}" rel="nofollow ugc noopener">${i}</a>`).join(' ');
    const container = document.createElement('div');
    container.innerHTML = withUserLinks(`<p>${source}</p>`, pages);
    const links = [...container.querySelectorAll('a')];
    expect(links).toHaveLength(cases.length);
    links.forEach((link, i) => {
      const expected = cases[i]?.[1];
      if (expected) expectItemLink(link, expected.kind);
      else expectOutside(link);
    });
  });

  it('in a comment: a mention links to the person’s view, and a link to an idea on this page opens it in place', async () => {
    const key = `widget-item-links-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const mei = clientAs(await tokenFor('mei'));
    const idea = await mei.ideas.create({ board: 'general', title: `Linked from a comment ${key}` });
    const token = await tokenFor(newPerson());
    await clientAs(token).threads.post({
      key,
      body: `@mei.chen see [the idea](${here()}#bk-idea=${idea.id}) and [elsewhere](https://evil.example/#bk-idea=${idea.id}).`,
    });
    signIn(token);
    const host = document.createElement('div');
    host.innerHTML = `<bk-thread key="${key}" live="off"></bk-thread><bk-idea></bk-idea>`;
    document.body.append(host);
    const [thread, view] = [...host.children] as HTMLElement[];
    if (!thread || !view) throw new Error('not mounted');
    const mention = await until(() => shadow(thread).querySelector<HTMLAnchorElement>('.comment-body a[part="mention"]'));
    expect(mention.textContent).toBe('@mei.chen');
    expect(mention.getAttribute('href')).toBe(`${here()}#bk-person=mei.chen`);
    const outside = [...shadow(thread).querySelectorAll('.comment-body a')].find((a) => a.textContent === 'elsewhere');
    expectOutside(outside);

    await until(() => shadow(view).querySelector('p.notice'));
    const link = [...shadow(thread).querySelectorAll<HTMLAnchorElement>('.comment-body a')].find((a) => a.textContent === 'the idea');
    expectItemLink(link, 'idea');
    await userEvent.click(page.getByRole('link', { name: 'the idea' }));
    expect(location.hash).toBe(`#bk-idea=${idea.id}`);
    await until(() => shadow(view).querySelector('#bk-idea-title')?.textContent === idea.title);
    // The comment is still there: only the fragment changed.
    expect(thread.isConnected && shadow(thread).querySelector('.comment-body')).toBeTruthy();
  });
});
