/** English texts of the follow control (`bk-follow`), small enough to come with every element that shows it. */
export const enFollow = {
  'follow.follow': 'Follow',
  'follow.following': 'Following',
  'follow.hint': 'Be notified of new comments and changes.',
  'follow.unfollowedNote': 'You unfollowed this: taking part again will not follow it.',
  'follow.followed': 'You follow this now.',
  'follow.unfollowed': 'You no longer follow this. Mentions of you still reach you.',
  'follow.failed': 'That did not work. {reason}',
} as const;
