import type { FeatureMessages } from '../i18n.ts';
import { enTriage } from './en-triage.ts';

/** The texts of triage's flow: English bundled with `bk-idea-triage`, German on demand. */
export const triageMessages: FeatureMessages = {
  feature: 'triage',
  en: enTriage,
  translations: { de: () => import('./de-triage.ts').then((m) => m.deTriage) },
};
