import type { FeatureMessages } from '../i18n.ts';
import { enLoop } from './en-loop.ts';

/** The texts of the community loop's parts of cards and threads: English with those parts, German on demand. */
export const loopMessages: FeatureMessages = {
  feature: 'loop',
  en: enLoop,
  translations: { de: () => import('./de-loop.ts').then((m) => m.deLoop) },
};
