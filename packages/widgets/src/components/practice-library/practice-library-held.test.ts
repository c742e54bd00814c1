/** What the library tells a card's author when moderation holds their card or their edit of it. */
import type { PracticeCard } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { keepAddress } from '../../../test/address.ts';
import { signInEachTest } from '../../../test/signed-in.ts';
import { clientAs, expectNoAxeViolations, mount, newPerson, shadow, tokenFor, until } from '../../../test/support.ts';
import { BkCardSaveEvent } from '../../events/card-save.ts';
import './practice-library.ts';
import type { BkPracticeLibrary } from './practice-library.component.ts';
import { createTestCard, minimalBusinessCase } from './test-cards.ts';

const WORD_HELD = 'Contains a word moderators review before it is published';
/** The card's detail, inside the library. */
const detailOf = (lib: Element) => shadow(lib).querySelector('bk-card-detail')?.shadowRoot ?? null;

/** The library, searched for the card's unique title. */
async function search(title: string) {
  const lib = await mount<BkPracticeLibrary>('<bk-practice-library></bk-practice-library>');
  await until(() => shadow(lib).querySelector('[part="list"]'));
  await userEvent.fill(page.getByRole('searchbox', { name: 'Search practice cards' }), title);
  return lib;
}

const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';
const status = (lib: Element) => shadow(lib).querySelector('.base > [role="status"]')?.textContent ?? '';

describe('<bk-practice-library> and moderation', () => {
  const token = signInEachTest('Finance');
  keepAddress();

  it('tells the author their edit waits for a moderator, and why, while readers keep the published version', async () => {
    const api = clientAs(token());
    const card = await createTestCard(api);
    const lib = await search(card.title);
    await userEvent.click(await until(() => shadow(lib).querySelector<HTMLAnchorElement>(`a[data-open="${card.id}"]`)));
    await until(() => detailOf(lib)?.activeElement?.id === 'bk-detail-title');
    const saved: PracticeCard[] = [];
    lib.addEventListener(BkCardSaveEvent.type, (e) => saved.push(e.card));
    await userEvent.click(detailOf(lib)?.querySelector('[data-action="edit"]') as HTMLButtonElement);
    const form = await until(() => shadow(lib).querySelector('bk-card-form')?.shadowRoot);
    // The demo pipeline holds the suspect word "vendor".
    await userEvent.fill(form.querySelector('#bk-f-recommendedOption') as HTMLInputElement, 'Ask a vendor first.');
    await userEvent.click(form.querySelector('[part="submit"]') as HTMLElement);
    await until(() => saved.length === 1);
    await until(() => status(lib).includes('are saved for review'));
    expect(status(lib)).toBe(`Your changes to “${card.title}” are saved for review: others see version 1 until a moderator approves them.`);
    const held = await until(() => detailOf(lib)?.querySelector('[part="held"]'));
    expect(squash(held.textContent)).toMatch(
      new RegExp(`^Your changes of .+ wait for a moderator; readers see version 1 until then\\. ${WORD_HELD}$`),
    );
    await expectNoAxeViolations(lib);

    const reader = clientAs(await tokenFor(newPerson()));
    expect(await reader.cards.get(card.id)).toMatchObject({
      version: 1,
      pendingEdit: null,
      fields: { recommendedOption: 'Do something.' },
    });
  });

  it('marks a held new card for its author, in the list and on the card, and hides it from everyone else', async () => {
    const api = clientAs(token());
    const input = minimalBusinessCase(`Held case ${Date.now()} ${Math.random().toString(36).slice(2, 7)}`);
    const card = await api.cards.create({ ...input, summary: 'A vendor builds the dashboards.' });
    expect(card.moderation).toEqual({ state: 'pending', reason: WORD_HELD, reasonCode: 'held.suspect_word_hidden', reasonParams: {} });
    const lib = await search(card.title);
    const item = await until(() => shadow(lib).querySelector(`[data-card="${card.id}"]`));
    expect(squash(item.querySelector('.badge.held')?.textContent)).toBe('Waiting for a moderator');
    await userEvent.click(item.querySelector('a[data-open]') as HTMLAnchorElement);
    const held = await until(() => detailOf(lib)?.querySelector('[part="held"]'));
    expect(squash(held.textContent)).toBe(`Only you and moderators see this card until a moderator approves it: ${WORD_HELD}`);
    await expectNoAxeViolations(lib);

    const reader = clientAs(await tokenFor(newPerson()));
    await expect(reader.cards.get(card.id)).rejects.toMatchObject({ status: 404 });
    expect((await reader.cards.list({ q: card.title })).items.map((c) => c.id)).not.toContain(card.id);
  });
});
