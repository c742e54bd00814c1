/**
 * English texts of what a vote's sending says (`bk-idea-vote`: counted, taken back, kept while
 * offline, sent later, refused for want of votes): they load with the first vote, by `import()`.
 */
export const enVoteSend = {
  'vote.counted': 'Vote counted for “{title}”. {votes}.',
  'vote.removed': 'Vote removed from “{title}”. {votes}.',
  // A vote made without a connection: kept, and sent once when the connection is back.
  'vote.queued': 'No connection: your vote will be sent when it is back.',
  'vote.sent': 'Back online: your vote for “{title}” was sent. {votes}.',
  'vote.noBudget': 'You have no votes left on this board. Take one back from another idea first.',
} as const;
