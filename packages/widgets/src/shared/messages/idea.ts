import type { FeatureMessages } from '../i18n.ts';
import { enIdea } from './en-idea.ts';

/** The texts of `bk-idea`: English bundled with it, German on demand. */
export const ideaMessages: FeatureMessages = {
  feature: 'idea',
  en: enIdea,
  translations: { de: () => import('./de-idea.ts').then((m) => m.deIdea) },
};
