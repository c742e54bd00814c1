import type { FeatureMessages } from '../i18n.ts';
import { enHealth } from './en-health.ts';

/** The texts of `bk-health`: English bundled with it, German on demand. */
export const healthMessages: FeatureMessages = {
  feature: 'health',
  en: enHealth,
  translations: { de: () => import('./de-health.ts').then((m) => m.deHealth) },
};
