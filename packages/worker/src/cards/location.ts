/** Where a value sits in a card's fields: its dotted path and the labels a person reads. */

export const LABEL_SEPARATOR = ' › ';

export interface Location {
  /** `options.1.cost` */
  path: string;
  /** `Options › 2 › Cost` */
  label: string;
}

export const ROOT: Location = { path: '', label: '' };

export function fieldLocation(parent: Location, key: string, label: string): Location {
  return { path: join(parent.path, key, '.'), label: join(parent.label, label, LABEL_SEPARATOR) };
}

/** List items count from 0 in paths and from 1 in labels. */
export function itemLocation(parent: Location, index: number): Location {
  return { path: join(parent.path, String(index), '.'), label: join(parent.label, String(index + 1), LABEL_SEPARATOR) };
}

const join = (head: string, tail: string, separator: string) => (head === '' ? tail : `${head}${separator}${tail}`);
