/**
 * drizzle-orm without what the Worker never runs: its relational queries (`db.query.…`, which
 * exist only for a schema handed to `drizzle()`; src/db/client.ts hands none) and its migrator
 * (D1's migrations are wrangler's). The SQLite dialect, the D1 driver and the database class
 * name them, so a bundler keeps the relational query builder, the relations module and the
 * migrator (~3 KB gzip) whichever the code calls. The production bundle (scripts/bundle.ts) and
 * the Worker's tests (test/worker-config.ts) read those three modules through
 * `withoutUnusedDrizzle`: each part below throws instead.
 */

/** The drizzle-orm modules `withoutUnusedDrizzle` trims, as the bundle and Vite resolve them. */
export const DRIZZLE_TRIMMED_MODULE = /[\\/]drizzle-orm[\\/](?:sqlite-core[\\/](?:dialect|db)|d1[\\/]driver)\.js$/;

const unavailable = (what: string) => `throw new Error("The Worker's drizzle has no ${what} (scripts/drizzle-trim.ts).");`;

/** For each trimmed module, the source regions left out: from `start` up to (not including) `end`. */
const LEFT_OUT: Record<string, { start: string; end: string; standIn: string }[]> = {
  'sqlite-core/dialect.js': [
    {
      start: '  buildRelationalQuery({',
      end: '\n}\nclass SQLiteSyncDialect',
      standIn: `  buildRelationalQuery() {\n    ${unavailable('relational queries')}\n  }`,
    },
    {
      start: '  async migrate(migrations, session, config) {',
      end: '\n}\nexport {',
      standIn: `  async migrate() {\n    ${unavailable('migrator')}\n  }`,
    },
  ],
  'd1/driver.js': [
    {
      start: '  if (config.schema) {\n',
      end: '\n  const session = ',
      standIn: `  if (config.schema) {\n    ${unavailable('relational queries')}\n  }`,
    },
  ],
  'sqlite-core/db.js': [
    {
      start: 'import { RelationalQueryBuilder } from "./query-builders/query.js";',
      end: '\n',
      standIn: `const RelationalQueryBuilder = class { constructor() { ${unavailable('relational queries')} } };`,
    },
  ],
};

/** `path`'s drizzle-orm module with its left-out regions replaced; throws if drizzle's source changed. */
export function withoutUnusedDrizzle(source: string, path: string): string {
  const module = Object.keys(LEFT_OUT).find((name) => path.replace(/\\/g, '/').endsWith(`/drizzle-orm/${name}`));
  if (!module) return source;
  let out = source;
  for (const { start, end, standIn } of LEFT_OUT[module] as (typeof LEFT_OUT)[string]) {
    const from = out.indexOf(start);
    const to = out.indexOf(end, from + start.length);
    if (from < 0 || to < 0 || out.indexOf(start, from + 1) >= 0) {
      throw new Error(`drizzle-orm's ${module} has no single ${JSON.stringify(start)} as expected: update scripts/drizzle-trim.ts.`);
    }
    out = `${out.slice(0, from)}${standIn}${out.slice(to)}`;
  }
  return out;
}
