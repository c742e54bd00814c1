import type { FeatureMessages } from '../i18n.ts';
import { enCardEditor } from './en-card-editor.ts';

/** The card form's pickers, contents, "also mark as reviewed" and the card's "More" menu: English with those parts, German on demand. */
export const cardEditorMessages: FeatureMessages = {
  feature: 'card-editor',
  en: enCardEditor,
  translations: { de: () => import('./de-card-editor.ts').then((m) => m.deCardEditor) },
};
