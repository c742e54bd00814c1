import type { FeatureMessages } from '../i18n.ts';
import { enSearch } from './en-search.ts';

/** The texts of `bk-search`, the item picker and `bk-related`: English bundled, German on demand. */
export const searchMessages: FeatureMessages = {
  feature: 'search',
  en: enSearch,
  translations: { de: () => import('./de-search.ts').then((m) => m.deSearch) },
};
