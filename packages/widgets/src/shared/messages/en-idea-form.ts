/** English texts of the idea form's intake sorting (demand class, objectives, sponsor); registered with its part. */
export const enIdeaForm = {
  'form.demandClass': 'Kind of demand',
  'form.demandClassHint': 'Run keeps the business going, grow extends it, transform changes how it works.',
  'form.demandClassOwnHint': 'How the demand board sorts its investments.',
  'form.objectives': 'Which of {unit}’s objectives does it serve?',
  'form.objectivesHint': { one: 'Tick up to # objective.', other: 'Tick up to # objectives.' },
  'form.objectivesFull': {
    one: 'An idea serves at most # objective: untick it to choose another.',
    other: 'An idea serves at most # objectives: untick one to choose another.',
  },
  'form.sponsor': 'Business sponsor',
  'form.sponsorHint': 'The business leader who champions it, by name or handle. They will not score it.',
} as const;
