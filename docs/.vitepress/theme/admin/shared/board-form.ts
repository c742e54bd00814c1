/** The console's board forms as plain values, and what they send through the SDK. */
import type { Board, StatusCategory, StatusDefinition, VotingRules } from '@bridgekit/sdk';

export interface VotingForm {
  mode: 'single' | 'budget';
  budget: number;
  perIdea: number;
  refundOnClose: boolean;
}

export const STATUS_CATEGORIES: { value: StatusCategory; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'under_review', label: 'Under review' },
  { value: 'planned', label: 'Planned' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'declined', label: 'Declined' },
];

export const blankVoting = (): VotingForm => ({ mode: 'single', budget: 10, perIdea: 3, refundOnClose: true });

export function votingForm(rules: VotingRules): VotingForm {
  return rules.mode === 'budget' ? { ...rules } : blankVoting();
}

/** What the API takes: the budget's numbers only for a budget board. */
export function votingRules(form: VotingForm): VotingRules {
  return form.mode === 'budget'
    ? { mode: 'budget', budget: form.budget, perIdea: form.perIdea, refundOnClose: form.refundOnClose }
    : { mode: 'single' };
}

/** How the board's voting reads in the list. */
export function votingSummary(board: Board): string {
  const voting = board.settings.voting;
  return voting.mode === 'budget' ? `Budget: ${voting.budget} votes, at most ${voting.perIdea} per idea` : 'One vote per idea';
}

/** A new status row of the editor; existing rows keep their translations as they are. */
export const blankStatus = (): StatusDefinition => ({
  key: '',
  label: '',
  category: 'under_review',
  requiresReason: false,
  deflection: false,
});
