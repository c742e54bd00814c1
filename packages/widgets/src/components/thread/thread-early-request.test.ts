import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { registerFeature } from '../../shared/i18n.ts';
import './thread.ts';

describe('<bk-thread> for a reader whose texts are still on their way', () => {
  afterEach(cleanup);

  it('asks for its first page without waiting for them, and shows it once they are here', async () => {
    let arrive: (catalog: Record<string, string>) => void = () => {};
    const texts = new Promise<Record<string, string>>((resolve) => {
      arrive = resolve;
    });
    // Texts in a language of their own, which arrive when the test says so: until then, nothing renders.
    registerFeature({ feature: 'thread-early-request', en: {}, translations: { nl: () => texts } });
    signIn(await tokenFor(newPerson('Finance')), { locale: 'nl' });
    const key = `widget-early-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const el = await mount(`<bk-thread key="${key}" live="off"></bk-thread>`);

    const answered = () =>
      performance.getEntriesByType('resource').some((r) => r.name.includes('/threads/comments?') && r.name.includes(key));
    await until(answered);
    expect(shadow(el).querySelector('section')).toBeNull();

    arrive({});
    await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
    const comments = performance.getEntriesByType('resource').filter((r) => r.name.includes('/threads/comments?') && r.name.includes(key));
    expect(comments).toHaveLength(1);
  });
});
