/** Holds a comment that contains a word or phrase from the suspect list for a moderator. */
import type { Phase } from '../types.ts';
import { findListedWord } from '../words.ts';

/**
 * Holds when `settings.suspectWords` has a match in the comment's text; the reason names it.
 *
 * @example
 * suspectWords(input); // { action: 'hold', phase: 'suspect-words', reason: 'Contains the suspect word "crypto"' }
 */
export const suspectWords: Phase = ({ text, settings }) => {
  const word = findListedWord(text, settings.suspectWords);
  if (word === null) return null;
  return { action: 'hold', phase: 'suspect-words', reason: `${SUSPECT_REASON_PREFIX} "${word}"` };
};

const SUSPECT_REASON_PREFIX = 'Contains the suspect word';

/**
 * The reason as the comment's author sees it: the suspect list stays with moderators, so
 * nobody can find out by trial which words pass.
 *
 * @example
 * reasonForAuthor('Contains the suspect word "crypto"'); // 'Contains a word moderators review before it is published'
 */
export function reasonForAuthor(reason: string): string {
  return reason.startsWith(SUSPECT_REASON_PREFIX) ? 'Contains a word moderators review before it is published' : reason;
}
