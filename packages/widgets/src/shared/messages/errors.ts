import type { FeatureMessages } from '../i18n.ts';
import { enErrors } from './en-errors.ts';

/** The texts of the API's reasons: English and German both load on demand (../errors.ts). */
export const errorMessages: FeatureMessages = {
  feature: 'errors',
  en: enErrors,
  translations: { de: () => import('./de-errors.ts').then((m) => m.deErrors) },
};
