/**
 * German texts of ideas; loaded on demand. Sie-form; terms: Idee, Board, Stimme, unterstützen,
 * Geschäftsbereich, Bewertung, Status.
 */
import type { Translation } from './en.ts';
import type { enIdeas } from './en-ideas.ts';

export const deIdeas: Translation<typeof enIdeas> = {
  'board.heading': 'Ideen',
  'board.sortLabel': 'Sortieren nach',
  'board.sortTop': 'Meiste Unterstützung',
  'board.sortNew': 'Neueste',
  'board.loading': 'Ideen werden geladen …',
  'board.empty': 'Noch keine Ideen. Teilen Sie die erste.',
  'board.emptyReadOnly': 'Noch keine Ideen.',
  'board.loadMore': 'Weitere Ideen anzeigen',
  'board.loadingMore': 'Weitere Ideen werden geladen …',
  'board.signInToParticipate': 'Melden Sie sich an, um Ideen zu teilen und zu unterstützen.',
  'board.byline': 'Von {name}',
  'board.bylineWithUnit': 'Von {name}, {unit}',
  'board.listLabel': 'Ideen in {board}',
  'board.support': { one: 'unterstützt von # Person', other: 'unterstützt von # Personen aus {units}' },
  'board.units': { one: '# Geschäftsbereich', other: '# Geschäftsbereichen' },
  'board.supportUnits': { one: 'unterstützt aus # Geschäftsbereich', other: 'unterstützt aus # Geschäftsbereichen' },
  'board.budgetLeft': 'Noch {remaining} von {total} Stimmen übrig',
  'board.sortTrending': 'Im Trend',
  'board.sortValue': 'Höchster Wert',
  'board.sortValuePerEffort': 'Wert pro Aufwand',
  'board.closedBoard': 'Dieses Board ist geschlossen: Ideen können gelesen, aber nicht eingereicht oder unterstützt werden.',
  'board.reasonLink': 'Zur Praxiskarte',
  'board.score': 'Bewerteter Wert {value} · Aufwand {effort}',
  'board.changeRequest': 'Änderungsantrag',

  'form.open': 'Idee teilen',
  'form.submitted': 'Ihre Idee „{title}“ wurde eingereicht.',
  'form.submittedHeld': 'Ihre Idee „{title}“ wurde gesendet. Die Moderation prüft sie, bevor andere sie sehen.',
  'board.held': 'Nur Sie sehen diese Idee, bis die Moderation sie freigibt: {reason}',
  'board.rejected': 'Die Moderation hat diese Idee nicht veröffentlicht; nur Sie sehen sie. Grund: {reason}',
  'vote.name': '„{title}“ unterstützen',
  'vote.count': { one: '# Stimme', other: '# Stimmen' },
  'vote.unit': { one: 'Stimme', other: 'Stimmen' },
  'vote.back': 'Idee unterstützen',
  'vote.backed': 'Unterstützt ✓',
  'vote.failed': 'Ihre Stimme konnte nicht gespeichert werden. {reason}',
  'vote.signIn': 'Melden Sie sich an, um abzustimmen.',
  'vote.loading': 'Idee wird geladen …',
  'vote.closed': 'Die Abstimmung über diese Idee ist beendet.',
  'vote.missing': 'Diese Idee ist nicht mehr verfügbar.',
};
