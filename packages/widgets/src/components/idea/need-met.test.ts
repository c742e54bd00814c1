import type { Idea } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import './idea.ts';
import type { BkIdea } from './idea.component.ts';

async function mountIdea(id: string): Promise<BkIdea> {
  const el = await mount<BkIdea>(`<bk-idea idea="${id}"></bk-idea>`);
  await until(() => shadow(el).querySelector('article'));
  return el;
}

const question = () => page.getByRole('group', { name: 'Did this answer your need?' });

describe('<bk-idea>: did a deflection answer the need?', () => {
  let authorToken: string;
  let deflected: Idea;
  let open: Idea;

  beforeAll(async () => {
    const mei = clientAs(await tokenFor('mei'));
    authorToken = await tokenFor(newPerson('Finance'));
    const author = clientAs(authorToken);
    const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    deflected = await author.ideas.create({ board: 'general', title: `Export the trial balance to Excel ${tag}` });
    await mei.ideas.setStatus(deflected.id, {
      status: 'already_available',
      reason: 'The finance reporting app already exports the trial balance: see its Export menu.',
    });
    open = await author.ideas.create({ board: 'general', title: `A still open request ${tag}` });
  });

  afterEach(cleanup);

  it('asks the requester with Yes and No toggle buttons, records the answer and lets them change it', async () => {
    signIn(authorToken);
    const el = await mountIdea(deflected.id);
    const yes = question().getByRole('button', { name: 'Yes' });
    const no = question().getByRole('button', { name: 'No' });
    await expect.element(yes).toHaveAttribute('aria-pressed', 'false');
    await expectNoAxeViolations(el);

    await userEvent.click(yes);
    await expect.element(yes).toHaveAttribute('aria-pressed', 'true');
    await until(() => shadow(el).querySelector('.need-met')?.textContent?.includes('confirmed this answered the need'));
    expect((await clientAs(authorToken).ideas.get(deflected.id)).status.needMet).toBe(true);

    // From the keyboard, the other answer.
    (no.element() as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(no).toHaveAttribute('aria-pressed', 'true');
    await expect.element(yes).toHaveAttribute('aria-pressed', 'false');
    expect((await clientAs(authorToken).ideas.get(deflected.id)).status.needMet).toBe(false);
    await expectNoAxeViolations(el);
  });

  it('shows others what the requester said, without the buttons', async () => {
    await clientAs(authorToken).ideas.confirmNeedMet(deflected.id, true);
    signIn(await tokenFor(newPerson('Sales')));
    const el = await mountIdea(deflected.id);
    await until(() => shadow(el).querySelector('.need-met'));
    expect(shadow(el).querySelector('.need-met')?.textContent).toContain('The requester confirmed this answered the need.');
    expect(shadow(el).querySelector('[part="need-met"]')).toBeNull();
  });

  it('does not ask while the idea is not deflected', async () => {
    signIn(authorToken);
    const el = await mountIdea(open.id);
    expect(shadow(el).querySelector('[part="need-met"]')).toBeNull();
  });

  it('asks in German', async () => {
    signIn(authorToken, { locale: 'de' });
    await mountIdea(deflected.id);
    await expect
      .element(page.getByRole('group', { name: 'Hat das Ihren Bedarf gedeckt?' }).getByRole('button', { name: 'Ja' }))
      .toBeVisible();
  });
});
