/** German texts of a budget board's stepper; loaded on demand. */
import type { Translation } from './en.ts';
import type { enVoteStepper } from './en-vote-stepper.ts';

export const deVoteStepper: Translation<typeof enVoteStepper> = {
  'vote.yours': 'Ihre Stimmen für „{title}“',
  'vote.more': 'Eine weitere Ihrer Stimmen an „{title}“ vergeben',
  'vote.less': 'Eine Ihrer Stimmen von „{title}“ zurücknehmen',
  'vote.mine': { one: 'Ihre: #', other: 'Ihre: #' },
  'vote.cap': 'Höchstens {count} pro Idee',
  'vote.noneLeft': 'Keine Stimmen mehr übrig',
};
