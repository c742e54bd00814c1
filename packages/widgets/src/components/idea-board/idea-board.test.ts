import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import { BkVoteChangeEvent } from '../../events/vote-change.ts';
import './idea-board.ts';
import type { BkIdeaVote } from '../idea-vote/idea-vote.component.ts';
import type { BkIdeaBoard } from './idea-board.component.ts';

async function mountBoard(attrs = 'board="general"') {
  const el = await mount<BkIdeaBoard>(`<bk-idea-board ${attrs}></bk-idea-board>`);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}

const titles = (el: Element) => [...shadow(el).querySelectorAll('.idea-title')].map((h) => h.textContent?.trim());
const voteButtons = (el: Element) =>
  [...shadow(el).querySelectorAll('bk-idea-vote')].map((v) => shadow(v).querySelector<HTMLButtonElement>('button') as HTMLButtonElement);
const announcement = (el: Element) => shadow(el).querySelector('.base > [role="status"]')?.textContent?.trim() ?? '';
const form = (el: Element) => shadow(shadow(el).querySelector('bk-idea-form') as Element);

describe('<bk-idea-board>', () => {
  const token = signInEachTest('Operations');

  it("shows the board's name and its ideas, most backed first, with the person's own votes", async () => {
    const api = clientAs(token());
    const expected = await api.ideas.list({ board: 'general', sort: 'top' });
    const backed = expected.items[1];
    await api.ideas.vote(backed?.id ?? '');
    const el = await mountBoard();
    await expect.element(page.getByRole('heading', { level: 2, name: 'IT-enabled ideas' })).toBeVisible();
    // Other test files vote on this board at the same time: check the order against the counts shown.
    const counts = voteButtons(el).map((b) => Number(b.querySelector('[part="count"]')?.textContent));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(titles(el)).toEqual(
      expect.arrayContaining(['Automate invoice matching in accounts payable', 'Single sign-on for the supplier portal']),
    );
    const pressed = voteButtons(el).filter((b) => b.getAttribute('aria-pressed') === 'true');
    expect(pressed).toHaveLength(1);
    expect(pressed[0]?.textContent).toContain(backed?.title);
  });

  it('re-sorts by newest from the sort menu', async () => {
    const newest = await clientAs(token()).ideas.list({ board: 'general', sort: 'new' });
    const el = await mountBoard();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sort by' }), 'new');
    await until(() => el.getAttribute('sort') === 'new' && titles(el)[0] === newest.items[0]?.title);
    expect(titles(el)).toEqual(newest.items.map((i) => i.title));
  });

  it('takes an idea from the keyboard alone, shows it first and announces it', async () => {
    const el = await mountBoard('board="finance-ops"');
    const created: BkIdeaCreateEvent[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e));
    const opener = shadow(el).querySelector<HTMLButtonElement>('.open-form');
    opener?.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).querySelector('bk-idea-form')?.shadowRoot?.activeElement?.id === 'bk-title');
    const title = `Keyboard idea ${Date.now()}`;
    await userEvent.keyboard(title);
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('Fewer manual journal entries.');
    // The board requires the problem and the kind of value.
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('Journals are keyed by hand.');
    await userEvent.keyboard('{Tab}{Tab}');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await userEvent.keyboard('{Shift>}{Tab}{Tab}{Tab}{Tab}{/Shift}');
    // Enter in a text field submits the form.
    await userEvent.keyboard('{Enter}');
    await until(() => announcement(el) === `Your idea “${title}” was submitted.`);
    // Said on screen too, not only to screen readers.
    const confirmation = shadow(el).querySelector<HTMLElement>('[part="confirmation"]');
    expect(confirmation?.getAttribute('role')).toBe('status');
    expect(confirmation?.checkVisibility()).toBe(true);
    expect(confirmation?.getBoundingClientRect().height).toBeGreaterThan(10);
    expect(titles(el)[0]).toBe(title);
    expect(created[0]?.idea.title).toBe(title);
    expect(shadow(el).activeElement?.getAttribute('data-idea')).toBe(created[0]?.idea.id);
    const stored = await clientAs(token()).ideas.get(created[0]?.idea.id ?? '');
    expect(stored).toMatchObject({
      title,
      description: 'Fewer manual journal entries.',
      author: { businessUnit: 'Operations' },
      businessCase: { problem: 'Journals are keyed by hand.', valueType: 'cost' },
    });
  });

  it('points at a title that is too short, without sending it', async () => {
    const before = (await clientAs(token()).boards.get('finance-ops')).ideaCount;
    const el = await mountBoard('board="finance-ops"');
    await userEvent.click(page.getByRole('button', { name: 'Share an idea' }));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), 'ab');
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    const input = await until(() => form(el).querySelector<HTMLInputElement>('#bk-title[aria-invalid="true"]'));
    expect(form(el).activeElement).toBe(input);
    expect(form(el).querySelector('#bk-title-error')?.textContent).toContain('Between 3 and 140 characters');
    // The fields the board requires are pointed at too, before anything is sent.
    expect(form(el).querySelector('#bk-problem')?.getAttribute('aria-invalid')).toBe('true');
    expect(form(el).querySelector('#bk-valueType-error')?.textContent).toBe('This board asks for this.');
    expect((await clientAs(token()).boards.get('finance-ops')).ideaCount).toBe(before);
  });

  it("shows the server's field error when the server refuses a value", async () => {
    const el = await mountBoard('board="finance-ops"');
    await userEvent.click(page.getByRole('button', { name: 'Share an idea' }));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), 'Ring the \u0007 bell');
    await userEvent.fill(page.getByRole('textbox', { name: /^The problem it solves/ }), 'Bells.');
    await userEvent.selectOptions(page.getByRole('combobox', { name: /^Kind of value/ }), 'risk');
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => form(el).querySelector('#bk-title-error')?.textContent?.includes('control characters'));
    expect(form(el).querySelector('#bk-title')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('closes the form with Escape and returns focus to its button', async () => {
    const el = await mountBoard('board="finance-ops"');
    await userEvent.click(page.getByRole('button', { name: 'Share an idea' }));
    await until(() => shadow(el).querySelector('bk-idea-form')?.shadowRoot?.activeElement?.id === 'bk-title');
    await userEvent.keyboard('{Escape}');
    await until(() => shadow(el).activeElement?.classList.contains('open-form'));
    expect(shadow(el).querySelector('bk-idea-form')).toBeNull();
  });

  it('pages with "Show more ideas" and moves focus to the first new idea', async () => {
    const all = await clientAs(token()).ideas.list({ board: 'general', limit: 100 });
    const el = await mountBoard('board="general" page-size="2"');
    expect(titles(el)).toHaveLength(2);
    await userEvent.click(page.getByRole('button', { name: 'Show more ideas' }));
    await until(() => titles(el).length === Math.min(4, all.items.length));
    expect(shadow(el).activeElement?.getAttribute('data-idea')).toBe(all.items[2]?.id);
  });

  it('shows a failed "Show more ideas" next to the button, not only to screen readers', async () => {
    const el = await mountBoard('board="general" page-size="2"');
    const realFetch = globalThis.fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    // The network drops before the next page is asked for.
    globalThis.fetch = (input, init) =>
      new Request(input, init).url.includes('cursor=') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    await userEvent.click(page.getByRole('button', { name: 'Show more ideas' }));
    const shown = await until(() => shadow(el).querySelector('[part="load-more-error"]'));
    expect(shown.textContent).toBe('Check your connection and try again.');
    expect(announcement(el)).toBe('Check your connection and try again.');
    expect(titles(el)).toHaveLength(2);
    globalThis.fetch = realFetch;
    await userEvent.click(page.getByRole('button', { name: 'Show more ideas' }));
    await until(() => titles(el).length > 2);
    expect(shadow(el).querySelector('[part="load-more-error"]')).toBeNull();
  });

  it('shows a vote that could not be sent under its row, not in the vote column', async () => {
    const el = await mountBoard();
    const realFetch = globalThis.fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch;
    });
    globalThis.fetch = (input, init) =>
      new Request(input, init).url.endsWith('/vote') ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    const vote = shadow(el).querySelector('bk-idea-vote') as BkIdeaVote;
    const column = vote.getBoundingClientRect().width;
    await userEvent.click(voteButtons(el)[0] as HTMLButtonElement);
    const shown = await until(() => shadow(el).querySelector('.idea > [part="vote-error"]'));
    // Without a connection the vote waits to be sent (shared/offline-queue.ts), and says so.
    expect(shown.textContent).toBe('No connection: your vote will be sent when it is back.');
    expect(shown.getBoundingClientRect().top).toBeGreaterThanOrEqual(vote.getBoundingClientRect().bottom);
    expect(vote.getBoundingClientRect().width).toBe(column);
    // Said once, by the vote control's live region.
    expect(shadow(vote).querySelector('[role="status"]')?.textContent).toBe(shown.textContent);
    await expectNoAxeViolations(el);
  });

  it('invites the first idea on an empty board', async () => {
    const el = await mountBoard('board="innovation-lab"');
    expect(shadow(el).textContent).toContain('No ideas yet. Be the first to share one.');
  });

  it('is read-only when signed out', async () => {
    signIn(null);
    const el = await mountBoard();
    expect(shadow(el).querySelector('.open-form')).toBeNull();
    expect(shadow(el).textContent).toContain('Sign in to share and back ideas.');
    expect(voteButtons(el).every((b) => b.getAttribute('aria-disabled') === 'true')).toBe(true);
  });

  it('explains an unknown board', async () => {
    const el = await mountBoard('board="no-such-board"');
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('This board does not exist.');
    expect(alert.textContent).not.toContain('page settings');
    expect(alert.querySelector('button')).toBeNull();
  });

  it('explains an unreachable API, retrying by itself, and loads once it answers', async () => {
    signIn(token(), { apiBase: 'http://127.0.0.1:9' });
    const el = await mountBoard();
    const banner = await until(() => shadow(el).querySelector('[part="outage"]'));
    expect(banner.textContent).toContain('Can’t reach the service.');
    expect(banner.textContent).not.toContain('Bridgekit');
    signIn(token());
    await until(() => titles(el).length > 0);
  });

  it('has no axe violations, listing or with the form open', async () => {
    const el = await mountBoard();
    await expectNoAxeViolations(el);
    await userEvent.click(page.getByRole('button', { name: 'Share an idea' }));
    await until(() => shadow(el).querySelector('bk-idea-form')?.shadowRoot?.querySelector('form'));
    await expectNoAxeViolations(el);
  });
});

