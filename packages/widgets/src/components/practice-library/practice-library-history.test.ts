import type { FieldValue, PracticeCard } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { keepAddress } from '../../../test/address.ts';
import { signInEachTest } from '../../../test/signed-in.ts';
import { clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkCardSaveEvent } from '../../events/card-save.ts';
import type { BkItemPicker } from '../../shared/item-picker.ts';
import './practice-library.ts';
import type { BkPracticeLibrary } from './practice-library.component.ts';
import { createTestCard } from './test-cards.ts';

/** The card's detail, inside the library. */
const detailOf = (lib: Element) => shadow(lib).querySelector('bk-card-detail')?.shadowRoot ?? null;
/** The library, searched for the card's unique title, with the card opened. */
async function openCard(card: PracticeCard, searchLabel = 'Search practice cards') {
  const lib = await mount<BkPracticeLibrary>('<bk-practice-library></bk-practice-library>');
  await until(() => shadow(lib).querySelector('[part="list"]'));
  await userEvent.fill(page.getByRole('searchbox', { name: searchLabel }), card.title);
  const open = await until(() => shadow(lib).querySelector<HTMLAnchorElement>(`a[data-open="${card.id}"]`));
  await userEvent.click(open);
  await until(() => detailOf(lib)?.activeElement?.id === 'bk-detail-title');
  return lib;
}

const action = (lib: Element, name: string) =>
  detailOf(lib)?.querySelector<HTMLButtonElement>(`[data-action="${name}"]`) as HTMLButtonElement;
/** An item of the card's "More" menu, the menu opened. */
async function menuAction(lib: Element, name: string): Promise<HTMLButtonElement> {
  await userEvent.click(action(lib, 'more'));
  return until(() => detailOf(lib)?.activeElement && action(lib, name));
}
const formOf = (lib: Element) => shadow(shadow(lib).querySelector('bk-card-form') as Element);
const historyOf = (lib: Element) => shadow(shadow(lib).querySelector('bk-card-history') as Element);
const status = (lib: Element) => shadow(lib).querySelector('.base > [role="status"]')?.textContent ?? '';

