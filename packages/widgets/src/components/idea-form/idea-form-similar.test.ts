import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { clientAs, expectNoAxeViolations, mount, newPerson, shadow, tokenFor, until } from '../../../test/support.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import './idea-form.ts';
import type { BkIdeaForm } from './idea-form.component.ts';

describe('<bk-idea-form> duplicate suggestions', () => {
  const token = signInEachTest('Finance');

  it('link each similar idea, with its status, why it was declined and the card that answered it', async () => {
    const el = await mount<BkIdeaForm>('<bk-idea-form board="finance-ops"></bk-idea-form>');
    await until(() => shadow(el).querySelector('form'));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), 'weekly spend report for each budget holder');
    const item = await until(() =>
      [...shadow(el).querySelectorAll('[part="similar"] li')].find((li) =>
        li.textContent?.includes('A weekly spend report by cost centre'),
      ),
    );
    const pages = await itemPages(clientAs(null));
    const [idea, card] = [...item.querySelectorAll('a')];
    expect(idea?.getAttribute('href')).toBe(itemUrl(pages, 'idea', 'demo-idea-spend-report'));
    expect(idea?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'A weekly spend report by cost centre for each budget holder (opens in a new tab)',
    );
    // A new tab: following it keeps what is typed here.
    expect(idea?.getAttribute('target')).toBe('_blank');
    const text = item.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Self-service');
    expect(text).toContain('Budget holders can build this view themselves in the BI tool');
    const answered = (await clientAs(null).ideas.view('demo-idea-spend-report')).answeredBy;
    expect(text).toContain(`Answered by the practice card: ${answered?.title}`);
    expect(card?.getAttribute('href')).toBe(itemUrl(pages, 'card', answered?.id ?? ''));
    // A closed idea cannot be backed: no Back button beside it.
    expect(item.querySelector('bk-idea-vote')).toBeNull();
    await expectNoAxeViolations(el);
  });

  it('backs an open suggestion with its own button, says so visibly, and counts the new supporter', async () => {
    const word = `zeppelin${Date.now().toString(36)}`;
    const author = clientAs(await tokenFor(newPerson('Sales')));
    const existing = await author.ideas.create({ board: 'people', title: `Onboarding checklist for ${word} pilots` });
    const el = await mount<BkIdeaForm>('<bk-idea-form board="people"></bk-idea-form>');
    await until(() => shadow(el).querySelector('form'));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), `${word} pilots checklist`);
    const item = await until(() =>
      [...shadow(el).querySelectorAll('[part="similar"] li')].find((li) => li.textContent?.includes(existing.title)),
    );
    // Its author backs it from the start: one supporter.
    expect(item.textContent?.replace(/\s+/g, ' ')).toContain('1 supporter)');
    const back = page.getByRole('button', { name: `Back “${existing.title}”` });
    await expect.element(back).toHaveAttribute('aria-pressed', 'false');
    expect(back.element().textContent?.replace(/\s+/g, ' ').trim()).toMatch(/ Back this idea$/);
    await userEvent.click(back);
    await expect.element(back).toHaveAttribute('aria-pressed', 'true');
    expect(back.element().textContent?.replace(/\s+/g, ' ').trim()).toMatch(/ Backed ✓$/);
    const backed = await until(() => shadow(el).querySelector<HTMLElement>('[part="backed"]'));
    expect(backed.textContent?.trim()).toBe(
      `Your support was added to “${existing.title}”. Submit your own idea only if it is a different one.`,
    );
    expect(backed.checkVisibility()).toBe(true);
    await until(() => item.textContent?.includes('2 supporters)'));
    expect(await clientAs(token()).ideas.get(existing.id)).toMatchObject({ voted: true, supporters: 2 });
    await expectNoAxeViolations(el);

    // Withdrawn again: the confirmation goes, the count follows.
    await userEvent.click(back);
    await expect.element(back).toHaveAttribute('aria-pressed', 'false');
    await until(() => shadow(el).querySelector('[part="backed"]') === null && item.textContent?.includes('1 supporter)'));
  });
});
