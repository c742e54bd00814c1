import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { clientAs, expectNoAxeViolations, mount, shadow, until } from '../../../test/support.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import './idea-form.ts';
import type { BkIdeaForm } from './idea-form.component.ts';

describe('<bk-idea-form> duplicate suggestions', () => {
  signInEachTest('Finance');

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
    await expectNoAxeViolations(el);
  });
});
