import type { Idea } from '@bridgekit/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkVoteChangeEvent } from '../../events/vote-change.ts';
import { defineElement } from '../../shared/define.ts';
import './idea-vote.ts';
import type { BkIdeaVote } from './idea-vote.component.ts';

const IDEA = 'demo-idea-replenishment';

async function mountVote(attrs = `idea="${IDEA}"`) {
  const el = await mount<BkIdeaVote>(`<bk-idea-vote ${attrs}></bk-idea-vote>`);
  const button = await until(() => shadow(el).querySelector<HTMLButtonElement>('button'));
  return { el, button };
}

const count = (button: HTMLButtonElement) => Number(button.querySelector('[part="count"]')?.textContent);
const status = (el: Element) => shadow(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('<bk-idea-vote>', () => {
  const token = signInEachTest();

  it('is a native toggle button named with what pressing does, the title and the visible count', async () => {
    const before = await clientAs(token()).ideas.get(IDEA);
    const { button } = await mountVote();
    expect(button.localName).toBe('button');
    expect(button.type).toBe('button');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(count(button)).toBe(before.votes);
    await expect.element(page.getByRole('button', { name: `Back “${before.title}”, ${before.votes} votes` })).toBeVisible();
  });

  it('reads "Backed ✓" once backed, as a state and not a filled call to action, and stays a button that withdraws', async () => {
    const before = await clientAs(token()).ideas.get(IDEA);
    const { el, button } = await mountVote(`idea="${IDEA}" variant="inline"`);
    const look = () => getComputedStyle(button);
    const idle = { background: look().backgroundColor, color: look().color };
    expect(button.textContent?.replace(/\s+/g, ' ')).toContain('Back this idea');
    await userEvent.click(button);
    await until(() => status(el).startsWith('Vote counted'));
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.textContent?.replace(/\s+/g, ' ')).toContain('Backed ✓');
    expect(button.textContent).not.toContain('Back this idea');
    // The name still says what pressing does; aria-pressed says it is done.
    await expect
      .element(page.getByRole('button', { name: `Back “${before.title}”, ${before.votes + 1} votes`, pressed: true }))
      .toBeVisible();
    // A light tint inside the brand-coloured border, with the usual text colour — not the brand colour filled in.
    expect(look().backgroundColor).not.toBe(idle.background);
    expect(look().backgroundColor).not.toBe(look().borderTopColor);
    expect(look().color).toBe(idle.color);
    await expectNoAxeViolations(el);
    await userEvent.click(button);
    await until(() => status(el).startsWith('Vote removed'));
    expect(button.textContent).toContain('Back this idea');
  });

  it('keeps one width for its box whatever the count and its word ("1 vote", "4 votes")', async () => {
    const one = await mountVote();
    // A new idea: backed by its author alone.
    const mine = await clientAs(token()).ideas.create({ board: 'people', title: `One vote only ${Date.now()}` });
    const other = await mount<BkIdeaVote>(`<bk-idea-vote idea="${mine.id}"></bk-idea-vote>`);
    const otherButton = await until(() => shadow(other).querySelector<HTMLButtonElement>('button'));
    expect(otherButton.textContent?.replace(/\s+/g, ' ')).toContain('1 vote');
    expect(count(one.button)).toBeGreaterThan(1);
    expect(otherButton.getBoundingClientRect().width).toBe(one.button.getBoundingClientRect().width);
  });

  it('backs the idea on click, keeps it after a reload, and withdraws on a second click', async () => {
    const before = await clientAs(token()).ideas.get(IDEA);
    const first = await mountVote();
    await userEvent.click(first.button);
    await until(() => first.button.getAttribute('aria-busy') !== 'true' && status(first.el).startsWith('Vote counted'));
    expect(first.button.getAttribute('aria-pressed')).toBe('true');
    expect(count(first.button)).toBe(before.votes + 1);
    expect(status(first.el)).toBe(`Vote counted for “${before.title}”. ${before.votes + 1} votes.`);
    expect(await clientAs(token()).ideas.get(IDEA)).toMatchObject({ voted: true, votes: before.votes + 1 });

    cleanup();
    const again = await mountVote();
    expect(again.button.getAttribute('aria-pressed')).toBe('true');
    expect(count(again.button)).toBe(before.votes + 1);

    await userEvent.click(again.button);
    await until(() => status(again.el).startsWith('Vote removed'));
    expect(again.button.getAttribute('aria-pressed')).toBe('false');
    expect(await clientAs(token()).ideas.get(IDEA)).toMatchObject({ voted: false, votes: before.votes });
  });

  it('works from the keyboard: Tab to it, Space and Enter toggle it', async () => {
    const { el, button } = await mountVote();
    await userEvent.keyboard('{Tab}');
    expect(el.shadowRoot?.activeElement).toBe(button);
    await userEvent.keyboard(' ');
    await until(() => status(el).startsWith('Vote counted'));
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await userEvent.keyboard('{Enter}');
    await until(() => status(el).startsWith('Vote removed'));
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });

  it('shows the inline variant with a "Back this idea" label', async () => {
    const { button } = await mountVote(`idea="${IDEA}" variant="inline"`);
    expect(button.textContent).toContain('Back this idea');
    expect(button.querySelector('[part="count"]')).not.toBeNull();
  });

  it('uses the idea it is given without asking the API', async () => {
    const idea: Idea = {
      id: 'given',
      board: 'general',
      title: 'Given idea',
      description: '',
      author: { name: 'A', businessUnit: null, unit: null },
      lane: 'opportunity',
      businessCase: { problem: null, beneficiary: null, valueType: null, effort: null, objective: null },
      status: {
        key: 'open',
        label: 'Open',
        category: 'open',
        reason: null,
        link: null,
        card: null,
        changedAt: null,
        changedBy: null,
        deflection: false,
        revisitOn: null,
        needMet: null,
      },
      votes: 7,
      supporters: 7,
      businessUnits: 2,
      unit: null,
      impactedUnits: [],
      voted: true,
      myVotes: 1,
      score: { value: null, effort: null, risk: null, valuePerEffort: null, belowFloor: false, evaluations: 0 },
      closed: false,
      mergedInto: null,
      moderation: { state: 'published', reason: null, reasonCode: null, reasonParams: {} },
      createdAt: new Date().toISOString(),
      editedAt: null,
      recordedBy: null,
      scoreOutdated: false,
      mine: false,
      sponsor: null,
      demandClass: null,
      objectives: [],
      intake: { step: 'screening', caseCard: null },
    };
    const el = await mount<BkIdeaVote>('<bk-idea-vote></bk-idea-vote>');
    el.data = idea;
    const button = await until(() => shadow(el).querySelector('button'));
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(count(button)).toBe(7);
  });

  it('keeps two controls for the same idea in step, and tells the page the whole vote state', async () => {
    const a = await mountVote();
    const b = await mountVote();
    const events: BkVoteChangeEvent[] = [];
    document.addEventListener(BkVoteChangeEvent.type, (e) => events.push(e), { once: true });
    await userEvent.click(a.button);
    await until(() => b.button.getAttribute('aria-pressed') === 'true');
    expect(count(b.button)).toBe(count(a.button));
    expect(events[0]).toMatchObject({ ideaId: IDEA, board: 'general', source: a.el });
    // Other test files vote on this idea too: the counts are checked against what the controls show.
    expect(events[0]?.state).toEqual({
      votes: count(a.button),
      supporters: expect.any(Number),
      businessUnits: expect.any(Number),
      voted: true,
      myVotes: 1,
      budget: null,
    });
  });

  it('is read-only when signed out: says so, and sends nothing', async () => {
    signIn(null);
    const before = await clientAs(null).ideas.get(IDEA);
    const { el, button } = await mountVote();
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // aria-disabled (unlike `disabled`) keeps the button focusable and clickable, so it can explain itself.
    await userEvent.click(button, { force: true });
    await until(() => status(el) === 'Sign in to vote.');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect((await clientAs(null).ideas.get(IDEA)).votes).toBe(before.votes);
  });

  it('says when the idea does not exist', async () => {
    const el = await mount<BkIdeaVote>('<bk-idea-vote idea="no-such-idea"></bk-idea-vote>');
    await until(() => status(el) === 'This idea is no longer available.');
  });

  it('says when the API cannot be reached, instead of staying blank: in the page’s one banner, retried by itself', async () => {
    signIn(token(), { apiBase: 'http://127.0.0.1:9' });
    const el = await mount<BkIdeaVote>(`<bk-idea-vote idea="${IDEA}"></bk-idea-vote>`);
    const banner = await until(() => shadow(el).querySelector('[part="outage"]'));
    expect(banner.textContent).toContain('Can’t reach the service.');
    expect(banner.querySelector('button')?.textContent?.trim()).toBe('Try now');
    await expectNoAxeViolations(el);
  });

  it('has no axe violations, pressed or not', async () => {
    const { el, button } = await mountVote();
    await expectNoAxeViolations(el);
    await userEvent.click(button);
    await until(() => status(el).startsWith('Vote counted'));
    await expectNoAxeViolations(el);
  });

  it('ignores a second registration of its tag', () => {
    expect(() => defineElement('bk-idea-vote', class extends HTMLElement {})).not.toThrow();
    expect(customElements.get('bk-idea-vote')?.name).toBe('BkIdeaVote');
  });
});

