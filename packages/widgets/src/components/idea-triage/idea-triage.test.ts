import type { Idea } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  apiBase,
  cleanup,
  clientAs,
  expectNoAxeViolations,
  mount,
  newPerson,
  shadow,
  signIn,
  tokenFor,
  until,
} from '../../../test/support.ts';
import '../idea-vote/idea-vote.ts';
import type { BkIdeaVote } from '../idea-vote/idea-vote.component.ts';
import './idea-triage.ts';
import type { BkItemPickEvent } from '../../events/item-pick.ts';
import type { BkItemPicker } from '../../shared/item-picker.ts';
import type { BkIdeaTriage } from './idea-triage.component.ts';
import { CHART, layoutChart } from './value-effort-chart.ts';

async function mountTriage(board = 'general') {
  const el = await mount<BkIdeaTriage>(`<bk-idea-triage board="${board}"></bk-idea-triage>`);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}

const idea = (over: Partial<Idea> & { value: number | null; effort: number | null; supporters: number }): Idea => ({
  id: over.id ?? Math.random().toString(36),
  board: 'general',
  title: over.title ?? 'An idea',
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
  votes: over.supporters,
  supporters: over.supporters,
  businessUnits: 1,
  unit: null,
  impactedUnits: [],
  voted: false,
  myVotes: 0,
  score: {
    value: over.value,
    effort: over.effort,
    risk: null,
    valuePerEffort: null,
    belowFloor: false,
    evaluations: over.value === null ? 0 : 1,
  },
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
});

describe('value-versus-effort layout', () => {
  it('places high value up, high effort right, sizes by supporters, and leaves unscored ideas out', () => {
    const layout = layoutChart([
      idea({ title: 'quick', value: 5, effort: 1, supporters: 20 }),
      idea({ title: 'costly', value: 1, effort: 8, supporters: 1 }),
      idea({ title: 'unscored', value: null, effort: null, supporters: 50 }),
    ]);
    expect(layout.bubbles.map((b) => b.idea.title)).toEqual(['quick', 'costly']);
    const [quick, costly] = layout.bubbles;
    expect(quick?.y).toBeLessThan(costly?.y ?? 0);
    expect(quick?.x).toBeLessThan(costly?.x ?? 0);
    expect(quick?.r).toBeGreaterThan(costly?.r ?? 0);
  });

  it('starts the value axis at the scale’s minimum, so the quadrant line sits in its middle', () => {
    const layout = layoutChart([idea({ title: 'below the middle', value: 2.6, effort: 2, supporters: 1 })], { min: 1, max: 5 });
    expect(layout.minValue).toBe(1);
    expect(layout.yTicks[0]).toMatchObject({ value: 1, y: CHART.height - CHART.bottom });
    expect(layout.yTicks.at(-1)?.value).toBe(5);
    // The line is at 3 of 1–5: an idea of 2.6 sits below it, not among the quick wins.
    const [bubble] = layout.bubbles;
    expect(bubble?.y).toBeGreaterThan(layout.midY);
    const three = layout.yTicks.find((t) => t.value === 3);
    expect(three?.y).toBeCloseTo(layout.midY);
  });
});