describe('<bk-idea-board tenant="…"> on a page that names no tenant', () => {
  afterEach(cleanup);

  it('passes its tenant to the vote controls inside it, which then load and vote', async () => {
    const token = await tokenFor(newPerson('Legal'));
    signIn(token, { tenant: undefined });
    const el = await mountBoard('board="general" tenant="demo"');
    const buttons = voteButtons(el);
    expect(buttons.length).toBeGreaterThan(0);
    const first = buttons[0] as HTMLButtonElement;
    const before = first.getAttribute('aria-pressed');
    first.click();
    await until(() => first.getAttribute('aria-pressed') !== before);
  });
});

describe('<bk-idea-board> and the votes cast on the page', () => {
  afterEach(cleanup);

  /** A new idea on the people board, which no other test votes on, backed by its author from Finance. */
  async function backedIdea(title: string) {
    const author = clientAs(await tokenFor(newPerson('Finance')));
    const idea = await author.ideas.create({ board: 'people', title: `${title} ${Date.now()}` });
    // Authors back their own ideas on single-vote boards.
    expect(idea).toMatchObject({ votes: 1, supporters: 1, voted: true });
    return idea;
  }
  const row = (el: Element, id: string) => shadow(el).querySelector(`[data-idea="${id}"]`);
  const meta = (el: Element, id: string) => row(el, id)?.querySelector('[part="meta"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
  const rowButton = (el: Element, id: string) =>
    shadow(row(el, id)?.querySelector('bk-idea-vote') as Element).querySelector<HTMLButtonElement>('button.vote') as HTMLButtonElement;
  const count = (button: HTMLButtonElement) => Number(button.querySelector('[part="count"]')?.textContent);

  it('counts supporters and business units with the votes cast in it, and tells the page the whole vote state', async () => {
    const idea = await backedIdea('Backed across business units');
    signIn(await tokenFor(newPerson('Operations')));
    const el = await mountBoard('board="people" sort="new"');
    // One vote each: the vote box says how many, the byline only from how many units.
    expect(meta(el, idea.id)).toContain(' · backed from 1 business unit · ');
    expect(meta(el, idea.id)).not.toContain('supporter');
    expect(count(rowButton(el, idea.id))).toBe(1);
    const events: BkVoteChangeEvent[] = [];
    const listen = (e: BkVoteChangeEvent) => events.push(e);
    document.addEventListener(BkVoteChangeEvent.type, listen);
    onTestFinished(() => document.removeEventListener(BkVoteChangeEvent.type, listen));

    await userEvent.click(rowButton(el, idea.id));
    await until(() => meta(el, idea.id).includes(' · backed from 2 business units · '));
    expect(count(rowButton(el, idea.id))).toBe(2);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ideaId: idea.id, board: 'people' });
    // The server's answer, whole: nothing the SDK's VoteState has is left out.
    expect(events[0]?.state).toEqual({ votes: 2, supporters: 2, businessUnits: 2, voted: true, myVotes: 1, budget: null });

    await userEvent.click(rowButton(el, idea.id));
    await until(() => meta(el, idea.id).includes(' · backed from 1 business unit · '));
    expect(count(rowButton(el, idea.id))).toBe(1);
    expect(events[1]?.state).toEqual({ votes: 1, supporters: 1, businessUnits: 1, voted: false, myVotes: 0, budget: null });
  });

  it('follows a vote cast in another control for one of its ideas, and that control follows the board', async () => {
    const idea = await backedIdea('Backed inline');
    signIn(await tokenFor(newPerson('Sales')));
    const el = await mountBoard('board="people" sort="new"');
    const inline = await mount<BkIdeaVote>(`<bk-idea-vote idea="${idea.id}" variant="inline"></bk-idea-vote>`);
    const inlineButton = await until(() => shadow(inline).querySelector<HTMLButtonElement>('button.vote'));

    await userEvent.click(inlineButton);
    await until(() => meta(el, idea.id).includes(' · backed from 2 business units · '));
    expect(rowButton(el, idea.id).getAttribute('aria-pressed')).toBe('true');
    expect(count(rowButton(el, idea.id))).toBe(2);

    await userEvent.click(rowButton(el, idea.id));
    await until(() => inlineButton.getAttribute('aria-pressed') === 'false');
    expect(count(inlineButton)).toBe(1);
    expect(meta(el, idea.id)).toContain(' · backed from 1 business unit · ');
  });

  it('keeps the budget left in step with votes on its ideas cast elsewhere on the page', async () => {
    const token = await tokenFor(newPerson('Finance'));
    signIn(token);
    const [open] = (await clientAs(token).ideas.list({ board: 'finance-ops' })).items.filter((i) => !i.closed);
    const el = await mountBoard('board="finance-ops"');
    const budget = () => shadow(el).querySelector('[part="budget"]')?.textContent?.trim();
    expect(budget()).toBe('10 of 10 votes left');
    const inline = await mount<BkIdeaVote>(`<bk-idea-vote idea="${open?.id}" max-votes="3"></bk-idea-vote>`);
    const more = await until(() => shadow(inline).querySelector<HTMLButtonElement>('button[aria-label^="Add one of your votes"]'));
    await userEvent.click(more);
    await until(() => budget() === '9 of 10 votes left');
  });
});

