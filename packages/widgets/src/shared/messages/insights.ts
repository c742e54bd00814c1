import type { FeatureMessages } from '../i18n.ts';
import { enInsights } from './en-insights.ts';

/** The texts of `bk-insights`: English bundled with it, German on demand. */
export const insightsMessages: FeatureMessages = {
  feature: 'insights',
  en: enInsights,
  translations: { de: () => import('./de-insights.ts').then((m) => m.deInsights) },
};
