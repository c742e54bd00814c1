/** Refuses a comment that contains a word or phrase from the community's banned list. */
import type { Phase } from '../types.ts';
import { findListedWord } from '../words.ts';

/**
 * Rejects when `settings.bannedWords` has a match in the comment's text, naming the word so
 * the author knows what to remove.
 *
 * @example
 * bannedWords(input); // { action: 'reject', phase: 'banned-words', reason: 'Your comment contains "xyz", …' }
 */
export const bannedWords: Phase = ({ text, settings }) => {
  const word = findListedWord(text, settings.bannedWords);
  if (word === null) return null;
  return {
    action: 'reject',
    phase: 'banned-words',
    reason: `Your comment contains "${word}", which this community does not allow. Remove it and post again.`,
  };
};
