import type { FeatureMessages } from '../i18n.ts';
import { enInsightsView } from './en-insights-view.ts';

/** The texts of `bk-insights`' figures, registered by its view (loaded only for readers who see figures): English bundled, German on demand. */
export const insightsViewMessages: FeatureMessages = {
  feature: 'insights-view',
  en: enInsightsView,
  translations: { de: () => import('./de-insights-view.ts').then((m) => m.deInsightsView) },
};
