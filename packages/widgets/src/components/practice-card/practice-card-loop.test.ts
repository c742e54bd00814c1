import type { Idea } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import { createStoryCard, type StoryCard } from '../practice-library/test-cards.ts';
import './practice-card.ts';
import type { BkPracticeCard } from './practice-card.component.ts';

const part = (el: Element, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const announcement = (el: Element) => shadow(el).querySelector('article > [role="status"]')?.textContent ?? '';

async function mountCard(attrs: string) {
  const el = await mount<BkPracticeCard>(`<bk-practice-card ${attrs}></bk-practice-card>`);
  await until(() => shadow(el).querySelector('article'));
  return el;
}

describe('<bk-practice-card>: its story, outcomes, link and ideas', () => {
  let story: StoryCard;

  beforeAll(async () => {
    const author = await tokenFor(newPerson('Finance'));
    story = await createStoryCard(clientAs(author), clientAs(await tokenFor(newPerson('Sales'))), clientAs(await tokenFor('mei')));
  });
  afterEach(() => vi.restoreAllMocks());
  const token = signInEachTest('Operations');

  it('shows, expanded, the war story it came from and the requests and ideas it led to, each a link', async () => {
    const el = await mountCard(`card="${story.card.id}" expanded`);
    const pages = await itemPages(clientAs(token()));
    const from = await until(() => part(el, 'story'));
    expect(from.textContent?.replace(/\s+/g, ' ').trim()).toBe(`From the war story: ${story.threadTitle}`);
    expect(from.querySelector('a')?.href).toBe(`${story.pageUrl}#bk-comment=${story.commentId}`);
    const answered = await until(() => part(el, 'answers')?.querySelector('a'));
    expect(part(el, 'answers')?.querySelector('h4')?.textContent).toBe('Answered 1 request');
    // The request was an S (3 person-days) deflected to the card; its requester has not said yet.
    expect(part(el, 'deflections')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '1 deflected · about 3 person-days avoided · 0 requesters confirmed the need was met',
    );
    expect(answered.href).toBe(itemUrl(pages, 'idea', story.answered.id));
    expect(part(el, 'sparked')?.querySelector('a')?.href).toBe(itemUrl(pages, 'idea', story.sparked.id));
    await expectNoAxeViolations(el);
  });

  it('says it in German, once the loop’s texts have loaded', async () => {
    signIn(token(), { locale: 'de' });
    const el = await mountCard(`card="${story.card.id}" expanded`);
    const from = await until(() => part(el, 'story'));
    await until(() => from.textContent?.includes('Aus dem Erfahrungsbericht:'));
    await until(() => part(el, 'answers')?.querySelector('h4')?.textContent === 'Hat 1 Anfrage beantwortet');
    expect(part(el, 'sparked')?.querySelector('h4')?.textContent).toBe('Hat 1 Idee angestoßen');
    expect(part(el, 'deflections')?.textContent).toContain('etwa 3 Personentage eingespart');
    expect(part(el, 'propose-button')?.textContent?.trim()).toBe('Idee vorschlagen');
  });

  it('copies its link', async () => {
    const copied: string[] = [];
    // The clipboard is the browser's: record what would be written to it.
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => {
      copied.push(text);
    });
    const el = await mountCard(`card="${story.card.id}"`);
    await userEvent.click(page.getByRole('button', { name: 'Copy link' }));
    await until(() => announcement(el) === 'Link copied.');
    expect(copied).toEqual([itemUrl(await itemPages(clientAs(token())), 'card', story.card.id)]);
  });

  it('proposes an idea on the board it names, linked to the card; signed out, it offers no form', async () => {
    const el = await mountCard(`card="${story.card.id}" board="general"`);
    const created: Idea[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e.idea));
    await userEvent.click(page.getByRole('button', { name: 'Propose an idea' }));
    const form = await until(() => shadow(el).querySelector('bk-card-propose')?.shadowRoot?.querySelector('bk-idea-form'));
    // The board is given: no board to pick, straight to the title.
    expect(shadow(el).querySelector('bk-card-propose')?.shadowRoot?.querySelector('select')).toBeNull();
    await until(() => form.shadowRoot?.activeElement?.id === 'bk-title');
    await expectNoAxeViolations(el);
    const title = `Catalogue of self-service reports ${Date.now()}`;
    await userEvent.keyboard(title);
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => created.length === 1);
    expect((await clientAs(token()).ideas.view((created[0] as Idea).id)).sourceCard).toEqual({
      id: story.card.id,
      title: story.card.title,
    });
    await until(() => announcement(el) === `Your idea “${title}” was submitted.`);
    await until(() => shadow(el).activeElement === part(el, 'propose-button'));

    cleanup();
    signIn(null);
    const signedOut = await mountCard(`card="${story.card.id}"`);
    expect(part(signedOut, 'propose-button')).toBeNull();
    expect(part(signedOut, 'copy-button')).not.toBeNull();
  });
});

describe('<bk-practice-card>: a business case’s idea and a value plan’s benefits', () => {
  const token = signInEachTest('Finance');
  const today = () => new Date().toISOString().slice(0, 10);

  it('shows, expanded, the idea a business case was made for, linked to the idea', async () => {
    const evaluator = clientAs(await tokenFor('mei'));
    const fresh = await clientAs(token()).ideas.create({ board: 'general', title: `Case for it ${Date.now()}` });
    await evaluator.intake.decide(fresh.id, { step: 'qualified', decidedOn: today() });
    const { idea } = await evaluator.intake.decide(fresh.id, { step: 'approved', decidedOn: today() });
    const caseCard = idea.intake.caseCard;
    if (!caseCard) throw new Error('approving makes the business case');
    const el = await mountCard(`card="${caseCard.id}" expanded`);
    const line = await until(() => part(el, 'case-for'));
    expect(line.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Business case for the idea: ${fresh.title}`);
    expect(line.querySelector('a')?.href).toBe(itemUrl(await itemPages(clientAs(token())), 'idea', fresh.id));
    expect(part(el, 'benefits')).toBeNull();
    await expectNoAxeViolations(el);
  });

  it('shows a value plan’s benefits below its fields', async () => {
    const el = await mountCard('card="demo-card-plan-close" expanded');
    const benefits = await until(() => shadow(el).querySelector('bk-value-plan'));
    expect(benefits.getAttribute('card-id')).toBe('demo-card-plan-close');
    const fields = await until(() => part(el, 'fields'));
    expect(fields.compareDocumentPosition(benefits) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The element loaded with the card, and shows the plan's benefits.
    await until(() => benefits.shadowRoot?.querySelector('[part="table"]'));
    await expectNoAxeViolations(el);
  });
});
