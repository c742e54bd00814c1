/**
 * English texts of a comment's secondary actions in `bk-thread` (its "…" menu, the delete and
 * report panels, editing, the reaction picker): they load with the menu, by `import()`.
 */
export const enThreadActions = {
  'thread.editLabel': 'Edit your comment',
  'thread.save': 'Save',
  'thread.saving': 'Saving…',
  'thread.saved': 'Your changes were saved.',
  'thread.deleted': 'Your comment was deleted.',
  'thread.edit': 'Edit',
  'thread.delete': 'Delete',
  'thread.deleteConfirm': 'Delete this comment? This cannot be undone.',
  'thread.deleteYes': 'Delete comment',
  'thread.flag': 'Report',
  'thread.flagLegend': 'Why should a moderator look at this comment?',
  'thread.flagSend': 'Send report',
  'thread.flagged': 'Thank you. A moderator will look at the comment.',
  'thread.flaggedHidden': 'Thank you. The comment is hidden until a moderator reviews it.',
  'thread.flagReason.spam': 'Spam or advertising',
  'thread.flagReason.abuse': 'Abusive or disrespectful',
  'thread.flagReason.off_topic': 'Off topic',
  'thread.flagReason.confidential': 'Shares confidential information',
  'thread.flagReason.other': 'Something else',
  'thread.accept': 'Mark as answer',
  'thread.unaccept': 'Unmark answer',
  'thread.pin': 'Pin',
  'thread.unpin': 'Unpin',
  'thread.copyLink': 'Copy link',
} as const;
