import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import '../idea-vote/idea-vote.ts';
import type { BkIdeaVote } from '../idea-vote/idea-vote.component.ts';
import './idea-roadmap.ts';
import type { BkIdeaRoadmap } from './idea-roadmap.component.ts';

describe('<bk-idea-roadmap>', () => {
  afterEach(cleanup);

  it('shows the ideas under review, planned, in progress and done, as headed lists', async () => {
    signIn(null);
    const el = await mount<BkIdeaRoadmap>('<bk-idea-roadmap board="general"></bk-idea-roadmap>');
    await until(() => shadow(el).querySelector('.columns'));
    const headings = [...shadow(el).querySelectorAll('h3')].map((h) => h.textContent?.replace(/\s*\(\d+\)$/, ''));
    expect(headings).toEqual(['Under review', 'Planned', 'In progress', 'Done']);
    await expect
      .element(page.getByRole('region', { name: /^Planned/ }).getByText('Self-service sales dashboards for regional directors'))
      .toBeVisible();
    await expect
      .element(page.getByRole('region', { name: /^Under review/ }).getByText('Automate invoice matching in accounts payable'))
      .toBeVisible();
    await expectNoAxeViolations(el);
  });

  it('follows the votes cast on the page for its ideas: supporters and business units', async () => {
    const author = clientAs(await tokenFor(newPerson('Finance')));
    const idea = await author.ideas.create({ board: 'people', title: `Under review and backed ${Date.now()}` });
    await author.ideas.vote(idea.id);
    await clientAs(await tokenFor('mei')).ideas.setStatus(idea.id, { status: 'under_review' });
    signIn(await tokenFor(newPerson('Sales')));
    const el = await mount<BkIdeaRoadmap>('<bk-idea-roadmap board="people"></bk-idea-roadmap>');
    await until(() => shadow(el).querySelector('.columns'));
    const support = () =>
      [...shadow(el).querySelectorAll('li')].find((li) => li.textContent?.includes(idea.title))?.querySelector('.meta')?.textContent;
    expect(support()).toBe('1 supporter');

    const vote = await mount<BkIdeaVote>(`<bk-idea-vote idea="${idea.id}" variant="inline"></bk-idea-vote>`);
    await userEvent.click(await until(() => shadow(vote).querySelector<HTMLButtonElement>('button.vote')));
    await until(() => support() === '2 supporters from 2 business units');
  });

  it('explains an unknown board', async () => {
    signIn(null);
    const el = await mount<BkIdeaRoadmap>('<bk-idea-roadmap board="nope"></bk-idea-roadmap>');
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('This board does not exist.');
  });
});
