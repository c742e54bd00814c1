import type { Idea } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import type { BkFollowChangeEvent } from '../../events/follow-change.ts';
import '../idea/idea.ts';
import '../idea-board/idea-board.ts';
import '../practice-card/practice-card.ts';
import '../thread/thread.ts';
import './follow.ts';
import { BkFollow } from './follow.component.ts';

const button = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('button');
const note = (el: Element) => shadow(el).querySelector('[part="note"]');

async function mountFollow(attrs: string, markup = `<bk-follow ${attrs}></bk-follow>`) {
  const el = await mount<BkFollow>(markup);
  await until(() => button(el));
  return el;
}

/** The `<bk-follow>` inside another element's shadow root, once it shows its button. */
const followIn = (host: Element) =>
  until(() => {
    const follow = host.shadowRoot?.querySelector<BkFollow>('bk-follow');
    return follow && button(follow) ? follow : null;
  }, 10_000);

describe('<bk-follow>', () => {
  let idea: Idea;

  beforeAll(async () => {
    // Someone else's idea: the person of each test has no stake in it until they follow it.
    idea = await clientAs(await tokenFor(newPerson('HR'))).ideas.create({ board: 'general', title: `Follow me ${Date.now()}` });
  });

  describe('signed out', () => {
    afterEach(cleanup);

    it('is registered under its tag, and shows nothing to people who are not signed in', async () => {
      expect(customElements.get('bk-follow')).toBe(BkFollow);
      signIn(null);
      const el = await mount<BkFollow>(`<bk-follow target="idea" item-id="${idea.id}"></bk-follow>`);
      await el.updateComplete;
      expect(button(el)).toBeNull();
    });
  });

  describe('signed in', () => {
    const token = signInEachTest();

    it('follows with the keyboard, says so, and still follows after a reload', async () => {
      const el = await mountFollow(`target="idea" item-id="${idea.id}"`);
      expect(button(el)?.textContent?.trim()).toContain('Follow');
      expect(button(el)?.getAttribute('aria-pressed')).toBe('false');
      expect(note(el)).toBeNull();
      await expectNoAxeViolations(el);

      const changes: BkFollowChangeEvent[] = [];
      el.addEventListener('bk-follow-change', (e) => changes.push(e));
      await userEvent.tab();
      expect(shadow(el).activeElement).toBe(button(el));
      await userEvent.keyboard('{Enter}');
      await until(() => button(el)?.getAttribute('aria-pressed') === 'true');
      expect(button(el)?.textContent).toContain('Following');
      expect(shadow(el).querySelector('[role="status"]')?.textContent).toBe('You follow this now.');
      expect(changes[0]?.state).toMatchObject({ target: 'idea', id: idea.id, following: true, source: 'manual' });

      el.remove();
      const again = await mountFollow(`target="idea" item-id="${idea.id}"`);
      expect(button(again)?.getAttribute('aria-pressed')).toBe('true');
      expect(await clientAs(token()).subscriptions.get('idea', idea.id)).toMatchObject({ following: true });
    });

    it('unfollows, and shows that it was unfollowed after a reload', async () => {
      await clientAs(token()).subscriptions.follow('idea', idea.id);
      const el = await mountFollow(`target="idea" item-id="${idea.id}"`);
      expect(button(el)?.getAttribute('aria-pressed')).toBe('true');
      button(el)?.click();
      await until(() => button(el)?.getAttribute('aria-pressed') === 'false');
      expect(shadow(el).querySelector('[role="status"]')?.textContent).toBe('You no longer follow this. Mentions of you still reach you.');
      expect(note(el)?.textContent).toBe('You unfollowed this: taking part again will not follow it.');

      el.remove();
      const again = await mountFollow(`target="idea" item-id="${idea.id}"`);
      expect(button(again)?.getAttribute('aria-pressed')).toBe('false');
      expect(note(again)).not.toBeNull();
      await expectNoAxeViolations(again);
    });

    it('turns dark with theme="dark" and stays axe-clean; speaks German', async () => {
      signIn(token(), { locale: 'de' });
      const el = await mountFollow(`target="idea" item-id="${idea.id}" theme="dark"`);
      await until(() => button(el)?.textContent?.includes('Folgen'));
      expect(getComputedStyle(button(el) as HTMLButtonElement).backgroundColor).toBe('rgb(31, 31, 31)');
      await expectNoAxeViolations(el);
    });

    it('shows in the idea view, the board header, a discussion header and a practice card', async () => {
      const view = await mount<HTMLElement>(`<bk-idea idea="${idea.id}"></bk-idea>`);
      expect((await followIn(view)).getAttribute('item-id')).toBe(idea.id);

      const board = await mount<HTMLElement>('<bk-idea-board board="general"></bk-idea-board>');
      const boardFollow = await followIn(board);
      expect([boardFollow.getAttribute('target'), boardFollow.getAttribute('item-id')]).toEqual(['board', 'general']);

      const thread = await mount<HTMLElement>('<bk-thread key="demo-war-stories" live="off"></bk-thread>');
      expect((await followIn(thread)).getAttribute('target')).toBe('thread');

      const card = await mount<HTMLElement>('<bk-practice-card card="demo-card-business-case"></bk-practice-card>');
      const cardFollow = await followIn(card);
      expect([cardFollow.getAttribute('target'), cardFollow.getAttribute('item-id')]).toEqual(['card', 'demo-card-business-case']);
      // Following from the card's own control changes it, and the server knows.
      button(cardFollow)?.click();
      await until(() => button(cardFollow)?.getAttribute('aria-pressed') === 'true');
      expect(await clientAs(token()).subscriptions.get('card', 'demo-card-business-case')).toMatchObject({ following: true });
    });
  });
});
