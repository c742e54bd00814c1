import type { FeatureMessages } from '../i18n.ts';
import { enCardHistory } from './en-card-history.ts';

/** The texts of a card's history and of a save without changes: English with those parts, German on demand. */
export const cardHistoryMessages: FeatureMessages = {
  feature: 'card-history',
  en: enCardHistory,
  translations: { de: () => import('./de-card-history.ts').then((m) => m.deCardHistory) },
};
