/** Refuses an item that contains a word or phrase from the community's banned list. */
import { NOUNS, type Phase } from '../types.ts';
import { findListedWord } from '../words.ts';

/**
 * Rejects when `settings.bannedWords` has a match in any part of the item's text, naming the
 * word — and, for ideas and cards, the field — so the author knows what to remove.
 *
 * @example
 * bannedWords(input); // { action: 'reject', phase: 'banned-words', reason: 'Your comment contains "xyz", …' }
 * bannedWords(cardInput); // { …, reason: 'Your card contains "xyz" (in Risks), …', path: 'body.fields.risks' }
 */
export const bannedWords: Phase = ({ item, parts, settings }) => {
  if (settings.bannedWords.length === 0) return null;
  for (const part of parts) {
    const word = findListedWord(part.text, settings.bannedWords);
    if (word === null) continue;
    const noun = NOUNS[item];
    const where = part.label ? ` (in ${part.label})` : '';
    return {
      action: 'reject',
      phase: 'banned-words',
      reason: `Your ${noun.one} contains "${word}"${where}, which this community does not allow. Remove it and ${noun.verb} again.`,
      ...(part.path ? { path: part.path } : {}),
    };
  }
  return null;
};
