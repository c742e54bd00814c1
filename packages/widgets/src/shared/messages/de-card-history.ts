/** German texts of a card's history and of saving without changes; loaded on demand. */

import type { Translation } from './en.ts';
import type { enCardHistory } from './en-card-history.ts';

export const deCardHistory: Translation<typeof enCardHistory> = {
  'library.nothingToSave': 'Nichts zu speichern: Sie haben nichts geändert.',
  'library.diffDeletedStart': 'Löschung Anfang',
  'library.diffDeletedEnd': 'Löschung Ende',
  'library.diffInsertedStart': 'Einfügung Anfang',
  'library.diffInsertedEnd': 'Einfügung Ende',
  'library.restoreSame': 'Nichts wiederherzustellen: Version {version} lautet wie die aktuelle Version.',
};
