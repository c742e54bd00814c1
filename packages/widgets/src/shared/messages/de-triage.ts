/**
 * German texts of triage's flow; loaded on demand.
 * Terms: Idee, Bewertung, Wert, Aufwand, Risiko, Kriterium.
 */
import type { Translation } from './en.ts';
import type { enTriage } from './en-triage.ts';

export const deTriage: Translation<typeof enTriage> = {
  'triage.next': 'Nächste Idee',
  'triage.advanced': 'Als Nächstes: „{title}“.',
  'triage.queueDone': 'Das war die letzte Idee, die auf Prüfung wartet.',
  'triage.preview': 'Mit diesen Bewertungen',
  'triage.previewValue': 'Wert {value}',
  'triage.previewEffort': 'Aufwand {effort}',
  'triage.previewEffortSize': 'Aufwand {effort} ({size})',
  'triage.previewRisk': 'Risiko {risk}',
  'triage.previewMissing': '–',
  'triage.formulaValue': 'Der Wert ist {terms}.',
  'triage.formulaEffort': 'Der Aufwand ist {terms}.',
  'triage.formulaRisk': 'Das Risiko ({terms}) wird getrennt gezeigt und ändert weder Wert noch Aufwand.',
  'triage.formulaAverage': 'Bei mehreren Bewertenden zählt jedes Kriterium mit seinem Durchschnitt.',
  'triage.formulaSize': '{label} in Punkten ({sizes})',
};