describe('<bk-idea-vote> on a budget board', () => {
  afterEach(cleanup);

  it('is one stepper: the idea’s votes, then − yours +, with no separate toggle', async () => {
    signIn(await tokenFor(newPerson()));
    const [first] = (await clientAs(null).ideas.list({ board: 'finance-ops' })).items.filter((i) => !i.closed);
    const el = await mount<BkIdeaVote>(`<bk-idea-vote idea="${first?.id}" max-votes="3"></bk-idea-vote>`);
    await until(() => shadow(el).querySelector('[part="stepper"]'));
    expect(shadow(el).querySelector('button[aria-pressed]')).toBeNull();
    expect(shadow(el).querySelectorAll('button')).toHaveLength(2);
    expect(shadow(el).querySelector('[part="tally"]')?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^\d+ votes?$/);
    expect(shadow(el).querySelector('[part="mine"]')?.textContent).toBe('Yours: 0');
  });

  it('adds and takes back single votes within the budget, and says why + stops at the cap', async () => {
    const person = newPerson();
    const token = await tokenFor(person);
    signIn(token);
    const api = clientAs(token);
    const [first] = (await api.ideas.list({ board: 'finance-ops' })).items.filter((i) => !i.closed);
    const el = await mount<BkIdeaVote>(`<bk-idea-vote idea="${first?.id}" max-votes="3"></bk-idea-vote>`);
    const more = await until(() => shadow(el).querySelector<HTMLButtonElement>('button[aria-label^="Add one of your votes"]'));
    await userEvent.click(more);
    await until(() => shadow(el).querySelector('[part="mine"]')?.textContent === 'Yours: 1');
    await userEvent.click(more);
    await userEvent.click(more);
    await until(() => shadow(el).querySelector('[part="mine"]')?.textContent === 'Yours: 3');
    expect(more.getAttribute('aria-disabled')).toBe('true');
    // The reason is visible, and is the + button's description.
    const hint = shadow(el).querySelector<HTMLElement>('[part="hint"]');
    expect(hint?.textContent).toBe('At most 3 on one idea');
    expect(hint?.checkVisibility()).toBe(true);
    expect(more.getAttribute('aria-describedby')).toBe(hint?.id);
    // The quick third click is sent when the second is back.
    await expect.poll(async () => (await api.ideas.get(first?.id ?? '')).myVotes).toBe(3);
    await userEvent.click(shadow(el).querySelector<HTMLButtonElement>('button[aria-label^="Take back one"]') as HTMLButtonElement);
    await until(() => shadow(el).querySelector('[part="mine"]')?.textContent === 'Yours: 2');
    expect(shadow(el).querySelector('[part="hint"]')?.textContent).toBe('');
    expect(more.hasAttribute('aria-describedby')).toBe(false);
    await expectNoAxeViolations(el);
  });

  it('says when none of the budget is left, from the answer of its last vote', async () => {
    const token = await tokenFor(newPerson());
    signIn(token);
    const api = clientAs(token);
    // Four ideas of one's own (on a budget board an author does not back their idea): 3 + 3 + 3 votes, then the tenth here.
    const ideas = [];
    for (let i = 0; i < 4; i++) {
      ideas.push(
        await api.ideas.create({
          board: 'finance-ops',
          title: `Budget spender ${i} ${Date.now()}`,
          businessCase: { problem: 'Votes to spend.', valueType: 'cost' },
        }),
      );
    }
    for (const idea of ideas.slice(0, 3)) await api.ideas.vote(idea.id, { votes: 3 });
    const el = await mount<BkIdeaVote>(`<bk-idea-vote idea="${ideas[3]?.id}" max-votes="3"></bk-idea-vote>`);
    const more = await until(() => shadow(el).querySelector<HTMLButtonElement>('button[aria-label^="Add one of your votes"]'));
    expect(more.getAttribute('aria-disabled')).toBeNull();
    await userEvent.click(more);
    await until(() => shadow(el).querySelector('[part="hint"]')?.textContent === 'None of your votes left');
    expect(shadow(el).querySelector('[part="mine"]')?.textContent).toBe('Yours: 1');
    expect(more.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(more, { force: true });
    expect((await api.ideas.get(ideas[3]?.id ?? '')).myVotes).toBe(1);
  });

  it('explains a closed idea instead of failing', async () => {
    signIn(await tokenFor(newPerson()));
    const el = await mount<BkIdeaVote>('<bk-idea-vote idea="demo-idea-expenses" max-votes="3"></bk-idea-vote>');
    const more = await until(() => shadow(el).querySelector<HTMLButtonElement>('button[aria-label^="Add one of your votes"]'));
    expect(more.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(more, { force: true });
    await until(() => status(el) === 'Voting has closed on this idea.');
  });
});
