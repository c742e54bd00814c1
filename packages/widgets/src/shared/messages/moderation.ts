import type { FeatureMessages } from '../i18n.ts';
import { enModeration } from './en-moderation.ts';

/** The texts of `bk-moderation`: English bundled, German on demand. */
export const moderationMessages: FeatureMessages = {
  feature: 'moderation',
  en: enModeration,
  translations: { de: () => import('./de-moderation.ts').then((m) => m.deModeration) },
};
