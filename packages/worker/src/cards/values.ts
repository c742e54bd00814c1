/** Small helpers over stored field values (already validated JSON). */
import type { FieldValue } from '@bridgekit/sdk';

export type FieldRecord = { [key: string]: FieldValue };

export const isFieldRecord = (value: FieldValue | null | undefined): value is FieldRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record's own property (never one inherited from Object.prototype). */
export const ownValue = (record: FieldRecord, key: string): FieldValue | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** Structural equality of JSON values; the order of an object's keys does not matter. */
export function deepEqual(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isFieldRecord(a) || !isFieldRecord(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(ownValue(a, key), ownValue(b, key)))
  );
}
