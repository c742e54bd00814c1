import { describe, expect, it } from 'vitest';
import { suspectWords } from '../../src/moderation/phases/suspect-words.ts';
import { shownReason, storedReason } from '../../src/moderation/reasons.ts';
import { input, said } from './input.ts';

describe('suspect-words phase', () => {
  it('lets a comment without listed words through', () => {
    expect(said(suspectWords(input({ text: 'Cryptography is hard.', settings: { suspectWords: ['crypto'] } })))).toBeNull();
  });

  it('holds and names the word for the moderator', () => {
    expect(said(suspectWords(input({ text: 'Best CRYPTO tips inside', settings: { suspectWords: ['casino', 'crypto'] } })))).toEqual({
      action: 'hold',
      phase: 'suspect-words',
      reason: 'Contains the suspect word "crypto"',
    });
  });

  it('sees through disguises', () => {
    expect(said(suspectWords(input({ text: 'ｃａｓｉｎｏ night', settings: { suspectWords: ['casino'] } })))?.reason).toBe(
      'Contains the suspect word "casino"',
    );
    expect(said(suspectWords(input({ text: 'c-a-s-i-n-o night', settings: { suspectWords: ['casino'] } })))?.reason).toBe(
      'Contains the suspect word "casino"',
    );
  });

  it('looks through every part of an idea or a card, and says where for the moderator', () => {
    const parts = [
      { path: 'body.title', label: 'the title', text: 'Vendor payments' },
      { path: 'body.description', label: 'the description', text: 'Pay them in crypto' },
    ];
    expect(said(suspectWords(input({ item: 'idea', parts, settings: { suspectWords: ['crypto'] } })))?.reason).toBe(
      'Contains the suspect word "crypto" (in the description)',
    );
    const verdict = suspectWords(input({ item: 'idea', parts, settings: { suspectWords: ['crypto'] } }));
    if (!verdict) throw new Error('not held');
    expect(verdict).toMatchObject({ reason: 'held.suspect_word_in', params: { word: 'crypto', field: 'the description' } });
    // Its author learns that a word holds it, not which; a moderator reads the word.
    expect(shownReason(storedReason(verdict), false)).toEqual({
      text: 'Contains a word moderators review before it is published',
      code: 'held.suspect_word_hidden',
      params: {},
    });
    expect(shownReason(storedReason(verdict), true)?.code).toBe('held.suspect_word_in');
    // A reason stored before there were reason codes, too.
    expect(shownReason('Contains the suspect word "crypto"', false)?.code).toBe('held.suspect_word_hidden');
  });

  it('does not consult the banned list', () => {
    expect(said(suspectWords(input({ text: 'spam', settings: { bannedWords: ['spam'] } })))).toBeNull();
  });
});
