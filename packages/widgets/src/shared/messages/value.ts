import type { FeatureMessages } from '../i18n.ts';
import { enValue } from './en-value.ts';

/** The texts of `bk-value-plan`: English bundled with it, German on demand. */
export const valueMessages: FeatureMessages = {
  feature: 'value',
  en: enValue,
  translations: { de: () => import('./de-value.ts').then((m) => m.deValue) },
};
