import type { FeatureMessages } from '../i18n.ts';
import { enIdeaForm } from './en-idea-form.ts';

/** The texts of the idea form, registered by `bk-idea-form`, `bk-idea` and `bk-idea-triage`: English bundled, German on demand. */
export const ideaFormMessages: FeatureMessages = {
  feature: 'idea-form',
  en: enIdeaForm,
  translations: { de: () => import('./de-idea-form.ts').then((m) => m.deIdeaForm) },
};
