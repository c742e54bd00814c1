/** Holds comments for review before they are published, for everyone or for newcomers. */
import type { Phase } from '../types.ts';

/**
 * `all`: holds every new and edited comment. `new_users`: holds while the author has fewer
 * than `settings.newUserComments` published comments. `off`: lets everything through.
 *
 * @example
 * preModeration(input); // { action: 'hold', phase: 'pre-moderation', reason: "Pre-moderation: the author's first 3 comments are reviewed" }
 */
export const preModeration: Phase = ({ author, settings }) => {
  switch (settings.preModeration) {
    case 'all':
      return { action: 'hold', phase: 'pre-moderation', reason: 'Pre-moderation: every comment is reviewed' };
    case 'new_users': {
      const n = settings.newUserComments;
      if (author.publishedComments >= n) return null;
      const first = n === 1 ? 'first comment is' : `first ${n} comments are`;
      return { action: 'hold', phase: 'pre-moderation', reason: `Pre-moderation: the author's ${first} reviewed` };
    }
    default:
      return null;
  }
};
