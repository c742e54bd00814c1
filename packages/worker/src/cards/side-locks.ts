/**
 * Side-locked fields: a template field with `side` holds what one side of the relationship says
 * (the business partner's score, IT's comment). Only people of that side — by their business
 * unit's side, `viewerSide()` — may change its value; anyone else may save the card with it as it
 * was. Admins and owners do not speak for a side either.
 */
import type { FieldDef, FieldType, FieldValue, RelationshipSide } from '@bridgekit/sdk';

/** A side-locked field, where it sits in the template: `items.partnerScore`, labelled "Scores › Business partner score". */
export interface SideLockedField {
  def: FieldDef;
  path: string;
  label: string;
  side: RelationshipSide;
}

/** Every side-locked field of a template, nested ones included, in template order. */
export function sideLockedFields(defs: readonly FieldDef[], prefix = '', labels: string[] = []): SideLockedField[] {
  return defs.flatMap((def) => {
    const path = prefix ? `${prefix}.${def.key}` : def.key;
    const label = [...labels, def.label];
    if (def.side) return [{ def, path, label: label.join(' › '), side: def.side }];
    const inner = innerFields(def);
    return inner ? sideLockedFields(inner, path, label) : [];
  });
}

/** The fields a record holds, directly or as the items of a list. */
function innerFields(type: FieldType): readonly FieldDef[] | null {
  if (type.type === 'record') return type.fields;
  if (type.type === 'list') return innerFields(type.of);
  return null;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';
const isObject = (value: unknown): value is Record<string, FieldValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The values of one field (`target`) wherever it occurs, keeping the structure around them; rows
 * of a list without a value of it are left out (adding or removing a row the field is empty in
 * changes nothing of it).
 */
function valuesOf(defs: readonly FieldDef[], values: unknown, target: FieldDef): Record<string, unknown> | undefined {
  if (!isObject(values)) return undefined;
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    const value = values[def.key];
    if (isEmpty(value)) continue;
    const kept = def === target ? value : def.side ? undefined : valuesIn(def, value, target);
    if (kept !== undefined) out[def.key] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function valuesIn(type: FieldType, value: unknown, target: FieldDef): unknown {
  if (type.type === 'record') return valuesOf(type.fields, value, target);
  if (type.type === 'list' && Array.isArray(value)) {
    const items = value.map((item) => valuesIn(type.of, item, target)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  return undefined;
}

/**
 * The first side-locked field whose values differ between `before` and `after` that a person of
 * `side` (null: of no side) may not change, or null when every change is theirs to make.
 */
export function sideLockViolation(
  defs: readonly FieldDef[],
  before: Record<string, FieldValue>,
  after: Record<string, FieldValue>,
  side: RelationshipSide | null,
): SideLockedField | null {
  for (const locked of sideLockedFields(defs)) {
    if (locked.side === side) continue;
    if (JSON.stringify(valuesOf(defs, before, locked.def)) !== JSON.stringify(valuesOf(defs, after, locked.def))) return locked;
  }
  return null;
}
