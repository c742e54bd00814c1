/** Holds items for review before they are published, for everyone or for newcomers. */
import type { Phase, Verdict } from '../types.ts';

/**
 * `all`: holds every new and edited item. `new_users`: holds while the author has fewer than
 * `settings.newUserComments` published contributions (comments, ideas and cards together: it
 * is the person who is new). `off`: lets everything through.
 *
 * @example
 * preModeration(input); // { action: 'hold', phase: 'pre-moderation', reason: 'held.newcomer', params: { count: 3 } }
 */
export const preModeration: Phase = ({ item, kind, author, settings }): Verdict | null => {
  switch (settings.preModeration) {
    case 'all': {
      const reason = item === 'card' && kind === 'edit' ? 'held.every_card_edit' : (`held.every_${item}` as const);
      return { action: 'hold', phase: 'pre-moderation', reason, params: {} };
    }
    case 'new_users': {
      const n = settings.newUserComments;
      if (author.published >= n) return null;
      return { action: 'hold', phase: 'pre-moderation', reason: 'held.newcomer', params: { count: n } };
    }
    default:
      return null;
  }
};
