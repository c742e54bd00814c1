import { type Column, getTableName, type SQL, sql } from 'drizzle-orm';

/**
 * A column as `"table"."column"`. Drizzle leaves column names unqualified in single-table
 * queries, which silently rebinds them inside a correlated subquery (`"id"` becomes the inner
 * table's id); every correlated subquery names its columns through this.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
