import type { FeatureMessages } from '../i18n.ts';
import { enThreads } from './en-threads.ts';

/** The texts of `bk-thread` and `bk-comment-count`: English bundled, German on demand. */
export const threadMessages: FeatureMessages = {
  feature: 'threads',
  en: enThreads,
  translations: { de: () => import('./de-threads.ts').then((m) => m.deThreads) },
};
