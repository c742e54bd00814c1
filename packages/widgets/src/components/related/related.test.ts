import type { Idea } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import type { BkItemOpenEvent } from '../../events/item-open.ts';
import './related.ts';
import { BkRelated } from './related.component.ts';

async function mountRelated(attrs: string) {
  const el = await mount<BkRelated>(`<bk-related ${attrs}></bk-related>`);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}

/** The group of a relation: its heading's text and its links. */
function group(el: Element, heading: string) {
  const h = [...shadow(el).querySelectorAll('h3')].find((x) => x.textContent === heading);
  const list = h && shadow(el).querySelector(`ul[aria-labelledby="${h.id}"]`);
  return [...(list?.querySelectorAll('li') ?? [])].map((li) => ({
    kind: li.querySelector('.kind')?.textContent,
    title: li.querySelector('a')?.textContent,
    href: li.querySelector('a')?.href ?? '',
  }));
}

describe('<bk-related>', () => {
  let token: string;
  let idea: Idea;

  beforeAll(async () => {
    token = await tokenFor(newPerson());
    idea = await clientAs(token).ideas.create({
      board: 'general',
      title: `Proposed from the business case ${Date.now()}`,
      sourceCard: 'demo-card-business-case',
    });
  });
  afterEach(cleanup);

  it('is registered under its tag', () => {
    expect(customElements.get('bk-related')).toBe(BkRelated);
  });

  it("lists an idea's card it was proposed from, as a link to the card, with no accessibility violation", async () => {
    signIn(token);
    const el = await mountRelated(`kind="idea" item-id="${idea.id}"`);
    await expect.element(page.getByRole('heading', { level: 2, name: 'Related' })).toBeVisible();
    const from = group(el, 'Proposed from');
    expect(from).toEqual([
      {
        kind: 'Practice card',
        title: 'Business case: automated invoice matching',
        href: expect.stringMatching(/#bk-card=demo-card-business-case$/),
      },
    ]);
    await expectNoAxeViolations(el);
  });

  it('lists the ideas a card sparked, and tells the page when one is opened', async () => {
    signIn(token);
    const el = await mountRelated('kind="card" item-id="demo-card-business-case" limit="20"');
    const sparked = group(el, 'Sparked');
    const entry = sparked.find((s) => s.title === idea.title);
    expect(entry?.kind).toBe('Idea');
    expect(new URL(entry?.href ?? '').hash).toBe(`#bk-idea=${idea.id}`);

    const opened: BkItemOpenEvent[] = [];
    document.addEventListener(
      'bk-item-open',
      (e) => {
        opened.push(e);
        e.preventDefault();
      },
      { once: true },
    );
    const link = [...shadow(el).querySelectorAll('a')].find((a) => a.textContent === idea.title) as HTMLAnchorElement;
    link.click();
    expect(opened[0]).toMatchObject({ kind: 'idea', id: idea.id, url: link.href });
    expect(location.hash).not.toBe(`#bk-idea=${idea.id}`);
  });

  it('links a card to the war story it was promoted from, and the story to the card', async () => {
    signIn(token);
    const author = clientAs(token);
    const pageUrl = `https://intranet.example/news/story-${Date.now()}`;
    const story = await author.threads.post({
      url: pageUrl,
      title: 'How we stopped the weekly report requests',
      body: 'We published a self-service catalogue and ran a monthly session; the weekly requests stopped.',
    });
    const { card } = await author.threads.promote(story.threadId, { template: 'practice' });

    const fromCard = await mountRelated(`kind="card" item-id="${card.id}"`);
    expect(group(fromCard, 'Promoted from')).toEqual([
      { kind: 'Discussion', title: 'How we stopped the weekly report requests', href: pageUrl },
    ]);
    cleanup();

    const fromThread = await mountRelated(`kind="thread" item-id="${story.threadId}"`);
    const promoted = group(fromThread, 'Promoted to');
    expect(promoted).toEqual([
      { kind: 'Practice card', title: card.title, href: expect.stringMatching(new RegExp(`#bk-card=${card.id}$`)) },
    ]);
  });

  it('says when nothing is related, and when it could not be loaded', async () => {
    signIn(token);
    const lonely = await clientAs(token).ideas.create({ board: 'people', title: `Xylophone quokka ${Date.now()}` });
    const el = await mountRelated(`kind="idea" item-id="${lonely.id}"`);
    expect(shadow(el).textContent).toContain('Nothing related yet.');
    cleanup();

    const missing = await mountRelated('kind="idea" item-id="no-such-idea"');
    const alert = await until(() => shadow(missing).querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('Related content could not be loaded.');
    // Not there is not there on a second try either.
    expect(shadow(missing).querySelector('button')).toBeNull();
  });
});
