/**
 * English texts: the source catalog. Every string a person sees or hears comes from here.
 * `{name}` is a placeholder; an object picks a plural form by `count` (Intl.PluralRules
 * categories: zero, one, two, few, many, other), with `#` for the formatted count.
 */
export const en = {
  'board.heading': 'Ideas',
  'board.sortLabel': 'Sort by',
  'board.sortTop': 'Most backed',
  'board.sortNew': 'Newest',
  'board.ideaCount': { one: '# idea', other: '# ideas' },
  'board.loading': 'Loading ideas…',
  'board.empty': 'No ideas yet. Be the first to share one.',
  'board.emptyReadOnly': 'No ideas yet.',
  'board.loadMore': 'Show more ideas',
  'board.loadingMore': 'Loading more ideas…',
  'board.signInToParticipate': 'Sign in to share and back ideas.',
  'board.byline': 'By {name}',
  'board.bylineWithUnit': 'By {name}, {unit}',
  'board.listLabel': 'Ideas on {board}',

  'form.open': 'Share an idea',
  'form.heading': 'Share an IT-enabled idea',
  'form.titleLabel': 'Title',
  'form.titleHint': 'What should IT make possible? Between 3 and 140 characters.',
  'form.descriptionLabel': 'Details (optional)',
  'form.descriptionHint': 'The problem, who would benefit, and the value you expect.',
  'form.charactersLeft': { one: '# character left', other: '# characters left' },
  'form.submit': 'Submit idea',
  'form.submitting': 'Submitting…',
  'form.cancel': 'Cancel',
  'form.submitted': 'Your idea “{title}” was submitted.',
  'form.failed': 'Your idea could not be submitted. {reason}',
  'form.fixErrors': 'Check the highlighted fields.',

  // The start of the vote button's accessible name; the count and "votes" follow it.
  'vote.name': 'Vote for “{title}”,',
  'vote.count': { one: '# vote', other: '# votes' },
  'vote.unit': { one: 'vote', other: 'votes' },
  'vote.back': 'Back this idea',
  'vote.backed': 'Backed',
  'vote.counted': 'Vote counted for “{title}”. {votes}.',
  'vote.removed': 'Vote removed from “{title}”. {votes}.',
  'vote.failed': 'Your vote could not be saved. {reason}',
  'vote.signIn': 'Sign in to vote.',
  'vote.loading': 'Loading idea…',
  'vote.missing': 'This idea is no longer available.',

  'error.network': 'Bridgekit cannot be reached right now. Check your connection, then try again.',
  'error.notFoundBoard': 'This board does not exist. Check the board name in the page settings.',
  'error.notConfigured': 'This Bridgekit widget is not set up: the script tag needs data-tenant.',
  'error.signIn': 'Sign in to take part.',
  'error.sessionExpired': 'Your sign-in has expired. Reload the page to sign in again.',
  'session.reload': 'Reload page',
  'error.generic': 'Something went wrong. Try again in a moment.',
  'error.retry': 'Try again',
  'error.loadFailed': 'The ideas could not be loaded.',
} as const;

export type MessageKey = keyof typeof en;
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Catalog = Record<MessageKey, string | PluralMessage>;
