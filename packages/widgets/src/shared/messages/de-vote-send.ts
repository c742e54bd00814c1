/** German texts of what a vote's sending says; loaded on demand. */
import type { Translation } from './en.ts';
import type { enVoteSend } from './en-vote-send.ts';

export const deVoteSend: Translation<typeof enVoteSend> = {
  'vote.counted': 'Stimme für „{title}“ gezählt. {votes}.',
  'vote.removed': 'Stimme für „{title}“ zurückgenommen. {votes}.',
  'vote.queued': 'Keine Verbindung: Ihre Stimme wird gesendet, sobald sie wieder besteht.',
  'vote.sent': 'Wieder online: Ihre Stimme für „{title}“ wurde gesendet. {votes}.',
  'vote.noBudget': 'Sie haben auf diesem Board keine Stimmen mehr. Nehmen Sie zuerst eine Stimme von einer anderen Idee zurück.',
};
