import type { FeatureMessages } from '../i18n.ts';
import { enVoteSend } from './en-vote-send.ts';

/** The texts of a vote's sending: English with its code (idea-vote/vote-send.ts), German on demand. */
export const voteSendMessages: FeatureMessages = {
  feature: 'vote-send',
  en: enVoteSend,
  translations: { de: () => import('./de-vote-send.ts').then((m) => m.deVoteSend) },
};
