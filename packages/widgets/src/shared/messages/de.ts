/**
 * German texts of what every element shares; loaded on demand (see i18n.ts). Ideas' texts are
 * in de-ideas.ts. Sie-form; terms: Idee, Board, Stimme, unterstützen, Geschäftsbereich, Bewertung, Status.
 */
import type { en, Translation } from './en.ts';

export const de: Translation<typeof en> = {
  'board.supporters': { one: 'unterstützt von # Person', other: 'unterstützt von # Personen' },
  'form.choose': 'Bitte wählen …',
  'error.network': 'Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.notFoundBoard': 'Dieses Board gibt es nicht.',
  'error.notConfigured': 'Dieser Teil der Seite ist noch nicht eingerichtet.',
  'error.signIn': 'Melden Sie sich an, um mitzumachen.',
  'error.sessionExpired': 'Ihre Anmeldung ist abgelaufen. Laden Sie die Seite neu, um sich wieder anzumelden.',
  'session.reload': 'Seite neu laden',
  // Undeclined, so it fits "von {name}", "an {name}" and "{name} hat …" alike.
  'person.removed': 'Anonym',
  'error.generic': 'Etwas ist schiefgegangen. Versuchen Sie es gleich noch einmal.',
  'error.retry': 'Erneut versuchen',
  'error.loadFailed': 'Die Ideen konnten nicht geladen werden.',
};
