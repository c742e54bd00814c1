import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { createTestCard, minimalBusinessCase } from '../practice-library/test-cards.ts';
import './practice-card.ts';
import type { BkPracticeCard } from './practice-card.component.ts';

async function mountCard(attrs: string) {
  const el = await mount<BkPracticeCard>(`<bk-practice-card ${attrs}></bk-practice-card>`);
  await until(() => shadow(el).querySelector('article'));
  return el;
}

const part = (el: Element, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A field of the expanded card by its label: the `<dd>` next to the `<dt>`. */
const field = (el: Element, label: string) =>
  [...shadow(el).querySelectorAll('.fields > .field')]
    .find((f) => f.querySelector('dt')?.textContent?.trim() === label)
    ?.querySelector('dd');

describe('<bk-practice-card>', () => {
  let token: string;
  beforeEach(async () => {
    token = await tokenFor(newPerson('Finance'));
    signIn(token);
  });
  afterEach(cleanup);

  it('shows the compact card: template, title, summary, practice areas, owner and freshness, details hidden', async () => {
    const expected = await clientAs(token).cards.get('demo-card-business-case');
    const el = await mountCard('card="demo-card-business-case"');
    expect(text(el, 'template')).toBe('Business Case');
    await expect.element(page.getByRole('heading', { level: 3, name: expected.title })).toBeVisible();
    expect(text(el, 'summary')).toBe(expected.summary);
    expect([...shadow(el).querySelectorAll('.tags li')].map((li) => li.textContent)).toEqual([
      'Demand shaping',
      'Value management and realization',
      'Power skills',
    ]);
    expect(text(el, 'facts')).toContain('Owned by Mei Chen');
    expect(text(el, 'freshness')).toBe(
      { current: 'Current', due: 'Review due', overdue: 'Review overdue', obsolete: 'Obsolete' }[expected.freshness],
    );
    const expand = part(el, 'expand-button');
    expect(expand?.getAttribute('aria-expanded')).toBe('false');
    expect(part(el, 'details')?.hidden).toBe(true);
    expect(shadow(el).querySelector('.fields')).toBeNull();
  });

  it('expands to the template’s fields: rendered Markdown, money, dates, people, enums and tables of records', async () => {
    const el = await mountCard('card="demo-card-business-case"');
    await userEvent.click(page.getByRole('button', { name: 'Show details' }));
    expect(part(el, 'expand-button')?.getAttribute('aria-expanded')).toBe('true');
    await until(() => field(el, 'Executive summary'));
    // The server's sanitised HTML of the Markdown.
    expect(field(el, 'Executive summary')?.querySelector('.richtext strong')?.textContent).toBe('EUR 250,000');
    expect(field(el, 'Reasons')?.querySelectorAll('.richtext li')).toHaveLength(3);
    // A list of records is a table with the template's labels as column headers.
    const options = field(el, 'Options')?.querySelector('table');
    expect([...(options?.querySelectorAll('th') ?? [])].map((th) => th.textContent?.trim())).toEqual([
      'Kind',
      'Description',
      'Cost',
      'Benefits',
      'Risks',
    ]);
    expect(options?.querySelector('tbody tr:nth-child(3) td')?.textContent?.trim()).toBe('Do something');
    expect(options?.querySelector('tbody tr:nth-child(3) td:nth-child(3)')?.textContent?.trim()).toBe('€250,000.00');
    expect(field(el, 'Costs')?.textContent).toContain('€30,000.00');
    expect(field(el, 'Timescale')?.textContent).toContain('Jan 11, 2027');
    expect(field(el, 'Sponsor')?.textContent?.trim()).toBe('Helena Fischer');
    expect(field(el, 'Decision')?.textContent?.trim()).toBe('Approved');
    expect(field(el, 'Strategic alignment')?.querySelectorAll('li')).toHaveLength(2);
    await userEvent.click(page.getByRole('button', { name: 'Hide details' }));
    expect(part(el, 'details')?.hidden).toBe(true);
  });

  it('names linked cards and ideas by their titles', async () => {
    const api = clientAs(token);
    const input = minimalBusinessCase(`Linked case ${Date.now()}`);
    input.fields.strategicAlignment = [
      { kind: 'card', id: 'demo-card-business-partner-profile' },
      { kind: 'idea', id: 'demo-idea-invoice' },
    ];
    const card = await api.cards.create(input);
    const el = await mountCard(`card="${card.id}" expanded`);
    await until(() => field(el, 'Strategic alignment')?.textContent?.includes('Card: Contoso Finance: business partner profile'));
    expect([...(field(el, 'Strategic alignment')?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.trim())).toEqual([
      'Card: Contoso Finance: business partner profile',
      'Idea: Automate invoice matching in accounts payable',
    ]);
  });

  it('counts a view when opened, once per element however often it is opened', async () => {
    const api = clientAs(token);
    const card = await createTestCard(api);
    const el = await mountCard(`card="${card.id}"`);
    // No "0 views": a zero is left out.
    expect(part(el, 'view-count')).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Show details' }));
    await until(() => text(el, 'view-count') === '1 view');
    await userEvent.click(page.getByRole('button', { name: 'Hide details' }));
    await userEvent.click(page.getByRole('button', { name: 'Show details' }));
    expect((await api.cards.get(card.id)).viewCount).toBe(1);
    // A second element is another reader's opening.
    cleanup();
    const again = await mountCard(`card="${card.id}" expanded`);
    await until(() => text(again, 'view-count') === '2 views');
    expect((await api.cards.get(card.id)).viewCount).toBe(2);
  });

  it('toggles “this helped me” with aria-pressed and the count', async () => {
    const api = clientAs(token);
    const card = await createTestCard(api);
    const el = await mountCard(`card="${card.id}"`);
    const button = part(el, 'helped-button') as HTMLButtonElement;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(part(el, 'helped-count')).toBeNull();
    await userEvent.click(button);
    await until(() => button.getAttribute('aria-pressed') === 'true');
    expect(text(el, 'helped-count')).toBe('1 person found this helpful');
    expect(await api.cards.get(card.id)).toMatchObject({ helpedByMe: true, helpedCount: 1 });
    await userEvent.click(button);
    await until(() => button.getAttribute('aria-pressed') === 'false');
    expect(await api.cards.get(card.id)).toMatchObject({ helpedByMe: false, helpedCount: 0 });
  });

  it('asks readers who are not signed in to sign in before rating', async () => {
    signIn(null);
    const el = await mountCard('card="demo-card-business-case"');
    const button = part(el, 'helped-button') as HTMLButtonElement;
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // Still focusable and operable (aria-disabled), so it can say why it does nothing.
    button.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).querySelector('[role="status"]')?.textContent === 'Sign in to say this card helped you.');
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });

  it('marks an obsolete card clearly, with who marked it and why', async () => {
    const api = clientAs(token);
    const card = await createTestCard(api);
    await api.cards.markObsolete(card.id, 'Replaced by the 2027 invoice automation card.');
    const el = await mountCard(`card="${card.id}"`);
    expect(text(el, 'freshness')).toBe('Obsolete');
    const note = part(el, 'obsolete');
    expect(note?.getAttribute('role')).toBe('note');
    expect(note?.textContent).toContain('Obsolete — do not follow this practice.');
    expect(note?.textContent).toContain('Replaced by the 2027 invoice automation card.');
    expect(part(el, 'base')?.classList.contains('is-obsolete')).toBe(true);
  });

  it('shows what the server derives: a stakeholder’s approach, and a health assessment’s gaps and maturity', async () => {
    // The demo's stakeholder map and health check are kept to the Finance team: Amara looks after Finance.
    signIn(await tokenFor('amara'));
    const map = await mountCard('card="demo-card-stakeholder-map" expanded');
    expect(text(map, 'visibility')).toBe('Finance team only');
    const table = await until(() => field(map, 'Stakeholders')?.querySelector('table'));
    const headers = [...table.querySelectorAll('th')].map((th) => th.textContent?.trim());
    expect(headers.at(-1)).toBe('Approach');
    const approaches = [...table.querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild?.textContent?.trim());
    expect(approaches).toEqual(['Manage closely', 'Keep satisfied', 'Keep informed', 'Monitor']);
    // Power is a 1–5 score.
    expect(table.querySelector('tbody tr td:nth-child(4)')?.textContent?.trim()).toBe('5 of 5');
    cleanup();

    const health = await mountCard('card="demo-card-relationship-health-assessment" expanded');
    const scores = await until(() => field(health, 'Scores')?.querySelector('table'));
    expect([...scores.querySelectorAll('th')].at(-1)?.textContent?.trim()).toBe('Gap (partner − IT)');
    // Responsiveness: the partner gives 2, IT 4.
    expect(scores.querySelector('tbody tr:nth-child(3)')?.lastElementChild?.textContent?.trim()).toBe('-2');
    expect(field(health, 'Estimated maturity')?.textContent?.trim()).toBe('Service provider');
    expect(field(health, 'Estimated maturity level')?.textContent?.trim()).toBe('3');
  });

  it('shows the card’s discussion below it with the thread attribute, when bk-thread is on the page', async () => {
    await import('../thread/thread.ts');
    const card = await clientAs(token).cards.get('demo-card-business-case');
    const el = await mountCard('card="demo-card-business-case" thread');
    expect(shadow(el).querySelector('bk-thread')).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Show details' }));
    const thread = await until(() => shadow(el).querySelector('bk-thread'));
    expect(thread.getAttribute('key')).toBe(card.threadKey);
  });

  it('does not show a card kept to a unit’s team to others: it is a card that does not exist for them', async () => {
    const el = await mount<BkPracticeCard>('<bk-practice-card card="demo-card-stakeholder-map"></bk-practice-card>');
    const alert = await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('does not exist');
    expect(el.shadowRoot?.textContent).not.toContain('Stakeholders of the finance transformation');
  });

  it('explains a card that does not exist', async () => {
    const el = await mount<BkPracticeCard>('<bk-practice-card card="no-such-card"></bk-practice-card>');
    const alert = await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('This practice card does not exist');
  });

  it('has no axe violations, collapsed and expanded', async () => {
    const el = await mountCard('card="demo-card-business-case"');
    await expectNoAxeViolations(el);
    await userEvent.click(page.getByRole('button', { name: 'Show details' }));
    await until(() => field(el, 'Options')?.querySelector('table'));
    await expectNoAxeViolations(el);
  });
});