describe('<bk-idea-triage>', () => {
  let evaluatorToken: string;
  beforeAll(async () => {
    // The demo's community lead is a moderator (which includes evaluating).
    evaluatorToken = await tokenFor('mei');
  });
  afterEach(cleanup);

  it('scores an idea from the keyboard and updates the matrix', async () => {
    signIn(evaluatorToken);
    const author = await tokenFor(newPerson());
    const fresh = await clientAs(author).ideas.create({ board: 'general', title: `Triage me ${Date.now()}` });
    const el = await mountTriage();
    const entry = await until(() =>
      [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(fresh.title)),
    );
    entry.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).activeElement?.id === 'bk-detail-heading');

    await userEvent.click(page.getByRole('group', { name: /^Business impact/ }).getByRole('radio', { name: '4' }));
    await userEvent.click(page.getByRole('group', { name: /^Financial return/ }).getByRole('radio', { name: '3' }));
    await userEvent.click(page.getByRole('group', { name: /^Fit with the unit's objectives/ }).getByRole('radio', { name: '5' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Size' }), 'S');
    for (const q of ['Uses technology new to us', 'Depends on a third party', 'Changes how people work']) {
      await userEvent.click(page.getByRole('group', { name: q }).getByRole('radio', { name: 'No' }));
    }
    await userEvent.click(page.getByRole('button', { name: 'Save scores' }));
    await until(() => shadow(el).querySelector('.base > [role="status"]')?.textContent?.includes('Scores saved'));
    const scored = await clientAs(evaluatorToken).ideas.get(fresh.id);
    expect(scored.score.value).toBeCloseTo(0.4 * 4 + 0.3 * 3 + 0.3 * 5);
    expect(scored.score.effort).toBe(2);
    const bubble = await until(() =>
      [...shadow(el).querySelectorAll('.bubble')].find((b) => b.getAttribute('aria-label')?.startsWith(fresh.title)),
    );
    // Its author backs a new idea (docs/ideas.md).
    expect(bubble.getAttribute('aria-label')).toBe(`${fresh.title}: value 4, effort 2, 1 supporter`);
    expect(bubble.getAttribute('role')).toBe('button');
  });

  it("follows votes cast on the page: the idea's votes, supporters and business units", async () => {
    signIn(evaluatorToken);
    const author = clientAs(await tokenFor(newPerson('Finance')));
    const fresh = await author.ideas.create({ board: 'people', title: `Backed while triaged ${Date.now()}` });
    await author.ideas.vote(fresh.id);
    const el = await mountTriage('people');
    const entry = await until(() =>
      [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(fresh.title)),
    );
    await userEvent.click(entry);
    const crowd = () => shadow(el).querySelector('.detail dd:nth-of-type(1)')?.textContent?.trim();
    await until(() => crowd() === '1 vote · 1 supporter');

    // The community lead (IT) backs it from a vote control elsewhere on the page: IT is the supply
    // side, so the support grows and the business units it comes from do not.
    const vote = await mount<BkIdeaVote>(`<bk-idea-vote idea="${fresh.id}" variant="inline"></bk-idea-vote>`);
    await userEvent.click(await until(() => shadow(vote).querySelector<HTMLButtonElement>('button.vote')));
    await until(() => crowd() === '2 votes · 2 supporters from 1 business unit');
    expect(entry.querySelector('.meta')?.textContent).toContain('2 supporters');
  });

  it('defers an idea only with a revisit date', async () => {
    signIn(evaluatorToken);
    const fresh = await clientAs(await tokenFor(newPerson())).ideas.create({ board: 'general', title: `Defer me ${Date.now()}` });
    const el = await mountTriage();
    const entry = await until(() =>
      [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(fresh.title)),
    );
    await userEvent.click(entry);
    await until(() => shadow(el).activeElement?.id === 'bk-detail-heading');
    expect(shadow(el).querySelector('#bk-revisit')).toBeNull();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'New status' }), 'deferred');
    await userEvent.fill(page.getByRole('textbox', { name: /Reason/ }), 'Next planning cycle: the ERP upgrade comes first.');
    await userEvent.click(page.getByRole('button', { name: 'Change status' }));
    await until(() => shadow(el).querySelector('#bk-revisit')?.getAttribute('aria-invalid') === 'true');
    expect(shadow(el).activeElement?.id).toBe('bk-revisit');
    expect((await clientAs(evaluatorToken).ideas.get(fresh.id)).status.key).toBe('open');

    const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await userEvent.fill(page.getByLabelText(/Revisit on/), day);
    await userEvent.click(page.getByRole('button', { name: 'Change status' }));
    // Deferred leaves the queue: triage says so and moves on to the next idea.
    await until(() =>
      shadow(el).querySelector('[part="confirmation"]')?.textContent?.includes(`“${fresh.title}” is now Deferred: revisit later.`),
    );
    expect((await clientAs(evaluatorToken).ideas.get(fresh.id)).status).toMatchObject({ key: 'deferred', revisitOn: day });
    expect((await clientAs(evaluatorToken).ideas.statusHistory(fresh.id)).map((h) => h.to)).toContain('deferred');
    await expectNoAxeViolations(el);
  });

  it('refuses a deflection without a reason, then records it with one', async () => {
    signIn(evaluatorToken);
    const fresh = await clientAs(await tokenFor(newPerson())).ideas.create({ board: 'general', title: `Deflect me ${Date.now()}` });
    const el = await mountTriage();
    const entry = await until(() =>
      [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(fresh.title)),
    );
    await userEvent.click(entry);
    await until(() => shadow(el).activeElement?.id === 'bk-detail-heading');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'New status' }), 'already_available');
    await userEvent.click(page.getByRole('button', { name: 'Change status' }));
    await until(() => shadow(el).querySelector('#bk-reason')?.getAttribute('aria-invalid') === 'true');
    expect((await clientAs(evaluatorToken).ideas.get(fresh.id)).status.key).toBe('open');

    await userEvent.fill(page.getByRole('textbox', { name: /Reason/ }), 'The HR portal already does this: see the practice card.');
    // The answering card is picked by searching, not pasted as an address.
    expect(shadow(el).querySelector('input[type="url"]')).toBeNull();
    const picked: BkItemPickEvent[] = [];
    el.addEventListener('bk-item-pick', (e) => picked.push(e));
    const cardBox = page.getByRole('combobox', { name: 'Practice card that answers the need (optional)' });
    await userEvent.click(cardBox);
    await userEvent.keyboard('business case');
    const picker = await until(() => shadow(el).querySelector<BkItemPicker>('#bk-card'));
    const options = () => [...shadow(picker).querySelectorAll('[role="option"]')];
    const isCard = (o: Element) => o.textContent?.includes('Business case: automated invoice matching') ?? false;
    // The options follow the typing: wait for those of the whole words, not of a first letters' search.
    await until(() => options().some(isCard));
    const cardOption = options().findIndex(isCard);
    expect(cardOption).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < cardOption; i += 1) await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    expect(picked.at(-1)?.item).toEqual({ id: 'demo-card-business-case', title: 'Business case: automated invoice matching' });
    await userEvent.click(page.getByRole('button', { name: 'Change status' }));
    await until(() =>
      shadow(el).querySelector('[part="confirmation"]')?.textContent?.includes(`“${fresh.title}” is now Already available.`),
    );
    const api = clientAs(evaluatorToken);
    expect((await api.ideas.statusHistory(fresh.id)).find((h) => h.to === 'already_available')?.card).toEqual({
      id: 'demo-card-business-case',
      title: 'Business case: automated invoice matching',
    });
    const stored = await api.ideas.get(fresh.id);
    expect(stored.status).toMatchObject({
      key: 'already_available',
      reason: 'The HR portal already does this: see the practice card.',
      link: null,
      card: { id: 'demo-card-business-case', title: 'Business case: automated invoice matching' },
    });
    expect((await api.ideas.view(fresh.id)).answeredBy).toEqual({
      id: 'demo-card-business-case',
      title: 'Business case: automated invoice matching',
    });
    // Closed now: out of the queue.
    expect([...shadow(el).querySelectorAll('.queue button')].some((b) => b.textContent?.includes(fresh.title))).toBe(false);
  });

  it('merges a duplicate into the idea a moderator picks, from the keyboard', async () => {
    signIn(evaluatorToken);
    const author = clientAs(await tokenFor(newPerson()));
    // A word only these two ideas hold: the search finds them and nothing else.
    const tag = `mg${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const original = await author.ideas.create({ board: 'general', title: `Original ${tag}` });
    const duplicate = await author.ideas.create({ board: 'general', title: `Duplicate ${tag}` });
    await clientAs(await tokenFor(newPerson('Sales'))).ideas.vote(duplicate.id);
    const el = await mountTriage();
    await userEvent.click(
      await until(() =>
        [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(duplicate.title)),
      ),
    );
    // Opened: focus moves to its heading once its history is here.
    await until(() => shadow(el).activeElement?.id === 'bk-detail-heading');
    // Merging without a target says what is missing.
    await userEvent.click(page.getByRole('button', { name: 'Merge', exact: true }));
    await until(() => shadow(el).textContent?.includes('Pick the idea to merge it into.'));

    await userEvent.click(page.getByRole('combobox', { name: 'Idea to merge it into' }));
    await userEvent.keyboard(tag);
    const picker = await until(() => shadow(el).querySelector<BkItemPicker>('#bk-merge-target'));
    const option = await until(() => shadow(picker).querySelector('[role="option"]'));
    // The idea itself is never offered.
    expect([...shadow(picker).querySelectorAll('[role="option"] > span:first-child')].map((o) => o.textContent)).toEqual([original.title]);
    expect(option.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Merge', exact: true }));
    await until(() => shadow(el).querySelector('#bk-detail-heading')?.textContent === original.title);
    expect(shadow(el).querySelector('.base > [role="status"]')?.textContent).toBe(
      `“${duplicate.title}” was merged into “${original.title}”.`,
    );
    expect([...shadow(el).querySelectorAll('.queue button')].some((b) => b.textContent?.includes(duplicate.title))).toBe(false);
    const api = clientAs(evaluatorToken);
    // Pooled, each person once: the author (who backed both of their ideas) and the Sales backer.
    expect((await api.ideas.get(original.id)).supporters).toBe(2);
    // The duplicate now answers with the original (a permanent redirect the SDK follows).
    expect((await api.ideas.get(duplicate.id)).id).toBe(original.id);
  });

  it('opens an idea from its bubble with the keyboard', async () => {
    signIn(evaluatorToken);
    const el = await mountTriage();
    const bubble = await until(() =>
      [...shadow(el).querySelectorAll<SVGGElement>('.bubble')].find((b) =>
        b.getAttribute('aria-label')?.startsWith('Automate invoice matching'),
      ),
    );
    bubble.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).querySelector('#bk-detail-heading')?.textContent === 'Automate invoice matching in accounts payable');
    expect(bubble.getAttribute('aria-pressed')).toBe('true');
  });

  it('tells a member that triage is for evaluators, without the forms', async () => {
    signIn(await tokenFor(newPerson()));
    const el = await mountTriage();
    expect(shadow(el).textContent).toContain('Triage is for evaluators');
    const entry = await until(() => shadow(el).querySelector<HTMLButtonElement>('.queue button'));
    await userEvent.click(entry);
    expect(shadow(el).querySelector('form')).toBeNull();
  });

  it('has no axe violations, with an idea open', async () => {
    signIn(evaluatorToken);
    const el = await mountTriage();
    await userEvent.click(await until(() => shadow(el).querySelector<HTMLButtonElement>('.queue button')));
    await until(() => shadow(el).querySelector('form'));
    await expectNoAxeViolations(el);
    expect(apiBase()).toBeTruthy();
  });
});
