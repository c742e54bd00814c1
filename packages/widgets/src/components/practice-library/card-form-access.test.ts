/**
 * The card form's unit and visibility selects, and side-locked fields shown read-only to the
 * other side of the relationship.
 */
import type { PracticeCard } from '@bridgekit/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkCardSaveEvent } from '../../events/card-save.ts';
import type { BkCardForm } from './card-form.ts';
import { loadPart } from './parts.ts';
// The library registers the cards' texts the form speaks.
import './practice-library.ts';

async function mountForm(token: string, templateId: string, card: PracticeCard | null): Promise<BkCardForm> {
  signIn(token);
  await loadPart('bk-card-form');
  const api = clientAs(token);
  const [template, viewer] = await Promise.all([api.templates.get(templateId), api.me()]);
  const form = await mount<BkCardForm>('<bk-card-form></bk-card-form>');
  Object.assign(form, { template, card, viewer });
  await until(() => shadow(form).querySelector('form'));
  return form;
}

const byId = <T extends HTMLElement>(form: Element, id: string) => shadow(form).querySelector<T>(`#${id}`) as T;
const hintOf = (form: Element, el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map(
      (id) =>
        shadow(form)
          .querySelector(`#${CSS.escape(id)}`)
          ?.textContent?.trim() ?? '',
    )
    .join(' ');

describe('<bk-card-form> unit, visibility and sides', () => {
  afterEach(cleanup);

  it('offers the units and says who will read the card; the visibility follows the unit until chosen', async () => {
    const form = await mountForm(await tokenFor(newPerson('Sales')), 'stakeholder-map', null);
    const unit = byId<HTMLSelectElement>(form, 'bk-c-unit');
    const visibility = byId<HTMLSelectElement>(form, 'bk-c-visibility');
    expect(shadow(form).querySelector('label[for="bk-c-unit"]')?.textContent).toBe('Business unit');
    expect(shadow(form).querySelector('label[for="bk-c-visibility"]')?.textContent).toBe('Who can read it');
    // A stakeholder map without a unit is private.
    expect(visibility.value).toBe('private');
    expect(hintOf(form, visibility)).toContain("Only the card's owner");
    await until(() => [...unit.options].some((o) => o.value === 'finance'));
    await userEvent.selectOptions(unit, 'finance');
    expect(visibility.value).toBe('unit');
    expect(hintOf(form, visibility)).toContain('Only the Finance team');
    await userEvent.selectOptions(visibility, 'everyone');
    await userEvent.selectOptions(unit, '');
    expect(visibility.value).toBe('everyone');
    await expectNoAxeViolations(form);
  });

  it("shows the business side's scores read-only to IT, with why, and saves its own", async () => {
    // The business side gives its score; IT then fills in its own.
    const business = await tokenFor(newPerson('Finance'));
    const card = await clientAs(business).cards.create({
      templateId: 'relationship-health-assessment',
      title: `Finance and IT ${Date.now()}`,
      fields: { items: [{ item: 'trust', partnerScore: 2 }] },
      unit: 'finance',
      visibility: 'everyone',
    });
    const it = await tokenFor(newPerson('IT'));
    // A first write makes IT's person known, with their unit.
    await clientAs(it).cards.helped(card.id);
    const form = await mountForm(it, 'relationship-health-assessment', card);
    const partner = await until(() => shadow(form).querySelector<HTMLInputElement>('input[id$="-partnerScore"]'));
    const itScore = shadow(form).querySelector<HTMLInputElement>('input[id$="-itScore"]') as HTMLInputElement;
    expect(partner.readOnly).toBe(true);
    expect(hintOf(form, partner)).toContain('Only the business side can change this.');
    expect(itScore.readOnly).toBe(false);
    await expectNoAxeViolations(form);
    const saved = new Promise<BkCardSaveEvent>((resolve) => form.addEventListener(BkCardSaveEvent.type, resolve, { once: true }));
    await userEvent.type(itScore, '4');
    await userEvent.click(shadow(form).querySelector('[part="submit"]') as HTMLElement);
    expect((await saved).card.fields.items).toEqual([{ item: 'trust', partnerScore: 2, itScore: 4 }]);
  });
});
