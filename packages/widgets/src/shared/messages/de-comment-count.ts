/** German texts of `bk-comment-count`; loaded on demand. */

import type { Translation } from './en.ts';
import type { enCommentCount } from './en-comment-count.ts';

export const deCommentCount: Translation<typeof enCommentCount> = {
  'commentCount.count': { one: '# Kommentar', other: '# Kommentare' },
  'commentCount.none': 'Noch keine Kommentare',
};
