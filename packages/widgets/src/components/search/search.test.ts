import type { Idea } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import type { BkItemOpenEvent } from '../../events/item-open.ts';
import type { BkSearchEvent } from '../../events/search.ts';
import './search.ts';
import { BkSearch } from './search.component.ts';
import { snippetPieces } from './snippet.ts';

/** A word no other test data holds, so a search for it finds only what this file made. */
const word = () => `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

const box = () => page.getByRole('searchbox', { name: 'Search ideas, discussions and practice cards' });
const stateText = (el: Element) => shadow(el).querySelector('[part="state"]')?.textContent?.trim() ?? '';
const links = (el: Element) => [...shadow(el).querySelectorAll<HTMLAnchorElement>('.results a.hit-link')];
/** The focused element inside the search's shadow root. */
const focused = (el: Element) => shadow(el).activeElement;

/** The id of `kind` a link opens: its fragment's `bk-<kind>=` piece (the search it came from may be there too). */
const opens = (href: string, kind: string) => new URLSearchParams(new URL(href).hash.slice(1)).get(`bk-${kind}`);

/** Leaves the page's address as the test runner gave it. */
const clearAddress = () => history.replaceState(null, '', `${location.pathname}${location.search}`);

async function mountSearch(attrs = '') {
  const el = await mount<BkSearch>(`<bk-search ${attrs}></bk-search>`);
  await until(() => shadow(el).querySelector('#bk-q'));
  return el;
}

async function searchFor(el: BkSearch, q: string) {
  await userEvent.fill(box(), q);
  await until(() => stateText(el).includes(`for “${q}”`));
}

describe('snippet pieces', () => {
  it('cuts the text at its marks, ignoring marks that overlap, are empty or fall outside', () => {
    expect(snippetPieces({ text: 'the business case', marks: [[4, 12]] })).toEqual([
      { text: 'the ', marked: false },
      { text: 'business', marked: true },
      { text: ' case', marked: false },
    ]);
    expect(
      snippetPieces({
        text: 'abcdef',
        marks: [
          [3, 4],
          [0, 2],
          [1, 3],
          [5, 5],
          [5, 99],
        ],
      }),
    ).toEqual([
      { text: 'ab', marked: true },
      { text: 'c', marked: true },
      { text: 'd', marked: true },
      { text: 'e', marked: false },
      { text: 'f', marked: true },
    ]);
  });
});

describe('<bk-search>', () => {
  let author: ReturnType<typeof clientAs>;
  let token: string;
  let needle: string;
  let hostile: Idea;
  let plain: Idea;

  beforeAll(async () => {
    token = await tokenFor(newPerson('Finance'));
    author = clientAs(token);
    needle = word();
    hostile = await author.ideas.create({
      board: 'general',
      title: `Hostile <img src=x onerror="globalThis.bkPwned=1"> ${needle}`,
      description: `The ${needle} report <b>bold</b> for every budget holder.`,
    });
    plain = await author.ideas.create({ board: 'general', title: `Plain idea about ${needle}`, description: 'Nothing hostile here.' });
  });

  afterEach(() => {
    cleanup();
    clearAddress();
  });

  it('is registered under its tag', () => {
    expect(customElements.get('bk-search')).toBe(BkSearch);
  });

  it('asks for words first, with a labelled search box and no accessibility violation', async () => {
    signIn(token);
    const el = await mountSearch('placeholder="e.g. self-service reports"');
    await expect.element(page.getByRole('heading', { level: 2, name: 'Search' })).toBeVisible();
    await expect.element(box()).toHaveAttribute('placeholder', 'e.g. self-service reports');
    expect(stateText(el)).toBe('Type at least two characters to search ideas, discussions and practice cards.');
    await expectNoAxeViolations(el);
  });

  it('shows ranked hits with the words marked, and markup in titles and text as text', async () => {
    signIn(token);
    const el = await mountSearch();
    await searchFor(el, needle);
    expect(stateText(el)).toBe(`2 results for “${needle}”.`);
    const hit = await until(() => links(el).find((a) => opens(a.href, 'idea') === hostile.id));
    expect(hit.textContent?.trim()).toBe(hostile.title);
    // Not one element made from the stored text: no <img>, no <b>, and its handler never ran.
    expect(shadow(el).querySelector('.results img, .results b')).toBeNull();
    expect((globalThis as { bkPwned?: number }).bkPwned).toBeUndefined();
    const item = hit.closest('li') as HTMLLIElement;
    expect(item.querySelector('.kind')?.textContent).toBe('Idea');
    const marks = [...item.querySelectorAll('[part="snippet"] mark')].map((m) => m.textContent?.toLowerCase());
    expect(marks).toContain(needle);
    expect(item.querySelector('[part="snippet"]')?.textContent).toContain('<b>bold</b>');
    // Its author backs a new idea (docs/ideas.md).
    expect(item.querySelector('.meta')?.textContent).toMatch(/^Open · IT-enabled ideas · 1 supporter · changed /);
    // Each result a real link to the item's view, described by its kind, snippet and facts.
    expect(
      links(el)
        .map((a) => opens(a.href, 'idea'))
        .sort(),
    ).toEqual([hostile.id, plain.id].sort());
    // On this page (the demo tenant sets no item pages), with the search it came from: Back returns to it.
    expect(new URL(hit.href).hash).toBe(`#bk-search=${needle}&bk-idea=${hostile.id}`);
    await expectNoAxeViolations(el);
  });

  it('finds comments and cards too, comments linking into their discussion', async () => {
    signIn(token);
    const topic = word();
    const comment = await author.threads.post({
      key: `search-test-${topic}`,
      title: `Lessons on ${topic}`,
      body: `We tried ${topic} last year and it worked.`,
    });
    const el = await mountSearch();
    await searchFor(el, topic);
    const commentLink = await until(() => links(el).find((a) => a.closest('li')?.classList.contains('comment')));
    expect(commentLink.textContent?.trim()).toBe(`${(await author.me()).user?.name} in “Lessons on ${topic}”`);
    expect(opens(commentLink.href, 'comment')).toBe(comment.id);
    expect(new URL(commentLink.href).pathname).toBe(location.pathname);
    expect(commentLink.closest('li')?.querySelector('.kind')?.textContent).toBe('Comment');

    // A comment of an idea's own discussion opens the idea, at the comment.
    const onIdea = await author.threads.post({ key: `idea:${plain.id}`, body: `Another ${topic} angle on the idea.` });
    await searchFor(el, `${topic} angle`);
    const ideaComment = await until(() => links(el).find((a) => opens(a.href, 'comment') === onIdea.id));
    expect(opens(ideaComment.href, 'idea')).toBe(plain.id);
    expect(ideaComment.textContent?.trim()).toBe(`${(await author.me()).user?.name} in “${plain.title}”`);

    // Words of that card's own text: cards other tests make (business cases of approved ideas) may crowd a plain 'business case'.
    await searchFor(el, 'business case late payment fees');
    const card = await until(() => links(el).find((a) => opens(a.href, 'card') === 'demo-card-business-case'));
    expect(card.closest('li')?.querySelector('.kind')?.textContent).toBe('Practice card');
    expect(card.closest('li')?.querySelector('.meta')?.textContent).toContain('Business Case');
  });

  it('moves through the results with the arrow keys, and Enter opens one', async () => {
    signIn(token);
    const el = await mountSearch();
    await searchFor(el, needle);
    const [first, second] = links(el);
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(el)).toBe(first);
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(el)).toBe(second);
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(el)).toBe(second);
    await userEvent.keyboard('{Home}');
    expect(focused(el)).toBe(first);
    await userEvent.keyboard('{End}');
    expect(focused(el)).toBe(second);
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    expect(focused(el)?.id).toBe('bk-q');
    await userEvent.keyboard('{ArrowDown}{Escape}');
    expect(focused(el)?.id).toBe('bk-q');

    const opened: BkItemOpenEvent[] = [];
    document.addEventListener(
      'bk-item-open',
      (e) => {
        opened.push(e);
        e.preventDefault();
      },
      { once: true },
    );
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ kind: 'idea', url: first?.href });
    expect([hostile.id, plain.id]).toContain(opened[0]?.id);
  });

  it('filters by kind (with counts), status, practice area and time, each change searching again', async () => {
    signIn(token);
    const el = await mountSearch();
    const asked: BkSearchEvent[] = [];
    el.addEventListener('bk-search', (e) => asked.push(e));
    await searchFor(el, needle);
    expect(asked.at(-1)?.query).toMatchObject({ q: needle, kinds: ['idea', 'comment', 'card'] });
    const kindLabels = () => [...shadow(el).querySelectorAll('.kind-choice')].map((l) => l.textContent?.trim());
    await until(() => kindLabels()[1] === 'Ideas (2)');

    await userEvent.click(page.getByRole('radio', { name: /^Practice cards/ }));
    await until(() => asked.at(-1)?.query.kinds?.join() === 'card');
    // The counts of the other kinds stay, from a search of all of them.
    await until(() => kindLabels()[1] === 'Ideas (2)' && kindLabels()[3] === 'Practice cards (0)');
    expect(stateText(el)).toBe(`Nothing found for “${needle}”. Try fewer words, or fewer filters.`);
    // Ideas' filters leave with ideas; the practice area comes with cards.
    expect(shadow(el).querySelector('#bk-filter-status')).toBeNull();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Practice area (cards)' }), 'demand-shaping');
    await until(() => asked.at(-1)?.query.area === 'demand-shaping');

    await userEvent.click(page.getByRole('radio', { name: /^Ideas/ }));
    await until(() => asked.at(-1)?.query.kinds?.join() === 'idea' && links(el).length === 2);
    expect(asked.at(-1)?.query.area).toBeUndefined();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Status (ideas)' }), 'planned');
    await until(() => asked.at(-1)?.query.status === 'planned');
    await until(() => stateText(el).startsWith('Nothing found'));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Status (ideas)' }), 'open');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Board (ideas)' }), 'general');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Changed' }), '30');
    await until(() => asked.at(-1)?.query.since !== undefined);
    const since = asked.at(-1)?.query.since ?? '';
    expect(since).toBe(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
    expect(asked.at(-1)?.query).toMatchObject({ board: 'general', status: 'open' });
    await until(() => links(el).length === 2);
  });

  it('puts the search in the address, and runs a pasted link', async () => {
    signIn(token);
    const el = await mountSearch();
    await searchFor(el, needle);
    await until(() => location.hash === `#bk-search=${needle}`);
    cleanup();

    // A link pasted into the address bar (or opened from a mail): the search runs on load …
    history.replaceState(null, '', `${location.pathname}${location.search}#bk-search=${encodeURIComponent(`Plain ${needle}`)}`);
    const again = await mountSearch();
    await until(() => stateText(again).includes(`for “Plain ${needle}”`));
    expect((shadow(again).querySelector('#bk-q') as HTMLInputElement).value).toBe(`Plain ${needle}`);
    expect(links(again).length).toBeGreaterThan(0);
    // … and when the address changes under it.
    location.hash = `bk-search=${needle}`;
    await until(() => stateText(again) === `2 results for “${needle}”.`);
    expect((shadow(again).querySelector('#bk-q') as HTMLInputElement).value).toBe(needle);
  });

  it('searches only the kinds it is given', async () => {
    signIn(token);
    const el = await mountSearch('kinds="card"');
    const asked: BkSearchEvent[] = [];
    el.addEventListener('bk-search', (e) => asked.push(e));
    expect(shadow(el).querySelector('.kinds')).toBeNull();
    expect(shadow(el).querySelector('#bk-filter-board')).toBeNull();
    await searchFor(el, needle);
    expect(asked.at(-1)?.query.kinds).toEqual(['card']);
    expect(stateText(el)).toMatch(/^Nothing found/);
  });

  it('says when the search failed, retries by itself, and searches again once set up', async () => {
    // An unknown tenant allows no origin: to the browser, the API does not answer.
    signIn(token, { tenant: 'no-such-tenant' });
    const el = await mountSearch();
    await userEvent.fill(box(), needle);
    const banner = await until(() => shadow(el).querySelector('[part="outage"]'));
    expect(banner.textContent).toContain('Can’t reach the service.');
    signIn(token);
    await until(() => stateText(el) === `2 results for “${needle}”.`);
  });
});
