/** Pieces several built-in templates share. */
import type { FieldDef, FieldType } from '@bridgekit/sdk';

/** A score from 1 (poor) to 5 (excellent). */
export const SCORE: Extract<FieldType, { type: 'number' }> = { type: 'number', min: 1, max: 5, integer: true };

export const LOW_TO_HIGH = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];

/** Where a person stands toward the relationship or an initiative. */
export const STANCE_OPTIONS = [
  { value: 'champion', label: 'Champion' },
  { value: 'supporter', label: 'Supporter' },
  { value: 'neutral', label: 'Neutral' },
  { value: 'skeptic', label: 'Skeptic' },
  { value: 'blocker', label: 'Blocker' },
];

/** Progress of an initiative or a piece of work. */
export const PROGRESS_OPTIONS = [
  { value: 'planned', label: 'Planned' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'on-hold', label: 'On hold' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

/** A list of short texts, one per line in forms. */
export const textList = (key: string, label: string, help: string): FieldDef => ({
  key,
  label,
  help,
  type: 'list',
  of: { type: 'text' },
});

/** A list of records with the given sub-fields. */
export function recordList(
  key: string,
  label: string,
  help: string,
  fields: FieldDef[],
  options: { required?: boolean; maxItems?: number } = {},
): FieldDef {
  const def: Extract<FieldDef, { type: 'list' }> = { key, label, help, type: 'list', of: { type: 'record', fields } };
  if (options.required) {
    def.required = true;
    def.minItems = 1;
  }
  if (options.maxItems !== undefined) def.maxItems = options.maxItems;
  return def;
}
