import { describe, expect, it } from 'vitest';
import { reasonForAuthor, suspectWords } from '../../src/moderation/phases/suspect-words.ts';
import { input } from './input.ts';

describe('suspect-words phase', () => {
  it('lets a comment without listed words through', () => {
    expect(suspectWords(input({ text: 'Cryptography is hard.', settings: { suspectWords: ['crypto'] } }))).toBeNull();
  });

  it('holds and names the word for the moderator', () => {
    expect(suspectWords(input({ text: 'Best CRYPTO tips inside', settings: { suspectWords: ['casino', 'crypto'] } }))).toEqual({
      action: 'hold',
      phase: 'suspect-words',
      reason: 'Contains the suspect word "crypto"',
    });
  });

  it('sees through disguises', () => {
    expect(suspectWords(input({ text: 'ｃａｓｉｎｏ night', settings: { suspectWords: ['casino'] } }))?.reason).toBe(
      'Contains the suspect word "casino"',
    );
    expect(suspectWords(input({ text: 'c-a-s-i-n-o night', settings: { suspectWords: ['casino'] } }))?.reason).toBe(
      'Contains the suspect word "casino"',
    );
  });

  it('looks through every part of an idea or a card, and says where for the moderator', () => {
    const parts = [
      { path: 'body.title', label: 'the title', text: 'Vendor payments' },
      { path: 'body.description', label: 'the description', text: 'Pay them in crypto' },
    ];
    expect(suspectWords(input({ item: 'idea', parts, settings: { suspectWords: ['crypto'] } }))?.reason).toBe(
      'Contains the suspect word "crypto" (in the description)',
    );
    expect(reasonForAuthor('Contains the suspect word "crypto" (in the description)')).toBe(
      'Contains a word moderators review before it is published',
    );
  });

  it('does not consult the banned list', () => {
    expect(suspectWords(input({ text: 'spam', settings: { bannedWords: ['spam'] } }))).toBeNull();
  });
});
