import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, shadow, signIn, until } from '../../../test/support.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import type { BkIdea } from '../idea/idea.component.ts';
import './idea-roadmap.ts';
import type { BkIdeaRoadmap } from './idea-roadmap.component.ts';

const links = (el: Element) => [...shadow(el).querySelectorAll<HTMLAnchorElement>('.title a')];
/** The element with focus, inside shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<bk-idea-roadmap> opens an idea in place', () => {
  let start: string;
  beforeEach(() => {
    start = location.href;
    signIn(null);
  });
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', start);
  });

  it('links each idea to its view, opens it in place of the columns, and "Back to the roadmap" returns', async () => {
    const el = await mount<BkIdeaRoadmap>('<bk-idea-roadmap board="general"></bk-idea-roadmap>');
    const link = await until(() => links(el).find((a) => a.textContent?.trim() === 'Self-service sales dashboards for regional directors'));
    const pages = await itemPages(clientAs(null));
    expect(link.href).toBe(itemUrl(pages, 'idea', 'demo-idea-dashboards'));

    link.focus();
    await userEvent.keyboard('{Enter}');
    const view = await until(() => shadow(el).querySelector<BkIdea>('bk-idea'));
    await until(() => view.shadowRoot?.querySelector('#bk-idea-title')?.textContent?.trim() === link.textContent?.trim());
    expect(shadow(el).querySelector('.columns')).toBeNull();
    expect(location.hash).toBe('#bk-idea=demo-idea-dashboards');
    await expectNoAxeViolations(el);

    await userEvent.click(await until(() => shadow(el).querySelector<HTMLButtonElement>('[part="back"]')));
    await until(() => shadow(el).querySelector('.columns'));
    await until(() => location.href === start);
    await until(() => focused()?.textContent?.trim() === 'Self-service sales dashboards for regional directors');
  });
});
