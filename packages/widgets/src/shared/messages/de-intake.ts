/**
 * German texts of the "Sorting" part of triage's intake decision; loaded on demand.
 * Terms: Nachfrageklasse, Sponsor, Ziel, Geschäftsbereich.
 */
import type { Translation } from './en.ts';
import type { enIntake } from './en-intake.ts';

export const deIntake: Translation<typeof enIntake> = {
  'intake.sorting': 'Einordnung',
  'intake.sortingHint': 'Aus der Idee übernommen: Was Sie ändern, wird mit der Entscheidung festgehalten.',
  'intake.demandClass': 'Nachfrageklasse',
  'intake.noDemandClass': 'Keine',
  'intake.sponsor': 'Kürzel der Sponsorin oder des Sponsors (leer: niemand)',
  'intake.objectives': 'Ziele, denen sie dient (höchstens {max})',
  'intake.objectivesLoading': 'Die Ziele des Geschäftsbereichs werden geladen …',
  'intake.noObjectives': '{unit} hat keine Ziele zur Auswahl.',
  'intake.noUnit': 'Die Idee nennt keinen Geschäftsbereich, daher gibt es keine Ziele zur Auswahl.',
  'intake.tooManyObjectives': 'Wählen Sie höchstens {max} Ziele.',
};
