import type { FeatureMessages } from '../i18n.ts';
import { enIdeas } from './en-ideas.ts';

/** The texts of ideas (boards, votes): English bundled with the elements that show ideas, German on demand. */
export const ideasMessages: FeatureMessages = {
  feature: 'ideas',
  en: enIdeas,
  translations: { de: () => import('./de-ideas.ts').then((m) => m.deIdeas) },
};
