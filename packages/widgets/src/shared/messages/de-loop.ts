/**
 * German texts of the community loop (where a practice card came from and what it led to,
 * links, proposing an idea from a card, making a war story a practice); loaded on demand.
 * Terms: Erfahrungsbericht, Praxiskarte, Vorlage, Anfrage, Idee, Board.
 */
import type { Translation } from './en.ts';
import type { enLoop } from './en-loop.ts';

export const deLoop: Translation<typeof enLoop> = {
  'card.fromStory': 'Aus dem Erfahrungsbericht:',
  'card.caseFor': 'Business Case für die Idee:',
  'card.answered': { one: 'Hat # Anfrage beantwortet', other: 'Hat # Anfragen beantwortet' },
  'card.deflected': { one: '# anderweitig gelöst', other: '# anderweitig gelöst' },
  'card.avoidedDays': { one: 'etwa # Personentag eingespart', other: 'etwa # Personentage eingespart' },
  'card.confirmedNeed': {
    one: '# anfragende Person bestätigt, dass der Bedarf gedeckt ist',
    other: '# anfragende Personen bestätigen, dass der Bedarf gedeckt ist',
  },
  'card.sparked': { one: 'Hat # Idee angestoßen', other: 'Hat # Ideen angestoßen' },
  'card.linkCopied': 'Link kopiert.',
  'card.linkNotCopied': 'Der Link konnte nicht kopiert werden: {url}',
  'card.board': 'Board',
  'card.boardsLoading': 'Die Boards werden geladen …',
  'card.noBoard': 'Es gibt kein Board, auf dem sich eine Idee vorschlagen lässt.',
  'card.openIdea': 'Idee öffnen',

  'promote.linked': 'Der verlinkte Kommentar',
  'promote.became': 'Wurde zur Praxis:',
  'promote.heading': 'Zur Praxis machen',
  'promote.intro':
    'Aus diesem Erfahrungsbericht entsteht eine Praxiskarte: Der Text wird übernommen, und Karte und Bericht verweisen aufeinander.',
  'promote.fromComment': 'Aus dem Kommentar von {name}.',
  'promote.fromThread': 'Aus der ganzen Diskussion.',
  'promote.template': 'Vorlage',
  'promote.loading': 'Die Vorlagen werden geladen …',
  'promote.submit': 'Praxiskarte anlegen',
  'promote.submitting': 'Wird angelegt …',
  'promote.cancel': 'Abbrechen',
  'promote.close': 'Schließen',
  'promote.created': 'Die Praxiskarte „{title}“ ist angelegt.',
  'promote.already': 'Dieser Bericht ist bereits zur Praxiskarte „{title}“ geworden.',
  'promote.open': 'Praxiskarte öffnen',
};
