import type { FeatureMessages } from '../i18n.ts';
import { enFollow } from './en-follow.ts';

/** The texts of `bk-follow`: English bundled with it, German on demand. */
export const followMessages: FeatureMessages = {
  feature: 'follow',
  en: enFollow,
  translations: { de: () => import('./de-follow.ts').then((m) => m.deFollow) },
};
