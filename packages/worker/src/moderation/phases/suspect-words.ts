/** Holds an item that contains a word or phrase from the suspect list for a moderator. */
import type { Reason } from '@bridgekit/sdk';
import type { Phase, Verdict } from '../types.ts';
import { findListedWord } from '../words.ts';

/**
 * Holds when `settings.suspectWords` has a match in any part of the item's text; the reason
 * names it (and, for ideas and cards, where it is).
 *
 * @example
 * suspectWords(input); // { action: 'hold', phase: 'suspect-words', reason: 'held.suspect_word', params: { word: 'crypto' } }
 */
export const suspectWords: Phase = ({ parts, settings }): Verdict | null => {
  if (settings.suspectWords.length === 0) return null;
  for (const part of parts) {
    const word = findListedWord(part.text, settings.suspectWords);
    if (word === null) continue;
    return part.label
      ? { action: 'hold', phase: 'suspect-words', reason: 'held.suspect_word_in', params: { word, field: part.label } }
      : { action: 'hold', phase: 'suspect-words', reason: 'held.suspect_word', params: { word } };
  }
  return null;
};

/** Reasons stored before there were reason codes said this; their authors must not see the word either. */
const LEGACY_SUSPECT_PREFIX = 'Contains the suspect word';

/**
 * Whether a hold's reason (a reason code, or a stored text from before there were any) names
 * a suspect word, which its author must not learn: the suspect list stays with moderators, so
 * nobody can find out by trial which words pass.
 *
 * @example
 * namesSuspectWord('held.suspect_word', ''); // true
 */
export function namesSuspectWord(code: Reason | null, text: string): boolean {
  return code === 'held.suspect_word' || code === 'held.suspect_word_in' || (code === null && text.startsWith(LEGACY_SUSPECT_PREFIX));
}
