import { describe, expect, it } from 'vitest';
import { suspectWords } from '../../src/moderation/phases/suspect-words.ts';
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

  it('does not consult the banned list', () => {
    expect(suspectWords(input({ text: 'spam', settings: { bannedWords: ['spam'] } }))).toBeNull();
  });
});
