import type { FeatureMessages } from '../i18n.ts';
import { enIntake } from './en-intake.ts';

/** The texts of the intake decision's sorting: English with that part of triage, German on demand. */
export const intakeMessages: FeatureMessages = {
  feature: 'intake',
  en: enIntake,
  translations: { de: () => import('./de-intake.ts').then((m) => m.deIntake) },
};
