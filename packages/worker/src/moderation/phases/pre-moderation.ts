/** Holds items for review before they are published, for everyone or for newcomers. */
import { NOUNS, type Phase } from '../types.ts';

/**
 * `all`: holds every new and edited item. `new_users`: holds while the author has fewer than
 * `settings.newUserComments` published contributions (comments, ideas and cards together: it
 * is the person who is new). `off`: lets everything through.
 *
 * @example
 * preModeration(input); // { action: 'hold', phase: 'pre-moderation', reason: "Pre-moderation: the author's first 3 contributions are reviewed" }
 */
export const preModeration: Phase = ({ item, kind, author, settings }) => {
  switch (settings.preModeration) {
    case 'all': {
      const what = item === 'card' && kind === 'edit' ? 'card edit' : NOUNS[item].one;
      return { action: 'hold', phase: 'pre-moderation', reason: `Pre-moderation: every ${what} is reviewed` };
    }
    case 'new_users': {
      const n = settings.newUserComments;
      if (author.published >= n) return null;
      const first = n === 1 ? 'first contribution is' : `first ${n} contributions are`;
      return { action: 'hold', phase: 'pre-moderation', reason: `Pre-moderation: the author's ${first} reviewed` };
    }
    default:
      return null;
  }
};
