/**
 * English texts of a budget board's stepper in `bk-idea-vote` (your votes on an idea, − and +,
 * why + does nothing): they load with the stepper, by `import()`.
 */
export const enVoteStepper = {
  'vote.yours': 'Your votes on “{title}”',
  'vote.more': 'Add one of your votes to “{title}”',
  'vote.less': 'Take back one of your votes from “{title}”',
  'vote.mine': { one: 'Yours: #', other: 'Yours: #' },
  'vote.cap': 'At most {count} on one idea',
  'vote.noneLeft': 'None of your votes left',
} as const;
