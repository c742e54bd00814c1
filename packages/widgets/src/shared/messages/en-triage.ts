/**
 * English texts of triage's flow (`bk-idea-triage`): moving through the queue, the confirmation
 * after a decision, and how scores become value and effort; part of the `en` catalog. The
 * triage texts every page shares stay in `en.ts`.
 */
export const enTriage = {
  'triage.next': 'Next idea',
  'triage.advanced': 'Showing the next idea: “{title}”.',
  'triage.queueDone': 'That was the last idea awaiting review.',
  'triage.preview': 'With these scores',
  'triage.previewValue': 'Value {value}',
  'triage.previewEffort': 'Effort {effort}',
  'triage.previewEffortSize': 'Effort {effort} ({size})',
  'triage.previewRisk': 'Risk {risk}',
  'triage.previewMissing': '–',
  'triage.formulaValue': 'Value is {terms}.',
  'triage.formulaEffort': 'Effort is {terms}.',
  'triage.formulaRisk': 'Risk ({terms}) is shown apart and changes neither value nor effort.',
  'triage.formulaAverage': 'With several evaluators, each criterion counts at its average.',
  'triage.formulaSize': '{label} in points ({sizes})',
} as const;
