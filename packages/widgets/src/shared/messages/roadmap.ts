import type { FeatureMessages } from '../i18n.ts';
import { enRoadmap } from './en-roadmap.ts';

/** The texts of `bk-idea-roadmap` beside the ideas' own: English bundled with it, German on demand. */
export const roadmapMessages: FeatureMessages = {
  feature: 'roadmap',
  en: enRoadmap,
  translations: { de: () => import('./de-roadmap.ts').then((m) => m.deRoadmap) },
};
