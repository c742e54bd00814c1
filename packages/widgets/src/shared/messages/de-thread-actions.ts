/** German texts of a comment's secondary actions in `bk-thread`; loaded on demand. */
import type { Translation } from './en.ts';
import type { enThreadActions } from './en-thread-actions.ts';

export const deThreadActions: Translation<typeof enThreadActions> = {
  'thread.editLabel': 'Ihren Kommentar bearbeiten',
  'thread.save': 'Speichern',
  'thread.saving': 'Wird gespeichert …',
  'thread.saved': 'Ihre Änderungen wurden gespeichert.',
  'thread.deleted': 'Ihr Kommentar wurde gelöscht.',
  'thread.edit': 'Bearbeiten',
  'thread.delete': 'Löschen',
  'thread.deleteConfirm': 'Diesen Kommentar löschen? Das lässt sich nicht rückgängig machen.',
  'thread.deleteYes': 'Kommentar löschen',
  'thread.flag': 'Melden',
  'thread.flagLegend': 'Warum sollte sich die Moderation diesen Kommentar ansehen?',
  'thread.flagSend': 'Meldung senden',
  'thread.flagged': 'Danke. Die Moderation sieht sich den Kommentar an.',
  'thread.flaggedHidden': 'Danke. Der Kommentar ist ausgeblendet, bis die Moderation ihn geprüft hat.',
  'thread.flagReason.spam': 'Spam oder Werbung',
  'thread.flagReason.abuse': 'Beleidigend oder respektlos',
  'thread.flagReason.off_topic': 'Gehört nicht zum Thema',
  'thread.flagReason.confidential': 'Enthält vertrauliche Informationen',
  'thread.flagReason.other': 'Etwas anderes',
  'thread.accept': 'Als Antwort markieren',
  'thread.unaccept': 'Markierung als Antwort aufheben',
  'thread.pin': 'Anheften',
  'thread.unpin': 'Lösen',
  'thread.copyLink': 'Link kopieren',
};
