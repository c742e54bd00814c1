import { describe, expect, it } from 'vitest';
import {
  effectiveLocale,
  formatList,
  loadMessages,
  registerFeature,
  relativeTime,
  resolveLocale,
  sameLanguage,
  translator,
} from './i18n.ts';
import { de } from './messages/de.ts';
import { deCardAccess } from './messages/de-card-access.ts';
import { deCardHistory } from './messages/de-card-history.ts';
import { deCards } from './messages/de-cards.ts';
import { deCommentCount } from './messages/de-comment-count.ts';
import { deFollow } from './messages/de-follow.ts';
import { deFrame } from './messages/de-frame.ts';
import { deIdea } from './messages/de-idea.ts';
import { deIdeaForm } from './messages/de-idea-form.ts';
import { deIdeas } from './messages/de-ideas.ts';
import { deIntake } from './messages/de-intake.ts';
import { deLoop } from './messages/de-loop.ts';
import { deModeration } from './messages/de-moderation.ts';
import { deNotify } from './messages/de-notify.ts';
import { dePerson } from './messages/de-person.ts';
import { deRoadmap } from './messages/de-roadmap.ts';
import { deSearch } from './messages/de-search.ts';
import { deThreadActions } from './messages/de-thread-actions.ts';
import { deThreads } from './messages/de-threads.ts';
import { deTriage } from './messages/de-triage.ts';
import { deVoteSend } from './messages/de-vote-send.ts';
import { deVoteStepper } from './messages/de-vote-stepper.ts';
import { en, type Message } from './messages/en.ts';
import { enCardAccess } from './messages/en-card-access.ts';
import { enCardHistory } from './messages/en-card-history.ts';
import { enCards } from './messages/en-cards.ts';
import { enCommentCount } from './messages/en-comment-count.ts';
import { enErrors } from './messages/en-errors.ts';
import { enFollow } from './messages/en-follow.ts';
import { enFrame } from './messages/en-frame.ts';
import { enIdea } from './messages/en-idea.ts';
import { enIdeaForm } from './messages/en-idea-form.ts';
import { enIdeas } from './messages/en-ideas.ts';
import { enIntake } from './messages/en-intake.ts';
import { enLoop } from './messages/en-loop.ts';
import { enModeration } from './messages/en-moderation.ts';
import { enNotify } from './messages/en-notify.ts';
import { enPerson } from './messages/en-person.ts';
import { enRoadmap } from './messages/en-roadmap.ts';
import { enSearch } from './messages/en-search.ts';
import { enThreadActions } from './messages/en-thread-actions.ts';
import { enThreads } from './messages/en-threads.ts';
import { enTriage } from './messages/en-triage.ts';
import { enVoteSend } from './messages/en-vote-send.ts';
import { enVoteStepper } from './messages/en-vote-stepper.ts';
import { ideasMessages } from './messages/ideas.ts';
import { triageMessages } from './messages/triage.ts';

// The texts of ideas and triage, as the elements that show them register them.
registerFeature(ideasMessages);
registerFeature(triageMessages);

const CATALOGS: [string, Record<string, Message>, Record<string, Message>][] = [
  ['en.ts', en, de],
  ['en-ideas.ts', enIdeas, deIdeas],
  ['en-threads.ts', enThreads, deThreads],
  ['en-comment-count.ts', enCommentCount, deCommentCount],
  ['en-thread-actions.ts', enThreadActions, deThreadActions],
  ['en-moderation.ts', enModeration, deModeration],
  ['en-cards.ts', enCards, deCards],
  ['en-card-access.ts', enCardAccess, deCardAccess],
  ['en-card-history.ts', enCardHistory, deCardHistory],
  ['en-frame.ts', enFrame, deFrame],
  ['en-idea.ts', enIdea, deIdea],
  ['en-idea-form.ts', enIdeaForm, deIdeaForm],
  ['en-intake.ts', enIntake, deIntake],
  ['en-search.ts', enSearch, deSearch],
  ['en-loop.ts', enLoop, deLoop],
  ['en-notify.ts', enNotify, deNotify],
  ['en-follow.ts', enFollow, deFollow],
  ['en-person.ts', enPerson, dePerson],
  ['en-triage.ts', enTriage, deTriage],
  ['en-vote-send.ts', enVoteSend, deVoteSend],
  ['en-roadmap.ts', enRoadmap, deRoadmap],
  ['en-vote-stepper.ts', enVoteStepper, deVoteStepper],
];

