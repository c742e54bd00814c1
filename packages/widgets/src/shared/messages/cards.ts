import type { FeatureMessages } from '../i18n.ts';
import { enCards } from './en-cards.ts';

/** The texts of `bk-practice-card` and `bk-practice-library`: English bundled, German on demand. */
export const cardMessages: FeatureMessages = {
  feature: 'cards',
  en: enCards,
  translations: { de: () => import('./de-cards.ts').then((m) => m.deCards) },
};
