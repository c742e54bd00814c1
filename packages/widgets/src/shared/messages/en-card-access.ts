/**
 * English texts of the card form's unit, visibility and side-locked fields: registered by the
 * form, which loads when opened, so a page with cards does not carry them.
 */
export const enCardAccess = {
  'library.field.unit': 'Business unit',
  'library.unitHint': 'The business unit the card is about.',
  'library.unitNone': 'No unit',
  'library.field.visibility': 'Who can read it',
  'library.visibility.everyone': 'Everyone',
  'library.visibility.unit': "The unit's team",
  'library.visibility.private': 'Only the owner',
  'library.visibilityHint.everyone': 'Everyone who reads this community can find and read the card.',
  'library.visibilityHint.unit':
    "Only the {unit} team (its business partners and relationship managers), CIOs, admins and the card's owner can read it. It is not shown in search.",
  'library.visibilityHint.noUnit': 'Choose the business unit first: its relationship team will read the card.',
  'library.visibilityHint.private': "Only the card's owner and its author (and admins) can read it. It is not shown in search.",
  'library.sideLocked.business': 'Only the business side can change this.',
  'library.sideLocked.provider': 'Only the IT side can change this.',
} as const;
