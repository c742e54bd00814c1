import { type Column, getTableColumns, getTableName, is, Placeholder, SQL, sql, type Table } from 'drizzle-orm';

/**
 * A column as `"table"."column"`. Drizzle leaves column names unqualified in single-table
 * queries, which silently rebinds them inside a correlated subquery (`"id"` becomes the inner
 * table's id); every correlated subquery names its columns through this.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/**
 * `select <row's values, in the table's column order> where <condition>`: one row, or none, for
 * `insert … select` — an insert whose condition is checked inside the statement (in the batch's
 * transaction), not by a read before it. A column the row leaves out gets its default, as
 * `insert … values` would give it.
 *
 * @example
 * db.insert(ideas).select(conditionalRow(ideas, row, sql`not exists (…)`));
 */
export function conditionalRow(table: Table, row: Record<string, unknown>, condition: SQL): SQL {
  const values = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = row[key] !== undefined ? row[key] : (column.default ?? null);
    if (is(value, SQL)) return value;
    return value === null ? sql`null` : sql`${column.mapToDriverValue(value)}`;
  });
  return sql`select ${sql.join(values, sql`, `)} where ${condition}`;
}

/**
 * `column in (values)` with the values bound as one JSON array: D1 refuses a statement with more
 * than 100 bound parameters (https://developers.cloudflare.com/d1/platform/limits/), and a list
 * that a request or a sweep brings (comment counts for 100 pages, 100 notifications, the readers
 * of a busy thread) can be that long. `inArray` stays right for short fixed lists. In a statement
 * shape (db/statement-shapes.ts), `values` is the placeholder, bound to the list as {@link jsonList}.
 */
export function inList(column: Column | SQL, values: readonly (string | number)[] | Placeholder): SQL {
  return sql`${column} in (select value from json_each(${is(values, Placeholder) ? values : jsonList(values as readonly (string | number)[])}))`;
}

/** The value {@link inList} binds for a list. */
export const jsonList = (values: readonly (string | number)[]): string => JSON.stringify(values);