describe('<bk-idea-board> on a budget board', () => {
  afterEach(cleanup);

  const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.idea')].filter((r) => r.querySelector('bk-idea-vote'));

  it('gives each idea one control: its votes, then − yours +; the supporters stay in the byline', async () => {
    signIn(await tokenFor(newPerson('Finance')));
    const el = await mountBoard('board="finance-ops"');
    const [row] = rows(el);
    const vote = shadow(row?.querySelector('bk-idea-vote') as Element);
    expect(vote.querySelector('button[aria-pressed]')).toBeNull();
    expect([...vote.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['−', '+']);
    expect(vote.querySelector('[part="tally"]')?.textContent).toMatch(/\d+\s+votes?/);
    expect(row?.querySelector('[part="meta"]')?.textContent).toMatch(/\d+ supporters?/);
    await expectNoAxeViolations(el);
  });

  it('puts the stepper under the title on a phone, so the text keeps the row’s width; beside it when wide', async () => {
    signIn(await tokenFor(newPerson('Finance')));
    const el = await mountBoard('board="finance-ops"');
    const place = () => {
      const row = rows(el)[0] as HTMLElement;
      return {
        row: row.getBoundingClientRect(),
        title: (row.querySelector('.idea-title') as HTMLElement).getBoundingClientRect(),
        vote: (row.querySelector('bk-idea-vote') as HTMLElement).getBoundingClientRect(),
      };
    };
    el.style.width = '390px';
    await until(() => place().vote.top >= place().title.bottom);
    const narrow = place();
    // The title spans the row (less its padding), not what the stepper leaves.
    expect(narrow.title.width).toBeGreaterThan(narrow.row.width - 40);

    el.style.width = '800px';
    await until(() => place().vote.right <= place().title.left);
    expect(place().vote.top).toBeLessThanOrEqual(place().title.top + 1);
  });
});

describe('<bk-idea-board> vote boxes', () => {
  const token = signInEachTest('Finance');

  it('have one width, whatever their count and its word, so the titles line up', async () => {
    // A new idea with its author's vote alone ("1 vote") among ideas with more.
    await clientAs(token()).ideas.create({ board: 'general', title: `Lined up with one vote ${Date.now()}` });
    const el = await mountBoard('board="general" sort="new"');
    const labels = voteButtons(el).map((b) => b.querySelector('[part="label"]')?.textContent);
    expect(labels).toContain('vote');
    expect(labels).toContain('votes');
    const widths = new Set(voteButtons(el).map((b) => b.getBoundingClientRect().width));
    expect(widths.size).toBe(1);
    const lefts = new Set([...shadow(el).querySelectorAll('.idea-title')].map((t) => Math.round(t.getBoundingClientRect().left)));
    expect(lefts.size).toBe(1);
  });
});
