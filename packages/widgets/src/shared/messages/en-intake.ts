/**
 * English texts of the "Sorting" part of triage's intake decision (demand class, sponsor,
 * objectives: `idea-triage/intake-sorting.ts`), loaded with that part, so no page pays for them
 * up front.
 */
export const enIntake = {
  'intake.sorting': 'Sorting',
  'intake.sortingHint': 'Filled in from the idea: what you change is recorded with the decision.',
  'intake.demandClass': 'Demand class',
  'intake.noDemandClass': 'None',
  'intake.sponsor': 'Sponsor’s handle (empty: none)',
  'intake.objectives': 'Objectives it serves (at most {max})',
  'intake.objectivesLoading': 'Loading the unit’s objectives…',
  'intake.noObjectives': '{unit} has no objectives to choose from.',
  'intake.noUnit': 'The idea names no business unit, so there are no objectives to choose from.',
  'intake.tooManyObjectives': 'Choose at most {max} objectives.',
} as const;
