/**
 * German texts of the follow control; loaded on demand.
 * Terms: folgen, Benachrichtigung, Erwähnung.
 */

import type { Translation } from './en.ts';
import type { enFollow } from './en-follow.ts';

export const deFollow: Translation<typeof enFollow> = {
  'follow.follow': 'Folgen',
  'follow.following': 'Sie folgen',
  'follow.hint': 'Bei neuen Kommentaren und Änderungen benachrichtigt werden.',
  'follow.unfollowedNote': 'Sie folgen nicht mehr: Wenn Sie sich wieder beteiligen, folgen Sie nicht automatisch erneut.',
  'follow.followed': 'Sie folgen jetzt.',
  'follow.unfollowed': 'Sie folgen nicht mehr. Erwähnungen erreichen Sie weiterhin.',
  'follow.failed': 'Das hat nicht geklappt. {reason}',
};
