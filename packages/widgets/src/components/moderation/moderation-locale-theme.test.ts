import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import './moderation.ts';

const freshKey = () => `moderation-locale-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** A comment the demo pipeline holds for review (the suspect word "vendor"), and one readers flag twice. */
async function queueOfTwo() {
  const key = freshKey();
  const author = newPerson('Sales');
  const held = await clientAs(await tokenFor(author)).threads.post({
    key,
    title: 'Lieferanten',
    body: `Kann ein **vendor** das bauen? ${Math.random()}`,
  });
  const flagged = await clientAs(await tokenFor(newPerson())).threads.post({ key, body: `Klare Worte ${Math.random()}` });
  await clientAs(await tokenFor(newPerson())).comments.flag(flagged.id, 'spam');
  await clientAs(await tokenFor(newPerson())).comments.flag(flagged.id, 'confidential');
  return { held, flagged, author };
}

async function mountQueue(markup: string) {
  const el = await mount(markup);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}
const item = (el: Element, id: string) => shadow(el).querySelector<HTMLLIElement>(`li[data-comment="${id}"]`);
const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';

describe('<bk-moderation> in German and in dark', () => {
  let moderatorToken: string;
  beforeAll(async () => {
    moderatorToken = await tokenFor('mei');
  });
  afterEach(cleanup);

  it('shows the queue in German: count, reasons, flags as a German list, dates; asks for a reason in German; axe-clean', async () => {
    signIn(moderatorToken, { locale: 'de-DE' });
    const { held, flagged, author } = await queueOfTwo();
    const el = await mountQueue(`<bk-moderation thread="${held.threadId}"></bk-moderation>`);
    await until(() => item(el, held.id) && item(el, flagged.id));
    expect(squash(shadow(el).querySelector('h2')?.textContent)).toBe('Moderationswarteschlange');
    expect(squash(shadow(el).querySelector('[part="count"]')?.textContent)).toBe('2 Kommentare angezeigt');

    const heldItem = item(el, held.id) as HTMLLIElement;
    expect(heldItem.getAttribute('aria-label')).toBe(`Kommentar von ${author.name}`);
    expect(squash(heldItem.querySelector('[part="reason"]')?.textContent)).toMatch(/^Zur Prüfung zurückgehalten /);
    const time = heldItem.querySelector('time') as HTMLTimeElement;
    expect(time.textContent).toMatch(/^(jetzt|vor \d+ (Sekunden?|Minuten?))$/);
    expect(time.title).toBe(new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time.dateTime)));
    expect(squash(heldItem.querySelector('[part="meta"]')?.textContent)).toMatch(/^Diskussion: Lieferanten Verfasst /);
    // Two reasons (in either order), as German joins a list.
    expect(squash(item(el, flagged.id)?.querySelector('[part="flags"]')?.textContent)).toMatch(
      /^Von Lesenden gemeldet (Spam \(1 Meldung\) und vertraulich|vertraulich \(1 Meldung\) und Spam) \(1 Meldung\)$/,
    );
    await expectNoAxeViolations(el);

    await userEvent.click(heldItem.querySelector('[data-action="reject"]') as HTMLButtonElement);
    const form = await until(() => heldItem.querySelector<HTMLFormElement>('[part="decision-form"]'));
    expect(squash(form.querySelector('h4')?.textContent)).toBe('Diesen Kommentar ablehnen');
    await userEvent.click(form.querySelector('button[type="submit"]') as HTMLButtonElement);
    await until(() => form.querySelector('.field-error')?.textContent);
    expect(form.querySelector('.field-error')?.textContent).toBe(
      'Geben Sie einen Grund an: Wählen Sie einen aus oder beschreiben Sie ihn in den Details.',
    );
    await expectNoAxeViolations(el);
  });

  it('turns dark with theme="dark" and stays axe-clean, the reject form open included', async () => {
    signIn(moderatorToken);
    const { held } = await queueOfTwo();
    const el = await mountQueue(`<bk-moderation thread="${held.threadId}" theme="dark"></bk-moderation>`);
    const heldItem = await until(() => item(el, held.id));
    const frame = getComputedStyle(shadow(el).querySelector('[part="base"]') as Element);
    expect([frame.backgroundColor, frame.color]).toEqual(['rgb(31, 31, 31)', 'rgb(255, 255, 255)']);
    await expectNoAxeViolations(el);
    await userEvent.click(heldItem.querySelector('[data-action="ban"]') as HTMLButtonElement);
    await until(() => heldItem.querySelector('[part="decision-form"]'));
    await expectNoAxeViolations(el);
  });
});
