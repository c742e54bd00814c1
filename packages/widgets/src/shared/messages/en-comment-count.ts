/** English texts of `bk-comment-count`: a page's count on its own, without the thread's texts. */
export const enCommentCount = {
  'commentCount.count': { one: '# comment', other: '# comments' },
  'commentCount.none': 'No comments yet',
} as const;
