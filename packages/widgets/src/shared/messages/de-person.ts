/**
 * German texts of a person's own view (`bk-person`); loaded on demand.
 * Terms: Idee, Kommentar, Praxiskarte, Diskussion.
 */
import type { Translation } from './en.ts';
import type { enPerson } from './en-person.ts';

export const dePerson: Translation<typeof enPerson> = {
  'person.none': 'Noch niemand ausgewählt: Eine @-Erwähnung in einer Diskussion öffnet hier die Seite der Person.',
  'person.loading': 'Die Person wird geladen …',
  'person.notFound': 'In dieser Community gibt es niemanden mit diesem Namen.',
  'person.loadFailed': 'Diese Person konnte nicht geladen werden.',
  'person.handle': '@{handle}',
  'person.joined': 'Dabei seit {date}',
  'person.role.member': 'Mitglied',
  'person.role.evaluator': 'Bewertung',
  'person.role.moderator': 'Moderation',
  'person.role.admin': 'Administration',
  'person.counts': 'Beiträge',
  'person.count.ideas': { one: '# Idee', other: '# Ideen' },
  'person.count.comments': { one: '# Kommentar', other: '# Kommentare' },
  'person.count.cards': { one: '# Praxiskarte verantwortet', other: '# Praxiskarten verantwortet' },
  'person.ideas': 'Neueste Ideen',
  'person.comments': 'Neueste Kommentare',
  'person.cards': 'Praxiskarten, für die die Person verantwortlich ist',
  'person.noIdeas': 'Noch keine Ideen.',
  'person.noComments': 'Noch keine Kommentare.',
  'person.noCards': 'Noch keine Praxiskarten.',
  'person.latest': 'Die neuesten {shown} von {count}.',
  'person.commentIn': 'in {thread}',
  'person.untitledThread': 'einer Diskussion',
};
