/** The console's board forms as plain values, and what they send through the SDK. */
import type {
  Board,
  BoardSettings,
  Criterion,
  CriterionKind,
  IntakeField,
  Scorecard,
  ScorecardPreset,
  StatusCategory,
  StatusDefinition,
  VotingRules,
} from '@bridgekit/sdk';

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

/** Who may submit and what a submission must fill: the board's intake settings. */
export interface IntakeForm {
  submitters: BoardSettings['submitters'];
  requiredFields: IntakeField[];
}

/** The business case's fields, in the idea form's order and with its labels. */
export const INTAKE_FIELDS: { value: IntakeField; label: string }[] = [
  { value: 'problem', label: 'The problem it solves' },
  { value: 'beneficiary', label: 'Who benefits (business unit)' },
  { value: 'valueType', label: 'Kind of value' },
  { value: 'effort', label: 'Rough effort' },
  { value: 'objective', label: 'Strategic objective it serves' },
];

export const intakeForm = (settings: BoardSettings): IntakeForm => ({
  submitters: settings.submitters,
  requiredFields: [...settings.requiredFields],
});

/** The required fields in the form's order, whatever order they were ticked in. */
export const intakeSettings = (form: IntakeForm): Pick<BoardSettings, 'submitters' | 'requiredFields'> => ({
  submitters: form.submitters,
  requiredFields: INTAKE_FIELDS.map((f) => f.value).filter((f) => form.requiredFields.includes(f)),
});

export const SCORECARD_MODELS: { value: ScorecardPreset; label: string }[] = [
  { value: 'value-size-risk', label: 'Value, size and risk: value² ÷ effort, floor 2.5' },
  { value: 'wsjf', label: 'WSJF: cost of delay ÷ job size, no floor' },
  { value: 'custom', label: 'Custom: value² ÷ effort, no floor' },
];

export const CRITERION_KINDS: { value: CriterionKind; label: string }[] = [
  { value: 'scale', label: 'Scale 1–5' },
  { value: 'tshirt', label: 'T-shirt size (XS 1, S 2, M 3, L 5, XL 8 points)' },
  { value: 'yesno', label: 'Yes or no (1 or 0)' },
  { value: 'fibonacci', label: 'Fibonacci (1, 2, 3, 5, 8, 13, 20)' },
];

export const CRITERION_GROUPS: { value: Criterion['group']; label: string }[] = [
  { value: 'value', label: 'Value' },
  { value: 'effort', label: 'Effort' },
  { value: 'risk', label: 'Risk' },
];

/** A criterion as the scorecard editor edits it. */
export interface CriterionForm {
  /** Tells the rows apart while they move. */
  uid: number;
  key: string;
  label: string;
  kind: CriterionKind;
  group: Criterion['group'];
  /** `''` while the field is empty (a number input's `v-model.number`). */
  weight: number | '';
  /** Saved criteria keep their key and kind: evaluators' scores are stored by key, on that kind's scale. */
  saved: boolean;
  /** The saved label and its translations, kept while the label is. */
  savedLabel: string;
  translations?: Criterion['translations'];
}

let uids = 0;

export interface ScorecardForm {
  preset: ScorecardPreset;
  criteria: CriterionForm[];
  /** The value floor as typed; `''` for the model's default. */
  minValue: number | '';
}

export function scorecardForm(board: Board): ScorecardForm {
  return {
    preset: board.scorecard.preset,
    criteria: board.scorecard.criteria.map((c) => ({
      uid: ++uids,
      key: c.key,
      label: c.label,
      kind: c.kind,
      group: c.group,
      weight: c.weight,
      saved: true,
      savedLabel: c.label,
      ...(c.translations ? { translations: c.translations } : {}),
    })),
    minValue: board.settings.minValue ?? '',
  };
}

export const blankCriterion = (): CriterionForm => ({
  uid: ++uids,
  key: '',
  label: '',
  kind: 'scale',
  group: 'value',
  weight: 1,
  saved: false,
  savedLabel: '',
});

/**
 * What `boards.setScorecard` takes. A renamed criterion drops its translations, which named it
 * by its old label. An empty weight goes as it is, so the Worker names the field.
 */
export function scorecardInput(form: ScorecardForm): Scorecard {
  return {
    preset: form.preset,
    criteria: form.criteria.map((c) => {
      const label = c.label.trim();
      const keep = c.translations && label === c.savedLabel;
      return {
        key: c.key.trim(),
        label,
        ...(keep ? { translations: c.translations } : {}),
        kind: c.kind,
        weight: c.weight as number,
        group: c.group,
      };
    }),
  };
}

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/**
 * Each criterion's share of its group (its weight over the group's sum), as the editor shows it:
 * `40% of value`. Empty where the weights do not add up to a share.
 *
 * @example
 * weightShares([{ group: 'value', weight: 2 }, { group: 'value', weight: 2 }]); // ['50% of value', '50% of value']
 */
export function weightShares(criteria: Pick<CriterionForm, 'group' | 'weight'>[]): string[] {
  const sums = new Map<string, number>();
  for (const c of criteria) if (typeof c.weight === 'number') sums.set(c.group, (sums.get(c.group) ?? 0) + c.weight);
  return criteria.map((c) => {
    const sum = sums.get(c.group) ?? 0;
    return typeof c.weight === 'number' && sum > 0 ? `${percent.format(c.weight / sum)} of ${c.group}` : '';
  });
}
