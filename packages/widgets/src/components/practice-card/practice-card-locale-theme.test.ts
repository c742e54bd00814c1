import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { keepAddress } from '../../../test/address.ts';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import '../practice-library/practice-library.ts';
import '../thread/thread.ts';
import './practice-card.ts';

const DARK = ['rgb(31, 31, 31)', 'rgb(255, 255, 255)'];
const colours = (el: Element) => {
  const style = getComputedStyle(el);
  return [style.backgroundColor, style.color];
};
const part = (el: Element, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const field = (el: Element, label: string) =>
  [...shadow(el).querySelectorAll('.fields > .field')]
    .find((f) => f.querySelector('dt')?.textContent?.trim() === label)
    ?.querySelector('dd');

async function mountCard(attrs: string) {
  const el = await mount(`<bk-practice-card ${attrs}></bk-practice-card>`);
  await until(() => shadow(el).querySelector('article'));
  return el;
}
async function mountLibrary(attrs = '') {
  const el = await mount(`<bk-practice-library ${attrs}></bk-practice-library>`);
  await until(() => shadow(el).querySelector('.results')?.getAttribute('aria-busy') === 'false');
  return el;
}

describe('practice cards in German', () => {
  let token: string;
  beforeEach(async () => {
    token = await tokenFor(newPerson('Finance'));
    signIn(token, { locale: 'de-DE' });
  });
  afterEach(cleanup);
  keepAddress();

  it('show a card in German: practice areas, owner, review date, counts, money and dates of its fields; axe-clean', async () => {
    // Counts at zero are left out: this reader's vote and view make them show.
    await clientAs(token).cards.helped('demo-card-business-case');
    await clientAs(token).cards.view('demo-card-business-case');
    const expected = await clientAs(token).cards.get('demo-card-business-case');
    const el = await mountCard('card="demo-card-business-case"');
    expect([...shadow(el).querySelectorAll('.tags li')].map((li) => li.textContent)).toEqual([
      'Bedarfsgestaltung',
      'Wertmanagement und Nutzenrealisierung',
      'Power Skills',
    ]);
    const reviewBy = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${expected.reviewBy}T00:00:00Z`),
    );
    expect(reviewBy).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(text(el, 'facts')).toContain(`Verantwortlich: Mei Chen · Prüfen bis ${reviewBy}`);
    expect(text(el, 'freshness')).toBe(
      { current: 'Aktuell', due: 'Prüfung fällig', overdue: 'Prüfung überfällig', obsolete: 'Veraltet' }[expected.freshness],
    );
    expect(text(el, 'helped-count')).toMatch(/^\d+ (Person fand|Personen fanden) das hilfreich$/);
    expect(text(el, 'view-count')).toMatch(/^[\d.]+ Aufrufe?$/);

    await userEvent.click(page.getByRole('button', { name: 'Details anzeigen' }));
    // The built-in template's labels, help and choices come in German from the API.
    const options = await until(() => field(el, 'Optionen')?.querySelector('table'));
    expect([...options.querySelectorAll('th')].map((th) => th.textContent?.trim())).toEqual(
      expect.arrayContaining(['Art', 'Beschreibung', 'Kosten']),
    );
    expect(options.querySelector('tbody tr:nth-child(1) td:nth-child(1)')?.textContent?.trim()).toBe('Nichts tun');
    expect(field(el, 'Management-Zusammenfassung')).toBeTruthy();
    expect(field(el, 'Entscheidung')?.textContent?.trim()).toBe('Genehmigt');
    // EUR 250,000 and 30,000 as German writes money; 2027-01-11 as a German date.
    const euros = (n: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(n);
    expect(euros(250_000)).toMatch(/^250\.000,00\s€$/);
    expect(options.querySelector('tbody tr:nth-child(3) td:nth-child(3)')?.textContent?.trim()).toBe(euros(250_000));
    expect(field(el, 'Kosten')?.textContent).toContain(euros(30_000));
    expect(field(el, 'Zeitrahmen')?.textContent).toContain('11.01.2027');
    expect(shadow(el).textContent).not.toMatch(/\b(Executive summary|Recommended option|Do nothing|Approved)\b/);
    await expect.element(page.getByRole('button', { name: 'Details ausblenden' })).toBeVisible();
    await expectNoAxeViolations(el);
  });

  it('show the library in German: heading, search, count and when each card was updated; axe-clean', async () => {
    const el = await mountLibrary();
    await expect.element(page.getByRole('heading', { level: 2, name: 'Praxisbibliothek' })).toBeVisible();
    await expect.element(page.getByRole('searchbox', { name: 'Praxiskarten durchsuchen' })).toBeVisible();
    await expect.element(page.getByRole('tab', { name: 'Handlungsfelder' })).toBeVisible();
    expect(shadow(el).querySelector('[part="count"]')?.textContent).toMatch(/^\d+ Karten/);
    // Each card names its template in German, and the template filter offers them in German.
    const templates = [...shadow(el).querySelectorAll('[part="item"] .template-name')].map((p) => p.textContent?.trim());
    const german = [
      'Geschäftspartner-Profil',
      'Strategischer Account-Plan',
      'Nutzenrealisierungsplan',
      'Stakeholder-Landkarte',
      'Beziehungs-Check',
      'Praxisanleitung',
    ];
    expect(templates.some((name) => german.includes(name ?? ''))).toBe(true);
    for (const english of [
      'Business Partner Profile',
      'Strategic Account Plan',
      'Value Realization Plan',
      'Stakeholder Map',
      'Relationship Health Assessment',
      'Practice',
    ]) {
      expect(templates).not.toContain(english);
    }
    const updated = [...shadow(el).querySelectorAll('[part="item"] time')].map((t) => t.textContent);
    expect(updated.length).toBeGreaterThan(0);
    for (const when of updated) {
      expect(when).toMatch(/^aktualisiert (jetzt|gestern|vorgestern|letzte Woche|letzten Monat|letztes Jahr|vor \d+ \S+)$/);
    }
    await expectNoAxeViolations(el);
  });
});

describe('practice cards in light and dark', () => {
  beforeEach(async () => {
    signIn(await tokenFor(newPerson('Finance')));
  });
  afterEach(cleanup);
  keepAddress();

  it('turn a card dark with theme="dark", its discussion with it; axe-clean expanded', async () => {
    const el = await mountCard('card="demo-card-business-case" theme="dark" thread');
    expect(colours(part(el, 'base') as Element)).toEqual(DARK);
    await userEvent.click(page.getByRole('button', { name: 'Show details' }));
    const thread = await until(() => shadow(el).querySelector('bk-thread'));
    await until(() => shadow(thread).querySelector('section')?.getAttribute('aria-busy') === 'false');
    // The thread has no theme of its own: it takes the card's.
    expect(thread.hasAttribute('theme')).toBe(false);
    expect(colours(shadow(thread).querySelector('section.thread') as Element)).toEqual(DARK);
    await until(() => field(el, 'Options')?.querySelector('table'));
    await expectNoAxeViolations(el);
  });

  it('turn the library dark from the page’s theme: the list and a card’s detail are axe-clean', async () => {
    signIn(await tokenFor(newPerson('Finance')), { theme: 'dark' });
    const el = await mountLibrary();
    expect(colours(part(el, 'base') as Element)).toEqual(DARK);
    await expectNoAxeViolations(el);
    // Other test files add cards meanwhile: find the demo's business case by searching.
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search practice cards' }), 'invoice');
    await userEvent.click(await until(() => shadow(el).querySelector<HTMLAnchorElement>('a[data-open="demo-card-business-case"]')));
    await until(() => shadow(el).querySelector('bk-card-detail')?.shadowRoot?.querySelector('[part="detail"] table'));
    await expectNoAxeViolations(el);
    // The parts that load when opened: the practice areas, and the form for a new card.
    await userEvent.click(page.getByRole('tab', { name: 'Practice areas' }));
    await until(() => shadow(el).querySelector('bk-card-practice-areas')?.shadowRoot?.querySelector('table'));
    await expectNoAxeViolations(el);
    await userEvent.click(page.getByRole('tab', { name: 'Library' }));
    await userEvent.click(page.getByRole('button', { name: 'New card' }));
    const choice = await until(() => shadow(el).querySelector<HTMLInputElement>('.chooser input[type="radio"]'));
    await expectNoAxeViolations(el);
    await userEvent.click(choice);
    await userEvent.click(page.getByRole('button', { name: 'Continue' }));
    await until(() => shadow(el).querySelector('bk-card-form')?.shadowRoot?.querySelector('fieldset'));
    await expectNoAxeViolations(el);
  });
});
