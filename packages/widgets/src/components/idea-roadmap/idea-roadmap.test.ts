import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup, expectNoAxeViolations, mount, shadow, signIn, until } from '../../../test/support.ts';
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

  it('explains an unknown board', async () => {
    signIn(null);
    const el = await mount<BkIdeaRoadmap>('<bk-idea-roadmap board="nope"></bk-idea-roadmap>');
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('This board does not exist.');
  });
});
