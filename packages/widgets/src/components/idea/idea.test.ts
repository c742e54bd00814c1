import type { BridgekitClient, Idea, ItemRef } from '@bridgekit/sdk';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkItemOpenEvent } from '../../events/item-open.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import './idea.ts';
import { BkIdea } from './idea.component.ts';

const DESCRIPTION = [
  'Field engineers re-key every work order from the paper sheet into the service system at the end of the day.',
  'A mobile form that syncs when back online would end the double entry.',
  'It would also give dispatch the real status of each job by noon rather than the next morning, which is the part the planners care about most, and it would let us retire the scanning station in the depot.',
].join('\n');

/** An element's text as laid out (blocks apart), with runs of whitespace as one space. */
// biome-ignore lint/performance/useDomNodeTextContent: the text as read, with a space between blocks, is what is checked.
const text = (el: Element | null | undefined) => ((el as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();

async function mountIdea(attrs: string): Promise<BkIdea> {
  const el = await mount<BkIdea>(`<bk-idea ${attrs}></bk-idea>`);
  await until(() => shadow(el).querySelector('article, [role="alert"], .notice'));
  return el;
}

const title = (el: Element) => text(shadow(el).querySelector('#bk-idea-title'));
const section = (el: Element, name: string) => shadow(el).querySelector(`section.${name}`);
/** A step through the history that changes only the fragment ends with `hashchange`. */
const traversed = () => new Promise((resolve) => globalThis.addEventListener('hashchange', resolve, { once: true }));

describe('<bk-idea>', () => {
  let mei: BridgekitClient;
  let author: { sub: string; name: string; bu: string };
  let idea: Idea;
  let duplicate: Idea;
  let card: ItemRef;
  let start: string;

  beforeAll(async () => {
    mei = clientAs(await tokenFor('mei'));
    author = newPerson('Field Service');
    const authorApi = clientAs(await tokenFor(author));
    const cards = await mei.cards.list({ limit: 1 });
    const first = cards.items[0];
    if (!first) throw new Error('the demo has no published card');
    card = { id: first.id, title: first.title };
    const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    idea = await authorApi.ideas.create({
      board: 'people',
      title: `Mobile work orders for field engineers ${tag}`,
      description: DESCRIPTION,
      lane: 'change_request',
      businessCase: { problem: 'Work orders are typed twice.', beneficiary: 'Field Service', valueType: 'cost', effort: 'M' },
      sourceCard: card.id,
    });
    duplicate = await clientAs(await tokenFor(newPerson())).ideas.create({ board: 'people', title: `Work orders on phones ${tag}` });
    await authorApi.ideas.vote(idea.id);
    await clientAs(await tokenFor(newPerson('Finance'))).ideas.vote(idea.id);
    await clientAs(await tokenFor(newPerson('Finance'))).ideas.vote(idea.id);
    await mei.ideas.merge(duplicate.id, idea.id);
    await mei.ideas.setStatus(idea.id, { status: 'under_review', reason: 'Dispatch asked for this too.' });
    await mei.ideas.setStatus(idea.id, {
      status: 'already_available',
      reason: 'The service app already has offline work orders: see the practice card.',
      card: card.id,
    });
  });

  beforeEach(() => {
    start = location.href;
  });

  afterEach(() => {
    cleanup();
    history.replaceState(null, '', start);
  });

  it('is registered under its tag', () => {
    expect(customElements.get('bk-idea')).toBe(BkIdea);
  });

  it('shows the whole idea: description, business case, status with its card, history, support, connections and discussion', async () => {
    signIn(await tokenFor(newPerson()));
    const el = await mountIdea(`idea="${idea.id}"`);
    const root = shadow(el);
    await expect.element(page.getByRole('heading', { level: 2, name: idea.title })).toBeVisible();
    const description = root.querySelector<HTMLElement>('[part="description"]');
    expect(description?.textContent).toBe(DESCRIPTION);
    // No clamp: the whole text is laid out.
    expect(description?.scrollHeight).toBe(description?.clientHeight);

    expect(text(root.querySelector('[part="status"]'))).toBe('Already available');
    expect(text(root.querySelector('.badges'))).toContain('Change request');
    expect(text(root.querySelector('[part="meta"]'))).toContain(`Shared by ${author.name}, Field Service, on`);
    expect(text(root.querySelector('[part="meta"]'))).toContain('Board: People');

    const terms = [...(section(el, 'business-case')?.querySelectorAll('dt') ?? [])];
    expect(terms.map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`)).toEqual([
      'The problem it solves: Work orders are typed twice.',
      'Who benefits (business unit): Field Service',
      'Kind of value: Cost savings',
      'Rough effort: M — a quarter',
    ]);

    const status = section(el, 'status');
    expect(text(status?.querySelector('[part="reason"]'))).toContain('The service app already has offline work orders');
    const answered = status?.querySelector<HTMLAnchorElement>('a[part="link"]');
    expect(answered?.textContent?.trim()).toBe(card.title);
    const pages = await itemPages(clientAs(null));
    expect(answered?.href).toBe(itemUrl(pages, 'card', card.id));

    const history = [...(section(el, 'history')?.querySelectorAll('li') ?? [])].map(text);
    expect(history).toHaveLength(2);
    expect(history[0]).toContain('Under review, set by');
    expect(history[0]).toContain('Dispatch asked for this too.');
    expect(history[1]).toContain('Already available, set by');
    expect(history[1]).toContain(`Answered by the practice card: ${card.title}`);

    const support = text(section(el, 'support'));
    // "Field Service" names none of the demo's units: support, but of no unit. The merged
    // duplicate's author (Finance), who backed their own idea, now backs this one.
    expect(support).toContain('4 supporters from 1 business unit');
    expect(support).toContain('Finance: 3 supporters');
    expect(support).toContain('No business unit given: 1 supporter');

    const connections = section(el, 'connections');
    expect(text(connections)).toContain(`Proposed from the practice card: ${card.title}`);
    expect(text(connections)).toContain(`Duplicates merged into it: ${duplicate.title}`);
    const dupLink = [...(connections?.querySelectorAll<HTMLAnchorElement>('a') ?? [])].find(
      (a) => a.textContent?.trim() === duplicate.title,
    );
    expect(dupLink?.href).toBe(itemUrl(pages, 'idea', duplicate.id));

    // The evaluators' averages are for evaluators; a member does not see them.
    expect(section(el, 'evaluation')).toBeNull();

    // Its own discussion, loaded after the view.
    const thread = await until(() => root.querySelector('bk-thread'));
    expect(thread.getAttribute('key')).toBe(`idea:${idea.id}`);
    // Related content, where its element is built.
    const related = await until(() => root.querySelector('[part="related"] bk-related'));
    expect(related.getAttribute('item-id')).toBe(idea.id);
    expect(related.getAttribute('kind')).toBe('idea');

    await expectNoAxeViolations(el);
  });

  it('shows a closed idea with its vote control disabled, and the evaluators’ summary to an evaluator', async () => {
    signIn(await tokenFor('mei'));
    const el = await mountIdea(`idea="${idea.id}"`);
    const vote = await until(() => shadow(el).querySelector('bk-idea-vote'));
    const button = await until(() => vote.shadowRoot?.querySelector('button'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(text(section(el, 'evaluation'))).toContain('Evaluators’ scores');
    expect(text(section(el, 'evaluation'))).toContain('No evaluator has scored it yet.');
    await expectNoAxeViolations(el);
  });

  it('counts a vote cast in the view, with the support by business unit', async () => {
    const open = await clientAs(await tokenFor(newPerson())).ideas.create({ board: 'people', title: `Back me in the view ${Date.now()}` });
    signIn(await tokenFor(newPerson('Supply Chain')));
    const el = await mountIdea(`idea="${open.id}"`);
    // Its author backs it from the start.
    expect(text(section(el, 'support'))).toContain('Finance: 1 supporter');
    const vote = await until(() => shadow(el).querySelector('bk-idea-vote')?.shadowRoot?.querySelector('button'));
    expect(vote.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(vote);
    await until(() => text(section(el, 'support')).includes('Supply chain: 1 supporter'));
    expect(text(section(el, 'support'))).toContain('2 supporters from 2 business units');
    expect(vote.textContent?.replace(/\s+/g, ' ')).toContain('Backed ✓ 2');
  });

  it('says where a merged duplicate went, and shows the idea it was merged into', async () => {
    signIn(null);
    const el = await mountIdea(`idea="${duplicate.id}"`);
    await until(() => title(el) === idea.title);
    const notice = shadow(el).querySelector('.merged');
    expect(text(notice)).toBe(`The idea you followed was merged into this one: ${idea.title}`);
    expect(notice?.querySelector('a')?.getAttribute('href')).toBe(itemUrl(await itemPages(clientAs(null)), 'idea', idea.id));
    await expectNoAxeViolations(el);
  });

  it('says clearly when the idea is not there, in the reader’s language', async () => {
    signIn(null);
    const el = await mountIdea('idea="no-such-idea-anywhere"');
    await until(() => shadow(el).querySelector('[role="alert"]'));
    expect(text(shadow(el).querySelector('[role="alert"]'))).toBe(
      'This idea is not here (it may have been removed, or you may not have access).',
    );
    await expectNoAxeViolations(el);
    cleanup();
    signIn(null, { locale: 'de-DE' });
    const german = await mountIdea('idea="no-such-idea-anywhere"');
    await until(() => text(shadow(german).querySelector('[role="alert"]')).startsWith('Diese Idee ist nicht hier'));
  });

  it('copies its link and says so politely', async () => {
    signIn(null);
    const el = await mountIdea(`idea="${idea.id}"`);
    const field = document.createElement('textarea');
    field.setAttribute('aria-label', 'Paste here');
    document.body.append(field);
    await userEvent.click(page.getByRole('button', { name: 'Copy link' }));
    const status = shadow(el).querySelector('.copy [role="status"]');
    await until(() => text(status) === `Link to “${idea.title}” copied.`);
    field.focus();
    await userEvent.paste();
    expect(field.value).toBe(itemUrl(await itemPages(clientAs(null)), 'idea', idea.id));
  });

  it('opens a linked idea in place, in the address, and Back returns to the one before', async () => {
    signIn(null);
    const el = await mountIdea(`idea="${idea.id}"`);
    const opened: BkItemOpenEvent[] = [];
    el.addEventListener(BkItemOpenEvent.type, (e) => opened.push(e));
    const link = await until(() =>
      [...shadow(el).querySelectorAll<HTMLAnchorElement>('section.connections a')].find((a) => a.textContent?.trim() === duplicate.title),
    );
    link.focus();
    await userEvent.keyboard('{Enter}');
    expect(opened.map((e) => [e.kind, e.id])).toEqual([['idea', duplicate.id]]);
    // The duplicate's view is the idea it was merged into, saying so.
    await until(() => shadow(el).querySelector('.merged'));
    expect(location.hash).toBe(`#bk-idea=${duplicate.id}`);
    expect(el.getAttribute('idea')).toBe(idea.id);
    // Focus goes to the title of what opened.
    expect(shadow(el).activeElement?.id).toBe('bk-idea-title');

    const back = traversed();
    history.back();
    await back;
    await until(() => !shadow(el).querySelector('.merged') && title(el) === idea.title);
  });

  it('lets the page take over a link by cancelling bk-item-open', async () => {
    signIn(null);
    const el = await mountIdea(`idea="${idea.id}"`);
    el.addEventListener(BkItemOpenEvent.type, (e) => e.preventDefault());
    const link = await until(() =>
      [...shadow(el).querySelectorAll<HTMLAnchorElement>('section.connections a')].find((a) => a.textContent?.trim() === duplicate.title),
    );
    await userEvent.click(link);
    expect(location.href).toBe(start);
    expect(shadow(el).querySelector('.merged')).toBeNull();
  });

  it('without an idea attribute, shows the idea the address opens and follows Back', async () => {
    signIn(null);
    history.replaceState(null, '', `#bk-idea=${encodeURIComponent(idea.id)}`);
    const el = await mountIdea('');
    await until(() => title(el) === idea.title);
    const moved = traversed();
    location.hash = `bk-idea=${encodeURIComponent(duplicate.id)}`;
    await moved;
    await until(() => shadow(el).querySelector('.merged'));
    const back = traversed();
    history.back();
    await back;
    await until(() => !shadow(el).querySelector('.merged') && title(el) === idea.title);
    // An address naming no idea: it says so.
    history.replaceState(null, '', start);
    cleanup();
    const none = await mountIdea('');
    expect(text(shadow(none).querySelector('.notice'))).toContain('No idea is open here.');
  });
});
