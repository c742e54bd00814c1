/**
 * English texts of the card form's pickers, its contents and "also mark as reviewed", and of the
 * card's "More" menu: registered by the form and the card's detail, which load when opened.
 */
export const enCardEditor = {
  'editor.contents': 'Sections of the form',
  'editor.personHint': 'Type a name, then choose a member with the arrow keys and Enter, or write the name of someone outside.',
  'editor.linkHint': 'Type words of its title, then choose with the arrow keys and Enter.',
  'editor.linkTo': '{kind} it links to',
  'editor.markReviewed': 'Also mark as reviewed',
  'editor.markReviewedHint':
    'The card is due for review. Checked, saving also verifies it, with the review-by date above or six months on.',
  'editor.reviewFailed': 'It was not marked as reviewed: {reason}',
  'editor.more': 'More',
} as const;
