import type { FeatureMessages } from '../i18n.ts';
import { enNotify } from './en-notify.ts';

/** The texts of `bk-inbox`: English bundled with it, German on demand. */
export const notifyMessages: FeatureMessages = {
  feature: 'notify',
  en: enNotify,
  translations: { de: () => import('./de-notify.ts').then((m) => m.deNotify) },
};
