/**
 * The rules of business units that are not storage: how a claim or a name becomes an alias, what
 * a new key may look like. docs/business-units.md.
 */
import { ApiError } from '../errors.ts';

/** A new unit's key: lower-case words of letters and digits joined by single hyphens. */
export const UNIT_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const UNIT_KEY_MAX = 40;

/**
 * The alias a business-unit claim or name is matched by: spaces trimmed at both ends, runs of
 * spaces made one, ASCII letters lower-cased — exactly what SQLite's `trim()` and `lower()` do in
 * migration 0015, which made the first aliases (other characters, e.g. `É`, stay as they are).
 *
 * @example
 * normaliseAlias('  Contoso   FINANCE '); // 'contoso finance'
 */
export function normaliseAlias(text: string): string {
  return text
    .replace(/^ +| +$/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Throws the 400 for a key a new unit may not have. Units made from free text by migration 0015
 * may have other keys; they keep them.
 *
 * @example
 * assertUnitKey('group-it'); // fine
 * assertUnitKey('Group IT'); // throws validation_failed.unit_key
 */
export function assertUnitKey(key: string): void {
  if (key.length > UNIT_KEY_MAX || !UNIT_KEY_PATTERN.test(key)) throw new ApiError(400, 'validation_failed.unit_key', { key });
}

/**
 * A unit's aliases: the given ones and its name, normalised, each once, empty ones left out.
 *
 * @example
 * unitAliases('Finance', ['FINANCE', 'Contoso Finance']); // ['finance', 'contoso finance']
 */
export function unitAliases(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(normaliseAlias).filter((a) => a !== ''))];
}

/**
 * Throws the 400 when making `parent` the parent of `key` would make a unit part of itself.
 * `parents` maps each unit's key to its parent's key (the tenant's current tree).
 *
 * @example
 * assertNoCycle('finance', 'emea', new Map([['emea', 'finance']])); // throws validation_failed.unit_cycle
 */
export function assertNoCycle(key: string, parent: string, parents: ReadonlyMap<string, string | null>): void {
  const seen = new Set<string>();
  for (let at: string | null | undefined = parent; at; at = parents.get(at)) {
    if (at === key) throw new ApiError(400, 'validation_failed.unit_cycle', { key, parent });
    if (seen.has(at)) break;
    seen.add(at);
  }
}