describe('<bk-practice-library> editing and history', () => {
  const token = signInEachTest('Finance');
  keepAddress();

  it('edits a card: the form starts filled in, and the save is a new version with its note', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    const lib = await openCard(card);
    const saved: PracticeCard[] = [];
    lib.addEventListener(BkCardSaveEvent.type, (e) => saved.push(e.card));
    await userEvent.click(action(lib, 'edit'));
    const form = await until(() => shadow(lib).querySelector('bk-card-form')?.shadowRoot);
    expect(form.querySelector('h3')?.textContent).toBe(`Edit “${card.title}”`);
    expect((form.querySelector('#bk-c-title') as HTMLInputElement).value).toBe(card.title);
    expect(form.querySelectorAll('#bk-f-options > .rows > li')).toHaveLength(1);
    expect((form.querySelector('[id^="bk-f-options-"][id$="-cost-amount"]') as HTMLInputElement).value).toBe('1200');
    expect((form.querySelector('#bk-f-sponsor-name') as BkItemPicker).text).toBe('Helena Fischer');
    await userEvent.fill(form.querySelector('#bk-f-recommendedOption') as HTMLInputElement, 'Do the minimum first.');
    await userEvent.fill(form.querySelector('#bk-c-note') as HTMLInputElement, 'Recommend the minimum');
    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);
    await until(() => saved.length === 1);
    await until(() => status(lib).includes('is saved as version 2'));
    expect(await api.cards.get(card.id)).toMatchObject({ version: 2, fields: { recommendedOption: 'Do the minimum first.' } });
    expect((await api.cards.versions(card.id)).find((v) => v.version === 2)?.note).toBe('Recommend the minimum');
  });

  it('refuses to overwrite a newer version someone saved meanwhile, and keeps what was typed', async () => {
    const api = clientAs(token());
    const other = clientAs(await tokenFor(newPerson('IT')));
    const card = await createTestCard(api);
    const lib = await openCard(card);
    await userEvent.click(action(lib, 'edit'));
    const form = await until(() => shadow(lib).querySelector('bk-card-form')?.shadowRoot);
    const title = form.querySelector('#bk-c-title') as HTMLInputElement;
    await userEvent.fill(title, `${card.title} (mine)`);
    // Someone else saves while this person types.
    await other.cards.update(card.id, { title: `${card.title} (theirs)`, fields: card.fields, baseVersion: 1 });
    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);
    const conflict = await until(() => form.querySelector('[part="conflict"]'));
    expect(conflict.getAttribute('role')).toBe('alert');
    expect(conflict.textContent).toContain('Someone saved a newer version of this card.');
    expect(conflict.textContent).toContain('Version 2, by Tester');
    expect(conflict.textContent).toContain('They changed: Title.');
    expect(title.value).toBe(`${card.title} (mine)`);

    // Keep editing: the next save knowingly replaces their version.
    await userEvent.click(page.getByRole('button', { name: 'Keep editing' }));
    expect(form.querySelector('[part="conflict"]')).toBeNull();
    expect(title.value).toBe(`${card.title} (mine)`);
    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);
    await until(() => status(lib).includes('is saved as version 3'));
    expect((await api.cards.get(card.id)).title).toBe(`${card.title} (mine)`);
  });

  it('loads the newer version on request, replacing what was typed', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    const lib = await openCard(card);
    await userEvent.click(action(lib, 'edit'));
    const form = await until(() => shadow(lib).querySelector('bk-card-form')?.shadowRoot);
    const title = form.querySelector('#bk-c-title') as HTMLInputElement;
    await userEvent.fill(title, 'My unsaved title');
    await api.cards.update(card.id, { title: card.title, summary: 'Changed meanwhile.', fields: card.fields, baseVersion: 1 });
    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);
    await until(() => form.querySelector('[part="conflict"]'));
    await expectNoAxeViolations(lib);
    await userEvent.click(page.getByRole('button', { name: 'Reload the newer version' }));
    // The newer version's values, even where they equal what the form first showed.
    await until(() => title.value === card.title);
    expect((form.querySelector('#bk-c-summary') as HTMLTextAreaElement).value).toBe('Changed meanwhile.');
    expect(form.querySelector('[part="conflict"]')).toBeNull();
    await userEvent.fill(title, `${card.title} (after theirs)`);
    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);
    await until(() => status(lib).includes('is saved as version 3'));
  });

  it('says "Nothing to save" on a save without changes, and keeps no version of it', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    const lib = await openCard(card);
    const saved: PracticeCard[] = [];
    lib.addEventListener(BkCardSaveEvent.type, (e) => saved.push(e.card));
    await userEvent.click(action(lib, 'edit'));
    const form = await until(() => shadow(lib).querySelector('bk-card-form')?.shadowRoot);
    // A note alone changes nothing a version keeps.
    await userEvent.fill(form.querySelector('#bk-c-note') as HTMLInputElement, 'Just looking');
    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);
    const notice = await until(() =>
      form.querySelector('.form-notice')?.textContent ? form.querySelector<HTMLElement>('.form-notice') : null,
    );
    expect(notice.textContent).toBe('Nothing to save: you have not changed anything.');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.checkVisibility()).toBe(true);
    expect(saved).toEqual([]);
    expect(await api.cards.versions(card.id)).toHaveLength(1);
    await expectNoAxeViolations(lib);

    // A change then saves as before.
    await userEvent.fill(form.querySelector('#bk-c-summary') as HTMLTextAreaElement, 'A changed summary.');
    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);
    await until(() => saved.length === 1);
    expect(saved[0]?.version).toBe(2);
  });

  it('marks the words that changed in a rich text, rendered as the card shows it', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    const summary = (amount: string) => `Automating costs **EUR 250,000** and saves about EUR ${amount} a year.\n\n- Fewer late fees`;
    await api.cards.update(card.id, {
      title: card.title,
      fields: { ...card.fields, executiveSummary: summary('180,000') },
      baseVersion: 1,
    });
    await api.cards.update(card.id, {
      title: card.title,
      fields: { ...card.fields, executiveSummary: summary('190,000') },
      baseVersion: 2,
    });
    const lib = await openCard(card);
    await userEvent.click(await menuAction(lib, 'history'));
    const row = await until(() =>
      shadow(lib).querySelector('bk-card-history')?.shadowRoot?.querySelector('[part="diff"] tr[data-path="executiveSummary"]'),
    );
    const [before, after] = row.querySelectorAll('td');
    if (!before || !after) throw new Error('the row has no before and after');
    const spoken = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim();
    const shown = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
      return copy.textContent?.replace(/\s+/g, ' ').trim();
    };
    // One word out, one word in; the rest reads as it did.
    expect([...before.querySelectorAll('del')].map(shown)).toEqual(['180,000']);
    expect(before.querySelectorAll('ins')).toHaveLength(0);
    expect([...after.querySelectorAll('ins')].map(shown)).toEqual(['190,000']);
    expect(after.querySelectorAll('del')).toHaveLength(0);
    // Screen readers hear where each change starts and ends.
    expect(spoken(before.querySelector('del') as Element)).toBe('deletion start 180,000 deletion end');
    expect(spoken(after.querySelector('ins') as Element)).toBe('insertion start 190,000 insertion end');
    // Rendered Markdown: bold and a list, no asterisks.
    for (const cell of [before, after]) {
      expect(cell.textContent).not.toContain('**');
      expect(cell.querySelector('strong')?.textContent).toBe('EUR 250,000');
      expect(cell.querySelector('li')?.textContent).toBe('Fewer late fees');
    }
    expect(shown(after)).toBe('Automating costs EUR 250,000 and saves about EUR 190,000 a year. Fewer late fees');
    // Struck through and underlined, not colour alone.
    expect(getComputedStyle(before.querySelector('del') as Element).textDecorationLine).toBe('line-through');
    expect(getComputedStyle(after.querySelector('ins') as Element).textDecorationLine).toBe('underline');
    await expectNoAxeViolations(lib);
  });

  it('shows the history, the field-level changes between two versions, and restores one', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    const options: FieldValue = [
      { kind: 'do-nothing', description: 'Keep matching by hand.', cost: { amount: 5000, currency: 'EUR' } },
      { kind: 'do-minimum', description: 'Hire a temporary clerk.' },
    ];
    await api.cards.update(card.id, {
      title: `${card.title} v2`,
      tags: ['value-realization', 'power-skills'],
      fields: { ...card.fields, options },
      baseVersion: 1,
      note: 'Costed the option',
    });
    const lib = await openCard({ ...card, title: `${card.title} v2` });
    await userEvent.click(await menuAction(lib, 'history'));
    const history = await until(() => shadow(lib).querySelector('bk-card-history')?.shadowRoot);
    const versions = await until(
      () => history.querySelectorAll('[part="versions"] > li').length === 2 && history.querySelectorAll('[part="versions"] > li'),
    );
    expect(versions[0]?.textContent).toContain('Version 2');
    expect(versions[0]?.textContent).toContain('Costed the option');
    expect(versions[0]?.textContent).toContain('Current version');
    expect(versions[1]?.textContent).toContain('Version 1');
    // The latest two are compared at once.
    const diff = await until(() => history.querySelector('[part="diff"]'));
    expect(diff.querySelector('caption')?.textContent?.trim()).toBe('Changes from version 1 to version 2');
    // What the table shows; the visually hidden cues around changed words are tested below.
    const rows = [...diff.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => {
        const copy = c.cloneNode(true) as Element;
        for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
        return copy.textContent?.replace(/\s+/g, ' ').trim();
      }),
    );
    expect(diff.querySelector('tr[data-path="title"] ins')?.textContent).toContain('v2');
    expect(rows).toContainEqual(['Title (changed)', card.title, `${card.title} v2`]);
    expect(rows).toContainEqual(['Options › 1 › Cost (changed)', '€1,200.00', '€5,000.00']);
    // Values read as the form names them: practice areas, enum labels, a record's parts.
    expect(rows).toContainEqual([
      'Practice areas (changed)',
      'Value management and realization',
      'Value management and realization, Power skills',
    ]);
    expect(rows).toContainEqual(['Options › 2 (added)', '(empty)', 'Kind: Do the minimum, Description: Hire a temporary clerk.']);
    await expectNoAxeViolations(lib);

    // Compare the other way round.
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Compare version' }), '2');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'with version' }), '1');
    await userEvent.click(page.getByRole('button', { name: 'Show changes' }));
    await until(() => historyOf(lib).querySelector('[part="diff"] caption')?.textContent?.trim() === 'Changes from version 2 to version 1');

    const saved: PracticeCard[] = [];
    lib.addEventListener(BkCardSaveEvent.type, (e) => saved.push(e.card));
    await userEvent.click(page.getByRole('button', { name: 'Restore this version' }));
    await until(() => saved.length === 1);
    expect(saved[0]).toMatchObject({ version: 3, title: card.title });
    await until(() => detailOf(lib)?.activeElement?.id === 'bk-detail-title');
    expect(detailOf(lib)?.querySelector('#bk-detail-title')?.textContent).toBe(card.title);
    expect(status(lib)).toBe(`Version restored: “${card.title}” is now at version 3.`);
    expect(await api.cards.get(card.id)).toMatchObject({
      version: 3,
      title: card.title,
      tags: card.tags,
      fields: { options: card.fields.options },
    });
  });

  it('restores nothing when the version reads as the current one, and says so', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    await api.cards.update(card.id, { title: `${card.title} v2`, fields: card.fields, baseVersion: 1 });
    await api.cards.update(card.id, { title: card.title, fields: card.fields, baseVersion: 2 });
    const lib = await openCard(card);
    const saved: PracticeCard[] = [];
    lib.addEventListener(BkCardSaveEvent.type, (e) => saved.push(e.card));
    await userEvent.click(await menuAction(lib, 'history'));
    await until(() => shadow(lib).querySelector('bk-card-history')?.shadowRoot?.querySelectorAll('[part="versions"] > li').length === 3);
    // Version 1 has the content of version 3, the current one.
    await userEvent.click(page.getByRole('button', { name: 'Restore this version' }).last());
    const notice = await until(() => historyOf(lib).querySelector<HTMLElement>('.notice:not(.error)'));
    expect(notice.textContent).toBe('Nothing to restore: version 1 reads as the current version.');
    expect(saved).toEqual([]);
    expect(await api.cards.versions(card.id)).toHaveLength(3);
  });

  it("names the changed fields in the reader's language, from the localized template", async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    await api.cards.update(card.id, {
      title: `${card.title} v2`,
      fields: {
        ...card.fields,
        options: [{ kind: 'do-nothing', description: 'Keep matching by hand.', cost: { amount: 5000, currency: 'EUR' } }],
      },
      reviewBy: '2030-01-31',
      baseVersion: 1,
    });
    signIn(token(), { locale: 'de-DE' });
    const lib = await openCard({ ...card, title: `${card.title} v2` }, 'Praxiskarten durchsuchen');
    await userEvent.click(await menuAction(lib, 'history'));
    const diff = await until(() => shadow(lib).querySelector('bk-card-history')?.shadowRoot?.querySelector('[part="diff"]'));
    const labels = [...diff.querySelectorAll('tbody th')].map((th) => th.textContent?.replace(/\s+/g, ' ').trim());
    // The card's own properties from the catalog, the template's fields from its German texts.
    expect(labels).toEqual(['Titel (geändert)', 'Prüfen bis (geändert)', 'Optionen › 1 › Kosten (geändert)']);
  });

  it('leaves the edit form with Cancel, back on the card', async () => {
    const card = await createTestCard(clientAs(token()));
    const lib = await openCard(card);
    await userEvent.click(action(lib, 'edit'));
    await until(() => formOf(lib).querySelector('form'));
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    await until(() => detailOf(lib)?.activeElement === action(lib, 'edit'));
  });
});
