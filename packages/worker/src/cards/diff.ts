/**
 * Field-level differences between two saves of a card, in the template's field order.
 *
 * A text, number, person, amount or link is one change. Groups (records) are compared field by
 * field (`timescale.start`). Lists are compared item by item: items that stayed the same are
 * matched first (longest common subsequence), so inserting or removing a row reports just that
 * row rather than every row after it; between two matched items, the rows that differ are paired
 * in order as changed (a row of records then reports each sub-field that changed, at the row's
 * new position: `options.1.cost`), and the rest are added (at their new position) or removed (at
 * their old one). A rich text's change carries both values rendered, as the card shows them.
 */
import type { CardTemplate, FieldChange, FieldDef, FieldType, FieldValue } from '@bridgekit/sdk';
import { renderMarkdown } from '../markdown/render.ts';
import { fieldLocation, itemLocation, type Location, ROOT } from './location.ts';
import { deepEqual, type FieldRecord, isFieldRecord, ownValue } from './values.ts';

export function diffFields(template: CardTemplate, before: Record<string, FieldValue>, after: Record<string, FieldValue>): FieldChange[] {
  const changes: FieldChange[] = [];
  diffRecord(template.fields, before, after, ROOT, changes);
  return changes;
}

function diffRecord(defs: readonly FieldDef[], before: FieldRecord, after: FieldRecord, at: Location, changes: FieldChange[]): void {
  for (const def of defs) {
    diffValue(def, ownValue(before, def.key), ownValue(after, def.key), fieldLocation(at, def.key, def.label), changes);
  }
  // Keys the template no longer has (it changed since the older save) are still shown.
  const known = new Set(defs.map((def) => def.key));
  const others = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !known.has(key));
  for (const key of others) diffValue(undefined, ownValue(before, key), ownValue(after, key), fieldLocation(at, key, key), changes);
}

function diffValue(
  type: FieldType | undefined,
  before: FieldValue | undefined,
  after: FieldValue | undefined,
  at: Location,
  changes: FieldChange[],
): void {
  if (deepEqual(before, after)) return;
  if (before === undefined || after === undefined) {
    changes.push({
      path: at.path,
      label: at.label,
      change: before === undefined ? 'added' : 'removed',
      before: before ?? null,
      after: after ?? null,
      ...rendered(type, before ?? null, after ?? null),
    });
  } else if (type?.type === 'record' && isFieldRecord(before) && isFieldRecord(after)) {
    diffRecord(type.fields, before, after, at, changes);
  } else if (type?.type === 'list' && Array.isArray(before) && Array.isArray(after)) {
    diffList(type.of, before, after, at, changes);
  } else {
    changes.push({ path: at.path, label: at.label, change: 'changed', before, after, ...rendered(type, before, after) });
  }
}

/** A rich text's values as the card shows them (mentions as text: the diff names nobody). */
function rendered(type: FieldType | undefined, before: FieldValue | null, after: FieldValue | null): Pick<FieldChange, 'rendered'> {
  if (type?.type !== 'richtext') return {};
  const html = (value: FieldValue | null) => (typeof value === 'string' ? renderMarkdown(value).html : null);
  return { rendered: { before: html(before), after: html(after) } };
}

function diffList(
  itemType: FieldType,
  before: readonly FieldValue[],
  after: readonly FieldValue[],
  at: Location,
  changes: FieldChange[],
): void {
  const removed: number[] = [];
  const added: number[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) {
      const from = removed[k] as number;
      const to = added[k] as number;
      diffValue(itemType, before[from], after[to], itemLocation(at, to), changes);
    }
    for (const from of removed.slice(paired)) diffValue(itemType, before[from], undefined, itemLocation(at, from), changes);
    for (const to of added.slice(paired)) diffValue(itemType, undefined, after[to], itemLocation(at, to), changes);
    removed.length = 0;
    added.length = 0;
  };
  for (const step of align(before, after)) {
    if (step.op === 'same') flush();
    else if (step.op === 'removed') removed.push(step.index);
    else added.push(step.index);
  }
  flush();
}

type Step = { op: 'same' } | { op: 'removed' | 'added'; index: number };

/** The edit script of the longest common subsequence of equal items. */
function align(before: readonly FieldValue[], after: readonly FieldValue[]): Step[] {
  const n = before.length;
  const m = after.length;
  // lengths[i][j]: the LCS length of before[i..] and after[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number) => lengths[i]?.[j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    const row = lengths[i] as number[];
    for (let j = m - 1; j >= 0; j--) {
      row[j] = deepEqual(before[i], after[j]) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && deepEqual(before[i], after[j])) {
      steps.push({ op: 'same' });
      i++;
      j++;
    } else if (j < m && (i === n || at(i, j + 1) >= at(i + 1, j))) {
      steps.push({ op: 'added', index: j++ });
    } else {
      steps.push({ op: 'removed', index: i++ });
    }
  }
  return steps;
}
