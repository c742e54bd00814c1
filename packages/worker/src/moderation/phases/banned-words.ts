/** Refuses an item that contains a word or phrase from the community's banned list. */
import type { ModeratedKind } from '@bridgekit/sdk';
import type { Phase, Verdict } from '../types.ts';
import { findListedWord } from '../words.ts';

/** The reasons, without and with the field the word is in (a comment has only one text). */
const REASONS = {
  comment: ['comment_rejected.banned_word', 'comment_rejected.banned_word'],
  idea: ['idea_rejected.banned_word', 'idea_rejected.banned_word_in'],
  card: ['card_rejected.banned_word', 'card_rejected.banned_word_in'],
} as const satisfies Record<ModeratedKind, readonly [Verdict['reason'], Verdict['reason']]>;

/**
 * Rejects when `settings.bannedWords` has a match in any part of the item's text, naming the
 * word — and, for ideas and cards, the field — so the author knows what to remove.
 *
 * @example
 * bannedWords(input); // { action: 'reject', phase: 'banned-words', reason: 'comment_rejected.banned_word', params: { word: 'xyz' } }
 * bannedWords(cardInput); // { …, reason: 'card_rejected.banned_word_in', params: { word: 'xyz', field: 'Risks' }, path: 'body.fields.risks' }
 */
export const bannedWords: Phase = ({ item, parts, settings }): Verdict | null => {
  if (settings.bannedWords.length === 0) return null;
  for (const part of parts) {
    const word = findListedWord(part.text, settings.bannedWords);
    if (word === null) continue;
    const [plain, inField] = REASONS[item];
    return {
      action: 'reject',
      phase: 'banned-words',
      ...(part.label ? { reason: inField, params: { word, field: part.label } } : { reason: plain, params: { word } }),
      ...(part.path ? { path: part.path } : {}),
    };
  }
  return null;
};
