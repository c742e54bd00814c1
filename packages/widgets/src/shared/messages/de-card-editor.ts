/** German texts of the card form's pickers, its contents and "also mark as reviewed", and of the card's "More" menu; loaded on demand. */

import type { Translation } from './en.ts';
import type { enCardEditor } from './en-card-editor.ts';

export const deCardEditor: Translation<typeof enCardEditor> = {
  'editor.contents': 'Abschnitte des Formulars',
  'editor.personHint':
    'Geben Sie einen Namen ein und wählen Sie dann mit den Pfeiltasten und Enter ein Mitglied, oder schreiben Sie den Namen einer externen Person.',
  'editor.linkHint': 'Geben Sie Wörter aus dem Titel ein und wählen Sie dann mit den Pfeiltasten und Enter.',
  'editor.linkTo': 'Verknüpft mit ({kind})',
  'editor.markReviewed': 'Auch als geprüft markieren',
  'editor.markReviewedHint':
    'Die Karte ist zur Prüfung fällig. Ist dies angekreuzt, wird sie beim Speichern auch bestätigt, mit dem Prüfdatum oben oder in sechs Monaten.',
  'editor.reviewFailed': 'Sie wurde nicht als geprüft markiert: {reason}',
  'editor.more': 'Mehr',
} as const;
