import type { FeatureMessages } from '../i18n.ts';
import { enIdeaForm } from './en-idea-form.ts';

/** The texts of `bk-idea-form`'s intake sorting, registered by its part (loaded after the form's first paint): English bundled, German on demand. */
export const ideaFormMessages: FeatureMessages = {
  feature: 'idea-form',
  en: enIdeaForm,
  translations: { de: () => import('./de-idea-form.ts').then((m) => m.deIdeaForm) },
};
