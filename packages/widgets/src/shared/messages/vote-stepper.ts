import type { FeatureMessages } from '../i18n.ts';
import { enVoteStepper } from './en-vote-stepper.ts';

/** The texts of a budget board's stepper: English with its code (idea-vote/vote-stepper.ts), German on demand. */
export const voteStepperMessages: FeatureMessages = {
  feature: 'vote-stepper',
  en: enVoteStepper,
  translations: { de: () => import('./de-vote-stepper.ts').then((m) => m.deVoteStepper) },
};
