import type { BoardSettings, ErrorReason, IntakeField, NewIdea, ParamsOf, StatusDefinition } from '@bridgekit/sdk';
import { formatReason } from '@bridgekit/sdk/reasons';
import type { boards } from '../db/schema.ts';
import { ApiError, fieldIssue } from '../errors.ts';
import { isBlank } from '../schemas/text.ts';
import { statusListProblem } from './statuses.ts';

type BoardRow = typeof boards.$inferSelect;

export interface SettingsInput {
  opensAt?: string | null | undefined;
  closesAt?: string | null | undefined;
  submitters?: BoardSettings['submitters'] | undefined;
  voting?: BoardSettings['voting'] | undefined;
  requiredFields?: IntakeField[] | undefined;
  minValue?: number | null | undefined;
}

/** The 400 for one field, its issue giving the same reason. */
const invalid = <R extends ErrorReason>(path: string, reason: R, params: ParamsOf<R>) =>
  new ApiError(400, reason, params, { details: [{ path, message: formatReason(reason, params), reason, params }] });

/**
 * Board columns for the given settings; `current` fills what the input leaves out, for checks
 * across fields; `valueScale` is the range of the board's value score, which a floor must lie in.
 */
export function settingsToColumns(
  input: SettingsInput = {},
  statuses: StatusDefinition[] | undefined,
  current?: BoardRow,
  valueScale?: { min: number; max: number },
): Partial<BoardRow> {
  const set: Partial<BoardRow> = {};
  if (input.opensAt !== undefined) set.opensAt = input.opensAt === null ? null : Date.parse(input.opensAt);
  if (input.closesAt !== undefined) set.closesAt = input.closesAt === null ? null : Date.parse(input.closesAt);
  const opensAt = set.opensAt !== undefined ? set.opensAt : (current?.opensAt ?? null);
  const closesAt = set.closesAt !== undefined ? set.closesAt : (current?.closesAt ?? null);
  if (opensAt !== null && closesAt !== null && closesAt <= opensAt)
    throw invalid('body.settings.closesAt', 'validation_failed.closes_before_opens', {});
  if (input.submitters) set.submitters = input.submitters;
  if (input.voting) {
    set.voteMode = input.voting.mode;
    if (input.voting.mode === 'budget') {
      if (input.voting.perIdea > input.voting.budget) {
        throw invalid('body.settings.voting.perIdea', 'validation_failed.per_idea_over_budget', {});
      }
      set.voteBudget = input.voting.budget;
      set.votesPerIdea = input.voting.perIdea;
      set.refundOnClose = input.voting.refundOnClose;
    }
  }
  if (input.requiredFields) set.requiredFields = [...new Set(input.requiredFields)];
  if (input.minValue !== undefined) {
    const floor = input.minValue;
    if (floor !== null && valueScale && (floor < valueScale.min || floor > valueScale.max)) {
      throw invalid('body.settings.minValue', 'validation_failed.min_value_range', {
        min: round(valueScale.min),
        max: round(valueScale.max),
      });
    }
    set.minValue = floor;
  }
  if (statuses) {
    const problem = statusListProblem(statuses, 'body.statuses');
    if (problem) throw problem;
    set.statuses = statuses;
  }
  return set;
}

const round = (n: number) => Math.round(n * 100) / 100;

const FIELD_LABELS: Record<IntakeField, string> = {
  problem: 'the problem',
  beneficiary: 'who benefits',
  valueType: 'the kind of value',
  effort: 'the rough effort',
  objective: 'the strategic objective',
};

/** Refuses a submission that lacks a field the board requires, naming each. */
export function checkRequiredFields(required: string[], businessCase: NewIdea['businessCase'] = {}): void {
  const missing = (required as IntakeField[]).filter((f) => {
    const value = businessCase[f];
    return value === undefined || value === null || (typeof value === 'string' && isBlank(value));
  });
  if (missing.length === 0) return;
  const details = missing.map((f) => fieldIssue(`body.businessCase.${f}`, 'field.required_by_board', { field: FIELD_LABELS[f] }));
  throw new ApiError(400, 'validation_failed.required_fields', { fields: missing.map((f) => FIELD_LABELS[f]).join(', ') }, { details });
}
