/**
 * Demand (investment) classes: run the business, grow it, transform it — or a tenant's own
 * classes. The one home of which classes a tenant has, what a valid list of them is, and how an
 * idea's class is named in a query.
 */
import { DEFAULT_DEMAND_CLASSES, type DemandClassDefinition } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import { ApiError, fieldIssue } from '../errors.ts';

/** A class key: lower-case letters, digits and single hyphens, at most 40 characters. */
export const DEMAND_CLASS_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DEMAND_CLASSES_MAX = 12;

const DEFAULTS: DemandClassDefinition[] = DEFAULT_DEMAND_CLASSES.map((c) => ({ ...c, translations: { de: { ...c.translations.de } } }));
const DEFAULTS_JSON = JSON.stringify(DEFAULTS);

/** The tenant's classes: its own list, or run / grow / transform. */
export function demandClassesOf(stored: DemandClassDefinition[] | null | undefined): DemandClassDefinition[] {
  return stored && stored.length > 0 ? stored : DEFAULTS;
}

/** What is wrong with a list of classes an admin gives (1–12, unique keys), or null. */
export function demandClassesProblem(classes: DemandClassDefinition[]): string | null {
  if (classes.length < 1 || classes.length > DEMAND_CLASSES_MAX) return `Give 1 to ${DEMAND_CLASSES_MAX} demand classes.`;
  const seen = new Set<string>();
  for (const c of classes) {
    if (seen.has(c.key)) return `The key "${c.key}" appears twice: each class needs its own key.`;
    seen.add(c.key);
  }
  return null;
}

/** The 400 for a class the tenant does not have (at `path` in the body). */
export function checkDemandClass(classes: DemandClassDefinition[], key: string | null | undefined, path: string): void {
  if (key === null || key === undefined || classes.some((c) => c.key === key)) return;
  const keys = classes.map((c) => c.key).join(', ');
  throw new ApiError(
    400,
    'validation_failed.unknown_demand_class',
    { class: key, classes: keys },
    { details: [fieldIssue(path, 'field.invalid_value', { values: keys })] },
  );
}

/**
 * A column: the class `key` names among the tenant's (`tenantId`, SQL) as JSON
 * `{ key, label, translations? }`, the key itself as label for a class the tenant no longer has,
 * NULL without a class. Parse with {@link parseDemandClass}.
 */
export function demandClassColumn(tenantId: SQL, key: SQL): SQL<string | null> {
  return sql<string | null>`(case when ${key} is null then null else coalesce(
    (select dc.value from tenants dct, json_each(coalesce(dct.demand_classes, ${DEFAULTS_JSON})) dc
      where dct.id = ${tenantId} and json_extract(dc.value, '$.key') = ${key}),
    json_object('key', ${key}, 'label', ${key})) end)`;
}

export function parseDemandClass(json: string | null): DemandClassDefinition | null {
  if (json === null) return null;
  const c = JSON.parse(json) as DemandClassDefinition;
  return { key: c.key, label: c.label, ...(c.translations ? { translations: c.translations } : {}) };
}
