/** An erased person's name, in the reader's language: a person erased through the real API, read by the widgets in German. */
import { REMOVED_PERSON_NAME } from '@bridgekit/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, clientAs, mount, newPerson, shadow, signIn, tokenFor, until } from '../../test/support.ts';
import '../components/idea/idea.ts';
import '../components/thread/thread.ts';
import { translator } from './i18n.ts';
import { shownName } from './person-name.ts';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('an erased person’s name', () => {
  afterEach(cleanup);

  it('is a code: shown in the reader’s words, any other name as it is', () => {
    const t = translator('en');
    expect(shownName(t, REMOVED_PERSON_NAME)).toBe('removed person');
    expect(shownName(t, 'Mei Chen')).toBe('Mei Chen');
  });

  it('reads in German in an idea’s byline and a comment’s', async () => {
    const person = newPerson('Field Service');
    const api = clientAs(await tokenFor(person));
    const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    const idea = await api.ideas.create({ board: 'general', title: `An idea whose author is erased ${tag}` });
    const key = `idea:${idea.id}`;
    const comment = await api.threads.post({ key, body: 'Written before erasing myself.' });
    const erased = await api.privacy.erase({ confirm: true });
    expect(erased).toMatchObject({ erasedNow: true, kept: { ideas: 1, comments: 1 } });

    signIn(await tokenFor(newPerson()), { locale: 'de' });
    const ideaEl = await mount(`<bk-idea idea="${idea.id}"></bk-idea>`);
    const meta = await until(() => ideaEl.shadowRoot?.querySelector('[part="meta"]'));
    expect(text(meta)).toMatch(/^Eingereicht von Anonym am /);

    const threadEl = await mount(`<bk-thread key="${key}" live="off"></bk-thread>`);
    const article = await until(() => shadow(threadEl).querySelector(`article[data-comment="${comment.id}"]`));
    expect(text(article.querySelector('h3.author'))).toBe('Anonym');
    expect(article.querySelector('[part="actions"]')?.getAttribute('aria-label')).toBe('Aktionen zum Kommentar von Anonym');

    for (const el of [ideaEl, threadEl]) expect(shadow(el).innerHTML).not.toContain(REMOVED_PERSON_NAME);
  });
});