/** A message's forms: `text` for a plain string, else its plural categories. */
const formsOf = (message: Message): Record<string, string> => (typeof message === 'string' ? { text: message } : { ...message });
const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalog', () => {
  it('fills placeholders and picks plural forms', () => {
    const t = translator('en');
    expect(t('vote.count', { count: 1 })).toBe('1 vote');
    expect(t('vote.count', { count: 1234 })).toBe('1,234 votes');
    expect(t('form.submitted', { title: 'Faster close' })).toBe('Your idea “Faster close” was submitted.');
  });

  it('leaves an unknown placeholder visible rather than inventing text', () => {
    expect(translator('en')('board.byline', {})).toBe('By {name}');
  });

  it('has a non-empty English text for every key', () => {
    for (const [key, value] of Object.entries({
      ...en,
      ...enIdeas,
      ...enThreads,
      ...enCommentCount,
      ...enThreadActions,
      ...enModeration,
      ...enCards,
      ...enCardAccess,
      ...enCardHistory,
      ...enFrame,
      ...enIdea,
      ...enIdeaForm,
      ...enIntake,
      ...enSearch,
      ...enLoop,
      ...enNotify,
      ...enFollow,
      ...enPerson,
      ...enTriage,
      ...enVoteSend,
      ...enRoadmap,
      ...enVoteStepper,
    })) {
      const texts = typeof value === 'string' ? [value] : Object.values(value);
      for (const text of texts) expect(text.trim(), key).not.toBe('');
    }
  });

  it('keeps each key in one catalog only', () => {
    const keys = [
      en,
      enIdeas,
      enThreads,
      enCommentCount,
      enThreadActions,
      enModeration,
      enCards,
      enCardAccess,
      enCardHistory,
      enFrame,
      enIdea,
      enIdeaForm,
      enIntake,
      enSearch,
      enLoop,
      enNotify,
      enFollow,
      enPerson,
      enTriage,
      enVoteSend,
      enRoadmap,
      enVoteStepper,
      enErrors,
    ].flatMap((c) => Object.keys(c));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('has a German text for every English one, with the same plural forms and placeholders', () => {
    for (const [file, english, german] of CATALOGS) {
      expect(Object.keys(german).sort(), file).toEqual(Object.keys(english).sort());
      for (const [key, message] of Object.entries(english)) {
        const translated = german[key];
        if (translated === undefined) continue;
        const source = formsOf(message);
        const target = formsOf(translated);
        expect(Object.keys(target).sort(), key).toEqual(Object.keys(source).sort());
        for (const [form, text] of Object.entries(source)) {
          const germanText = target[form] ?? '';
          expect(germanText.trim(), `${key} (${form})`).not.toBe('');
          expect(placeholdersOf(germanText), `${key} (${form})`).toEqual(placeholdersOf(text));
          expect(germanText.includes('#'), `${key} (${form}): #`).toBe(text.includes('#'));
        }
      }
    }
  });

  it('speaks German to de-DE, de-AT and de-CH readers once the texts are loaded, with their numbers', async () => {
    // Before they arrive, the English text shows, with the reader's numbers.
    expect(translator('de-DE')('vote.count', { count: 1234 })).toBe('1.234 votes');
    await loadMessages('de-DE');
    expect(loadMessages('de-AT')).toBeNull();
    expect(translator('de-DE')('vote.count', { count: 1234 })).toBe('1.234 Stimmen');
    expect(translator('de-AT')('vote.count', { count: 1 })).toBe('1 Stimme');
    expect(translator('de-DE')('form.submitted', { title: 'Schneller abschließen' })).toBe(
      'Ihre Idee „Schneller abschließen“ wurde eingereicht.',
    );
    // Swiss German: its own digit grouping, and no ß in our texts (a title keeps its own).
    expect(translator('de-CH')('vote.count', { count: 1234 })).toBe(`${new Intl.NumberFormat('de-CH').format(1234)} Stimmen`);
    expect(translator('de-CH')('vote.count', { count: 1234 })).not.toBe('1.234 Stimmen');
    expect(translator('de-CH')('form.submitted', { title: 'Straße' })).toBe('Ihre Idee „Straße“ wurde eingereicht.');
    expect(translator('de-CH')('triage.bigBets')).toBe('Grosse Vorhaben');
  });

  it("uses the plural rules of the language a text is written in, not the reader's", () => {
    // French counts 0 as singular; the English text that stands in for French must not.
    expect(translator('fr-FR')('vote.count', { count: 0 })).toBe('0 votes');
    expect(translator('fr-FR')('vote.count', { count: 1234 })).toBe(`${new Intl.NumberFormat('fr-FR').format(1234)} votes`);
  });

  it('falls back from a regional tag to its language, then to English', () => {
    expect(resolveLocale('de-DE')).toBe('de');
    expect(resolveLocale('de-AT')).toBe('de');
    expect(resolveLocale('de-CH')).toBe('de');
    expect(resolveLocale('de_DE')).toBe('de');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('fr-CA')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(resolveLocale('not a locale!')).toBe('en');
  });

  it('formats in the reader’s locale where Bridgekit speaks its language, else all in English', () => {
    expect(effectiveLocale('de-AT')).toBe('de-AT');
    expect(effectiveLocale('de_ch')).toBe('de-CH');
    expect(effectiveLocale('en-GB')).toBe('en-GB');
    expect(effectiveLocale('fr-FR')).toBe('en');
    expect(effectiveLocale('???')).toBe('en');
    expect(sameLanguage('de-CH', 'de')).toBe(true);
    expect(sameLanguage('en', 'de')).toBe(false);
  });

  it('keeps English when a translation cannot be loaded, and does not ask again', async () => {
    let calls = 0;
    registerFeature({
      feature: 'offline-test',
      en: {},
      translations: {
        de: () => {
          calls += 1;
          return Promise.reject(new Error('offline'));
        },
      },
    });
    await loadMessages('de');
    expect(loadMessages('de')).toBeNull();
    expect(calls).toBe(1);
    expect(translator('de')('vote.count', { count: 2 })).toBe('2 Stimmen');
  });

  it('says how long ago, in words', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(relativeTime('en', '2026-11-27T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('en', '2026-11-25T12:00:00Z', now)).toBe('3 days ago');
    expect(relativeTime('en', '2026-11-28T11:59:50Z', now)).toBe('now');
    expect(relativeTime('de-DE', '2026-11-27T12:00:00Z', now)).toBe('gestern');
    expect(relativeTime('de-DE', '2026-11-25T12:00:00Z', now)).toBe('vor 3 Tagen');
  });

  it('joins lists in the words of the locale', () => {
    expect(formatList('en', ['Mei', 'Jonas', 'Priya'])).toBe('Mei, Jonas, and Priya');
    expect(formatList('de-DE', ['Mei', 'Jonas', 'Priya'])).toBe('Mei, Jonas und Priya');
  });
});
