import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { itemPages, itemUrl, linkedItem } from '../../shared/item-links.ts';
import type { BkIdea } from '../idea/idea.component.ts';
import './idea-triage.ts';
import type { BkIdeaTriage } from './idea-triage.component.ts';

/** The element with focus, inside shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<bk-idea-triage> opens an idea in place', () => {
  let start: string;
  beforeEach(async () => {
    start = location.href;
    signIn(await tokenFor('mei'));
  });
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', start);
  });

  it('links the selected idea to its view, shown in place of the triage until "Back to triage"', async () => {
    const el = await mount<BkIdeaTriage>('<bk-idea-triage board="general"></bk-idea-triage>');
    const first = await until(() => shadow(el).querySelector<HTMLButtonElement>('.queue button'));
    const title = first.querySelector('.title')?.textContent?.trim();
    await userEvent.click(first);
    const link = await until(() => shadow(el).querySelector<HTMLAnchorElement>('[part="idea-link"] a'));
    expect(link.textContent?.trim()).toBe('Open the idea’s page');
    const pages = await itemPages(clientAs(null));
    const id = linkedItem(pages, 'idea', new URL(link.href)) ?? '';
    expect(link.href).toBe(itemUrl(pages, 'idea', id));
    expect((await clientAs(null).ideas.get(id)).title).toBe(title);

    link.focus();
    await userEvent.keyboard('{Enter}');
    const view = await until(() => shadow(el).querySelector<BkIdea>('bk-idea'));
    await until(() => view.shadowRoot?.querySelector('#bk-idea-title')?.textContent?.trim() === title);
    expect(shadow(el).querySelector('.layout')).toBeNull();
    await expectNoAxeViolations(el);

    await userEvent.click(await until(() => shadow(el).querySelector<HTMLButtonElement>('[part="back"]')));
    await until(() => shadow(el).querySelector('.layout'));
    await until(() => location.href === start);
    await until(() => focused()?.textContent?.trim() === 'Open the idea’s page');
  });
});
