import type { FeatureMessages } from '../i18n.ts';
import { enThreadActions } from './en-thread-actions.ts';

/** The texts of a comment's "…" menu and its panels: English with the menu's code, German on demand. */
export const threadActionMessages: FeatureMessages = {
  feature: 'thread-actions',
  en: enThreadActions,
  translations: { de: () => import('./de-thread-actions.ts').then((m) => m.deThreadActions) },
};
