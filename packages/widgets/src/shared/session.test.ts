import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import {
  cleanup,
  clientAs,
  expectNoAxeViolations,
  expiredToken,
  mount,
  newPerson,
  shadow,
  signIn,
  tokenFor,
  until,
} from '../../test/support.ts';
import '../components/idea-board/idea-board.ts';
import type { BkIdeaBoard } from '../components/idea-board/idea-board.component.ts';
import { BkSessionExpiredEvent } from '../events/session-expired.ts';
import { configure, sessionExpired } from './config.ts';

const notice = (el: Element) => shadow(el).querySelector('[part="session-notice"]');
const titles = (el: Element) => [...shadow(el).querySelectorAll('.idea-title')].map((h) => h.textContent?.trim());

describe('when the sign-in expires while the page stays open', () => {
  afterEach(cleanup);

  it('shows a "sign-in expired" state instead of errors, and keeps showing what anyone may read', async () => {
    const expired: BkSessionExpiredEvent[] = [];
    window.addEventListener(BkSessionExpiredEvent.type, (e) => expired.push(e), { once: true });
    signIn(await expiredToken(newPerson()));
    const el = await mount<BkIdeaBoard>('<bk-idea-board board="general"></bk-idea-board>');
    const shown = await until(() => notice(el));
    expect(shown.getAttribute('role')).toBe('status');
    expect(shown.textContent).toContain('Your sign-in has expired. Reload the page to sign in again.');
    await expect.element(page.getByRole('button', { name: 'Reload page' })).toBeVisible();
    // The demo tenant allows anonymous reading: the ideas are still there, read-only.
    const anonymous = await clientAs(null).ideas.list({ board: 'general' });
    await until(() => titles(el).length === anonymous.items.length);
    expect(shadow(el).querySelector('[role="alert"]')).toBeNull();
    expect(shadow(el).querySelector('.open-form')).toBeNull();
    expect(expired).toHaveLength(1);
    await expectNoAxeViolations(el);
  });

  it('asks a host callback once more first, and signs back in with what it gives', async () => {
    const person = newPerson();
    const stale = await expiredToken(person);
    const fresh = await tokenFor(person);
    const asked: boolean[] = [];
    signIn(null, {
      token: ({ expired }: { expired: boolean }) => {
        asked.push(expired);
        return expired ? fresh : stale;
      },
    });
    const el = await mount<BkIdeaBoard>('<bk-idea-board board="general"></bk-idea-board>');
    await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
    expect(asked).toContain(true);
    expect(titles(el).length).toBeGreaterThan(0);
    expect(shadow(el).querySelector('.open-form')).not.toBeNull();
    expect(notice(el)).toBeNull();
    expect(sessionExpired()).toBe(false);
  });

  it('turns a vote into a sign-in notice, not a failure, and recovers after configure()', async () => {
    const person = newPerson();
    const fresh = await tokenFor(person);
    const stale = await expiredToken(person);
    let hoursLater = false;
    // A host callback that keeps handing out a token that has since expired (a tab woken after hours).
    signIn(null, { token: () => (hoursLater ? stale : fresh) });
    const el = await mount<BkIdeaBoard>('<bk-idea-board board="general"></bk-idea-board>');
    await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
    const vote = await until(() => shadow(shadow(el).querySelector('bk-idea-vote') as Element).querySelector<HTMLButtonElement>('button'));
    const before = vote.getAttribute('aria-pressed');
    hoursLater = true;
    // A DOM click on the button found: what the board loads after its first paint (the deep-link
    // settings) may meet the stale token first and make it read-only; either way the person sees
    // the sign-in notice, not a failure.
    vote.click();
    await until(() => notice(el));
    expect(shadow(el).querySelector('[role="alert"]')).toBeNull();
    // The board reloads, read-only, without the refused token.
    const after = await until(
      () =>
        shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false' &&
        shadow(el).querySelector('bk-idea-vote')?.shadowRoot?.querySelector('button'),
    );
    expect(after.getAttribute('aria-disabled')).toBe('true');
    expect(after.getAttribute('aria-pressed')).toBe(before);

    configure({ token: fresh });
    await until(() => !notice(el) && shadow(el).querySelector('.open-form'));
  });
});
