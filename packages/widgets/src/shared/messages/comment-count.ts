import type { FeatureMessages } from '../i18n.ts';
import { enCommentCount } from './en-comment-count.ts';

/** The texts of `bk-comment-count`: English bundled, German on demand. */
export const commentCountMessages: FeatureMessages = {
  feature: 'comment-count',
  en: enCommentCount,
  translations: { de: () => import('./de-comment-count.ts').then((m) => m.deCommentCount) },
};
