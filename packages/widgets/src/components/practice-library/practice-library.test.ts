import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { keepAddress } from '../../../test/address.ts';
import { signInEachTest } from '../../../test/signed-in.ts';
import { clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import './practice-library.ts';
import type { BkPracticeLibrary } from './practice-library.component.ts';
import { isMarkOnly } from './snippet.ts';
import { createTestCard, minimalBusinessCase } from './test-cards.ts';

/** The card's detail, inside the library. */
const detailOf = (lib: Element) => shadow(lib).querySelector('bk-card-detail')?.shadowRoot ?? null;
async function mountLibrary(attrs = '') {
  const el = await mount<BkPracticeLibrary>(`<bk-practice-library ${attrs}></bk-practice-library>`);
  await until(() => shadow(el).querySelector('.results')?.getAttribute('aria-busy') === 'false');
  return el;
}

const titles = (el: Element) => [...shadow(el).querySelectorAll('[part="title"]')].map((h) => h.textContent?.trim());
const action = (el: Element, name: string) =>
  detailOf(el)?.querySelector<HTMLButtonElement>(`[data-action="${name}"]`) as HTMLButtonElement;
/** An item of the card's "More" menu, the menu opened. */
async function menuAction(el: Element, name: string): Promise<HTMLButtonElement> {
  const more = action(el, 'more');
  if (more.getAttribute('aria-expanded') !== 'true') await userEvent.click(more);
  return until(() => detailOf(el)?.activeElement && action(el, name));
}
const status = (el: Element) => shadow(el).querySelector('.base > [role="status"]')?.textContent ?? '';
/** A date `days` from today, as `YYYY-MM-DD`. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function search(el: Element, q: string) {
  await userEvent.fill(page.getByRole('searchbox', { name: 'Search practice cards' }), q);
  await until(() => shadow(el).querySelector('[part="snippet"]') || shadow(el).textContent?.includes('No cards match'));
}

async function openFromList(el: Element, id: string) {
  await userEvent.click(await until(() => shadow(el).querySelector<HTMLAnchorElement>(`a[data-open="${id}"]`)));
  await until(() => detailOf(el)?.activeElement?.id === 'bk-detail-title');
}

describe('<bk-practice-library>', () => {
  const token = signInEachTest('Finance');
  keepAddress();
  afterEach(() => vi.restoreAllMocks());

  it('lists the cards, recently updated first, with their count, freshness and practice areas', async () => {
    // Amara looks after Finance: she reads the demo's cards kept to its team, marked as such.
    signIn(await tokenFor('amara'));
    const el = await mountLibrary('page-size="100"');
    await expect.element(page.getByRole('heading', { level: 2, name: 'Practice library' })).toBeVisible();
    // Other test files add cards meanwhile: check the order against the dates shown.
    const updated = [...shadow(el).querySelectorAll('[part="item"] time')].map((t) => t.getAttribute('datetime') ?? '');
    expect(updated).toEqual([...updated].sort().reverse());
    expect(shadow(el).querySelector('[part="count"]')?.textContent).toMatch(new RegExp(`^${titles(el).length} cards`));
    const item = shadow(el).querySelector('li[data-card="demo-card-stakeholder-map"]');
    expect(item?.querySelector('.template-name')?.textContent).toBe('Stakeholder Map');
    expect(item?.querySelector('[part="freshness"]')?.textContent).toBeTruthy();
    expect([...(item?.querySelectorAll('.tags li') ?? [])].map((li) => li.textContent)).toEqual(['Business transition', 'Power skills']);
    expect(item?.querySelector('[part="visibility"]')?.textContent).toBe('Finance team only');
    expect(shadow(el).querySelector('li[data-card="demo-card-business-case"] [part="visibility"]')).toBeNull();
  });

  it("leaves out the cards kept to a unit's team for others", async () => {
    const el = await mountLibrary('page-size="100"');
    expect(titles(el)).toContain('Business case: automated invoice matching');
    expect(shadow(el).querySelector('li[data-card="demo-card-stakeholder-map"]')).toBeNull();
  });

  it('finds "Business case …" when searching for "business cases", with the match marked in a snippet', async () => {
    const el = await mountLibrary();
    await search(el, 'business cases');
    const item = await until(() => shadow(el).querySelector('li[data-card="demo-card-business-case"]'));
    expect(item.querySelector('[part="title"]')?.textContent?.trim()).toBe('Business case: automated invoice matching');
    const marks = [...(shadow(el).querySelectorAll('[part="snippet"] mark') ?? [])].map((m) => m.textContent?.toLowerCase());
    expect(marks.some((m) => m?.startsWith('business') || m?.startsWith('case'))).toBe(true);
    // Best match is the default order while searching.
    expect((shadow(el).querySelector('#bk-sort') as HTMLSelectElement).value).toBe('relevance');
    await until(() => status(el).match(/^\d+ cards?$/));
  });

  it('inserts a snippet as HTML only when its only markup is <mark>', () => {
    expect(isMarkOnly('the <mark>business</mark> <mark>case</mark> &amp; more')).toBe(true);
    expect(isMarkOnly('<img src=x onerror=alert(1)>')).toBe(false);
    expect(isMarkOnly('<mark onclick="x">a</mark>')).toBe(false);
    expect(isMarkOnly('a < b')).toBe(false);
  });

  it('filters by practice area (from the tag attribute), template and freshness', async () => {
    signIn(await tokenFor('amara'));
    const el = await mountLibrary('tag="business-transition"');
    expect((shadow(el).querySelector('#bk-filter-tag') as HTMLSelectElement).value).toBe('business-transition');
    expect(titles(el)).toContain('Stakeholders of the finance transformation');
    expect(titles(el)).not.toContain('Business case: automated invoice matching');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Practice area' }), '');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Template' }), 'relationship-health-assessment');
    const templates = () => new Set([...shadow(el).querySelectorAll('[part="item"] .template-name')].map((p) => p.textContent));
    await until(() => shadow(el).querySelector('.results')?.getAttribute('aria-busy') === 'false' && templates().size === 1);
    expect(templates()).toEqual(new Set(['Relationship Health Assessment']));
    expect(titles(el)).toContain('Finance and IT: relationship health, autumn 2026');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Freshness' }), 'obsolete');
    await until(
      () =>
        shadow(el).querySelector('.results')?.getAttribute('aria-busy') === 'false' &&
        !titles(el).includes('Finance and IT: relationship health, autumn 2026'),
    );
  });

  it('shows only the cards of the signed-in owner with “Only cards I own”', async () => {
    const mine = await createTestCard(clientAs(token()));
    const el = await mountLibrary();
    await userEvent.click(page.getByRole('checkbox', { name: 'Only cards I own' }));
    await until(() => titles(el).length === 1);
    expect(titles(el)).toEqual([mine.title]);
  });

  it('loads more cards with the cursor and moves focus to the first new one', async () => {
    const el = await mountLibrary('page-size="2"');
    expect(titles(el)).toHaveLength(2);
    expect(shadow(el).querySelector('[part="count"]')?.textContent).toBe('2 cards shown, more to load');
    await userEvent.click(page.getByRole('button', { name: 'Load more cards' }));
    await until(() => titles(el).length > 2);
    expect(shadow(el).activeElement).toBe(shadow(el).querySelectorAll('[part="item"]')[2]);
  });

  it('opens a card in the library: its fields, counts the view, and goes back to where it was in the list', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    const el = await mountLibrary();
    await openFromList(el, card.id);
    const detail = detailOf(el)?.querySelector('[part="detail"]') as HTMLElement;
    expect(detail.querySelector('.template-name')?.textContent).toBe('Business Case');
    expect(detail.querySelector('.fields')?.textContent).toContain('Executive summary');
    expect(detail.querySelector('.richtext strong')?.textContent).toBe('automatically');
    await expect.poll(async () => (await api.cards.get(card.id)).viewCount).toBe(1);
    await until(() => detail.textContent?.includes('1 view'));
    await userEvent.click(page.getByRole('button', { name: 'Back to the list' }));
    await until(() => shadow(el).activeElement?.getAttribute('data-open') === card.id);
    await expectNoAxeViolations(el);
  });

  it('says “this helped me”, verifies, and marks obsolete with a reason (then unmarks)', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    const el = await mountLibrary();
    await openFromList(el, card.id);

    await userEvent.click(action(el, 'helped'));
    await until(() => action(el, 'helped').getAttribute('aria-pressed') === 'true');
    expect(status(el)).toBe('Thank you. Your vote of confidence is counted.');
    expect((await api.cards.get(card.id)).helpedCount).toBe(1);

    await userEvent.click(action(el, 'verify'));
    await until(() => status(el).startsWith(`“${card.title}” is verified.`));
    expect((await api.cards.get(card.id)).lastVerifiedAt).not.toBeNull();

    await userEvent.click(await menuAction(el, 'obsolete'));
    const reason = await until(() => detailOf(el)?.querySelector<HTMLTextAreaElement>('#bk-obsolete-reason'));
    expect(detailOf(el)?.activeElement).toBe(reason);
    await userEvent.click(page.getByRole('button', { name: 'Mark obsolete' }).last());
    await until(() => reason.getAttribute('aria-invalid') === 'true');
    expect(detailOf(el)?.querySelector('#bk-obsolete-error')?.textContent).toBe('Give a reason, so readers know what to do instead.');
    await userEvent.fill(reason, 'Superseded by the shared services case.');
    await userEvent.click(page.getByRole('button', { name: 'Mark obsolete' }).last());
    const note = await until(() => detailOf(el)?.querySelector('[part="detail"] [part="obsolete"]'));
    expect(note.textContent).toContain('Superseded by the shared services case.');
    expect(detailOf(el)?.querySelector('[part="detail"] [part="freshness"]')?.textContent).toBe('Obsolete');
    // Focus returns to "More", where "Unmark obsolete" now is.
    await until(() => detailOf(el)?.activeElement === action(el, 'more'));
    expect(action(el, 'unobsolete')).not.toBeNull();
    expect((await api.cards.get(card.id)).obsolete?.reason).toBe('Superseded by the shared services case.');

    await userEvent.click(await menuAction(el, 'unobsolete'));
    await until(() => !detailOf(el)?.querySelector('[part="detail"] [part="obsolete"]'));
    expect((await api.cards.get(card.id)).obsolete).toBeNull();
  });

  it('exports a card as Markdown and as JSON files', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    const downloads: { name: string; url: string }[] = [];
    // Catch the download link's click (a real click would hand the file to the browser's downloads).
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, url: this.href });
    });
    const el = await mountLibrary();
    await openFromList(el, card.id);
    await userEvent.click(await menuAction(el, 'export-markdown'));
    await until(() => downloads.length === 1);
    expect(downloads[0]?.name).toMatch(/^widget-test-case-.*\.md$/);
    const markdown = await (await fetch(downloads[0]?.url ?? '')).text();
    expect(markdown).toBe(await api.cards.export(card.id, 'markdown'));
    expect(markdown).toContain(card.title);
    await userEvent.click(await menuAction(el, 'export-json'));
    await until(() => downloads.length === 2);
    expect(downloads[1]?.name).toMatch(/\.json$/);
    const json = await (await fetch(downloads[1]?.url ?? '')).json();
    expect(json).toMatchObject({ card: { id: card.id, title: card.title }, template: { id: 'business-case' } });
    expect(status(el)).toBe(`Downloaded ${downloads[1]?.name}.`);
  });

  it('prints the card alone: the print styles hide the controls', async () => {
    const card = await createTestCard(clientAs(token()));
    const printed = vi.spyOn(globalThis, 'print').mockImplementation(() => undefined);
    const el = await mountLibrary();
    await openFromList(el, card.id);
    await userEvent.click(await menuAction(el, 'print'));
    expect(printed).toHaveBeenCalledTimes(1);
    const rules = [...(shadow(el).adoptedStyleSheets ?? [])].flatMap((s) => [...s.cssRules]);
    const print = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print');
    expect(print.some((r) => r.cssText.includes('.no-print'))).toBe(true);
    expect(action(el, 'print').closest('.no-print')).not.toBeNull();
    expect(shadow(el).querySelector('[part="filters"]')).toBeNull();
  });

  it('lists the signed-in owner’s cards due for review, with Verify taking one off the list', async () => {
    const api = clientAs(token());
    const due = await api.cards.create({ ...minimalBusinessCase(`Due soon ${Date.now()}`), reviewBy: inDays(10) });
    const el = await mountLibrary();
    await userEvent.click(page.getByRole('tab', { name: 'Due for review' }));
    const queue = await until(() => shadow(el).querySelector('bk-card-review-queue')?.shadowRoot);
    expect(shadow(el).querySelector('#bk-tab-queue')?.getAttribute('aria-selected')).toBe('true');
    const item = await until(() => queue.querySelector(`li[data-card="${due.id}"]`));
    expect(item.querySelector('[part="freshness"]')?.textContent).toBe('Review due');
    await expectNoAxeViolations(el);
    await userEvent.click(item.querySelector('.button.primary') as HTMLButtonElement);
    await until(() => !queue.querySelector(`li[data-card="${due.id}"]`));
    expect(queue.querySelector('[role="status"]')?.textContent).toContain(`“${due.title}” is verified.`);
    expect((await api.cards.get(due.id)).freshness).toBe('current');
  });

  it('shows the practice areas with their owners, flagging those nobody owns', async () => {
    const el = await mountLibrary();
    await userEvent.click(page.getByRole('tab', { name: 'Practice areas' }));
    const areas = await until(() => shadow(el).querySelector('bk-card-practice-areas')?.shadowRoot?.querySelector('[part="areas"]'));
    const rows = [...areas.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')?.textContent?.trim())).toEqual([
      'Demand shaping',
      'Exploring and innovation',
      'Portfolio management',
      'Value management and realization',
      'Business transition',
      'Strategic partnering',
      'Relationship maturity',
      'Power skills',
    ]);
    // The demo's partner profile (Mei's) is about strategic partnering; no card is about exploring.
    const partnering = areas.querySelector('tr[data-area="strategic-partnering"]');
    expect(partnering?.children[2]?.textContent).toContain('Mei Chen');
    expect(Number(partnering?.children[1]?.textContent)).toBeGreaterThanOrEqual(1);
    const exploring = areas.querySelector('tr[data-area="exploring"]');
    expect(exploring?.classList.contains('no-owner')).toBe(true);
    expect(exploring?.children[2]?.textContent?.trim()).toBe('No owner');
    expect(shadow(el).querySelector('bk-card-practice-areas')?.shadowRoot?.textContent).toMatch(
      /\d+ practice areas? (has|have) no owner\./,
    );
    await expectNoAxeViolations(el);
    // An area opens the library filtered by it.
    await userEvent.click(page.getByRole('button', { name: 'Relationship maturity' }));
    await until(() => (shadow(el).querySelector('#bk-filter-tag') as HTMLSelectElement | null)?.value === 'relationship-maturity');
  });

  it('moves between the sections with the arrow keys', async () => {
    const el = await mountLibrary();
    shadow(el).querySelector<HTMLElement>('#bk-tab-library')?.focus();
    await userEvent.keyboard('{ArrowRight}');
    await until(() => shadow(el).activeElement?.id === 'bk-tab-queue');
    expect(shadow(el).querySelector('bk-card-review-queue')).not.toBeNull();
    await userEvent.keyboard('{End}');
    await until(() => shadow(el).activeElement?.id === 'bk-tab-areas');
    await userEvent.keyboard('{ArrowRight}');
    await until(() => shadow(el).activeElement?.id === 'bk-tab-library');
  });

  it('offers Verify and Mark obsolete to the owner only, not to another member', async () => {
    const card = await createTestCard(clientAs(token()));
    signIn(await tokenFor(newPerson('Sales')));
    const el = await mountLibrary();
    await openFromList(el, card.id);
    expect(action(el, 'edit')).not.toBeNull();
    expect(action(el, 'verify')).toBeNull();
    expect(action(el, 'obsolete')).toBeNull();
  });

  it('is read-only when signed out', async () => {
    signIn(null);
    const el = await mountLibrary();
    expect(shadow(el).querySelector('[part="new-button"]')).toBeNull();
    expect(shadow(el).textContent).toContain('Sign in to write cards, rate them and keep them current.');
    await search(el, 'invoice matching');
    await openFromList(el, 'demo-card-business-case');
    expect(action(el, 'edit')).toBeNull();
    expect(action(el, 'verify')).toBeNull();
    expect(action(el, 'helped').getAttribute('aria-disabled')).toBe('true');
  });

  it('has no axe violations: the list, a search, and a card’s detail', async () => {
    const el = await mountLibrary();
    await expectNoAxeViolations(el);
    await search(el, 'invoice');
    await expectNoAxeViolations(el);
    await openFromList(el, 'demo-card-business-case');
    await until(() => detailOf(el)?.querySelector('[part="detail"] table'));
    await expectNoAxeViolations(el);
  });
});
