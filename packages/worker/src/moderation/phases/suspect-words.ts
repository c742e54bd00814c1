/** Holds an item that contains a word or phrase from the suspect list for a moderator. */
import type { Phase } from '../types.ts';
import { findListedWord } from '../words.ts';

/**
 * Holds when `settings.suspectWords` has a match in any part of the item's text; the reason
 * names it (and, for ideas and cards, where it is).
 *
 * @example
 * suspectWords(input); // { action: 'hold', phase: 'suspect-words', reason: 'Contains the suspect word "crypto"' }
 */
export const suspectWords: Phase = ({ parts, settings }) => {
  if (settings.suspectWords.length === 0) return null;
  for (const part of parts) {
    const word = findListedWord(part.text, settings.suspectWords);
    if (word === null) continue;
    const where = part.label ? ` (in ${part.label})` : '';
    return { action: 'hold', phase: 'suspect-words', reason: `${SUSPECT_REASON_PREFIX} "${word}"${where}` };
  }
  return null;
};

const SUSPECT_REASON_PREFIX = 'Contains the suspect word';

/**
 * The reason as the item's author sees it: the suspect list stays with moderators, so
 * nobody can find out by trial which words pass.
 *
 * @example
 * reasonForAuthor('Contains the suspect word "crypto"'); // 'Contains a word moderators review before it is published'
 */
export function reasonForAuthor(reason: string): string {
  return reason.startsWith(SUSPECT_REASON_PREFIX) ? 'Contains a word moderators review before it is published' : reason;
}
