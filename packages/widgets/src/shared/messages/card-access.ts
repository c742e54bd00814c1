import type { FeatureMessages } from '../i18n.ts';
import { enCardAccess } from './en-card-access.ts';

/** The card form's texts of units, visibility and sides: English with the form, German on demand. */
export const cardAccessMessages: FeatureMessages = {
  feature: 'card-access',
  en: enCardAccess,
  translations: { de: () => import('./de-card-access.ts').then((m) => m.deCardAccess) },
};
