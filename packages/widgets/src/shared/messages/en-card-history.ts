/**
 * English texts of a card's history and of saving without changes: registered by the version
 * history and the card form, which load when opened, so a page with cards does not carry them.
 */
export const enCardHistory = {
  'library.nothingToSave': 'Nothing to save: you have not changed anything.',
  'library.diffDeletedStart': 'deletion start',
  'library.diffDeletedEnd': 'deletion end',
  'library.diffInsertedStart': 'insertion start',
  'library.diffInsertedEnd': 'insertion end',
  'library.restoreSame': 'Nothing to restore: version {version} reads as the current version.',
} as const;
