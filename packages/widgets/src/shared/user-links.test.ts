import { html, render } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { apiBase, cleanup, clientAs, newPerson, shadow, signIn, tokenFor, until } from '../../test/support.ts';
import '../components/practice-card/practice-card.ts';
import { minimalBusinessCase } from '../components/practice-library/test-cards.ts';
import '../components/thread/thread.ts';
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
