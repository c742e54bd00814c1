/**
 * English texts of the community loop — where a practice card came from and what it led to,
 * links to items, proposing an idea from a card, and making a war story a practice — loaded
 * with the parts that show them (`card-extras.ts`, `story-links.ts`), so the cards and threads
 * pay up front only for their buttons' labels.
 */
export const enLoop = {
  'card.fromStory': 'From the war story:',
  'card.caseFor': 'Business case for the idea:',
  'card.answered': { one: 'Answered # request', other: 'Answered # requests' },
  'card.deflected': { one: '# deflected', other: '# deflected' },
  'card.avoidedDays': { one: 'about # person-day avoided', other: 'about # person-days avoided' },
  'card.confirmedNeed': { one: '# requester confirmed the need was met', other: '# requesters confirmed the need was met' },
  'card.sparked': { one: 'Sparked # idea', other: 'Sparked # ideas' },
  'card.linkCopied': 'Link copied.',
  'card.linkNotCopied': 'The link could not be copied: {url}',
  'card.board': 'Board',
  'card.boardsLoading': 'Loading the boards…',
  'card.noBoard': 'There is no board to propose an idea on.',
  'card.openIdea': 'Open the idea',

  'promote.linked': 'The linked comment',
  'promote.became': 'Became a practice:',
  'promote.heading': 'Make it a practice',
  'promote.intro':
    'A practice card is written from this war story: its text is carried over, and the card and the story link to each other.',
  'promote.fromComment': 'From the comment by {name}.',
  'promote.fromThread': 'From the whole discussion.',
  'promote.template': 'Template',
  'promote.loading': 'Loading the templates…',
  'promote.submit': 'Create the practice card',
  'promote.submitting': 'Creating…',
  'promote.cancel': 'Cancel',
  'promote.close': 'Close',
  'promote.created': 'The practice card “{title}” is created.',
  'promote.already': 'This story already became the practice card “{title}”.',
  'promote.open': 'Open the practice card',
} as const;
