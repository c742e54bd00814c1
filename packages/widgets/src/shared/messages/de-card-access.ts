/** German texts of the card form's unit, visibility and side-locked fields; loaded on demand. */

import type { Translation } from './en.ts';
import type { enCardAccess } from './en-card-access.ts';

export const deCardAccess: Translation<typeof enCardAccess> = {
  'library.field.unit': 'Geschäftsbereich',
  'library.unitHint': 'Der Geschäftsbereich, um den es in der Karte geht.',
  'library.unitNone': 'Kein Bereich',
  'library.field.visibility': 'Wer sie lesen darf',
  'library.visibility.everyone': 'Alle',
  'library.visibility.unit': 'Das Team des Bereichs',
  'library.visibility.private': 'Nur die verantwortliche Person',
  'library.visibilityHint.everyone': 'Alle, die diese Community lesen, können die Karte finden und lesen.',
  'library.visibilityHint.unit':
    'Nur das Team von {unit} (seine Geschäftspartner und Relationship Manager), CIOs, Admins und die verantwortliche Person können sie lesen. Die Suche zeigt sie nicht.',
  'library.visibilityHint.noUnit': 'Wählen Sie zuerst den Geschäftsbereich: Sein Beziehungsteam liest die Karte.',
  'library.visibilityHint.private':
    'Nur die verantwortliche Person, wer sie angelegt hat, und Admins können sie lesen. Die Suche zeigt sie nicht.',
  'library.sideLocked.business': 'Nur die Geschäftsseite kann das ändern.',
  'library.sideLocked.provider': 'Nur die IT-Seite kann das ändern.',
};
