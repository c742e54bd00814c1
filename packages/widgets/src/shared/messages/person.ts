import type { FeatureMessages } from '../i18n.ts';
import { enPerson } from './en-person.ts';

/** The texts of `bk-person`: English bundled with it, German on demand. */
export const personMessages: FeatureMessages = {
  feature: 'person',
  en: enPerson,
  translations: { de: () => import('./de-person.ts').then((m) => m.dePerson) },
};
