import { describe, expect, it } from 'vitest';
import { relativeTime, resolveLocale, translator } from './i18n.ts';
import { en } from './messages/en.ts';
import { enCards } from './messages/en-cards.ts';
import { enModeration } from './messages/en-moderation.ts';
import { enThreads } from './messages/en-threads.ts';

describe('message catalog', () => {
  it('fills placeholders and picks plural forms', () => {
    const t = translator('en');
    expect(t('vote.count', { count: 1 })).toBe('1 vote');
    expect(t('vote.count', { count: 1234 })).toBe('1,234 votes');
    expect(t('form.submitted', { title: 'Faster close' })).toBe('Your idea “Faster close” was submitted.');
  });

  it("formats numbers for the reader's locale even before its texts are translated", () => {
    expect(translator('de-DE')('vote.count', { count: 1234 })).toBe('1.234 votes');
  });

  it('falls back from a regional tag to its language, then to English', () => {
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('fr-CA')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });

  it('leaves an unknown placeholder visible rather than inventing text', () => {
    expect(translator('en')('board.byline', {})).toBe('By {name}');
  });

  it('has a non-empty English text for every key', () => {
    for (const [key, value] of Object.entries({ ...en, ...enThreads, ...enModeration, ...enCards })) {
      const texts = typeof value === 'string' ? [value] : Object.values(value);
      for (const text of texts) expect(text.trim(), key).not.toBe('');
    }
  });

  it('keeps each key in one catalog only', () => {
    const keys = [en, enThreads, enModeration, enCards].flatMap((c) => Object.keys(c));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('says how long ago, in words', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(relativeTime('en', '2026-11-27T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('en', '2026-11-25T12:00:00Z', now)).toBe('3 days ago');
    expect(relativeTime('en', '2026-11-28T11:59:50Z', now)).toBe('now');
  });
});
